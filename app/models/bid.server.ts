// Bids: the consortium (in the database), the sealed draft (an encrypted shared
// document), named versions and submissions (encrypted canonical content with the
// SHA-256 of the plaintext as the receipt), attachments (encrypted), and opening. Who
// may call what is decided by app/domain/procurement/bids.ts in the routes and the sync
// hooks; nothing here logs or notifies anyone outside the consortium about a bid.
import { createHash } from "node:crypto";
import * as Y from "yjs";
import { bidDocumentName } from "~/domain/documents";
import type { PaymentModel } from "~/domain/payment/model";
import { readBid, startBid, type BidContent } from "~/domain/procurement/bid-document";
import { canonicalJson, openingDecision, type BidFacts } from "~/domain/procurement/bids";
import { recordMove, reached } from "~/domain/procurement/stages";
import { CONSORTIUM_ROLES, type ConsortiumRole } from "~/domain/procurement/supply-chain";
import { db } from "~/utils/db.server";
import { seal, unseal, unsealText } from "~/utils/seal.server";
import { appendDocumentUpdates, readStoredDocument, seedDocumentIfEmpty, type DocumentCodec } from "./document.server";
import type { ProcurementRecord } from "./procurement.server";
import { audit, auditWorkspace, chainHead, sealedBidsChain, type Actor } from "./audit.server";
import { auditValue } from "~/domain/audit/chain";

// Everything about a bid before opening goes to the procurement's sealed chain, which
// nobody reads until the bids are opened: the workspace's own chain would show, by its
// length alone, that someone is bidding.
const sealedAudit = (procurementId: string, actor: Actor, action: string, bidId: string, after: unknown, at?: Date) =>
  audit({ chain: sealedBidsChain(procurementId), actor, action, subject: `bid:${bidId}`, after: auditValue(after), ...(at ? { at } : {}) });

export const bidAad = {
  doc: (bidId: string) => `bid:${bidId}:doc`,
  snapshotMeta: (bidId: string) => `bid:${bidId}:snapshot-meta`,
  snapshot: (bidId: string) => `bid:${bidId}:snapshot`,
  attachmentMeta: (bidId: string) => `bid:${bidId}:attachment-meta`,
  attachment: (bidId: string) => `bid:${bidId}:attachment`,
};

/** The bid document's stored bytes are encrypted with its procurement's key. */
export function bidCodec(procurementId: string, bidId: string): DocumentCodec {
  const aad = bidAad.doc(bidId);
  return { encode: (u) => seal(procurementId, u, aad), decode: (u) => unseal(procurementId, u, aad) };
}

const partnerSelect = { organisationId: true, role: true, small: true, addedAt: true, organisation: { select: { name: true, type: true } } } as const;
const bidInclude = {
  partners: { select: partnerSelect, orderBy: { addedAt: "asc" as const } },
  snapshots: { select: { id: true, kind: true, sha256: true, createdAt: true, withdrawnAt: true }, orderBy: { createdAt: "asc" as const } },
} as const;

export type Partner = { organisationId: string; name: string; type: string; role: ConsortiumRole; small: boolean };
export type BidRecord = {
  id: string;
  procurementId: string;
  lotId: string | null;
  createdAt: string;
  partners: Partner[];
  /** The submission that stands (not withdrawn), if any. */
  submission: { id: string; sha256: string; at: string } | null;
  snapshots: { id: string; kind: "version" | "submission"; sha256: string; at: string; withdrawnAt: string | null }[];
};

type Row = {
  id: string;
  procurementId: string;
  lotId: string | null;
  createdAt: Date;
  partners: { organisationId: string; role: string; small: boolean; organisation: { name: string; type: string } }[];
  snapshots: { id: string; kind: string; sha256: string; createdAt: Date; withdrawnAt: Date | null }[];
};

const asRole = (r: string): ConsortiumRole => ((CONSORTIUM_ROLES as readonly string[]).includes(r) ? (r as ConsortiumRole) : "delivery");

function toRecord(row: Row): BidRecord {
  const live = row.snapshots.filter((s) => s.kind === "submission" && !s.withdrawnAt).at(-1);
  return {
    id: row.id,
    procurementId: row.procurementId,
    lotId: row.lotId,
    createdAt: row.createdAt.toISOString(),
    partners: row.partners.map((p) => ({ organisationId: p.organisationId, name: p.organisation.name, type: p.organisation.type, role: asRole(p.role), small: p.small })),
    submission: live ? { id: live.id, sha256: live.sha256, at: live.createdAt.toISOString() } : null,
    snapshots: row.snapshots.map((s) => ({ id: s.id, kind: s.kind === "submission" ? "submission" : "version", sha256: s.sha256, at: s.createdAt.toISOString(), withdrawnAt: s.withdrawnAt?.toISOString() ?? null })),
  };
}

