// A workspace's procurement record: details, procedure, stages and their moves, lots,
// the public opportunity page, registered parties, and what was published to them
// (one delivery per party per item, for the equal-treatment report).
import { createHmac } from "node:crypto";
import { LotsSchema, PinnedVersionsSchema, StoredTimelineSchema, type Lot, type PinnedVersions } from "~/domain/procurement/record";
import { decideExtension, decideMove, formatInstant, isStage, recordMove, STAGE_LABELS, type FlexibleShape, type Procedure, type ProcurementClock, type Stage, type Timeline } from "~/domain/procurement/stages";
import { EMPTY_TERMS, TenderTermsSchema, type TenderTerms } from "~/domain/procurement/tender";
import type { DeliveryKind } from "~/domain/procurement/equal-treatment";
import { db } from "~/utils/db.server";
import { auditWorkspace, type Actor } from "./audit.server";
import { env } from "~/utils/env.server";
import { parseStored } from "~/utils/stored-json.server";
import { publishWorkspaceEvent } from "~/utils/workspace-events.server";

export type ProcurementRecord = ProcurementClock & {
  id: string;
  workspaceId: string;
  reference: string;
  lots: Lot[];
  published: PinnedVersions;
  publicSince: string | null;
  terms: TenderTerms;
  /** When the bids were opened (after the deadline), and by whom; null while they are sealed. */
  bidsOpenedAt: string | null;
  bidsOpenedByName: string | null;
  /** When moderation began: individual scores are private to each evaluator until then. */
  moderationAt: string | null;
};

type Row = {
  id: string;
  workspaceId: string;
  title: string;
  reference: string;
  summary: string;
  procedure: string;
  shape: string | null;
  lightTouch: boolean;
  stage: string;
  timeline: string;
  lots: string;
  published: string;
  publicSince: Date | null;
  tenderTerms: string;
  bidsOpenedAt: Date | null;
  bidsOpenedByName: string | null;
  moderationAt: Date | null;
};


function toRecord(row: Row): ProcurementRecord {
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    title: row.title,
    reference: row.reference,
    summary: row.summary,
    procedure: row.procedure === "open" ? "open" : "competitive-flexible",
    shape: row.procedure === "open" ? null : row.shape === "dialogue" ? "dialogue" : "restricted",
    lightTouch: row.lightTouch,
    stage: isStage(row.stage) ? row.stage : "preliminary-market-engagement",
    timeline: parseStored(row.timeline, StoredTimelineSchema, {}),
    lots: parseStored(row.lots, LotsSchema, []),
    published: parseStored(row.published, PinnedVersionsSchema, {}),
    publicSince: row.publicSince?.toISOString() ?? null,
    terms: parseStored(row.tenderTerms, TenderTermsSchema, EMPTY_TERMS),
    bidsOpenedAt: row.bidsOpenedAt?.toISOString() ?? null,
    bidsOpenedByName: row.bidsOpenedByName,
    moderationAt: row.moderationAt?.toISOString() ?? null,
  };
}

export async function getProcurement(workspaceId: string): Promise<ProcurementRecord | null> {
  const row = await db().procurement.findUnique({ where: { workspaceId } });
  return row ? toRecord(row) : null;
}

export async function getProcurementById(procurementId: string): Promise<ProcurementRecord | null> {
  const row = await db().procurement.findUnique({ where: { id: procurementId } });
  return row ? toRecord(row) : null;
}

/** The procurement behind a public opportunity page: only while it is public. */
export async function getPublicProcurement(procurementId: string): Promise<(ProcurementRecord & { workspaceName: string }) | null> {
  const row = await db().procurement.findUnique({ where: { id: procurementId }, include: { workspace: { select: { name: true } } } });
  if (!row || !row.publicSince) return null;
  return { ...toRecord(row), workspaceName: row.workspace.name };
}

export type ProcurementDetails = { title: string; reference: string; summary: string; procedure: Procedure; shape: FlexibleShape | null; lightTouch: boolean };

