-- CreateTable
CREATE TABLE "OutcomeRating" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "outcomeId" TEXT NOT NULL,
    "raterKey" TEXT NOT NULL,
    "ratingGroup" TEXT NOT NULL,
    "score" INTEGER NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OutcomeRating_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "OutcomeRating_workspaceId_idx" ON "OutcomeRating"("workspaceId");

-- CreateIndex
CREATE UNIQUE INDEX "OutcomeRating_workspaceId_outcomeId_raterKey_key" ON "OutcomeRating"("workspaceId", "outcomeId", "raterKey");

-- AddForeignKey
ALTER TABLE "OutcomeRating" ADD CONSTRAINT "OutcomeRating_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

