-- CreateTable
CREATE TABLE "Bid" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "procurementId" TEXT NOT NULL,
    "lotId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Bid_procurementId_fkey" FOREIGN KEY ("procurementId") REFERENCES "Procurement" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "BidPartner" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "bidId" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "small" BOOLEAN NOT NULL DEFAULT false,
    "addedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "BidPartner_bidId_fkey" FOREIGN KEY ("bidId") REFERENCES "Bid" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "BidPartner_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "BidSnapshot" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "bidId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "meta" BLOB NOT NULL,
    "content" BLOB NOT NULL,
    "sha256" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "withdrawnAt" DATETIME,
    CONSTRAINT "BidSnapshot_bidId_fkey" FOREIGN KEY ("bidId") REFERENCES "Bid" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "BidAttachment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "bidId" TEXT NOT NULL,
    "meta" BLOB NOT NULL,
    "content" BLOB NOT NULL,
    "size" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "BidAttachment_bidId_fkey" FOREIGN KEY ("bidId") REFERENCES "Bid" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Evaluator" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "procurementId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "addedByName" TEXT NOT NULL,
    "addedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "declaredAt" DATETIME,
    CONSTRAINT "Evaluator_procurementId_fkey" FOREIGN KEY ("procurementId") REFERENCES "Procurement" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Evaluator_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ConflictDeclaration" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "evaluatorId" TEXT NOT NULL,
    "bidId" TEXT NOT NULL,
    "conflict" BOOLEAN NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "declaredAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ConflictDeclaration_evaluatorId_fkey" FOREIGN KEY ("evaluatorId") REFERENCES "Evaluator" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ConflictDeclaration_bidId_fkey" FOREIGN KEY ("bidId") REFERENCES "Bid" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "EvaluationScore" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "evaluatorId" TEXT NOT NULL,
    "bidId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "score" INTEGER NOT NULL,
    "justification" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "EvaluationScore_evaluatorId_fkey" FOREIGN KEY ("evaluatorId") REFERENCES "Evaluator" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "EvaluationScore_bidId_fkey" FOREIGN KEY ("bidId") REFERENCES "Bid" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ConsensusScore" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "bidId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "score" INTEGER NOT NULL,
    "reasons" TEXT NOT NULL,
    "byName" TEXT NOT NULL,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ConsensusScore_bidId_fkey" FOREIGN KEY ("bidId") REFERENCES "Bid" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Award" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "procurementId" TEXT NOT NULL,
    "bidId" TEXT NOT NULL,
    "reasons" TEXT NOT NULL,
    "decidedByName" TEXT NOT NULL,
    "decidedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "standstillEndsAt" DATETIME NOT NULL,
    "contractVersionId" TEXT,
    CONSTRAINT "Award_procurementId_fkey" FOREIGN KEY ("procurementId") REFERENCES "Procurement" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Procurement" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "reference" TEXT NOT NULL DEFAULT '',
    "summary" TEXT NOT NULL DEFAULT '',
    "procedure" TEXT NOT NULL DEFAULT 'competitive-flexible',
    "shape" TEXT,
    "lightTouch" BOOLEAN NOT NULL DEFAULT false,
    "stage" TEXT NOT NULL DEFAULT 'preliminary-market-engagement',
    "timeline" TEXT NOT NULL DEFAULT '{}',
    "lots" TEXT NOT NULL DEFAULT '[]',
    "published" TEXT NOT NULL DEFAULT '{}',
    "publicSince" DATETIME,
    "tenderTerms" TEXT NOT NULL DEFAULT '{}',
    "sealKey" BLOB,
    "bidsOpenedAt" DATETIME,
    "bidsOpenedByName" TEXT,
    "moderationAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Procurement_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Procurement" ("createdAt", "id", "lightTouch", "lots", "procedure", "publicSince", "published", "reference", "shape", "stage", "summary", "timeline", "title", "updatedAt", "workspaceId") SELECT "createdAt", "id", "lightTouch", "lots", "procedure", "publicSince", "published", "reference", "shape", "stage", "summary", "timeline", "title", "updatedAt", "workspaceId" FROM "Procurement";
DROP TABLE "Procurement";
ALTER TABLE "new_Procurement" RENAME TO "Procurement";
CREATE UNIQUE INDEX "Procurement_workspaceId_key" ON "Procurement"("workspaceId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Bid_procurementId_idx" ON "Bid"("procurementId");

-- CreateIndex
CREATE INDEX "BidPartner_organisationId_idx" ON "BidPartner"("organisationId");

-- CreateIndex
CREATE UNIQUE INDEX "BidPartner_bidId_organisationId_key" ON "BidPartner"("bidId", "organisationId");

-- CreateIndex
CREATE INDEX "BidSnapshot_bidId_createdAt_idx" ON "BidSnapshot"("bidId", "createdAt");

-- CreateIndex
CREATE INDEX "BidAttachment_bidId_idx" ON "BidAttachment"("bidId");

-- CreateIndex
CREATE UNIQUE INDEX "Evaluator_procurementId_userId_key" ON "Evaluator"("procurementId", "userId");

-- CreateIndex
CREATE INDEX "ConflictDeclaration_evaluatorId_bidId_idx" ON "ConflictDeclaration"("evaluatorId", "bidId");

-- CreateIndex
CREATE UNIQUE INDEX "EvaluationScore_evaluatorId_bidId_questionId_key" ON "EvaluationScore"("evaluatorId", "bidId", "questionId");

-- CreateIndex
CREATE UNIQUE INDEX "ConsensusScore_bidId_questionId_key" ON "ConsensusScore"("bidId", "questionId");

-- CreateIndex
CREATE UNIQUE INDEX "Award_procurementId_key" ON "Award"("procurementId");

