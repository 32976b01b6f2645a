import { can } from "~/domain/permissions";
import type { Prisma } from "~/generated/sqlite/client";
import { isRole, type Role } from "~/domain/roles";
import { db } from "~/utils/db.server";
import { auditWorkspace, type Actor } from "./audit.server";

export type MemberView = {
  id: string;
  userId: string;
  name: string;
  /** Only for viewers who may manage members; null otherwise. */
  email: string | null;
  role: Role;
  isLead: boolean;
  organisation: { name: string; type: string } | null;
  joinedAt: Date;
};

/** The members of a workspace; emails only when `includeEmails`. */
export async function listMembers({ workspaceId, includeEmails }: { workspaceId: string; includeEmails: boolean }): Promise<MemberView[]> {
  const rows = await db().membership.findMany({
    where: { workspaceId },
    orderBy: [{ createdAt: "asc" }],
    select: {
      id: true,
      role: true,
      isLead: true,
      createdAt: true,
      user: { select: { id: true, name: true, email: true, organisation: { select: { name: true, type: true } } } },
    },
  });
  return rows.map((m) => ({
    id: m.id,
    userId: m.user.id,
    name: m.user.name,
    email: includeEmails ? m.user.email : null,
    role: m.role as Role,
    isLead: m.isLead,
    organisation: m.user.organisation,
    joinedAt: m.createdAt,
  }));
}

export class MembershipRuleError extends Error {}

type Tx = Prisma.TransactionClient;

/** Refuses a change that would leave the workspace with nobody able to manage members. */
async function assertManagerRemains(tx: Tx, workspaceId: string, changingMembershipId: string, newRole: Role | null) {
  if (newRole && can(newRole, "manage:members")) return;
  const managers = await tx.membership.findMany({ where: { workspaceId }, select: { id: true, role: true } });
  const others = managers.filter((m) => m.id !== changingMembershipId && isRole(m.role) && can(m.role, "manage:members"));
  if (others.length === 0) {
    throw new MembershipRuleError(
      "A workspace needs at least one facilitator or commissioner to manage it. Give someone else that role first.",
    );
  }
}

/** Adds `userId` with `role`, or changes their role if already a member. Says which. */
export async function upsertMember({ workspaceId, userId, role, by = "system" }: { workspaceId: string; userId: string; role: Role; by?: Actor }) {
  const result = await db().$transaction(async (tx) => {
    const existing = await tx.membership.findUnique({ where: { workspaceId_userId: { workspaceId, userId } }, select: { id: true, role: true } });
    if (!existing) {
      const created = await tx.membership.create({ data: { workspaceId, userId, role }, select: { id: true } });
      return { outcome: "added" as const, membershipId: created.id };
    }
    if (existing.role === role) return { outcome: "unchanged" as const, membershipId: existing.id };
    await assertManagerRemains(tx, workspaceId, existing.id, role);
    await tx.membership.update({ where: { id: existing.id }, data: { role, isLead: role === "commissioner" ? undefined : false } });
    return { outcome: "changed" as const, membershipId: existing.id, previousRole: existing.role as Role };
  });
  if (result.outcome === "added") await auditWorkspace(workspaceId, by, "membership.added", `membership:${result.membershipId}`, { after: { userId, role } });
  if (result.outcome === "changed") await auditWorkspace(workspaceId, by, "membership.role-changed", `membership:${result.membershipId}`, { before: { role: result.previousRole }, after: { role } });
  return result;
}

/** Changes a member's role; a member who stops being a commissioner stops being lead. */
export async function changeMemberRole({ workspaceId, membershipId, role, by }: { workspaceId: string; membershipId: string; role: Role; by: Actor }) {
  const before = await db().$transaction(async (tx) => {
    const m = await tx.membership.findFirst({ where: { id: membershipId, workspaceId }, select: { id: true, role: true, isLead: true } });
    if (!m) throw new MembershipRuleError("That person is not a member of this workspace.");
    await assertManagerRemains(tx, workspaceId, membershipId, role);
    await tx.membership.update({ where: { id: membershipId }, data: { role, ...(role === "commissioner" ? {} : { isLead: false }) } });
    return { role: m.role, isLead: m.isLead };
  });
  if (before.role !== role) await auditWorkspace(workspaceId, by, "membership.role-changed", `membership:${membershipId}`, { before, after: { role, isLead: role === "commissioner" ? before.isLead : false } });
}

/** Removes a member (never the last one who can manage the workspace). */
export async function removeMember({ workspaceId, membershipId, by }: { workspaceId: string; membershipId: string; by: Actor }) {
  const before = await db().$transaction(async (tx) => {
    const m = await tx.membership.findFirst({ where: { id: membershipId, workspaceId }, select: { id: true, userId: true, role: true } });
    if (!m) throw new MembershipRuleError("That person is not a member of this workspace.");
    await assertManagerRemains(tx, workspaceId, membershipId, null);
    await tx.membership.delete({ where: { id: membershipId } });
    return { userId: m.userId, role: m.role };
  });
  await auditWorkspace(workspaceId, by, "membership.removed", `membership:${membershipId}`, { before });
}

/** Makes one commissioner the lead commissioner, and no one else. */
export async function setLeadCommissioner({ workspaceId, membershipId, by }: { workspaceId: string; membershipId: string; by: Actor }) {
  await db().$transaction(async (tx) => {
    const m = await tx.membership.findFirst({ where: { id: membershipId, workspaceId }, select: { role: true } });
    if (!m) throw new MembershipRuleError("That person is not a member of this workspace.");
    if (m.role !== "commissioner") throw new MembershipRuleError("Only a commissioner can be the lead commissioner.");
    await tx.membership.updateMany({ where: { workspaceId, isLead: true }, data: { isLead: false } });
    await tx.membership.update({ where: { id: membershipId }, data: { isLead: true } });
  });
  await auditWorkspace(workspaceId, by, "membership.lead-commissioner", `membership:${membershipId}`, { after: { isLead: true } });
}
