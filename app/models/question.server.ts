// Questions to the commissioner and their answers. What a person may see of each one is
// decided by viewQuestion (app/domain/procurement/questions.ts); this module only reads
// and writes. Publishing an answer goes to every party at once (publishToParties).
import { byVotes, questionActionAllowed, viewQuestion, type Confidentiality, type QuestionAction, type QuestionRecord, type QuestionSource, type QuestionStatus, type QuestionView, type Viewer } from "~/domain/procurement/questions";
import { answersOpen } from "~/domain/procurement/stages";
import { db } from "~/utils/db.server";
import { auditWorkspace, type Actor } from "./audit.server";
import { sealedValue } from "~/domain/audit/chain";
import { publishWorkspaceEvent } from "~/utils/workspace-events.server";
import { partyOf, publishToParties, voterKey, type ProcurementRecord } from "./procurement.server";

export const questionInclude = { _count: { select: { votes: true } } } as const;

type Row = Awaited<ReturnType<typeof findRows>>[number];
function findRows(where: { procurementId: string; eventId?: string | null; id?: string }) {
  return db().question.findMany({ where, include: questionInclude, orderBy: { createdAt: "asc" } });
}

async function partyNumbers(procurementId: string): Promise<Map<string, number>> {
  const parties = await db().party.findMany({ where: { procurementId }, select: { organisationId: true, number: true } });
  return new Map(parties.map((p) => [p.organisationId, p.number]));
}

/** A stored question (with its vote count) as the policy reads it; `numbers` are the parties' pseudonym numbers by organisation. */
export function questionRecord(r: Row, numbers: Map<string, number>): QuestionRecord {
  return {
    id: r.id,
    source: r.source as QuestionSource,
    status: r.status as QuestionStatus,
    confidentiality: r.confidentiality as Confidentiality,
    anonymous: r.anonymous,
    body: r.body,
    answer: r.answer,
    askerOrganisationId: r.askerOrganisationId,
    askerOrganisationName: r.askerOrganisationName,
    askerName: r.askerName,
    askerPartyNumber: r.askerOrganisationId ? (numbers.get(r.askerOrganisationId) ?? null) : null,
    votes: r._count.votes,
    createdAt: r.createdAt.toISOString(),
    answeredAt: r.answeredAt?.toISOString() ?? null,
  };
}

/** The questions `viewer` may see: of one event (`eventId`), or the whole clarification log. */
export async function listQuestions(procurementId: string, viewer: Viewer, scope: { eventId?: string } = {}): Promise<QuestionView[]> {
  const [rows, numbers] = await Promise.all([findRows({ procurementId, ...(scope.eventId ? { eventId: scope.eventId } : {}) }), partyNumbers(procurementId)]);
  const views = rows.map((r) => viewQuestion(viewer, questionRecord(r, numbers))).filter((v): v is QuestionView => v !== null);
  return scope.eventId ? byVotes(views) : views;
}

/** One question as `viewer` may see it, with its stored record for the rules; null if they may not see it. */
export async function getQuestion(procurementId: string, questionId: string, viewer: Viewer): Promise<{ view: QuestionView; record: QuestionRecord; eventId: string | null; askerId: string | null } | null> {
  const [rows, numbers] = await Promise.all([findRows({ procurementId, id: questionId }), partyNumbers(procurementId)]);
  const row = rows[0];
  if (!row) return null;
  const record = questionRecord(row, numbers);
  const view = viewQuestion(viewer, record);
  return view ? { view, record, eventId: row.eventId, askerId: row.askerId } : null;
}

export type Asker = { id: string; name: string; organisation: { id: string; name: string } | null };

export async function askQuestion(p: ProcurementRecord, asker: Asker, input: { source: QuestionSource; body: string; confidential?: boolean; anonymous?: boolean; eventId?: string }): Promise<{ id: string }> {
  const q = await db().question.create({
    data: {
      procurementId: p.id,
      eventId: input.eventId ?? null,
      source: input.source,
      status: "pending",
      confidentiality: input.confidential ? "requested" : "none",
      anonymous: input.anonymous ?? true,
      body: input.body,
      askerId: asker.id,
      askerName: asker.name,
      askerOrganisationId: asker.organisation?.id ?? null,
      askerOrganisationName: asker.organisation?.name ?? null,
    },
    select: { id: true },
  });
  const found = await getQuestion(p.id, q.id, { commissioningTeam: true, organisationId: null });
  if (found) await auditWorkspace(p.workspaceId, askerAsShown(found.record), "clarification.asked", `question:${q.id}`, { after: { source: input.source, confidentiality: found.record.confidentiality, body: questionText(found.record, input.body) } });
  publishWorkspaceEvent(p.workspaceId, "procurement");
  return q;
}

export class QuestionRuleError extends Error {}

// The audit trail names an asker as every party sees them (a pseudonym unless they
// asked by name at an event), and keeps only a hash of anything that may be
// commercially confidential, so the trail shows no more than the clarification log.
const publicViewer = { commissioningTeam: false, organisationId: null } as const;
const askerAsShown = (record: QuestionRecord): Actor => ({ id: null, name: viewQuestion(publicViewer, { ...record, status: "answered", confidentiality: "none" })?.askedBy ?? "A registered party" });
const questionText = (record: Pick<QuestionRecord, "confidentiality">, text: string | null) => (text === null ? null : record.confidentiality === "none" ? { text } : JSON.parse(sealedValue(text)));

function refuse(reason: string | null): void {
  if (reason) throw new QuestionRuleError(reason);
}

/**
 * Answers a question, or edits its answer (every answer is kept). Public answers go to
 * every party at the same moment; an agreed-confidential one to the asker's party only.
 */
