// Co-production workshops: settings, phones joining by code, cards and their
// moderation, themes, ballots, private messages, and the raw-card deletion schedule.
// What a young person sends is stored with a random phone id and nothing else: no
// address, no user agent, no account (the phone's cookie holds a token whose hash is
// kept). Every change tells the workshop's open screens through the workspace bus.
import { randomBytes, randomInt } from "node:crypto";
import { codeFrom, pseudonymFrom } from "~/domain/workshop/codes";
import { cleanText, screenCard, type HoldReason } from "~/domain/workshop/moderation";
import { ballotProblem, ballotRows, bordaTally, dotsTally, reactTally, scaleTally, sortTally, type Ballot, type Row, type ScaleResult } from "~/domain/workshop/tallies";
import { cardsDeleteAt, MAX_CARDS_PER_PHONE, parseActivityState, WAITING, type Activity, type ActivityState, type AgeBand, type ModerationMode, type ParticipationLevel, type WorkshopSettings, type WorkshopStatus } from "~/domain/workshop/workshop";
import { sha256 } from "~/utils/crypto.server";
import { db } from "~/utils/db.server";
import { auditWorkspace } from "./audit.server";
import { sealedValue } from "~/domain/audit/chain";
import { publishWorkspaceEvent } from "~/utils/workspace-events.server";

export type WorkshopRecord = {
  id: string;
  workspaceId: string;
  title: string;
  heldOn: string;
  code: string;
  status: WorkshopStatus;
  moderation: ModerationMode;
  ageBand: AgeBand;
  activity: ActivityState;
  showPseudonyms: boolean;
  participationLevel: ParticipationLevel | null;
  participationReason: string;
  deleteCardsAfterDays: number;
  openedAt: Date | null;
  closedAt: Date | null;
  cardsDeletedAt: Date | null;
};

type Row_ = Awaited<ReturnType<ReturnType<typeof db>["workshop"]["findFirstOrThrow"]>>;

function record(w: Row_): WorkshopRecord {
  let activity: unknown = {};
  try {
    activity = JSON.parse(w.activity);
  } catch {
    // a damaged activity reads as the waiting screen
  }
  return {
    id: w.id,
    workspaceId: w.workspaceId,
    title: w.title,
    heldOn: w.heldOn,
    code: w.code,
    status: w.status as WorkshopStatus,
    moderation: w.moderation as ModerationMode,
    ageBand: w.ageBand as AgeBand,
    activity: parseActivityState(activity),
    showPseudonyms: w.showPseudonyms,
    participationLevel: (w.participationLevel as ParticipationLevel | null) ?? null,
    participationReason: w.participationReason,
    deleteCardsAfterDays: w.deleteCardsAfterDays,
    openedAt: w.openedAt,
    closedAt: w.closedAt,
    cardsDeletedAt: w.cardsDeletedAt,
  };
}

const changed = (w: { workspaceId: string }) => publishWorkspaceEvent(w.workspaceId, "workshop");

export async function createWorkshop(workspaceId: string, settings: WorkshopSettings, createdById: string): Promise<WorkshopRecord> {
  for (let attempt = 0; ; attempt++) {
    try {
      const w = await db().workshop.create({ data: { workspaceId, ...settings, code: codeFrom(randomBytes(8)), createdById, activity: JSON.stringify(WAITING) } });
      return record(w);
    } catch (error) {
      // A code already taken (one in 887 million): draw another.
      if (attempt < 5 && (error as { code?: string }).code === "P2002") continue;
      throw error;
    }
  }
}

export async function listWorkshops(workspaceId: string): Promise<(WorkshopRecord & { themes: number; promoted: number })[]> {
  const rows = await db().workshop.findMany({ where: { workspaceId }, orderBy: [{ heldOn: "desc" }, { createdAt: "desc" }], include: { themes: { select: { promotedAs: true } } } });
  return rows.map((w) => ({ ...record(w), themes: w.themes.length, promoted: w.themes.filter((t) => t.promotedAs).length }));
}

