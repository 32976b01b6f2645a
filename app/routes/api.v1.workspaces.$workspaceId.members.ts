import type { LoaderFunctionArgs } from "@remix-run/node";
import { can } from "~/domain/permissions";
import { listMembers } from "~/models/membership.server";
import { methodNotAllowed, requireApiMember, requireApiUser } from "~/utils/api.server";
import { apiJson } from "~/utils/http.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireApiUser(request);
  const { workspace, membership } = await requireApiMember(user, params.workspaceId, "read:members");
  const members = await listMembers({ workspaceId: workspace.id, includeEmails: can(membership.role, "read:member-emails") });
  return apiJson({
    members: members.map(({ userId: _userId, joinedAt, ...m }) => ({ ...m, joinedAt: joinedAt.toISOString() })),
  });
}

export const action = () => methodNotAllowed(["GET"]);
