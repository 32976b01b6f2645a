-- CreateTable
CREATE TABLE "OutcomeRating" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "outcomeId" TEXT NOT NULL,
    "raterKey" TEXT NOT NULL,
    "ratingGroup" TEXT NOT NULL,
    "score" INTEGER NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "OutcomeRating_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "OutcomeRating_workspaceId_idx" ON "OutcomeRating"("workspaceId");

-- CreateIndex
CREATE UNIQUE INDEX "OutcomeRating_workspaceId_outcomeId_raterKey_key" ON "OutcomeRating"("workspaceId", "outcomeId", "raterKey");