export async function getWorkshop(workspaceId: string, id: string): Promise<WorkshopRecord | null> {
  const w = await db().workshop.findFirst({ where: { id, workspaceId } });
  return w ? record(w) : null;
}

export async function workshopById(id: string): Promise<WorkshopRecord | null> {
  const w = await db().workshop.findUnique({ where: { id } });
  return w ? record(w) : null;
}

export async function workshopByCode(code: string): Promise<WorkshopRecord | null> {
  const w = await db().workshop.findUnique({ where: { code } });
  return w ? record(w) : null;
}

export async function updateWorkshop(w: WorkshopRecord, data: Partial<WorkshopSettings> & { participationLevel?: ParticipationLevel; participationReason?: string; showPseudonyms?: boolean }): Promise<void> {
  await db().workshop.update({ where: { id: w.id }, data });
  changed(w);
}

/** Opens (or reopens) the workshop for phones to join. */
export async function openWorkshop(w: WorkshopRecord): Promise<void> {
  await db().workshop.update({ where: { id: w.id }, data: { status: "open", openedAt: w.openedAt ?? new Date(), closedAt: null } });
  changed(w);
}

/** Closes it: the code stops joining, phones see the end, and the deletion clock starts. */
export async function closeWorkshop(w: WorkshopRecord): Promise<void> {
  await db().$transaction(async (tx) => {
    await tx.workshop.update({ where: { id: w.id }, data: { status: "closed", closedAt: new Date(), activity: JSON.stringify({ ...w.activity, timerEndsAt: null }) } });
    await snapshotThemes(tx, w.id);
  });
  changed(w);
}

/** Starts an activity on every phone (a new round, so earlier votes stay with their round). */
export async function setActivity(w: WorkshopRecord, activity: Activity, timerSeconds: number | null): Promise<void> {
  const now = Date.now();
  const state: ActivityState = { activity, round: `${activity.kind}-${now.toString(36)}`, startedAt: new Date(now).toISOString(), timerEndsAt: timerSeconds ? new Date(now + timerSeconds * 1000).toISOString() : null };
  await db().workshop.update({ where: { id: w.id }, data: { activity: JSON.stringify(state) } });
  changed(w);
}

export async function setTimer(w: WorkshopRecord, seconds: number | null): Promise<void> {
  const state: ActivityState = { ...w.activity, timerEndsAt: seconds ? new Date(Date.now() + seconds * 1000).toISOString() : null };
  await db().workshop.update({ where: { id: w.id }, data: { activity: JSON.stringify(state) } });
  changed(w);
}

// ── Phones ───────────────────────────────────────────────────────────────────

export type Phone = { id: string; pseudonym: string; avatar: string };

/** A new phone in the workshop: a pseudonym no other phone here has, and the token for its cookie. */
export async function joinWorkshop(w: WorkshopRecord): Promise<{ phone: Phone; token: string }> {
  const taken = new Set((await db().workshopParticipant.findMany({ where: { workshopId: w.id }, select: { pseudonym: true } })).map((p) => p.pseudonym));
  for (let attempt = 0; ; attempt++) {
    const { pseudonym, avatar } = pseudonymFrom(randomInt(1 << 20), randomInt(1 << 20), taken);
    const token = randomBytes(32).toString("base64url");
    try {
      const p = await db().workshopParticipant.create({ data: { workshopId: w.id, pseudonym, avatar, tokenHash: sha256(token) } });
      changed(w);
      return { phone: { id: p.id, pseudonym: p.pseudonym, avatar: p.avatar }, token };
    } catch (error) {
      // Two phones drew the same name at the same moment: draw again.
      if (attempt < 5 && (error as { code?: string }).code === "P2002") {
        taken.add(pseudonym);
        continue;
      }
      throw error;
    }
  }
}

export async function phoneByToken(workshopId: string, token: string): Promise<Phone | null> {
  const p = await db().workshopParticipant.findUnique({ where: { tokenHash: sha256(token) } });
  return p && p.workshopId === workshopId ? { id: p.id, pseudonym: p.pseudonym, avatar: p.avatar } : null;
}

export type CardStatus = "pending" | "held" | "shown" | "hidden" | "merged";
export type SentCard = { id: string; text: string; status: CardStatus; heldReason: HoldReason | null };