export class ProcurementRuleError extends Error {}

/** Creates the workspace's procurement, or changes its details. The procedure is fixed once the tender notice is out. */
export async function saveDetails(workspaceId: string, details: ProcurementDetails, by: Actor): Promise<ProcurementRecord> {
  const existing = await getProcurement(workspaceId);
  if (existing && existing.stage !== "preliminary-market-engagement" && (existing.procedure !== details.procedure || existing.shape !== details.shape)) {
    throw new ProcurementRuleError("The procedure cannot change once the tender notice is published.");
  }
  const row = await db().procurement.upsert({
    where: { workspaceId },
    create: { workspaceId, ...details },
    update: details,
  });
  const before = existing ? { title: existing.title, reference: existing.reference, summary: existing.summary, procedure: existing.procedure, shape: existing.shape, lightTouch: existing.lightTouch } : null;
  await auditWorkspace(workspaceId, by, existing ? "procurement.details" : "procurement.created", `procurement:${row.id}`, { before, after: details });
  publishWorkspaceEvent(workspaceId, "procurement");
  return toRecord(row);
}

export async function saveTerms(p: ProcurementRecord, terms: TenderTerms, by: Actor): Promise<void> {
  const after = TenderTermsSchema.parse(terms);
  await db().procurement.update({ where: { id: p.id }, data: { tenderTerms: JSON.stringify(after) } });
  await auditWorkspace(p.workspaceId, by, "procurement.tender-terms", `procurement:${p.id}`, { before: p.terms, after });
  publishWorkspaceEvent(p.workspaceId, "procurement");
}

export async function saveTimeline(p: ProcurementRecord, timeline: Timeline, by: Actor): Promise<void> {
  await db().procurement.update({ where: { id: p.id }, data: { timeline: JSON.stringify(timeline) } });
  await auditWorkspace(p.workspaceId, by, "procurement.timeline", `procurement:${p.id}`, { before: p.timeline, after: timeline });
  publishWorkspaceEvent(p.workspaceId, "procurement");
}

export async function saveLots(p: ProcurementRecord, lots: Lot[], by: Actor): Promise<void> {
  if (p.stage !== "preliminary-market-engagement" && p.stage !== "tender-notice") throw new ProcurementRuleError("Lots are fixed once bidders are preparing bids.");
  await db().procurement.update({ where: { id: p.id }, data: { lots: JSON.stringify(LotsSchema.parse(lots)) } });
  await auditWorkspace(p.workspaceId, by, "procurement.lots", `procurement:${p.id}`, { before: p.lots, after: lots });
  publishWorkspaceEvent(p.workspaceId, "procurement");
}

export async function savePublication(p: ProcurementRecord, published: PinnedVersions, isPublic: boolean, by: Actor): Promise<void> {
  await db().procurement.update({
    where: { id: p.id },
    data: { published: JSON.stringify(published), publicSince: isPublic ? (p.publicSince ? new Date(p.publicSince) : new Date()) : null },
  });
  await auditWorkspace(p.workspaceId, by, "procurement.publication", `procurement:${p.id}`, { before: { published: p.published, public: p.publicSince !== null }, after: { published, public: isPublic } });
  publishWorkspaceEvent(p.workspaceId, "procurement");
}

/** Moves the stage on if stages.ts allows it now; records the move; a tender notice goes to every party. */
export async function moveStage(p: ProcurementRecord, to: Stage, by: Actor & { name: string }, now = new Date()): Promise<{ ok: true } | { ok: false; reason: string }> {
  const decision = decideMove(p, to, now);
  if (!decision.ok) return decision;
  const timeline = recordMove(p.timeline, to, now);
  const moved = await db().procurement.updateMany({ where: { id: p.id, stage: p.stage }, data: { stage: to, timeline: JSON.stringify(timeline) } });
  if (moved.count === 0) return { ok: false, reason: "Someone else moved the procurement on just now. Reload the page to see where it is." };
  await db().stageMove.create({ data: { procurementId: p.id, fromStage: p.stage, toStage: to, byName: by.name, at: now } });
  await auditWorkspace(p.workspaceId, by, "procurement.stage", `procurement:${p.id}`, { before: p.stage, after: to }, now);
  if (to === "tender-notice") {
    await publishToParties(p, { key: "notice", kind: "notice", label: `Tender notice: ${p.title}`, href: "/procurement" }, now);
  } else {
    publishWorkspaceEvent(p.workspaceId, "procurement");
  }
  return { ok: true };
}

