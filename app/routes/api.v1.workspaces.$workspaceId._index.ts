import type { LoaderFunctionArgs } from "@remix-run/node";
import { PERMISSIONS, can } from "~/domain/permissions";
import { db } from "~/utils/db.server";
import { methodNotAllowed, requireApiMember, requireApiUser } from "~/utils/api.server";
import { apiJson } from "~/utils/http.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireApiUser(request);
  const { workspace, membership } = await requireApiMember(user, params.workspaceId, "read:workspace");
  const memberCount = await db().membership.count({ where: { workspaceId: workspace.id } });
  return apiJson({
    id: workspace.id,
    name: workspace.name,
    description: workspace.description,
    role: membership.role,
    isLead: membership.isLead,
    memberCount,
    createdAt: workspace.createdAt.toISOString(),
    permissions: PERMISSIONS.filter((p) => can(membership.role, p)),
  });
}

export const action = () => methodNotAllowed(["GET"]);
