// What-if copies on the server: each person's own, named; shown to the room when its
// owner says so. Only the owner changes, shows or deletes one; members read their own and
// the shown ones; anything else is "not found", so a hidden what-if's existence never leaks.
// A stored copy that no longer validates (a schema change) is listed without content.
import { WhatIfContentSchema, type WhatIfContent, type WhatIfView } from "~/domain/payment/what-if";
import { db } from "~/utils/db.server";
import { publishWorkspaceEvent } from "~/utils/workspace-events.server";

const select = { id: true, name: true, content: true, shownAt: true, updatedAt: true, ownerId: true, owner: { select: { name: true, organisation: { select: { id: true, name: true } } } } } as const;
type Row = { id: string; name: string; content: string; shownAt: Date | null; updatedAt: Date; ownerId: string; owner: { name: string; organisation: { id: string; name: string } | null } };

function view(row: Row, viewerId: string): WhatIfView | null {
  let content: unknown;
  try {
    content = JSON.parse(row.content);
  } catch {
    return null;
  }
  const parsed = WhatIfContentSchema.safeParse(content);
  if (!parsed.success) return null;
  return { id: row.id, name: row.name, mine: row.ownerId === viewerId, ownerName: row.owner.name, organisation: row.owner.organisation?.name ?? null, shown: row.shownAt !== null, updatedAt: row.updatedAt.toISOString(), ...parsed.data };
}

/** Shown, by someone still a member: a person who leaves takes their what-ifs off the wall. */
const shownByAMember = (workspaceId: string) => ({ shownAt: { not: null }, owner: { memberships: { some: { workspaceId } } } });

/**
 * Rivals share the workspace once there is a procurement: a what-if shown by a registered
 * party reaches another party under the owner's pseudonym ("Organisation 3"), never a
 * name. The commissioning team and the owner's own organisation see who it is.
 */
async function maskRivals(workspaceId: string, viewerId: string, rows: Row[], views: (WhatIfView | null)[]): Promise<(WhatIfView | null)[]> {
  const theirs = rows.filter((r) => r.ownerId !== viewerId && r.owner.organisation);
  if (!theirs.length) return views;
  const [me, procurement] = await Promise.all([
    db().membership.findUnique({ where: { workspaceId_userId: { workspaceId, userId: viewerId } }, select: { role: true, user: { select: { organisationId: true } } } }),
    db().procurement.findUnique({ where: { workspaceId }, select: { parties: { select: { organisationId: true, number: true } } } }),
  ]);
  if (!procurement || !me || me.role === "commissioner" || me.role === "facilitator") return views;
  const numbers = new Map(procurement.parties.map((p) => [p.organisationId, p.number]));
  return views.map((v, i) => {
    const org = rows[i]!.owner.organisation;
    if (!v || v.mine || !org || org.id === me.user.organisationId || !numbers.has(org.id)) return v;
    return { ...v, ownerName: `Organisation ${numbers.get(org.id)}`, organisation: null };
  });
}

/** The viewer's own what-ifs, then the ones others show to the room (most recently shown first). */
export async function listWhatIfs(workspaceId: string, viewerId: string): Promise<WhatIfView[]> {
  const rows = await db().whatIf.findMany({
    where: { workspaceId, OR: [{ ownerId: viewerId }, shownByAMember(workspaceId)] },
    select,
    orderBy: [{ shownAt: "desc" }, { updatedAt: "desc" }],
  });
  const masked = await maskRivals(workspaceId, viewerId, rows, rows.map((r) => view(r, viewerId)));
  const views = masked.filter((v): v is WhatIfView => v !== null);
  return [...views.filter((v) => v.mine), ...views.filter((v) => !v.mine)];
}

/** The names of a person's own what-ifs in a workspace (no content read). */
export async function whatIfNames(workspaceId: string, ownerId: string): Promise<string[]> {
  return (await db().whatIf.findMany({ where: { workspaceId, ownerId }, select: { name: true } })).map((r) => r.name);
}

/** One what-if the viewer may read (their own, or shown), or null. */
export async function getWhatIf(workspaceId: string, id: string, viewerId: string): Promise<WhatIfView | null> {
  const row = await db().whatIf.findFirst({ where: { id, workspaceId, OR: [{ ownerId: viewerId }, shownByAMember(workspaceId)] }, select });
  return row ? ((await maskRivals(workspaceId, viewerId, [row], [view(row, viewerId)]))[0] ?? null) : null;
}

type Result = { ok: true; whatIf: WhatIfView } | { ok: false; status: 404 | 409; field?: string; error: string };
const nameTaken = (name: string): Result => ({ ok: false, status: 409, field: "name", error: `You already have a what-if named "${name}". Choose another name.` });

export async function createWhatIf(input: { workspaceId: string; ownerId: string; name: string } & WhatIfContent): Promise<Result> {
  const taken = await db().whatIf.findUnique({ where: { workspaceId_ownerId_name: { workspaceId: input.workspaceId, ownerId: input.ownerId, name: input.name } }, select: { id: true } });
  if (taken) return nameTaken(input.name);
  const row = await db().whatIf.create({ data: { workspaceId: input.workspaceId, ownerId: input.ownerId, name: input.name, content: JSON.stringify({ model: input.model, scenarios: input.scenarios }) }, select });
  return { ok: true, whatIf: view(row, input.ownerId)! };
}

/** The owner's change; anyone else (or another workspace's id) gets not found. */
export async function updateWhatIf(input: { workspaceId: string; id: string; ownerId: string; name?: string; content?: WhatIfContent; shown?: boolean }): Promise<Result> {
  const existing = await db().whatIf.findFirst({ where: { id: input.id, workspaceId: input.workspaceId, ownerId: input.ownerId }, select: { id: true, name: true, shownAt: true } });
  if (!existing) return { ok: false, status: 404, error: "You have no what-if with this id in this workspace." };
  if (input.name !== undefined && input.name !== existing.name) {
    const taken = await db().whatIf.findUnique({ where: { workspaceId_ownerId_name: { workspaceId: input.workspaceId, ownerId: input.ownerId, name: input.name } }, select: { id: true } });
    if (taken) return nameTaken(input.name);
  }
  const shownAt = input.shown === undefined ? undefined : input.shown ? (existing.shownAt ?? new Date()) : null;
  const row = await db().whatIf.update({
    where: { id: existing.id },
    data: { name: input.name, content: input.content ? JSON.stringify(input.content) : undefined, shownAt },
    select,
  });
  // The room hears of what it sees: a what-if shown, hidden again, or changed while shown.
  if (existing.shownAt !== null || row.shownAt !== null) publishWorkspaceEvent(input.workspaceId, "what-ifs");
  return { ok: true, whatIf: view(row, input.ownerId)! };
}

export async function deleteWhatIf(input: { workspaceId: string; id: string; ownerId: string }): Promise<boolean> {
  const existing = await db().whatIf.findFirst({ where: { id: input.id, workspaceId: input.workspaceId, ownerId: input.ownerId }, select: { id: true, shownAt: true } });
  if (!existing) return false;
  await db().whatIf.delete({ where: { id: existing.id } });
  if (existing.shownAt !== null) publishWorkspaceEvent(input.workspaceId, "what-ifs");
  return true;
}