export const bidFacts = (bid: BidRecord): BidFacts => ({ id: bid.id, partnerOrganisationIds: bid.partners.map((p) => p.organisationId), submitted: bid.submission !== null });

export async function getBid(procurementId: string, bidId: string): Promise<BidRecord | null> {
  const row = await db().bid.findFirst({ where: { id: bidId, procurementId }, include: bidInclude });
  return row ? toRecord(row) : null;
}

/** The bids an organisation is in (its own consortia only). */
export async function listConsortiumBids(procurementId: string, organisationId: string): Promise<BidRecord[]> {
  const rows = await db().bid.findMany({ where: { procurementId, partners: { some: { organisationId } } }, include: bidInclude, orderBy: { createdAt: "asc" } });
  return rows.map(toRecord);
}

/** Every bid of the procurement: only for use once the bids are opened (the routes check). */
export async function listAllBids(procurementId: string): Promise<BidRecord[]> {
  const rows = await db().bid.findMany({ where: { procurementId }, include: bidInclude, orderBy: { createdAt: "asc" } });
  return rows.map(toRecord);
}

export async function createBid(p: ProcurementRecord, input: { organisationId: string; name: string; lotId: string | null; base: PaymentModel }, by: Actor): Promise<BidRecord> {
  const row = await db().bid.create({
    data: { procurementId: p.id, lotId: input.lotId, partners: { create: { organisationId: input.organisationId, role: "prime" } } },
    include: bidInclude,
  });
  await seedDocumentIfEmpty(bidDocumentName(p.workspaceId, row.id), (doc) => startBid(doc, input.name, input.base), bidCodec(p.id, row.id));
  await sealedAudit(p.id, by, "bid.started", row.id, { prime: input.organisationId, lotId: input.lotId });
  return toRecord(row);
}

export async function addPartner(bid: BidRecord, input: { organisationId: string; role: Exclude<ConsortiumRole, "prime">; small: boolean }, by: Actor): Promise<{ ok: true } | { ok: false; error: string }> {
  if (bid.partners.some((p) => p.organisationId === input.organisationId)) return { ok: false, error: "That organisation is already in the consortium." };
  await db().bidPartner.create({ data: { bidId: bid.id, organisationId: input.organisationId, role: input.role, small: input.small } });
  await sealedAudit(bid.procurementId, by, "bid.partner-added", bid.id, input);
  return { ok: true };
}

export async function removePartner(bid: BidRecord, organisationId: string, by: Actor): Promise<{ ok: true } | { ok: false; error: string }> {
  const partner = bid.partners.find((p) => p.organisationId === organisationId);
  if (!partner) return { ok: false, error: "That organisation is not in the consortium." };
  if (partner.role === "prime") return { ok: false, error: "The prime cannot leave its own bid." };
  await db().bidPartner.deleteMany({ where: { bidId: bid.id, organisationId } });
  await sealedAudit(bid.procurementId, by, "bid.partner-removed", bid.id, { organisationId });
  return { ok: true };
}

/** The draft as it stands (pending edits included), decrypted. */
export async function readDraft(workspaceId: string, bid: BidRecord): Promise<BidContent> {
  return readBid(await readStoredDocument(bidDocumentName(workspaceId, bid.id), bidCodec(bid.procurementId, bid.id)));
}

export type AttachmentMeta = { id: string; name: string; type: string; size: number; sha256: string; byName: string; at: string };

type AttachmentRow = { id: string; meta: Uint8Array; size: number; createdAt: Date };

async function attachmentMeta(bid: BidRecord, r: AttachmentRow): Promise<AttachmentMeta> {
  const meta = JSON.parse(await unsealText(bid.procurementId, new Uint8Array(r.meta), bidAad.attachmentMeta(bid.id))) as Omit<AttachmentMeta, "id" | "size" | "at">;
  return { ...meta, id: r.id, size: r.size, at: r.createdAt.toISOString() };
}

export async function listAttachments(bid: BidRecord): Promise<AttachmentMeta[]> {
  const rows = await db().bidAttachment.findMany({ where: { bidId: bid.id }, select: { id: true, meta: true, size: true, createdAt: true }, orderBy: { createdAt: "asc" } });
  return Promise.all(rows.map((r) => attachmentMeta(bid, r)));
}

