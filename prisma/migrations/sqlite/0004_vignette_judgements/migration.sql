-- CreateTable
CREATE TABLE "VignetteJudgement" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "vignetteId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "partner" TEXT NOT NULL,
    "judgement" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "VignetteJudgement_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "VignetteJudgement_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "VignetteJudgement_workspaceId_idx" ON "VignetteJudgement"("workspaceId");

-- CreateIndex
CREATE UNIQUE INDEX "VignetteJudgement_workspaceId_vignetteId_userId_key" ON "VignetteJudgement"("workspaceId", "vignetteId", "userId");

