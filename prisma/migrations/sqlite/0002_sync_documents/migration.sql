-- CreateTable
CREATE TABLE "DocumentUpdate" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "docName" TEXT NOT NULL,
    "update" BLOB NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "DocumentSnapshot" (
    "docName" TEXT NOT NULL PRIMARY KEY,
    "state" BLOB NOT NULL,
    "upToId" INTEGER NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "DocumentUpdate_docName_id_idx" ON "DocumentUpdate"("docName", "id");

