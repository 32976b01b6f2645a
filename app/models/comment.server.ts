// Comment threads and the notifications they raise. A service user's comment is
// stored without their id and shown as "A young person" (their contribution carries
// no identity). Mentions notify the member named; a reply notifies the thread's
// other named participants. Nothing here reads or writes an email address.
import { findMentions } from "~/domain/comments";
import { SERVICE_USER_DISPLAY_NAME } from "~/domain/roles";
import { db } from "~/utils/db.server";
import { publishWorkspaceEvent } from "~/utils/workspace-events.server";

export const ANONYMOUS_AUTHOR = SERVICE_USER_DISPLAY_NAME;

export type Author = { userId: string; name: string; role: string };
export type CommentView = { id: string; authorName: string; body: string; createdAt: string; mine: boolean };
export type ThreadView = { id: string; target: string; targetLabel: string; resolvedAt: string | null; resolvedByName: string | null; comments: CommentView[] };

const asAuthor = (a: Author) => (a.role === "service-user" ? { authorId: null, authorName: ANONYMOUS_AUTHOR } : { authorId: a.userId, authorName: a.name });

/** Every thread of a section, oldest first, with its comments. */
export async function listThreads(workspaceId: string, section: string, viewerId: string): Promise<ThreadView[]> {
  const threads = await db().commentThread.findMany({
    where: { workspaceId, section },
    orderBy: { createdAt: "asc" },
    include: { comments: { orderBy: { createdAt: "asc" } } },
  });
  return threads.map((t) => ({
    id: t.id,
    target: t.target,
    targetLabel: t.targetLabel,
    resolvedAt: t.resolvedAt?.toISOString() ?? null,
    resolvedByName: t.resolvedByName,
    comments: t.comments.map((c) => ({ id: c.id, authorName: c.authorName, body: c.body, createdAt: c.createdAt.toISOString(), mine: c.authorId === viewerId })),
  }));
}

/** Members who can be mentioned, by the names the workspace shows. */
async function mentionable(workspaceId: string) {
  const rows = await db().membership.findMany({ where: { workspaceId }, select: { user: { select: { id: true, name: true } } } });
  return rows.map((r) => ({ userId: r.user.id, name: r.user.name }));
}

type NewComment = { workspaceId: string; author: Author; body: string };

/** Starts a thread about `target` (described as `targetLabel`). */
export async function startThread(input: NewComment & { section: string; target: string; targetLabel: string }): Promise<string> {
  const thread = await db().commentThread.create({
    data: { workspaceId: input.workspaceId, section: input.section, target: input.target, targetLabel: input.targetLabel },
    select: { id: true },
  });
  await addComment({ ...input, threadId: thread.id });
  return thread.id;
}

/** The thread, if it belongs to this workspace and section. */
export async function findThread(workspaceId: string, section: string, threadId: string) {
  return db().commentThread.findFirst({ where: { id: threadId, workspaceId, section }, select: { id: true, targetLabel: true, resolvedAt: true } });
}

/** Adds a comment, reopening a resolved thread, and notifies who it concerns. */
export async function addComment(input: NewComment & { threadId: string }): Promise<void> {
  const { workspaceId, author, body, threadId } = input;
  const mentioned = findMentions(body, await mentionable(workspaceId)).filter((id) => id !== author.userId);
  const earlier = await db().comment.findMany({ where: { threadId, authorId: { not: null } }, select: { authorId: true }, distinct: ["authorId"] });
  const participants = earlier.map((c) => c.authorId!).filter((id) => id !== author.userId && !mentioned.includes(id));
  const { authorName } = asAuthor(author);
  const excerpt = body.length > 200 ? `${body.slice(0, 199)}…` : body;
  await db().$transaction([
    db().comment.create({ data: { threadId, body, ...asAuthor(author) } }),
    db().commentThread.update({ where: { id: threadId }, data: { resolvedAt: null, resolvedByName: null } }),
    db().notification.createMany({
      data: [
        ...mentioned.map((userId) => ({ userId, workspaceId, threadId, kind: "mention", actorName: authorName, excerpt })),
        ...participants.map((userId) => ({ userId, workspaceId, threadId, kind: "reply", actorName: authorName, excerpt })),
      ],
    }),
  ]);
  publishWorkspaceEvent(workspaceId, "comments");
}

export async function setResolved(threadId: string, resolved: boolean, by: Author): Promise<void> {
  const { workspaceId } = await db().commentThread.update({
    where: { id: threadId },
    data: resolved ? { resolvedAt: new Date(), resolvedByName: asAuthor(by).authorName } : { resolvedAt: null, resolvedByName: null },
    select: { workspaceId: true },
  });
  publishWorkspaceEvent(workspaceId, "comments");
}