/** Extends the bid deadline (later dates move with it) and tells every party. */
export async function extendDeadline(p: ProcurementRecord, to: Date, reason: string, by: Actor & { name: string }, now = new Date()): Promise<{ ok: true } | { ok: false; reason: string }> {
  const decision = decideExtension(p, to, now);
  if (!decision.ok) return decision;
  await db().procurement.update({ where: { id: p.id }, data: { timeline: JSON.stringify(decision.timeline) } });
  await db().stageMove.create({ data: { procurementId: p.id, fromStage: p.stage, toStage: p.stage, note: `Bid deadline extended to ${to.toISOString()}${reason ? `: ${reason}` : ""}`, byName: by.name, at: now } });
  await auditWorkspace(p.workspaceId, by, "procurement.deadline-extended", `procurement:${p.id}`, { before: p.timeline["bid-deadline"] ?? null, after: { deadline: to.toISOString(), reason } }, now);
  await publishToParties(p, { key: `deadline:${to.toISOString()}`, kind: "deadline", label: `Bid deadline extended to ${formatInstant(to.toISOString())}${reason ? ` (${reason})` : ""}`, href: "/procurement" }, now);
  return { ok: true };
}

export async function listMoves(procurementId: string) {
  return db().stageMove.findMany({ where: { procurementId }, orderBy: { at: "asc" }, select: { id: true, fromStage: true, toStage: true, note: true, byName: true, at: true } });
}

export function stageMoveLabel(m: { fromStage: string; toStage: string; note: string }): string {
  if (m.note) return m.note;
  const label = (s: string) => (isStage(s) ? STAGE_LABELS[s] : s);
  return `${label(m.fromStage)} → ${label(m.toStage)}`;
}

export type PartyView = { id: string; number: number; organisationId: string; name: string; type: string; registeredAt: string; people: number };

export async function listParties(procurementId: string): Promise<PartyView[]> {
  const rows = await db().party.findMany({
    where: { procurementId },
    orderBy: { number: "asc" },
    include: { organisation: { select: { id: true, name: true, type: true, _count: { select: { users: true } } } } },
  });
  return rows.map((r) => ({ id: r.id, number: r.number, organisationId: r.organisationId, name: r.organisation.name, type: r.organisation.type, registeredAt: r.registeredAt.toISOString(), people: r.organisation._count.users }));
}

export async function partyOf(procurementId: string, organisationId: string | null | undefined) {
  if (!organisationId) return null;
  return db().party.findUnique({ where: { procurementId_organisationId: { procurementId, organisationId } } });
}

/**
 * Registers an organisation's interest (idempotent). A party that registers late is
 * given everything already published, at its registration, so the log shows it.
 */
export async function registerParty(p: Pick<ProcurementRecord, "id" | "workspaceId">, organisationId: string, byName: string): Promise<{ id: string; number: number; created: boolean }> {
  const existing = await partyOf(p.id, organisationId);
  if (existing) return { id: existing.id, number: existing.number, created: false };
  for (let attempt = 0; ; attempt++) {
    const last = await db().party.findFirst({ where: { procurementId: p.id }, orderBy: { number: "desc" }, select: { number: true } });
    try {
      const party = await db().party.create({ data: { procurementId: p.id, organisationId, number: (last?.number ?? 0) + 1, registeredByName: byName } });
      await auditWorkspace(p.workspaceId, { name: byName }, "procurement.party-registered", `party:${party.id}`, { after: { number: party.number, organisationId } }, party.registeredAt);
      const items = await db().publishedItem.findMany({ where: { procurementId: p.id, onlyForPartyId: null }, select: { key: true } });
      if (items.length) await db().delivery.createMany({ data: items.map((i) => ({ procurementId: p.id, partyId: party.id, itemKey: i.key, at: party.registeredAt })) });
      publishWorkspaceEvent(p.workspaceId, "procurement");
      return { id: party.id, number: party.number, created: true };
    } catch (error) {
      // Two registering at once can take the same number: try the next.
      if (attempt >= 4) throw error;
      const again = await partyOf(p.id, organisationId);
      if (again) return { id: again.id, number: again.number, created: false };
    }
  }
}

