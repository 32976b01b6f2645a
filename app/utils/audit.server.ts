// The audit trail as its readers see it: the workspace's chain and, once the bids are
// opened, the procurement's sealed chain, each verified as it is read. Before opening
// the sealed chain is not mentioned at all: its length alone would say someone bid.
import { actionLabel } from "~/domain/audit/actions";
import { printedHead, verifyChain, type AuditEntry, type ChainCheck } from "~/domain/audit/chain";
import { toCsv } from "~/domain/csv";
import { chainHead, readChain, sealedBidsChain, workspaceChain } from "~/models/audit.server";
import { getProcurement } from "~/models/procurement.server";
import { db } from "./db.server";

export type ChainView = { chain: string; title: string; check: ChainCheck; entries: (AuditEntry & { label: string })[] };

export async function auditTrail(workspaceId: string): Promise<ChainView[]> {
  const p = await getProcurement(workspaceId);
  const chains = [{ chain: workspaceChain(workspaceId), title: "This workspace" }];
  if (p?.bidsOpenedAt) chains.push({ chain: sealedBidsChain(p.id), title: "Bids (sealed until they were opened)" });
  return Promise.all(
    chains.map(async ({ chain, title }) => {
      const entries = await readChain(chain);
      return { chain, title, check: verifyChain(chain, entries), entries: entries.map((e) => ({ ...e, label: actionLabel(e.action) })) };
    }),
  );
}

/** The workspace chain's head, for printing on the engagement record and the award. */
export async function printableHead(workspaceId: string): Promise<{ chain: string; head: string; short: string; entries: number }> {
  const chain = workspaceChain(workspaceId);
  const { head, entries } = await chainHead(chain);
  return { chain, head, short: printedHead(head), entries };
}

export function auditCsv(views: ChainView[]): string {
  const head = ["chain", "seq", "at", "actor_kind", "actor", "action", "what", "subject", "before", "after", "prev_hash", "hash"];
  const rows = views.flatMap((v) => v.entries.map((e) => [e.chain, String(e.seq), e.at, e.actorKind, e.actorName, e.action, e.label, e.subject, e.before ?? "", e.after ?? "", e.prevHash, e.hash]));
  return toCsv([head, ...rows]);
}

/** The award's own entry in the workspace chain: its number and hash, printed with the award. */
export async function awardRecordedAs(workspaceId: string, procurementId: string): Promise<{ chain: string; seq: number; hash: string; short: string } | null> {
  const chain = workspaceChain(workspaceId);
  const row = await db().auditEntry.findFirst({ where: { chain, action: "award.decided", subject: `procurement:${procurementId}` }, select: { seq: true, hash: true } });
  return row ? { chain, seq: row.seq, hash: row.hash, short: printedHead(row.hash) } : null;
}
