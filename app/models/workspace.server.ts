import type { Role } from "~/domain/roles";
import { db } from "~/utils/db.server";
import { auditWorkspace, type Actor } from "./audit.server";

export type WorkspaceListItem = {
  id: string;
  name: string;
  description: string;
  role: Role;
  isLead: boolean;
  memberCount: number;
};

/** The workspaces `userId` belongs to, newest first. */
export async function listWorkspacesForUser(userId: string): Promise<WorkspaceListItem[]> {
  const memberships = await db().membership.findMany({
    where: { userId },
    orderBy: { workspace: { createdAt: "desc" } },
    select: {
      role: true,
      isLead: true,
      workspace: { select: { id: true, name: true, description: true, _count: { select: { memberships: true } } } },
    },
  });
  return memberships.map((m) => ({
    id: m.workspace.id,
    name: m.workspace.name,
    description: m.workspace.description,
    role: m.role as Role,
    isLead: m.isLead,
    memberCount: m.workspace._count.memberships,
  }));
}

/** Creates a workspace with its creator as the first member (lead, if a commissioner). */
export async function createWorkspace({
  name,
  description,
  ownerId,
  ownerRole,
}: {
  name: string;
  description: string;
  ownerId: string;
  ownerRole: "facilitator" | "commissioner";
}) {
  const w = await db().workspace.create({
    data: {
      name,
      description,
      createdById: ownerId,
      memberships: { create: { userId: ownerId, role: ownerRole, isLead: ownerRole === "commissioner" } },
    },
    select: { id: true, name: true, description: true, createdAt: true },
  });
  const owner = await db().user.findUnique({ where: { id: ownerId }, select: { name: true } });
  await auditWorkspace(w.id, { id: ownerId, name: owner?.name ?? "The creator" }, "workspace.created", `workspace:${w.id}`, { after: { name, description, owner: ownerId, ownerRole } }, w.createdAt);
  return w;
}

/** Renames or re-describes a workspace. */
export async function updateWorkspace({ workspaceId, name, description, by }: { workspaceId: string; name: string; description: string; by: Actor }) {
  const before = await db().workspace.findUnique({ where: { id: workspaceId }, select: { name: true, description: true } });
  const row = await db().workspace.update({ where: { id: workspaceId }, data: { name, description }, select: { id: true } });
  await auditWorkspace(workspaceId, by, "workspace.settings", `workspace:${workspaceId}`, { before, after: { name, description } });
  return row;
}

/** The workspace and `userId`'s membership of it, or null when not a member (or no such workspace). */
export async function getMembership({ workspaceId, userId }: { workspaceId: string; userId: string }) {
  return db().membership.findUnique({
    where: { workspaceId_userId: { workspaceId, userId } },
    select: {
      id: true,
      role: true,
      isLead: true,
      workspace: { select: { id: true, name: true, description: true, createdAt: true } },
    },
  });
}
