// What every procurement page and action starts with: the member (authorised by role
// for `permission`), the workspace's procurement, and the viewer the per-organisation
// policies need. A workspace without a procurement answers 404 to everyone but the
// people who may start one.
import type { Permission } from "~/domain/permissions";
import type { Viewer } from "~/domain/procurement/questions";
import type { Role } from "~/domain/roles";
import { getProcurement, type ProcurementRecord } from "~/models/procurement.server";
import type { UserSummary } from "~/models/user.server";
import type { FormFailure } from "./forms.server";
import { requireWorkspaceMember, type MemberContext } from "./permissions.server";

export function isCommissioningTeam(role: Role): boolean {
  return role === "commissioner" || role === "facilitator";
}

export type ProcurementContext = MemberContext & { user: UserSummary; procurement: ProcurementRecord; viewer: Viewer & { userId: string } };

export async function requireProcurement(request: Request, workspaceId: string | undefined, permission: Permission): Promise<ProcurementContext> {
  const member = await requireWorkspaceMember(request, workspaceId, permission);
  const procurement = await getProcurement(member.workspace.id);
  if (!procurement) throw new Response("This workspace has no procurement yet.", { status: 404 });
  return { ...member, procurement, viewer: viewerOf(member.membership.role, member.user) };
}

export function viewerOf(role: Role, user: UserSummary): Viewer & { userId: string } {
  return { commissioningTeam: isCommissioningTeam(role), organisationId: user.organisation?.id ?? null, userId: user.id };
}

/** A rule of the procurement refused the action: a 400 the page shows, never a 500. */
export function refusal(message: string, intent?: string): FormFailure {
  return { ok: false, errors: {}, formErrors: [message], values: {}, intent };
}
