-- AlterTable
ALTER TABLE "Procurement" ADD COLUMN     "bidsOpenedAt" TIMESTAMP(3),
ADD COLUMN     "bidsOpenedByName" TEXT,
ADD COLUMN     "moderationAt" TIMESTAMP(3),
ADD COLUMN     "sealKey" BYTEA,
ADD COLUMN     "tenderTerms" TEXT NOT NULL DEFAULT '{}';

-- CreateTable
CREATE TABLE "Bid" (
    "id" TEXT NOT NULL,
    "procurementId" TEXT NOT NULL,
    "lotId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Bid_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BidPartner" (
    "id" TEXT NOT NULL,
    "bidId" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "small" BOOLEAN NOT NULL DEFAULT false,
    "addedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BidPartner_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BidSnapshot" (
    "id" TEXT NOT NULL,
    "bidId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "meta" BYTEA NOT NULL,
    "content" BYTEA NOT NULL,
    "sha256" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "withdrawnAt" TIMESTAMP(3),

    CONSTRAINT "BidSnapshot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BidAttachment" (
    "id" TEXT NOT NULL,
    "bidId" TEXT NOT NULL,
    "meta" BYTEA NOT NULL,
    "content" BYTEA NOT NULL,
    "size" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BidAttachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Evaluator" (
    "id" TEXT NOT NULL,
    "procurementId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "addedByName" TEXT NOT NULL,
    "addedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "declaredAt" TIMESTAMP(3),

    CONSTRAINT "Evaluator_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConflictDeclaration" (
    "id" TEXT NOT NULL,
    "evaluatorId" TEXT NOT NULL,
    "bidId" TEXT NOT NULL,
    "conflict" BOOLEAN NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "declaredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConflictDeclaration_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EvaluationScore" (
    "id" TEXT NOT NULL,
    "evaluatorId" TEXT NOT NULL,
    "bidId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "score" INTEGER NOT NULL,
    "justification" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EvaluationScore_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConsensusScore" (
    "id" TEXT NOT NULL,
    "bidId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "score" INTEGER NOT NULL,
    "reasons" TEXT NOT NULL,
    "byName" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConsensusScore_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Award" (
    "id" TEXT NOT NULL,
    "procurementId" TEXT NOT NULL,
    "bidId" TEXT NOT NULL,
    "reasons" TEXT NOT NULL,
    "decidedByName" TEXT NOT NULL,
    "decidedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "standstillEndsAt" TIMESTAMP(3) NOT NULL,
    "contractVersionId" TEXT,

    CONSTRAINT "Award_pkey" PRIMARY KEY ("id")
);

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

-- AddForeignKey
ALTER TABLE "Bid" ADD CONSTRAINT "Bid_procurementId_fkey" FOREIGN KEY ("procurementId") REFERENCES "Procurement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BidPartner" ADD CONSTRAINT "BidPartner_bidId_fkey" FOREIGN KEY ("bidId") REFERENCES "Bid"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BidPartner" ADD CONSTRAINT "BidPartner_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BidSnapshot" ADD CONSTRAINT "BidSnapshot_bidId_fkey" FOREIGN KEY ("bidId") REFERENCES "Bid"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BidAttachment" ADD CONSTRAINT "BidAttachment_bidId_fkey" FOREIGN KEY ("bidId") REFERENCES "Bid"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evaluator" ADD CONSTRAINT "Evaluator_procurementId_fkey" FOREIGN KEY ("procurementId") REFERENCES "Procurement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evaluator" ADD CONSTRAINT "Evaluator_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConflictDeclaration" ADD CONSTRAINT "ConflictDeclaration_evaluatorId_fkey" FOREIGN KEY ("evaluatorId") REFERENCES "Evaluator"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConflictDeclaration" ADD CONSTRAINT "ConflictDeclaration_bidId_fkey" FOREIGN KEY ("bidId") REFERENCES "Bid"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvaluationScore" ADD CONSTRAINT "EvaluationScore_evaluatorId_fkey" FOREIGN KEY ("evaluatorId") REFERENCES "Evaluator"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvaluationScore" ADD CONSTRAINT "EvaluationScore_bidId_fkey" FOREIGN KEY ("bidId") REFERENCES "Bid"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsensusScore" ADD CONSTRAINT "ConsensusScore_bidId_fkey" FOREIGN KEY ("bidId") REFERENCES "Bid"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Award" ADD CONSTRAINT "Award_procurementId_fkey" FOREIGN KEY ("procurementId") REFERENCES "Procurement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

