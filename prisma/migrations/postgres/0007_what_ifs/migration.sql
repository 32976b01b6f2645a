-- CreateTable
CREATE TABLE "WhatIf" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "shownAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WhatIf_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "WhatIf_workspaceId_shownAt_idx" ON "WhatIf"("workspaceId", "shownAt");

-- CreateIndex
CREATE UNIQUE INDEX "WhatIf_workspaceId_ownerId_name_key" ON "WhatIf"("workspaceId", "ownerId", "name");

-- AddForeignKey
ALTER TABLE "WhatIf" ADD CONSTRAINT "WhatIf_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WhatIf" ADD CONSTRAINT "WhatIf_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