export type CardResult = { ok: true; card: SentCard } | { ok: false; problem: "closed" | "too-many" | "empty" };

/**
 * Stores a card from a phone, screened: held when it looks like personal data or
 * abuse, else shown (post-moderation) or waiting (pre-moderation). The same `clientId`
 * from the same phone returns the card already stored.
 */
export async function addCard(w: WorkshopRecord, phone: Phone, clientId: string, typed: string): Promise<CardResult> {
  if (w.status !== "open") return { ok: false, problem: "closed" };
  const text = cleanText(typed);
  if (!text) return { ok: false, problem: "empty" };
  const existing = await db().workshopCard.findFirst({ where: { workshopId: w.id, participantId: phone.id, clientId } });
  if (existing) return { ok: true, card: sentCard(existing) };
  if ((await db().workshopCard.count({ where: { workshopId: w.id, participantId: phone.id } })) >= MAX_CARDS_PER_PHONE) return { ok: false, problem: "too-many" };
  const heldReason = screenCard(text);
  const status: CardStatus = heldReason ? "held" : w.moderation === "pre" ? "pending" : "shown";
  try {
    const card = await db().workshopCard.create({ data: { workshopId: w.id, participantId: phone.id, clientId, text, status, heldReason } });
    // No phone, no pseudonym, no words: that a young person wrote a card, and its hash.
    await auditWorkspace(w.workspaceId, "a young person", "workshop.card-written", `workshop:${w.id}`, { after: { card: card.id, status, text: JSON.parse(sealedValue(text)) } }, card.createdAt);
    changed(w);
    return { ok: true, card: sentCard(card) };
  } catch (error) {
    if ((error as { code?: string }).code !== "P2002") throw error;
    const again = await db().workshopCard.findFirstOrThrow({ where: { workshopId: w.id, participantId: phone.id, clientId } });
    return { ok: true, card: sentCard(again) };
  }
}

function sentCard(c: { id: string; text: string; status: string; heldReason: string | null }): SentCard {
  return { id: c.id, text: c.text, status: c.status as CardStatus, heldReason: (c.heldReason as HoldReason | null) ?? null };
}

export async function phoneCards(w: WorkshopRecord, phone: Phone): Promise<SentCard[]> {
  const cards = await db().workshopCard.findMany({ where: { workshopId: w.id, participantId: phone.id }, orderBy: { createdAt: "asc" } });
  return cards.map(sentCard);
}

/** The phone's ballot rows in the current round. */
export async function phoneBallot(w: WorkshopRecord, phone: Phone): Promise<Row[]> {
  const rows = await db().workshopVote.findMany({ where: { participantId: phone.id, round: w.activity.round }, select: { targetId: true, value: true } });
  return rows;
}

/** The current sorting round's suggestions per card (for the console), or none outside one. */
export async function sortSuggestions(w: WorkshopRecord): Promise<Map<string, Record<string, number>>> {
  if (w.activity.activity.kind !== "sort") return new Map();
  const rows = await db().workshopVote.findMany({ where: { workshopId: w.id, round: w.activity.round }, select: { participantId: true, targetId: true, value: true } });
  return sortTally([rows]);
}

/** Replaces the phone's ballot for the current round; returns a plain-words problem, or null. */
export async function castBallot(w: WorkshopRecord, phone: Phone, ballot: Ballot): Promise<string | null> {
  if (w.status !== "open") return "The workshop has ended.";
  // What may be voted on: cards on the big screen (reactions, sorting), themes (the rest, and sorting's choices).
  const onCards = ballot.kind === "react" || ballot.kind === "sort";
  const [cards, themes] = await Promise.all([
    onCards ? db().workshopCard.findMany({ where: { workshopId: w.id, status: "shown" }, select: { id: true } }) : [],
    ballot.kind === "react" ? [] : db().workshopTheme.findMany({ where: { workshopId: w.id }, select: { id: true } }),
  ]);
  const themeIds = new Set(themes.map((t) => t.id));
  const problem = ballotProblem(w.activity.activity, ballot, onCards ? new Set(cards.map((c) => c.id)) : themeIds, themeIds);
  if (problem) return problem;
  const rows = ballotRows(ballot);
  await db().$transaction([
    db().workshopVote.deleteMany({ where: { participantId: phone.id, round: w.activity.round } }),
    db().workshopVote.createMany({ data: rows.map((r) => ({ workshopId: w.id, participantId: phone.id, round: w.activity.round, kind: ballot.kind, targetId: r.targetId, value: r.value })) }),
  ]);
  changed(w);
  return null;
}

