// Evaluation of opened bids: evaluators named per procurement, their dated
// declarations of conflicts of interest (kept, never edited), individual scores with
// justification, moderation to consensus scores with reasons, and the award.
import type { ConsensusScore, IndividualScore } from "~/domain/procurement/evaluation";
import { addWorkingDays, MINIMUM, recordMove, reached, type Stage } from "~/domain/procurement/stages";
import { db } from "~/utils/db.server";
import type { ProcurementRecord } from "./procurement.server";
import { auditWorkspace, type Actor } from "./audit.server";
import { sealedValue } from "~/domain/audit/chain";

/** Where an evaluation change is recorded and who made it. */
export type AuditContext = { workspaceId: string; by: Actor };

export type EvaluatorView = { id: string; userId: string; name: string; organisation: string | null; declaredAt: string | null; conflictBidIds: string[] };

export async function listEvaluators(procurementId: string): Promise<EvaluatorView[]> {
  const rows = await db().evaluator.findMany({
    where: { procurementId },
    select: {
      id: true,
      userId: true,
      declaredAt: true,
      user: { select: { name: true, organisation: { select: { name: true } } } },
      declarations: { select: { bidId: true, conflict: true, declaredAt: true }, orderBy: { declaredAt: "asc" } },
    },
    orderBy: { addedAt: "asc" },
  });
  return rows.map((r) => {
    // The latest declaration about each bid stands; earlier ones are kept for the record.
    const latest = new Map<string, boolean>();
    for (const d of r.declarations) latest.set(d.bidId, d.conflict);
    return {
      id: r.id,
      userId: r.userId,
      name: r.user.name,
      organisation: r.user.organisation?.name ?? null,
      declaredAt: r.declaredAt?.toISOString() ?? null,
      conflictBidIds: [...latest].filter(([, c]) => c).map(([id]) => id),
    };
  });
}

export async function evaluatorFor(procurementId: string, userId: string): Promise<EvaluatorView | null> {
  return (await listEvaluators(procurementId)).find((e) => e.userId === userId) ?? null;
}

export async function addEvaluator(p: ProcurementRecord, userId: string, by: Actor & { name: string }): Promise<{ ok: true } | { ok: false; error: string }> {
  const member = await db().membership.findFirst({ where: { workspaceId: p.workspaceId, userId }, select: { role: true } });
  if (!member) return { ok: false, error: "Choose a member of this workspace." };
  if (!["commissioner", "facilitator", "evaluator"].includes(member.role)) return { ok: false, error: "Evaluators are commissioners, facilitators or evaluators: bidders cannot evaluate." };
  const existing = await db().evaluator.findUnique({ where: { procurementId_userId: { procurementId: p.id, userId } } });
  if (existing) return { ok: false, error: "They are already an evaluator." };
  const row = await db().evaluator.create({ data: { procurementId: p.id, userId, addedByName: by.name } });
  await auditWorkspace(p.workspaceId, by, "evaluation.evaluator-added", `evaluator:${row.id}`, { after: { userId } });
  return { ok: true };
}

export async function removeEvaluator(p: ProcurementRecord, evaluatorId: string, by: Actor): Promise<boolean> {
  const scored = await db().evaluationScore.count({ where: { evaluatorId } });
  if (scored > 0) return false;
  const { count } = await db().evaluator.deleteMany({ where: { id: evaluatorId, procurementId: p.id } });
  if (count === 1) await auditWorkspace(p.workspaceId, by, "evaluation.evaluator-removed", `evaluator:${evaluatorId}`, { before: { evaluatorId } });
  return count === 1;
}

/** Records one declaration per bid, dated; the evaluator may then see the bids they have no conflict with. */
export async function declare(workspaceId: string, evaluator: EvaluatorView, answers: { bidId: string; conflict: boolean; note: string }[], now = new Date()): Promise<void> {
  await db().$transaction([
    db().conflictDeclaration.createMany({ data: answers.map((a) => ({ evaluatorId: evaluator.id, bidId: a.bidId, conflict: a.conflict, note: a.note, declaredAt: now })) }),
    db().evaluator.update({ where: { id: evaluator.id }, data: { declaredAt: now } }),
  ]);
  // Notes may name people or interests: the trail proves them by hash.
  await auditWorkspace(workspaceId, { id: evaluator.userId, name: evaluator.name }, "evaluation.declared", `evaluator:${evaluator.id}`, { after: answers.map((a) => ({ bid: a.bidId, conflict: a.conflict, note: a.note ? JSON.parse(sealedValue(a.note)) : null })) }, now);
}

export async function listDeclarations(procurementId: string) {
  const rows = await db().conflictDeclaration.findMany({
    where: { evaluator: { procurementId } },
    select: { id: true, bidId: true, conflict: true, note: true, declaredAt: true, evaluator: { select: { user: { select: { name: true } } } } },
    orderBy: { declaredAt: "asc" },
  });
  return rows.map((r) => ({ id: r.id, bidId: r.bidId, conflict: r.conflict, note: r.note, declaredAt: r.declaredAt.toISOString(), evaluatorName: r.evaluator.user.name }));
}

