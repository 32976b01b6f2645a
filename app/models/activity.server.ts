// The activity feed's storage: lines written by the sync server's recorder
// (server/activity.ts), read by the activity page and the editors' "recent changes".
import { db } from "~/utils/db.server";

export type ActivityRow = { workspaceId: string; section: string; actorId: string | null; actorName: string; subject: string; summary: string; startedAt: Date; at: Date };

export async function recordActivity(rows: ActivityRow[]): Promise<void> {
  if (rows.length) await db().activityEvent.createMany({ data: rows });
}

export type ActivityLine = { id: string; section: string; actorName: string; summary: string; at: string };

/**
 * The newest lines first, `limit` at a time; `before` (an ISO time and id from the
 * last line shown) pages back.
 */
export async function listActivity(workspaceId: string, options: { section?: string | undefined; before?: { at: Date; id: string } | undefined; limit: number }): Promise<ActivityLine[]> {
  const { section, before, limit } = options;
  const rows = await db().activityEvent.findMany({
    where: {
      workspaceId,
      ...(section ? { section } : {}),
      ...(before ? { OR: [{ at: { lt: before.at } }, { at: before.at, id: { lt: before.id } }] } : {}),
    },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: limit,
    select: { id: true, section: true, actorName: true, summary: true, at: true },
  });
  return rows.map((r) => ({ ...r, at: r.at.toISOString() }));
}
