// Ratings of outcomes by stakeholder group. The rater is stored as a keyed hash of
// workspace and user (HMAC with the session secret): enough to keep one rating per
// person and outcome, not enough to say whose it is.
import { createHmac } from "node:crypto";
import type { Rating, RatingGroup } from "~/domain/priorities";
import { db } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { publishWorkspaceEvent } from "~/utils/workspace-events.server";

const raterKey = (workspaceId: string, userId: string) => createHmac("sha256", env().SESSION_SECRET).update(`rating:${workspaceId}:${userId}`).digest("hex");

/** Records (or replaces) one person's scores, one transaction. */
export async function saveRatings(input: { workspaceId: string; userId: string; group: RatingGroup; scores: Record<string, number> }): Promise<void> {
  const key = raterKey(input.workspaceId, input.userId);
  await db().$transaction(
    Object.entries(input.scores).map(([outcomeId, score]) =>
      db().outcomeRating.upsert({
        where: { workspaceId_outcomeId_raterKey: { workspaceId: input.workspaceId, outcomeId, raterKey: key } },
        create: { workspaceId: input.workspaceId, outcomeId, raterKey: key, ratingGroup: input.group, score },
        update: { ratingGroup: input.group, score },
      }),
    ),
  );
  publishWorkspaceEvent(input.workspaceId, "priorities");
}

/** Every rating in the workspace (anonymous), and this person's own scores. */
export async function listRatings(workspaceId: string, userId: string): Promise<{ ratings: Rating[]; mine: Record<string, number> }> {
  const rows = await db().outcomeRating.findMany({ where: { workspaceId }, select: { outcomeId: true, ratingGroup: true, score: true, raterKey: true } });
  const key = raterKey(workspaceId, userId);
  return {
    ratings: rows.map((r) => ({ outcomeId: r.outcomeId, group: r.ratingGroup as RatingGroup, score: r.score })),
    mine: Object.fromEntries(rows.filter((r) => r.raterKey === key).map((r) => [r.outcomeId, r.score])),
  };
}
