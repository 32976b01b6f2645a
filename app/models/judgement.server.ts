// Commissioning partners' judgements of test vignettes ("would we refer this case?"),
// one per member and vignette, kept with the partner the member speaks for.
import type { Judgement, Vote } from "~/domain/agreement";
import { db } from "~/utils/db.server";
import { publishWorkspaceEvent } from "~/utils/workspace-events.server";

export async function recordJudgement(input: { workspaceId: string; vignetteId: string; userId: string; partner: string; judgement: Judgement }): Promise<void> {
  const { workspaceId, vignetteId, userId, partner, judgement } = input;
  await db().vignetteJudgement.upsert({
    where: { workspaceId_vignetteId_userId: { workspaceId, vignetteId, userId } },
    create: { workspaceId, vignetteId, userId, partner, judgement },
    update: { partner, judgement },
  });
  publishWorkspaceEvent(workspaceId, "judgements");
}

/** Every judgement in the workspace, as votes by partner (no names: partners are compared, not people). */
export async function listVotes(workspaceId: string): Promise<{ votes: Vote[]; mine: (userId: string) => Record<string, Judgement> }> {
  const rows = await db().vignetteJudgement.findMany({ where: { workspaceId }, select: { vignetteId: true, partner: true, judgement: true, userId: true } });
  const valid = rows.filter((r): r is typeof r & { judgement: Judgement } => r.judgement === "refer" || r.judgement === "not-refer");
  return {
    votes: valid.map(({ vignetteId, partner, judgement }) => ({ vignetteId, partner, judgement })),
    mine: (userId) => Object.fromEntries(valid.filter((r) => r.userId === userId).map((r) => [r.vignetteId, r.judgement])),
  };
}

/** The partners whose members may judge: the organisations of the workspace's commissioners. */
export async function commissioningPartners(workspaceId: string): Promise<string[]> {
  const members = await db().membership.findMany({ where: { workspaceId, role: "commissioner" }, select: { user: { select: { organisation: { select: { name: true } } } } } });
  return [...new Set(members.map((m) => m.user.organisation?.name ?? UNAFFILIATED))].sort();
}

export const UNAFFILIATED = "No organisation";
