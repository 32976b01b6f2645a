// Storage of shared (Yjs) documents: an append log of updates plus one compacted
// snapshot per document. Only stored Yjs updates ever rebuild a document.
import * as Y from "yjs";
import { Prisma } from "~/generated/sqlite/client";
import { db } from "~/utils/db.server";

export type StoredDocument = { snapshot: Uint8Array | null; updates: Uint8Array[] };

/**
 * The snapshot and every update row not yet folded into it, in order. All remaining
 * rows are returned (not only ids above the snapshot's): on PostgreSQL a row with a
 * lower id can commit after a compaction has read higher ones, and Yjs updates are
 * idempotent, so applying a row twice is harmless while skipping one would lose it.
 */
export async function loadDocument(docName: string): Promise<StoredDocument> {
  const snapshot = await db().documentSnapshot.findUnique({ where: { docName }, select: { state: true } });
  const rows = await db().documentUpdate.findMany({
    where: { docName },
    orderBy: { id: "asc" },
    select: { id: true, update: true },
  });
  return {
    snapshot: snapshot ? new Uint8Array(snapshot.state) : null,
    updates: rows.map((r) => new Uint8Array(r.update)),
  };
}

// Set by server/index.ts when the sync server runs in this process; on globalThis so
// the Remix build's copy of this module sees it too.
const globalForSync = globalThis as unknown as { __ocFlushDocument?: (docName: string) => Promise<void> };

/** Lets readStoredDocument have the sync server store a loaded document's pending edits first. */
export function setDocumentFlusher(flush: ((docName: string) => Promise<void>) | undefined): void {
  globalForSync.__ocFlushDocument = flush;
}

/**
 * A shared document as stored. Edits batch for up to 50 ms before they are stored, so
 * when this process holds the document live its pending edits are stored first: a
 * version published, or a comparison with "now", right after a change includes it.
 * (Pending edits held by another process are at most one batching window behind.)
 */
export async function readStoredDocument(docName: string): Promise<Y.Doc> {
  await globalForSync.__ocFlushDocument?.(docName);
  const stored = await loadDocument(docName);
  const doc = new Y.Doc();
  doc.transact(() => {
    for (const u of stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates) Y.applyUpdate(doc, u);
  });
  return doc;
}

/**
 * Stores what `build` writes as the first state of a document nobody has written yet
 * (the demo seed); leaves a document that has any stored state alone.
 */
export async function seedDocumentIfEmpty(docName: string, build: (doc: Y.Doc) => void): Promise<boolean> {
  const stored = await loadDocument(docName);
  if (stored.snapshot || stored.updates.length > 0) return false;
  const doc = new Y.Doc();
  build(doc);
  await appendDocumentUpdates([{ docName, update: Y.encodeStateAsUpdate(doc) }]);
  return true;
}

const ROWS_PER_INSERT = 500; // 3 parameters a row, well inside SQLite's and PostgreSQL's limits

/**
 * Appends updates (to any documents), in one multi-row INSERT per 500 rows. This is
 * the sync server's hot path: a raw statement costs a third of `createMany`, which
 * compiles a query plan for every call (measured in tests/bench/sync-bench.ts).
 */
export async function appendDocumentUpdates(rows: { docName: string; update: Uint8Array }[]): Promise<void> {
  const createdAt = new Date();
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    const values = rows.slice(i, i + ROWS_PER_INSERT).map((r) => Prisma.sql`(${r.docName}, ${r.update}, ${createdAt})`);
    await db().$executeRaw`INSERT INTO "DocumentUpdate" ("docName", "update", "createdAt") VALUES ${Prisma.join(values)}`;
  }
}

/**
 * Folds the snapshot and every stored update into a new snapshot and deletes the
 * folded rows, in one transaction. Works from what is stored, not from any process's
 * memory, so with several processes nothing another one stored can be lost. If
 * another compaction wins the race, this one changes nothing and returns false.
 */
export async function compactDocument(docName: string): Promise<boolean> {
  return db().$transaction(async (tx) => {
    const current = await tx.documentSnapshot.findUnique({ where: { docName }, select: { state: true, upToId: true } });
    const from = current?.upToId ?? 0;
    const rows = await tx.documentUpdate.findMany({ where: { docName }, orderBy: { id: "asc" }, select: { id: true, update: true } });
    if (rows.length === 0) return false;
    const upToId = Math.max(from, rows.at(-1)!.id);
    const parts = [...(current ? [new Uint8Array(current.state)] : []), ...rows.map((r) => new Uint8Array(r.update))];
    const state = (parts.length === 1 ? parts[0]! : Y.mergeUpdates(parts)) as Uint8Array<ArrayBuffer>;
    if (current) {
      const { count } = await tx.documentSnapshot.updateMany({ where: { docName, upToId: from }, data: { state, upToId } });
      if (count !== 1) return false;
    } else {
      await tx.documentSnapshot.create({ data: { docName, state, upToId } });
    }
    // Exactly the rows folded in; a row committed meanwhile stays for the next time.
    await tx.documentUpdate.deleteMany({ where: { id: { in: rows.map((r) => r.id) } } });
    return true;
  });
}
