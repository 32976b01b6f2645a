// Dialogue sessions with each bidder (competitive flexible procedure with dialogue).
// A session's minutes and issues are for that bidder and the commissioning team only:
// callers pass the viewer's organisation and these queries filter by it.
import { db } from "~/utils/db.server";
import { publishWorkspaceEvent } from "~/utils/workspace-events.server";
import type { ProcurementRecord } from "./procurement.server";

export type DialogueView = {
  id: string;
  round: number;
  scheduledAt: string;
  place: string;
  minutes: string;
  minutesUpdatedAt: string | null;
  party: { id: string; number: number; name: string };
  issues: { id: string; body: string; questionId: string | null; createdAt: string }[];
};

/** The sessions `viewer` may see: all for the commissioning team, their own organisation's otherwise. */
export async function listDialogues(procurementId: string, viewer: { commissioningTeam: boolean; organisationId: string | null }): Promise<DialogueView[]> {
  if (!viewer.commissioningTeam && !viewer.organisationId) return [];
  const rows = await db().dialogueSession.findMany({
    where: { procurementId, ...(viewer.commissioningTeam ? {} : { party: { organisationId: viewer.organisationId! } }) },
    orderBy: [{ scheduledAt: "asc" }],
    include: { party: { select: { id: true, number: true, organisation: { select: { name: true } } } }, issues: { orderBy: { createdAt: "asc" } } },
  });
  return rows.map((r) => ({
    id: r.id,
    round: r.round,
    scheduledAt: r.scheduledAt.toISOString(),
    place: r.place,
    minutes: r.minutes,
    minutesUpdatedAt: r.minutesUpdatedAt?.toISOString() ?? null,
    party: { id: r.party.id, number: r.party.number, name: r.party.organisation.name },
    issues: r.issues.map((i) => ({ id: i.id, body: i.body, questionId: i.questionId, createdAt: i.createdAt.toISOString() })),
  }));
}

export async function scheduleDialogue(p: ProcurementRecord, input: { partyId: string; scheduledAt: string; place: string }): Promise<{ ok: true } | { ok: false; error: string }> {
  const party = await db().party.findFirst({ where: { id: input.partyId, procurementId: p.id }, select: { id: true } });
  if (!party) return { ok: false, error: "Choose a registered party." };
  const round = (await db().dialogueSession.count({ where: { procurementId: p.id, partyId: party.id } })) + 1;
  await db().dialogueSession.create({ data: { procurementId: p.id, partyId: party.id, round, scheduledAt: new Date(input.scheduledAt), place: input.place } });
  publishWorkspaceEvent(p.workspaceId, "procurement");
  return { ok: true };
}

async function sessionIn(p: ProcurementRecord, sessionId: string) {
  return db().dialogueSession.findFirst({ where: { id: sessionId, procurementId: p.id }, select: { id: true } });
}

export async function saveMinutes(p: ProcurementRecord, sessionId: string, minutes: string): Promise<boolean> {
  if (!(await sessionIn(p, sessionId))) return false;
  await db().dialogueSession.update({ where: { id: sessionId }, data: { minutes, minutesUpdatedAt: new Date() } });
  publishWorkspaceEvent(p.workspaceId, "procurement");
  return true;
}

export async function raiseIssue(p: ProcurementRecord, sessionId: string, body: string): Promise<boolean> {
  if (!(await sessionIn(p, sessionId))) return false;
  await db().dialogueIssue.create({ data: { sessionId, body } });
  publishWorkspaceEvent(p.workspaceId, "procurement");
  return true;
}

/**
 * Turns an issue raised in one bidder's dialogue into a clarification for every party:
 * a question "raised in dialogue", with no bidder named, waiting for the commissioner's
 * published wording and answer.
 */
export async function issueToClarification(p: ProcurementRecord, issueId: string): Promise<{ ok: true; questionId: string } | { ok: false; error: string }> {
  const issue = await db().dialogueIssue.findFirst({ where: { id: issueId, session: { procurementId: p.id } }, select: { id: true, body: true, questionId: true } });
  if (!issue) return { ok: false, error: "That issue is not in this procurement." };
  if (issue.questionId) return { ok: true, questionId: issue.questionId };
  const q = await db().question.create({ data: { procurementId: p.id, source: "dialogue", status: "pending", body: issue.body, anonymous: true }, select: { id: true } });
  await db().dialogueIssue.update({ where: { id: issue.id }, data: { questionId: q.id } });
  publishWorkspaceEvent(p.workspaceId, "procurement");
  return { ok: true, questionId: q.id };
}