export async function addAttachment(bid: BidRecord, file: { name: string; type: string; bytes: Uint8Array }, byName: string): Promise<void> {
  const sha256 = createHash("sha256").update(file.bytes).digest("hex");
  await db().bidAttachment.create({
    data: {
      bidId: bid.id,
      size: file.bytes.length,
      meta: await seal(bid.procurementId, JSON.stringify({ name: file.name, type: file.type, sha256, byName }), bidAad.attachmentMeta(bid.id)),
      content: await seal(bid.procurementId, file.bytes, bidAad.attachment(bid.id)),
    },
  });
}

export async function readAttachment(bid: BidRecord, id: string): Promise<{ meta: AttachmentMeta; bytes: Uint8Array } | null> {
  const row = await db().bidAttachment.findFirst({ where: { id, bidId: bid.id }, select: { id: true, meta: true, size: true, createdAt: true, content: true } });
  if (!row) return null;
  return { meta: await attachmentMeta(bid, row), bytes: await unseal(bid.procurementId, new Uint8Array(row.content), bidAad.attachment(bid.id)) };
}

export async function removeAttachment(bid: BidRecord, id: string): Promise<boolean> {
  const { count } = await db().bidAttachment.deleteMany({ where: { id, bidId: bid.id } });
  return count === 1;
}

/** What a submission (or a version) contains, as one object: its canonical JSON is what the receipt's hash is over. */
export async function bidContentForSnapshot(workspaceId: string, bid: BidRecord) {
  const [draft, attachments] = await Promise.all([readDraft(workspaceId, bid), listAttachments(bid)]);
  return {
    name: draft.name,
    lotId: bid.lotId,
    consortium: bid.partners.map((p) => ({ organisationId: p.organisationId, name: p.name, role: p.role, small: p.small })),
    proposal: draft.proposal,
    answers: draft.answers,
    terms: draft.terms,
    attachments: attachments.map((a) => ({ name: a.name, type: a.type, size: a.size, sha256: a.sha256 })),
  };
}
export type SnapshotContent = Awaited<ReturnType<typeof bidContentForSnapshot>>;

const sha256Hex = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

async function snapshot(workspaceId: string, bid: BidRecord, kind: "version" | "submission", label: string, byName: string, now: Date) {
  const canonical = canonicalJson(await bidContentForSnapshot(workspaceId, bid));
  const sha256 = sha256Hex(canonical);
  const row = await db().bidSnapshot.create({
    data: {
      bidId: bid.id,
      kind,
      sha256,
      createdAt: now,
      meta: await seal(bid.procurementId, JSON.stringify({ label, byName }), bidAad.snapshotMeta(bid.id)),
      content: await seal(bid.procurementId, canonical, bidAad.snapshot(bid.id)),
    },
    select: { id: true },
  });
  // Only the receipt's hash: the content itself stays sealed.
  if (kind === "submission") await sealedAudit(bid.procurementId, { name: byName }, "bid.submitted", bid.id, { receipt: sha256, snapshot: row.id }, now);
  return { id: row.id, sha256, at: now.toISOString(), canonical };
}

export const saveBidVersion = (workspaceId: string, bid: BidRecord, label: string, byName: string) => snapshot(workspaceId, bid, "version", label, byName, new Date());

/** Submits the draft as it stands; the caller has checked the window (by the server's clock) and that the submitter is the prime. */
export const submitBid = (workspaceId: string, bid: BidRecord, byName: string, now: Date) => snapshot(workspaceId, bid, "submission", "Submission", byName, now);

export async function withdrawBid(bid: BidRecord, by: Actor, now = new Date()): Promise<boolean> {
  if (!bid.submission) return false;
  const { count } = await db().bidSnapshot.updateMany({ where: { id: bid.submission.id, withdrawnAt: null }, data: { withdrawnAt: now } });
  if (count === 1) await sealedAudit(bid.procurementId, by, "bid.withdrawn", bid.id, { receipt: bid.submission.sha256 }, now);
  return count === 1;
}

export type SnapshotView = { id: string; kind: "version" | "submission"; label: string; byName: string; sha256: string; at: string; withdrawnAt: string | null };

export async function listSnapshots(bid: BidRecord): Promise<SnapshotView[]> {
  const rows = await db().bidSnapshot.findMany({ where: { bidId: bid.id }, select: { id: true, kind: true, meta: true, sha256: true, createdAt: true, withdrawnAt: true }, orderBy: { createdAt: "asc" } });
  return Promise.all(
    rows.map(async (r) => {
      const meta = JSON.parse(await unsealText(bid.procurementId, new Uint8Array(r.meta), bidAad.snapshotMeta(bid.id))) as { label: string; byName: string };
      return { id: r.id, kind: r.kind === "submission" ? "submission" : "version", label: meta.label, byName: meta.byName, sha256: r.sha256, at: r.createdAt.toISOString(), withdrawnAt: r.withdrawnAt?.toISOString() ?? null };
    }),
  );
}