export async function answerQuestion(p: ProcurementRecord, questionId: string, input: { answer: string; body?: string | undefined }, by: Actor & { name: string }, now = new Date()): Promise<void> {
  const found = await getQuestion(p.id, questionId, { commissioningTeam: true, organisationId: null });
  if (!found) throw new QuestionRuleError("That question is not in this procurement.");
  refuse(questionActionAllowed(found.record, "answer"));
  const window = answersOpen(p, now);
  if (!window.open) throw new QuestionRuleError(window.reason);
  const editing = found.record.status === "answered";
  if (editing && found.record.answer === input.answer && (!input.body || input.body === found.record.body)) return;
  await db().$transaction([
    db().question.update({
      where: { id: questionId },
      data: { answer: input.answer, status: "answered", answeredAt: found.record.answeredAt ? undefined : now, answeredByName: by.name, ...(input.body && found.record.source === "dialogue" ? { body: input.body } : {}) },
    }),
    db().answerRevision.create({ data: { questionId, answer: input.answer, byName: by.name, at: now } }),
  ]);
  await auditWorkspace(p.workspaceId, by, editing ? "clarification.answer-changed" : "clarification.answered", `question:${questionId}`, { before: questionText(found.record, found.record.answer), after: questionText(found.record, input.answer) }, now);
  const privately = found.record.confidentiality === "agreed";
  const party = privately ? await partyOf(p.id, found.record.askerOrganisationId) : null;
  const revisions = await db().answerRevision.count({ where: { questionId } });
  const excerpt = (input.body ?? found.record.body).replace(/\s+/g, " ").slice(0, 120);
  await publishToParties(
    p,
    {
      key: editing ? `answer:${questionId}:${revisions}` : `answer:${questionId}`,
      kind: editing ? "answer-edit" : "answer",
      label: `${editing ? "Answer changed" : "Answered"}${privately ? " (to you only, commercially confidential)" : ""}: “${excerpt}”`,
      href: `/procurement/clarifications#q-${questionId}`,
      onlyForPartyId: privately ? (party?.id ?? "none") : null,
    },
    now,
  );
}

export async function answerHistory(questionIds: string[]) {
  if (!questionIds.length) return new Map<string, { answer: string; byName: string; at: string }[]>();
  const rows = await db().answerRevision.findMany({ where: { questionId: { in: questionIds } }, orderBy: { at: "asc" } });
  const out = new Map<string, { answer: string; byName: string; at: string }[]>();
  for (const r of rows) out.set(r.questionId, [...(out.get(r.questionId) ?? []), { answer: r.answer, byName: r.byName, at: r.at.toISOString() }]);
  return out;
}

/** The facilitator's and commissioner's moves on a question that are not answers. */
export async function moderateQuestion(p: ProcurementRecord, questionId: string, action: Exclude<QuestionAction, "answer" | "vote" | "withdraw">, by: Actor): Promise<void> {
  const found = await getQuestion(p.id, questionId, { commissioningTeam: true, organisationId: null });
  if (!found) throw new QuestionRuleError("That question is not in this procurement.");
  refuse(questionActionAllowed(found.record, action));
  const data =
    action === "approve"
      ? { status: "approved" }
      : action === "hide"
        ? { status: "hidden" }
        : { confidentiality: action === "agree-confidential" ? "agreed" : "refused" };
  await db().question.update({ where: { id: questionId }, data });
  await auditWorkspace(p.workspaceId, by, `clarification.${action}`, `question:${questionId}`, { before: { status: found.record.status, confidentiality: found.record.confidentiality }, after: data });
  publishWorkspaceEvent(p.workspaceId, "procurement");
}

/** The asker's organisation takes its question back (before it is answered). */
export async function withdrawQuestion(p: ProcurementRecord, questionId: string, organisationId: string | null): Promise<void> {
  const found = await getQuestion(p.id, questionId, { commissioningTeam: false, organisationId });
  if (!found || !found.view.mine) throw new QuestionRuleError("Only the organisation that asked a question can withdraw it.");
  refuse(questionActionAllowed(found.record, "withdraw"));
  await db().question.update({ where: { id: questionId }, data: { status: "withdrawn" } });
  await auditWorkspace(p.workspaceId, askerAsShown(found.record), "clarification.withdrawn", `question:${questionId}`, { before: { status: found.record.status }, after: { status: "withdrawn" } });
  publishWorkspaceEvent(p.workspaceId, "procurement");
}

/** Votes a question up (once each), or takes the vote back. */
export async function voteQuestion(p: ProcurementRecord, questionId: string, userId: string, viewer: Viewer, on: boolean): Promise<void> {
  const found = await getQuestion(p.id, questionId, viewer);
  if (!found) throw new QuestionRuleError("That question is not shown to the room.");
  refuse(questionActionAllowed(found.record, "vote"));
  const key = voterKey(p.id, userId);
  if (on) await db().questionVote.upsert({ where: { questionId_voterKey: { questionId, voterKey: key } }, create: { questionId, voterKey: key }, update: {} });
  else await db().questionVote.deleteMany({ where: { questionId, voterKey: key } });
  publishWorkspaceEvent(p.workspaceId, "procurement");
}

export async function myVotes(procurementId: string, userId: string, questionIds: string[]): Promise<Set<string>> {
  if (!questionIds.length) return new Set();
  const rows = await db().questionVote.findMany({ where: { questionId: { in: questionIds }, voterKey: voterKey(procurementId, userId) }, select: { questionId: true } });
  return new Set(rows.map((r) => r.questionId));
}
