// Storage of shared (Yjs) documents: an append log of updates plus one compacted
// snapshot per document. Only stored Yjs updates ever rebuild a document.
import * as Y from "yjs";
import { Prisma } from "~/generated/sqlite/client";
import { db } from "~/utils/db.server";

export type StoredDocument = { snapshot: Uint8Array | null; updates: Uint8Array[] };
/** How a document's stored bytes relate to its Yjs updates: sealed documents are encrypted (models/bid-document.server.ts). */
export type DocumentCodec = { encode(update: Uint8Array): Promise<Uint8Array<ArrayBuffer>>; decode(stored: Uint8Array): Promise<Uint8Array> };
const plain: DocumentCodec = { encode: async (u) => u as Uint8Array<ArrayBuffer>, decode: async (u) => u };

/**
 * The snapshot and every update row not yet folded into it, in order. All remaining
 * rows are returned (not only ids above the snapshot's): on PostgreSQL a row with a
 * lower id can commit after a compaction has read higher ones, and Yjs updates are
 * idempotent, so applying a row twice is harmless while skipping one would lose it.
 */
export async function loadDocument(docName: string, codec: DocumentCodec = plain): Promise<StoredDocument> {
  const snapshot = await db().documentSnapshot.findUnique({ where: { docName }, select: { state: true } });
  const rows = await db().documentUpdate.findMany({
    where: { docName },
    orderBy: { id: "asc" },
    select: { id: true, update: true },
  });
  return {
    snapshot: snapshot ? await codec.decode(new Uint8Array(snapshot.state)) : null,
    updates: await Promise.all(rows.map((r) => codec.decode(new Uint8Array(r.update)))),
  };
}

// Set by server/index.ts when the sync server runs in this process; on globalThis so
// the Remix build's copy of this module sees it too.
const globalForSync = globalThis as unknown as {
  __ocFlushDocument?: (docName: string) => Promise<void>;
  __ocWriteDocument?: (docName: string, update: Uint8Array) => Promise<void>;
};

/** Lets readStoredDocument have the sync server store a loaded document's pending edits first. */
export function setDocumentFlusher(flush: ((docName: string) => Promise<void>) | undefined): void {
  globalForSync.__ocFlushDocument = flush;
}

/** Lets writeDocument go through the sync server, so open editors see a change the server makes. */
export function setDocumentWriter(write: ((docName: string, update: Uint8Array) => Promise<void>) | undefined): void {
  globalForSync.__ocWriteDocument = write;
}

/**
 * Changes a (plain) shared document from the server: `change` edits a copy of the stored
 * state and the difference is applied through the sync server when it runs here, or
 * appended to the stored log otherwise.
 */
export async function writeDocument(docName: string, change: (doc: Y.Doc) => void): Promise<void> {
  const doc = await readStoredDocument(docName);
  const before = Y.encodeStateVector(doc);
  change(doc);
  const update = Y.encodeStateAsUpdate(doc, before);
  if (globalForSync.__ocWriteDocument) await globalForSync.__ocWriteDocument(docName, update);
  else await appendDocumentUpdates([{ docName, update }]);
}

/**
 * A shared document as stored. Edits batch for up to 50 ms before they are stored, so
 * when this process holds the document live its pending edits are stored first: a
 * version published, or a comparison with "now", right after a change includes it.
 * (Pending edits held by another process are at most one batching window behind.)
 */
export async function readStoredDocument(docName: string, codec: DocumentCodec = plain): Promise<Y.Doc> {
  await globalForSync.__ocFlushDocument?.(docName);
  const stored = await loadDocument(docName, codec);
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
export async function seedDocumentIfEmpty(docName: string, build: (doc: Y.Doc) => void, codec: DocumentCodec = plain): Promise<boolean> {
  const stored = await loadDocument(docName, codec);
  if (stored.snapshot || stored.updates.length > 0) return false;
  const doc = new Y.Doc();
  build(doc);
  await appendDocumentUpdates([{ docName, update: await codec.encode(Y.encodeStateAsUpdate(doc)) }]);
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
export async function compactDocument(docName: string, codec: DocumentCodec = plain): Promise<boolean> {
  return db().$transaction(async (tx) => {
    const current = await tx.documentSnapshot.findUnique({ where: { docName }, select: { state: true, upToId: true } });
    const from = current?.upToId ?? 0;
    const rows = await tx.documentUpdate.findMany({ where: { docName }, orderBy: { id: "asc" }, select: { id: true, update: true } });
    if (rows.length === 0) return false;
    const upToId = Math.max(from, rows.at(-1)!.id);
    const parts = await Promise.all([...(current ? [new Uint8Array(current.state)] : []), ...rows.map((r) => new Uint8Array(r.update))].map((u) => codec.decode(u)));
    const state = await codec.encode(parts.length === 1 ? parts[0]! : Y.mergeUpdates(parts));
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
