// Storage of shared (Yjs) documents: an append log of updates plus one compacted
// snapshot per document. Only stored Yjs updates ever rebuild a document.
import { db } from "~/utils/db.server";

export type StoredDocument = { snapshot: Uint8Array | null; updates: Uint8Array[]; lastId: number };

/** The snapshot and the updates after it, in order. */
export async function loadDocument(docName: string): Promise<StoredDocument> {
  const snapshot = await db().documentSnapshot.findUnique({ where: { docName }, select: { state: true, upToId: true } });
  const upToId = snapshot?.upToId ?? 0;
  const rows = await db().documentUpdate.findMany({
    where: { docName, id: { gt: upToId } },
    orderBy: { id: "asc" },
    select: { id: true, update: true },
  });
  return {
    snapshot: snapshot ? new Uint8Array(snapshot.state) : null,
    updates: rows.map((r) => new Uint8Array(r.update)),
    lastId: rows.at(-1)?.id ?? upToId,
  };
}

/** Appends one (already merged) update; returns its sequence id. */
export async function appendDocumentUpdate(docName: string, update: Uint8Array): Promise<number> {
  const row = await db().documentUpdate.create({ data: { docName, update: update as Uint8Array<ArrayBuffer> }, select: { id: true } });
  return row.id;
}

/**
 * Replaces the snapshot with `state` (which must include every update up to
 * `upToId`) and deletes the folded rows, in one transaction. Returns false, changing
 * nothing, if another process compacted past `upToId` meanwhile.
 */
export async function compactDocument(docName: string, state: Uint8Array, upToId: number): Promise<boolean> {
  return db().$transaction(async (tx) => {
    const current = await tx.documentSnapshot.findUnique({ where: { docName }, select: { upToId: true } });
    if (current && current.upToId >= upToId) return false;
    const data = { state: state as Uint8Array<ArrayBuffer>, upToId };
    if (current) {
      const { count } = await tx.documentSnapshot.updateMany({ where: { docName, upToId: current.upToId }, data });
      if (count !== 1) return false;
    } else {
      await tx.documentSnapshot.create({ data: { docName, ...data } });
    }
    await tx.documentUpdate.deleteMany({ where: { docName, id: { lte: upToId } } });
    return true;
  });
}
