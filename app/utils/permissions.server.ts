// The one place that decides who may do what in a workspace. Pages, actions, the
// API (and later the sync server) all go through `authoriseMember`.
import { can, type Permission } from "~/domain/permissions";
import { isRole, type Role } from "~/domain/roles";
import { getMembership } from "~/models/workspace.server";
import type { UserSummary } from "~/models/user.server";
import { requireUser } from "./auth.server";

export type MemberContext = {
  workspace: { id: string; name: string; description: string; createdAt: Date };
  membership: { id: string; role: Role; isLead: boolean };
};

export type Authorisation = { ok: true; member: MemberContext } | { ok: false; status: 403 | 404 };

/**
 * Whether `userId` may do `permission` in `workspaceId`. A non-member gets 404 (the
 * workspace's existence is not revealed); a member without the permission gets 403.
 */
export async function authoriseMember(userId: string, workspaceId: string, permission: Permission): Promise<Authorisation> {
  const m = await getMembership({ workspaceId, userId });
  if (!m || !isRole(m.role)) return { ok: false, status: 404 };
  if (!can(m.role, permission)) return { ok: false, status: 403 };
  return { ok: true, member: { workspace: m.workspace, membership: { id: m.id, role: m.role, isLead: m.isLead } } };
}

const PAGE_MESSAGES = {
  404: "We could not find that workspace. It may not exist, or you may not be a member of it.",
  403: "Your role in this workspace does not allow this.",
} as const;

/** For pages and form actions: the signed-in member, or a thrown 302/403/404. */
export async function requireWorkspaceMember(
  request: Request,
  workspaceId: string | undefined,
  permission: Permission,
): Promise<MemberContext & { user: UserSummary }> {
  const user = await requireUser(request);
  const result = await authoriseMember(user.id, workspaceId ?? "", permission);
  if (!result.ok) throw new Response(PAGE_MESSAGES[result.status], { status: result.status });
  return { ...result.member, user };
}