/** A keyed hash of an account for one procurement: one vote each, nothing to link across procurements. */
export function voterKey(procurementId: string, userId: string): string {
  return createHmac("sha256", env().SESSION_SECRET).update(`voter:${procurementId}:${userId}`).digest("hex");
}

type Publishable = { key: string; kind: DeliveryKind; label: string; href: string; onlyForPartyId?: string | null };

/**
 * Publishes one item to every registered party (or to one, for an agreed-confidential
 * answer) at the same moment: the item, one delivery per party, a notification for each
 * of their people in the workspace, and an event for open pages.
 */
export async function publishToParties(p: Pick<ProcurementRecord, "id" | "workspaceId">, item: Publishable, now = new Date()): Promise<void> {
  const onlyFor = item.onlyForPartyId ?? null;
  const created = await db().publishedItem.upsert({
    where: { procurementId_key: { procurementId: p.id, key: item.key } },
    create: { procurementId: p.id, key: item.key, kind: item.kind, label: item.label, onlyForPartyId: onlyFor, publishedAt: now },
    update: {},
    select: { publishedAt: true },
  });
  if (created.publishedAt.getTime() === now.getTime()) {
    await auditWorkspace(p.workspaceId, "system", "procurement.published-to-parties", `published:${item.key}`, { after: { kind: item.kind, label: item.label, onlyForParty: onlyFor } }, now);
  }
  const parties = await db().party.findMany({ where: { procurementId: p.id, ...(onlyFor ? { id: onlyFor } : {}) }, select: { id: true, organisationId: true } });
  if (parties.length) {
    const have = new Set((await db().delivery.findMany({ where: { procurementId: p.id, itemKey: item.key }, select: { partyId: true } })).map((d) => d.partyId));
    const fresh = parties.filter((x) => !have.has(x.id));
    if (fresh.length) await db().delivery.createMany({ data: fresh.map((x) => ({ procurementId: p.id, partyId: x.id, itemKey: item.key, at: created.publishedAt })) });
    const people = await db().membership.findMany({
      where: { workspaceId: p.workspaceId, user: { organisationId: { in: fresh.map((x) => x.organisationId) } } },
      select: { userId: true },
    });
    if (people.length) {
      await db().notification.createMany({
        data: people.map((m) => ({ userId: m.userId, workspaceId: p.workspaceId, kind: "procurement", href: `/workspaces/${p.workspaceId}${item.href}`, actorName: "The commissioning team", excerpt: item.label.slice(0, 280), createdAt: now })),
      });
    }
  }
  publishWorkspaceEvent(p.workspaceId, "procurement");
}

export async function listPublished(procurementId: string) {
  const [items, deliveries] = await Promise.all([
    db().publishedItem.findMany({ where: { procurementId }, orderBy: { publishedAt: "asc" } }),
    db().delivery.findMany({ where: { procurementId }, select: { partyId: true, itemKey: true, at: true } }),
  ]);
  return {
    items: items.map((i) => ({ key: i.key, kind: i.kind as DeliveryKind, label: i.label, publishedAt: i.publishedAt.toISOString(), onlyFor: i.onlyForPartyId })),
    deliveries: deliveries.map((d) => ({ partyId: d.partyId, itemKey: d.itemKey, at: d.at.toISOString() })),
  };
}