export async function sendMessage(w: WorkshopRecord, phone: Phone, text: string): Promise<void> {
  await db().workshopMessage.create({ data: { workshopId: w.id, participantId: phone.id, text } });
  changed(w);
}

// ── Facilitators ─────────────────────────────────────────────────────────────

export type CardForFacilitator = { id: string; text: string; originalText: string | null; status: CardStatus; heldReason: HoldReason | null; themeId: string | null; mergedIntoId: string | null; pseudonym: string | null; createdAt: string };
export type ThemeRecord = {
  id: string;
  title: string;
  position: number;
  cardCount: number;
  promotedAs: "outcome" | "indicator" | "service-quality" | null;
  promotedId: string | null;
  promotedOutcomeId: string | null;
  promotedAt: string | null;
  promotedByName: string | null;
  decision: "changed" | "not-adopted" | null;
  decisionReason: string;
  results: StoredResults;
};
export type StoredResults = { dots?: number; borda?: number; scale?: ScaleResult; cards?: number };

export async function themesOf(workshopId: string): Promise<ThemeRecord[]> {
  const themes = await db().workshopTheme.findMany({ where: { workshopId }, orderBy: [{ position: "asc" }, { createdAt: "asc" }], include: { _count: { select: { cards: { where: { status: { in: ["shown", "pending", "hidden"] } } } } } } });
  return themes.map((t) => {
    let results: StoredResults = {};
    try {
      results = JSON.parse(t.results) as StoredResults;
    } catch {
      // none kept
    }
    return {
      id: t.id,
      title: t.title,
      position: t.position,
      cardCount: t.cardCount || t._count.cards,
      promotedAs: t.promotedAs as ThemeRecord["promotedAs"],
      promotedId: t.promotedId,
      promotedOutcomeId: t.promotedOutcomeId,
      promotedAt: t.promotedAt?.toISOString() ?? null,
      promotedByName: t.promotedByName,
      decision: t.decision as ThemeRecord["decision"],
      decisionReason: t.decisionReason,
      results,
    };
  });
}

export async function cardsForFacilitator(workshopId: string): Promise<CardForFacilitator[]> {
  const cards = await db().workshopCard.findMany({ where: { workshopId }, orderBy: { createdAt: "asc" }, include: { participant: { select: { pseudonym: true } } } });
  return cards.map((c) => ({ id: c.id, text: c.text, originalText: c.originalText, status: c.status as CardStatus, heldReason: (c.heldReason as HoldReason | null) ?? null, themeId: c.themeId, mergedIntoId: c.mergedIntoId, pseudonym: c.participant?.pseudonym ?? null, createdAt: c.createdAt.toISOString() }));
}

export type MessageRecord = { id: string; text: string; pseudonym: string | null; at: string; read: boolean };
export async function messagesOf(workshopId: string): Promise<MessageRecord[]> {
  const rows = await db().workshopMessage.findMany({ where: { workshopId }, orderBy: { createdAt: "desc" }, include: { participant: { select: { pseudonym: true } } } });
  return rows.map((m) => ({ id: m.id, text: m.text, pseudonym: m.participant?.pseudonym ?? null, at: m.createdAt.toISOString(), read: m.readAt !== null }));
}

export async function markMessageRead(w: WorkshopRecord, id: string): Promise<boolean> {
  const { count } = await db().workshopMessage.updateMany({ where: { id, workshopId: w.id }, data: { readAt: new Date() } });
  if (count) changed(w);
  return count > 0;
}

