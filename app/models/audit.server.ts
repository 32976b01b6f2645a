// Storage for the audit trail: appending to a chain, reading one, and verifying all.
// Appends to one chain are serialised in this process, and across processes by the
// unique (chain, seq) index: a writer that loses the race reads the new head and tries
// again, so the chain never forks.
import { auditValue, entryHash, GENESIS, verifyChain, type ActorKind, type AuditEntry, type ChainCheck } from "~/domain/audit/chain";
import { db } from "~/utils/db.server";

/** Who did it: a signed-in person (named as on screen, never by e-mail), a young person in a workshop, or the system. */
export type Actor = { id?: string | null; name: string } | "a young person" | "system";

export type AuditInput = { chain: string; actor: Actor; action: string; subject: string; before?: string | null; after?: string | null; at?: Date };

export const workspaceChain = (workspaceId: string) => `workspace:${workspaceId}`;
export const sealedBidsChain = (procurementId: string) => `bids:${procurementId}`;
export const GLOBAL_CHAIN = "global";

function actorFields(actor: Actor): { actorKind: ActorKind; actorId: string | null; actorName: string } {
  if (actor === "a young person") return { actorKind: "young-person", actorId: null, actorName: "a young person" };
  if (actor === "system") return { actorKind: "system", actorId: null, actorName: "Outcome Commons" };
  return { actorKind: "user", actorId: actor.id ?? null, actorName: actor.name };
}

const tails = new Map<string, Promise<unknown>>();

/** Appends one entry to its chain and returns it. */
export function audit(input: AuditInput): Promise<AuditEntry> {
  const previous = tails.get(input.chain) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(() => appendWithRetry(input));
  tails.set(input.chain, next);
  void next.finally(() => {
    if (tails.get(input.chain) === next) tails.delete(input.chain);
  }).catch(() => undefined);
  return next;
}

async function appendWithRetry(input: AuditInput): Promise<AuditEntry> {
  const facts = { at: (input.at ?? new Date()).toISOString(), ...actorFields(input.actor), action: input.action, subject: input.subject, before: input.before ?? null, after: input.after ?? null };
  for (let attempt = 0; ; attempt += 1) {
    const head = await db().auditEntry.findFirst({ where: { chain: input.chain }, orderBy: { seq: "desc" }, select: { seq: true, hash: true } });
    const placed = { ...facts, chain: input.chain, seq: (head?.seq ?? 0) + 1, prevHash: head?.hash ?? GENESIS };
    const hash = entryHash(placed);
    try {
      const row = await db().auditEntry.create({ data: { ...placed, at: new Date(placed.at), hash } });
      return { ...placed, id: row.id, hash };
    } catch (error) {
      if ((error as { code?: string }).code !== "P2002" || attempt >= 50) throw error;
      await new Promise((r) => setTimeout(r, Math.random() * 10));
    }
  }
}

type Row = { id: string; chain: string; seq: number; at: Date; actorKind: string; actorId: string | null; actorName: string; action: string; subject: string; before: string | null; after: string | null; prevHash: string; hash: string };
const toEntry = (r: Row): AuditEntry => ({ ...r, at: r.at.toISOString(), actorKind: r.actorKind as ActorKind });

/** Every entry of a chain, oldest first. */
export async function readChain(chain: string): Promise<AuditEntry[]> {
  const rows = await db().auditEntry.findMany({ where: { chain }, orderBy: { seq: "asc" } });
  return rows.map(toEntry);
}

/** The newest entry's hash (the genesis value for an empty chain). */
export async function chainHead(chain: string): Promise<{ head: string; entries: number }> {
  const head = await db().auditEntry.findFirst({ where: { chain }, orderBy: { seq: "desc" }, select: { seq: true, hash: true } });
  return { head: head?.hash ?? GENESIS, entries: head?.seq ?? 0 };
}

export async function listChains(): Promise<string[]> {
  const rows = await db().auditEntry.findMany({ distinct: ["chain"], select: { chain: true }, orderBy: { chain: "asc" } });
  return rows.map((r) => r.chain);
}

/** Recomputes every chain (or the named ones). */
export async function verifyChains(chains?: string[], expectedHeads: Record<string, string> = {}): Promise<ChainCheck[]> {
  const names = chains ?? (await listChains());
  return Promise.all(names.map(async (c) => verifyChain(c, await readChain(c), expectedHeads[c])));
}

/** Appends to a workspace's chain; `before`/`after` are values, written as canonical JSON. */
export function auditWorkspace(workspaceId: string, actor: Actor, action: string, subject: string, change: { before?: unknown; after?: unknown } = {}, at?: Date): Promise<AuditEntry> {
  return audit({ chain: workspaceChain(workspaceId), actor, action, subject, before: auditValue(change.before), after: auditValue(change.after), ...(at ? { at } : {}) });
}
