// A member's notifications (mentions and replies), only from workspaces they still
// belong to.
import { db } from "~/utils/db.server";

export type NotificationView = {
  id: string;
  kind: "mention" | "reply" | "procurement";
  actorName: string;
  excerpt: string;
  createdAt: string;
  read: boolean;
  workspace: { id: string; name: string };
  /** Null for a procurement notification. */
  thread: { id: string; section: string; targetLabel: string } | null;
};

const stillMember = (userId: string) => ({ workspace: { memberships: { some: { userId } } } });

export async function countUnread(userId: string): Promise<number> {
  return db().notification.count({ where: { userId, readAt: null, ...stillMember(userId) } });
}

export async function listNotifications(userId: string, limit = 100): Promise<NotificationView[]> {
  const rows = await db().notification.findMany({
    where: { userId, ...stillMember(userId) },
    orderBy: [{ readAt: { sort: "asc", nulls: "first" } }, { createdAt: "desc" }],
    take: limit,
    include: { workspace: { select: { id: true, name: true } }, thread: { select: { id: true, section: true, targetLabel: true } } },
  });
  return rows.map((n) => ({
    id: n.id,
    kind: n.kind === "mention" ? "mention" : n.kind === "procurement" ? "procurement" : "reply",
    actorName: n.actorName,
    excerpt: n.excerpt,
    createdAt: n.createdAt.toISOString(),
    read: n.readAt !== null,
    workspace: n.workspace,
    thread: n.thread,
  }));
}

/** Marks one notification read and returns where it points; null if it is not theirs. */
export async function openNotification(userId: string, id: string): Promise<string | null> {
  const n = await db().notification.findFirst({ where: { id, userId, ...stillMember(userId) }, select: { id: true, workspaceId: true, threadId: true, href: true, thread: { select: { section: true } } } });
  if (!n) return null;
  await db().notification.update({ where: { id: n.id }, data: { readAt: new Date() } });
  if (!n.thread) return n.href?.startsWith(`/workspaces/${n.workspaceId}/`) ? n.href : `/workspaces/${n.workspaceId}`;
  return `/workspaces/${n.workspaceId}/${n.thread.section}?thread=${n.threadId}#thread-${n.threadId}`;
}

export async function markAllRead(userId: string): Promise<void> {
  await db().notification.updateMany({ where: { userId, readAt: null }, data: { readAt: new Date() } });
}