/** Approve, hide, correct, merge or sort a card of this workshop; false when there is no such card. */
export async function moderateCard(
  w: WorkshopRecord,
  cardId: string,
  change: { kind: "approve" } | { kind: "hide" } | { kind: "edit"; text: string } | { kind: "merge"; intoId: string } | { kind: "theme"; themeId: string | null },
): Promise<boolean> {
  const card = await db().workshopCard.findFirst({ where: { id: cardId, workshopId: w.id } });
  if (!card) return false;
  switch (change.kind) {
    case "approve":
      await db().workshopCard.update({ where: { id: card.id }, data: { status: "shown" } });
      break;
    case "hide":
      await db().workshopCard.update({ where: { id: card.id }, data: { status: "hidden" } });
      break;
    case "edit":
      await db().workshopCard.update({ where: { id: card.id }, data: { text: change.text, originalText: card.originalText ?? card.text } });
      break;
    case "merge": {
      const into = await db().workshopCard.findFirst({ where: { id: change.intoId, workshopId: w.id } });
      if (!into || into.id === card.id) return false;
      await db().$transaction([
        db().workshopCard.update({ where: { id: card.id }, data: { status: "merged", mergedIntoId: into.id, themeId: into.themeId } }),
        db().workshopCard.updateMany({ where: { mergedIntoId: card.id }, data: { mergedIntoId: into.id } }),
      ]);
      break;
    }
    case "theme": {
      if (change.themeId && !(await db().workshopTheme.findFirst({ where: { id: change.themeId, workshopId: w.id } }))) return false;
      await db().workshopCard.update({ where: { id: card.id }, data: { themeId: change.themeId } });
      break;
    }
  }
  changed(w);
  return true;
}

export async function addTheme(w: WorkshopRecord, title: string): Promise<string> {
  const position = await db().workshopTheme.count({ where: { workshopId: w.id } });
  const t = await db().workshopTheme.create({ data: { workshopId: w.id, title, position } });
  changed(w);
  return t.id;
}

export async function themeOf(w: WorkshopRecord, themeId: string): Promise<ThemeRecord | null> {
  return (await themesOf(w.id)).find((t) => t.id === themeId) ?? null;
}

export async function renameTheme(w: WorkshopRecord, themeId: string, title: string): Promise<boolean> {
  const { count } = await db().workshopTheme.updateMany({ where: { id: themeId, workshopId: w.id }, data: { title } });
  if (count) changed(w);
  return count > 0;
}

export async function removeTheme(w: WorkshopRecord, themeId: string): Promise<boolean> {
  const { count } = await db().workshopTheme.deleteMany({ where: { id: themeId, workshopId: w.id, promotedAs: null } });
  if (count) changed(w);
  return count > 0;
}

export async function recordPromotion(w: WorkshopRecord, themeId: string, promotion: { as: NonNullable<ThemeRecord["promotedAs"]>; id: string; outcomeId: string | null; byName: string }): Promise<void> {
  await db().workshopTheme.updateMany({ where: { id: themeId, workshopId: w.id }, data: { promotedAs: promotion.as, promotedId: promotion.id, promotedOutcomeId: promotion.outcomeId, promotedAt: new Date(), promotedByName: promotion.byName, decision: null } });
  changed(w);
}

export async function decideTheme(w: WorkshopRecord, themeId: string, decision: "changed" | "not-adopted" | null, reason: string): Promise<boolean> {
  const { count } = await db().workshopTheme.updateMany({ where: { id: themeId, workshopId: w.id }, data: { decision, decisionReason: reason } });
  if (count) changed(w);
  return count > 0;
}

// ── Results ──────────────────────────────────────────────────────────────────

export type LiveResults = { kind: Activity["kind"]; byTarget: Record<string, { dots?: number; borda?: number; scale?: ScaleResult; reactions?: Record<string, number>; sort?: Record<string, number> }>; voters: number };