/** A snapshot's exact canonical text, decrypted, and whether it still matches its hash. */
export async function readSnapshot(bid: BidRecord, snapshotId: string): Promise<{ canonical: string; content: SnapshotContent; matches: boolean } | null> {
  const row = await db().bidSnapshot.findFirst({ where: { id: snapshotId, bidId: bid.id }, select: { content: true, sha256: true } });
  if (!row) return null;
  const canonical = await unsealText(bid.procurementId, new Uint8Array(row.content), bidAad.snapshot(bid.id));
  return { canonical, content: JSON.parse(canonical) as SnapshotContent, matches: sha256Hex(canonical) === row.sha256 };
}

export type OpenedBid = { bid: BidRecord; content: SnapshotContent; matches: boolean };

/** Every submitted bid's content, decrypted, each checked against its receipt (after opening only; the routes check). */
export async function readSubmittedBids(procurementId: string): Promise<OpenedBid[]> {
  const bids = (await listAllBids(procurementId)).filter((b) => b.submission);
  return Promise.all(
    bids.map(async (bid) => {
      const s = (await readSnapshot(bid, bid.submission!.id))!;
      return { bid, content: s.content, matches: s.matches };
    }),
  );
}

/**
 * Opens the bids after the deadline: moves the procurement to evaluation (through "bid
 * deadline passed" if it is not there yet), records who opened them and when, and checks
 * each submission against its receipt.
 */
export async function openBids(p: ProcurementRecord, bidsOpenedAt: string | null, by: Actor & { name: string }, now = new Date()): Promise<{ ok: true; checked: { bidId: string; matches: boolean }[] } | { ok: false; reason: string }> {
  const decision = openingDecision(p, bidsOpenedAt, now);
  if (!decision.ok) return decision;
  // The deadline has passed (openingDecision): "bid deadline passed" and "evaluation" are
  // facts now, whatever the plan said about dates before them.
  let stage = p.stage;
  let timeline = p.timeline;
  const moves: { from: string; to: string }[] = [];
  for (const to of ["bid-deadline", "evaluation"] as const) {
    if (reached(p, stage, to)) continue;
    moves.push({ from: stage, to });
    timeline = recordMove(timeline, to, now);
    stage = to;
  }
  const { count } = await db().procurement.updateMany({
    where: { id: p.id, bidsOpenedAt: null },
    data: { bidsOpenedAt: now, bidsOpenedByName: by.name, stage, timeline: JSON.stringify(timeline) },
  });
  if (count !== 1) return { ok: false, reason: "The bids have already been opened." };
  if (moves.length) await db().stageMove.createMany({ data: moves.map((m) => ({ procurementId: p.id, fromStage: m.from, toStage: m.to, byName: by.name, note: "Bids opened", at: now })) });
  const opened = await readSubmittedBids(p.id);
  const checked = opened.map((o) => ({ bidId: o.bid.id, matches: o.matches }));
  // The opening unseals the bids' chain: the workspace's chain takes its head, so the
  // two can only be checked together from here on.
  const sealed = await chainHead(sealedBidsChain(p.id));
  for (const m of moves) await auditWorkspace(p.workspaceId, by, "procurement.stage", `procurement:${p.id}`, { before: m.from, after: m.to }, now);
  await auditWorkspace(p.workspaceId, by, "bids.opened", `procurement:${p.id}`, { after: { bids: opened.map((o) => ({ bid: o.bid.id, receipt: o.bid.submission!.sha256, matches: o.matches })), sealedChain: sealedBidsChain(p.id), sealedHead: sealed.head, sealedEntries: sealed.entries } }, now);
  return { ok: true, checked };
}

/**
 * Changes a draft that nobody has open (the demo seed): the change is appended to the
 * stored, encrypted log. Live editing goes through the sync server instead.
 */
export async function seedDraft(workspaceId: string, bid: BidRecord, change: (doc: Y.Doc) => void): Promise<void> {
  const docName = bidDocumentName(workspaceId, bid.id);
  const codec = bidCodec(bid.procurementId, bid.id);
  const doc = await readStoredDocument(docName, codec);
  const before = Y.encodeStateVector(doc);
  change(doc);
  await appendDocumentUpdates([{ docName, update: await codec.encode(Y.encodeStateAsUpdate(doc, before)) }]);
}