export async function saveScore(evaluatorId: string, bidId: string, questionId: string, score: number, justification: string, ctx: AuditContext): Promise<void> {
  const before = await db().evaluationScore.findUnique({ where: { evaluatorId_bidId_questionId: { evaluatorId, bidId, questionId } }, select: { score: true, justification: true } });
  await db().evaluationScore.upsert({
    where: { evaluatorId_bidId_questionId: { evaluatorId, bidId, questionId } },
    create: { evaluatorId, bidId, questionId, score, justification },
    update: { score, justification },
  });
  // Individual scores are private to their evaluator until moderation: hashes only.
  await auditWorkspace(ctx.workspaceId, ctx.by, "evaluation.scored", `score:${evaluatorId}:${bidId}:${questionId}`, { before: before ? JSON.parse(sealedValue(before)) : null, after: JSON.parse(sealedValue({ score, justification })) });
}

export async function listScores(procurementId: string, evaluatorId?: string): Promise<(IndividualScore & { bidId: string; evaluatorName: string })[]> {
  const rows = await db().evaluationScore.findMany({
    where: { evaluator: { procurementId }, ...(evaluatorId ? { evaluatorId } : {}) },
    select: { evaluatorId: true, bidId: true, questionId: true, score: true, justification: true, evaluator: { select: { user: { select: { name: true } } } } },
  });
  return rows.map((r) => ({ evaluatorId: r.evaluatorId, bidId: r.bidId, questionId: r.questionId, score: r.score, justification: r.justification, evaluatorName: r.evaluator.user.name }));
}

export async function startModeration(p: ProcurementRecord, by: Actor, now = new Date()): Promise<boolean> {
  const { count } = await db().procurement.updateMany({ where: { id: p.id, moderationAt: null }, data: { moderationAt: now } });
  if (count === 1) await auditWorkspace(p.workspaceId, by, "evaluation.moderation-started", `procurement:${p.id}`, {}, now);
  return count === 1;
}

export async function saveConsensus(bidId: string, questionId: string, score: number, reasons: string, ctx: AuditContext & { by: { name: string } }): Promise<void> {
  const byName = ctx.by.name;
  const before = await db().consensusScore.findUnique({ where: { bidId_questionId: { bidId, questionId } }, select: { score: true, reasons: true } });
  await db().consensusScore.upsert({
    where: { bidId_questionId: { bidId, questionId } },
    create: { bidId, questionId, score, reasons, byName },
    update: { score, reasons, byName, at: new Date() },
  });
  await auditWorkspace(ctx.workspaceId, ctx.by, "evaluation.consensus", `consensus:${bidId}:${questionId}`, { before, after: { score, reasons } });
}

export async function listConsensus(procurementId: string): Promise<(ConsensusScore & { bidId: string; byName: string })[]> {
  const rows = await db().consensusScore.findMany({ where: { bid: { procurementId } }, select: { bidId: true, questionId: true, score: true, reasons: true, byName: true } });
  return rows;
}

export type AwardView = { bidId: string; reasons: string; decidedByName: string; decidedAt: string; standstillEndsAt: string; contractVersionId: string | null };

export async function getAward(procurementId: string): Promise<AwardView | null> {
  const row = await db().award.findUnique({ where: { procurementId } });
  return row ? { bidId: row.bidId, reasons: row.reasons, decidedByName: row.decidedByName, decidedAt: row.decidedAt.toISOString(), standstillEndsAt: row.standstillEndsAt.toISOString(), contractVersionId: row.contractVersionId } : null;
}

/**
 * Records the award: the procurement moves to "award decision" and straight into the
 * standstill, which lasts MINIMUM.standstillWorkingDays working days; the contract date
 * is planned for its end (or kept, if later).
 */
export async function recordAward(p: ProcurementRecord, input: { bidId: string; reasons: string; contractVersionId: string | null }, by: Actor & { name: string }, now = new Date()): Promise<AwardView> {
  const standstillEndsAt = addWorkingDays(now, MINIMUM.standstillWorkingDays);
  let timeline = p.timeline;
  const moves: { from: Stage; to: Stage }[] = [];
  let stage = p.stage;
  for (const to of ["award-decision", "standstill"] as const) {
    if (reached(p, stage, to)) continue;
    moves.push({ from: stage, to });
    timeline = recordMove(timeline, to, now);
    stage = to;
  }
  const plannedContract = timeline.contract ? Date.parse(timeline.contract) : NaN;
  if (Number.isNaN(plannedContract) || plannedContract < standstillEndsAt.getTime()) timeline = { ...timeline, contract: standstillEndsAt.toISOString() };
  await db().$transaction([
    db().award.create({ data: { procurementId: p.id, bidId: input.bidId, reasons: input.reasons, decidedByName: by.name, decidedAt: now, standstillEndsAt, contractVersionId: input.contractVersionId } }),
    db().procurement.update({ where: { id: p.id }, data: { stage, timeline: JSON.stringify(timeline) } }),
    db().stageMove.createMany({ data: moves.map((m) => ({ procurementId: p.id, fromStage: m.from, toStage: m.to, byName: by.name, note: "Award decision", at: now })) }),
  ]);
  for (const m of moves) await auditWorkspace(p.workspaceId, by, "procurement.stage", `procurement:${p.id}`, { before: m.from, after: m.to }, now);
  await auditWorkspace(p.workspaceId, by, "award.decided", `procurement:${p.id}`, { after: { bid: input.bidId, reasons: input.reasons, contractVersionId: input.contractVersionId, standstillEndsAt: standstillEndsAt.toISOString() } }, now);
  return (await getAward(p.id))!;
}