/** The current round's results, counted from every phone's ballot. */
export async function liveResults(w: WorkshopRecord): Promise<LiveResults> {
  const rows = await db().workshopVote.findMany({ where: { workshopId: w.id, round: w.activity.round }, select: { participantId: true, targetId: true, value: true } });
  const ballots = new Map<string, Row[]>();
  for (const r of rows) (ballots.get(r.participantId) ?? ballots.set(r.participantId, []).get(r.participantId)!).push({ targetId: r.targetId, value: r.value });
  const list = [...ballots.values()];
  const byTarget: LiveResults["byTarget"] = {};
  const at = (id: string) => (byTarget[id] ??= {});
  const kind = w.activity.activity.kind;
  if (kind === "dots") for (const [id, n] of dotsTally(list)) at(id).dots = n;
  if (kind === "rank") for (const [id, n] of bordaTally(list)) at(id).borda = n;
  if (kind === "scale") for (const [id, s] of scaleTally(list)) at(id).scale = s;
  if (kind === "react") for (const [id, r] of reactTally(list)) at(id).reactions = r;
  if (kind === "sort") for (const [id, r] of sortTally(list)) at(id).sort = r;
  return { kind, byTarget, voters: ballots.size };
}

type Tx = Parameters<Parameters<ReturnType<typeof db>["$transaction"]>[0]>[0];

/**
 * Keeps each theme's figures on the theme itself (cards, and the latest dots, ranking
 * and scale results), so they outlive the raw cards and votes.
 */
async function snapshotThemes(tx: Tx, workshopId: string): Promise<void> {
  const themes = await tx.workshopTheme.findMany({ where: { workshopId }, include: { _count: { select: { cards: { where: { status: { in: ["shown", "pending", "hidden"] } } } } } } });
  const votes = await tx.workshopVote.findMany({ where: { workshopId }, select: { participantId: true, round: true, kind: true, targetId: true, value: true } });
  const latest = new Map<string, string>();
  for (const v of votes) if ((latest.get(v.kind) ?? "") < v.round) latest.set(v.kind, v.round);
  const ballotsOf = (kind: string) => {
    const by = new Map<string, Row[]>();
    for (const v of votes) if (v.kind === kind && v.round === latest.get(kind)) (by.get(v.participantId) ?? by.set(v.participantId, []).get(v.participantId)!).push(v);
    return [...by.values()];
  };
  const dots = dotsTally(ballotsOf("dots"));
  const borda = bordaTally(ballotsOf("rank"));
  const scale = scaleTally(ballotsOf("scale"));
  for (const t of themes) {
    const results: StoredResults = { cards: t._count.cards };
    if (dots.has(t.id)) results.dots = dots.get(t.id)!;
    if (borda.has(t.id)) results.borda = borda.get(t.id)!;
    if (scale.has(t.id)) results.scale = scale.get(t.id)!;
    await tx.workshopTheme.update({ where: { id: t.id }, data: { cardCount: t._count.cards, results: JSON.stringify(results) } });
  }
}

/**
 * Deletes the raw cards, votes, phones and messages of every closed workshop whose
 * deletion date has passed (themes, their figures and what became of them stay).
 * Returns the workshops swept.
 */
export async function deleteDueCards(now: Date = new Date()): Promise<string[]> {
  const closed = await db().workshop.findMany({ where: { status: "closed", cardsDeletedAt: null, closedAt: { not: null } }, select: { id: true, workspaceId: true, closedAt: true, deleteCardsAfterDays: true } });
  const due = closed.filter((w) => cardsDeleteAt(w.closedAt!, w.deleteCardsAfterDays) <= now);
  for (const w of due) {
    await db().$transaction(async (tx) => {
      await snapshotThemes(tx, w.id);
      await tx.workshopVote.deleteMany({ where: { workshopId: w.id } });
      await tx.workshopMessage.deleteMany({ where: { workshopId: w.id } });
      await tx.workshopCard.deleteMany({ where: { workshopId: w.id } });
      await tx.workshopParticipant.deleteMany({ where: { workshopId: w.id } });
      await tx.workshop.update({ where: { id: w.id }, data: { cardsDeletedAt: now } });
    });
    changed(w);
  }
  return due.map((w) => w.id);
}

export async function phoneCount(workshopId: string): Promise<number> {
  return db().workshopParticipant.count({ where: { workshopId } });
}
