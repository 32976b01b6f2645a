-- CreateTable
CREATE TABLE "Workshop" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "heldOn" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "moderation" TEXT NOT NULL DEFAULT 'pre',
    "ageBand" TEXT NOT NULL DEFAULT '12-14',
    "activity" TEXT NOT NULL DEFAULT '{}',
    "showPseudonyms" BOOLEAN NOT NULL DEFAULT false,
    "participationLevel" TEXT,
    "participationReason" TEXT NOT NULL DEFAULT '',
    "deleteCardsAfterDays" INTEGER NOT NULL DEFAULT 30,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "openedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "cardsDeletedAt" TIMESTAMP(3),

    CONSTRAINT "Workshop_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WorkshopParticipant" (
    "id" TEXT NOT NULL,
    "workshopId" TEXT NOT NULL,
    "pseudonym" TEXT NOT NULL,
    "avatar" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WorkshopParticipant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WorkshopCard" (
    "id" TEXT NOT NULL,
    "workshopId" TEXT NOT NULL,
    "participantId" TEXT,
    "clientId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "originalText" TEXT,
    "status" TEXT NOT NULL,
    "heldReason" TEXT,
    "themeId" TEXT,
    "mergedIntoId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WorkshopCard_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WorkshopTheme" (
    "id" TEXT NOT NULL,
    "workshopId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "cardCount" INTEGER NOT NULL DEFAULT 0,
    "results" TEXT NOT NULL DEFAULT '{}',
    "promotedAs" TEXT,
    "promotedId" TEXT,
    "promotedOutcomeId" TEXT,
    "promotedAt" TIMESTAMP(3),
    "promotedByName" TEXT,
    "decision" TEXT,
    "decisionReason" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WorkshopTheme_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WorkshopVote" (
    "id" TEXT NOT NULL,
    "workshopId" TEXT NOT NULL,
    "participantId" TEXT NOT NULL,
    "round" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "targetId" TEXT NOT NULL,
    "value" INTEGER NOT NULL,

    CONSTRAINT "WorkshopVote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WorkshopMessage" (
    "id" TEXT NOT NULL,
    "workshopId" TEXT NOT NULL,
    "participantId" TEXT,
    "text" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" TIMESTAMP(3),

    CONSTRAINT "WorkshopMessage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Workshop_code_key" ON "Workshop"("code");

-- CreateIndex
CREATE INDEX "Workshop_workspaceId_idx" ON "Workshop"("workspaceId");

-- CreateIndex
CREATE UNIQUE INDEX "WorkshopParticipant_tokenHash_key" ON "WorkshopParticipant"("tokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "WorkshopParticipant_workshopId_pseudonym_key" ON "WorkshopParticipant"("workshopId", "pseudonym");

-- CreateIndex
CREATE INDEX "WorkshopCard_workshopId_status_idx" ON "WorkshopCard"("workshopId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "WorkshopCard_workshopId_participantId_clientId_key" ON "WorkshopCard"("workshopId", "participantId", "clientId");

-- CreateIndex
CREATE INDEX "WorkshopTheme_workshopId_idx" ON "WorkshopTheme"("workshopId");

-- CreateIndex
CREATE INDEX "WorkshopVote_workshopId_round_idx" ON "WorkshopVote"("workshopId", "round");

-- CreateIndex
CREATE INDEX "WorkshopVote_participantId_round_idx" ON "WorkshopVote"("participantId", "round");

-- CreateIndex
CREATE INDEX "WorkshopMessage_workshopId_idx" ON "WorkshopMessage"("workshopId");

-- AddForeignKey
ALTER TABLE "Workshop" ADD CONSTRAINT "Workshop_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkshopParticipant" ADD CONSTRAINT "WorkshopParticipant_workshopId_fkey" FOREIGN KEY ("workshopId") REFERENCES "Workshop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkshopCard" ADD CONSTRAINT "WorkshopCard_workshopId_fkey" FOREIGN KEY ("workshopId") REFERENCES "Workshop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkshopCard" ADD CONSTRAINT "WorkshopCard_participantId_fkey" FOREIGN KEY ("participantId") REFERENCES "WorkshopParticipant"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkshopCard" ADD CONSTRAINT "WorkshopCard_themeId_fkey" FOREIGN KEY ("themeId") REFERENCES "WorkshopTheme"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkshopTheme" ADD CONSTRAINT "WorkshopTheme_workshopId_fkey" FOREIGN KEY ("workshopId") REFERENCES "Workshop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkshopVote" ADD CONSTRAINT "WorkshopVote_workshopId_fkey" FOREIGN KEY ("workshopId") REFERENCES "Workshop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkshopVote" ADD CONSTRAINT "WorkshopVote_participantId_fkey" FOREIGN KEY ("participantId") REFERENCES "WorkshopParticipant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkshopMessage" ADD CONSTRAINT "WorkshopMessage_workshopId_fkey" FOREIGN KEY ("workshopId") REFERENCES "Workshop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkshopMessage" ADD CONSTRAINT "WorkshopMessage_participantId_fkey" FOREIGN KEY ("participantId") REFERENCES "WorkshopParticipant"("id") ON DELETE SET NULL ON UPDATE CASCADE;

