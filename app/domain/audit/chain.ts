// The audit trail's hash chain, as pure functions: what an entry's hash covers, and
// the check that recomputes a chain and names the first entry that was edited,
// deleted or reordered. Storage is in app/models/audit.server.ts; this file has no I/O.
//
// Each entry's hash is SHA-256 over the canonical JSON of everything it records
// (chain, position, time, who, what, before and after) and the previous entry's hash,
// so changing any stored field, removing an entry or swapping two breaks the chain at
// that point. Removing the newest entries leaves a shorter chain that still verifies:
// that is why the head is printed on the engagement record and the award, and why
// verify takes a head to check against.
import { createHash } from "node:crypto";
import { canonicalJson } from "../procurement/bids";

export const GENESIS = "0".repeat(64);

export const ACTOR_KINDS = ["user", "young-person", "system"] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

/** What an entry records, before it has a place in a chain. */
export type AuditFacts = {
  at: string;
  actorKind: ActorKind;
  actorId: string | null;
  actorName: string;
  action: string;
  subject: string;
  /** JSON text of the state before (or its hash where the content is sealed); null when there was none. */
  before: string | null;
  after: string | null;
};

export type AuditEntry = AuditFacts & { id: string; chain: string; seq: number; prevHash: string; hash: string };

export function sha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/** The hash an entry must carry: over its facts, its place and the previous entry's hash. */
export function entryHash(e: AuditFacts & { chain: string; seq: number; prevHash: string }): string {
  return sha256(
    canonicalJson({ chain: e.chain, seq: e.seq, at: e.at, actorKind: e.actorKind, actorId: e.actorId, actorName: e.actorName, action: e.action, subject: e.subject, before: e.before, after: e.after, prevHash: e.prevHash }),
  );
}

/** A value as it goes into `before`/`after`: canonical JSON, so the same state always reads the same. */
export function auditValue(value: unknown): string | null {
  return value === undefined || value === null ? null : canonicalJson(value);
}

/** A sealed value: only its hash is kept, so the chain proves it without revealing it. */
export function sealedValue(value: unknown): string {
  return canonicalJson({ sha256: sha256(canonicalJson(value)) });
}

export type ChainProblem = { kind: "edited" | "deleted" | "reordered" | "truncated"; seq: number; id: string | null; message: string };
export type ChainCheck = { chain: string; entries: number; head: string; problem: ChainProblem | null };

/**
 * Recomputes a chain from its stored rows (any order; they are read in `seq` order)
 * and names the first entry that no longer fits. With `expectedHead` (a head printed
 * earlier), a chain that no longer contains it was cut short or rewritten.
 */
export function verifyChain(chain: string, stored: readonly AuditEntry[], expectedHead?: string): ChainCheck {
  const rows = [...stored].sort((a, b) => a.seq - b.seq);
  const byHash = new Map(rows.map((r) => [r.hash, r]));
  let prevHash = GENESIS;
  let expectSeq = 1;
  const fail = (problem: ChainProblem): ChainCheck => ({ chain, entries: rows.length, head: rows.at(-1)?.hash ?? GENESIS, problem });
  for (const [i, row] of rows.entries()) {
    const recomputed = entryHash(row);
    if (row.seq !== expectSeq) {
      return fail({ kind: "deleted", seq: expectSeq, id: null, message: `Entry ${expectSeq} of ${chain} is missing: it was deleted (the next entry kept is ${row.seq}, id ${row.id}).` });
    }
    if (row.prevHash !== prevHash) {
      // A row whose own hash still matches but that no longer links to the one before it.
      const linked = byHash.get(row.prevHash);
      if (linked) {
        return fail({ kind: "reordered", seq: row.seq, id: row.id, message: `Entry ${row.seq} of ${chain} (id ${row.id}) is out of order: it follows entry ${linked.seq}, not entry ${row.seq - 1}.` });
      }
      if (recomputed === row.hash && i > 0) {
        // The entry before it was rewritten and its hash recomputed to hide the edit.
        const before = rows[i - 1]!;
        return fail({ kind: "edited", seq: before.seq, id: before.id, message: `Entry ${before.seq} of ${chain} (id ${before.id}) was edited: the next entry was chained to a different hash.` });
      }
      return fail({ kind: "deleted", seq: row.seq, id: row.id, message: `Entry ${row.seq} of ${chain} (id ${row.id}) does not follow the entry before it: an entry was deleted or replaced before it.` });
    }
    if (recomputed !== row.hash) {
      return fail({ kind: "edited", seq: row.seq, id: row.id, message: `Entry ${row.seq} of ${chain} (id ${row.id}) was edited: what it records no longer matches its hash.` });
    }
    prevHash = row.hash;
    expectSeq += 1;
  }
  if (expectedHead && expectedHead !== GENESIS && !byHash.has(expectedHead)) {
    return fail({ kind: "truncated", seq: expectSeq, id: null, message: `The head ${expectedHead.slice(0, 16)}… is not in ${chain}: entries after entry ${expectSeq - 1} were removed, or the chain was rewritten.` });
  }
  return { chain, entries: rows.length, head: prevHash, problem: null };
}

/** A head as printed on paper: short enough to read out, long enough to check (the first 16 hex digits, grouped). */
export function printedHead(head: string): string {
  return head.slice(0, 16).replace(/(.{4})(?!$)/g, "$1 ");
}
