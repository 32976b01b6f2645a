import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { WorkspaceCreateBodySchema } from "~/domain/api";
import { accountCan, PERMISSIONS, can } from "~/domain/permissions";
import { getAccountKind } from "~/models/user.server";
import { accountRefusal } from "~/utils/auth.server";
import { createWorkspace, listWorkspacesForUser } from "~/models/workspace.server";
import { methodNotAllowed, parseJsonBody, requireApiUser } from "~/utils/api.server";
import { apiJson, problem } from "~/utils/http.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireApiUser(request);
  return apiJson({ workspaces: await listWorkspacesForUser(user.id) });
}

export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") return methodNotAllowed(["GET", "POST"]);
  const user = await requireApiUser(request);
  if (!accountCan(await getAccountKind(user.id), "create:workspace")) throw problem({ status: 403, detail: accountRefusal("create:workspace") });
  const body = await parseJsonBody(request, WorkspaceCreateBodySchema);
  const w = await createWorkspace({ ...body, ownerId: user.id });
  return apiJson(
    {
      id: w.id,
      name: w.name,
      description: w.description,
      role: body.ownerRole,
      isLead: body.ownerRole === "commissioner",
      memberCount: 1,
      createdAt: w.createdAt.toISOString(),
      permissions: PERMISSIONS.filter((p) => can(body.ownerRole, p)),
    },
    { status: 201, headers: { Location: `/api/v1/workspaces/${w.id}` } },
  );
}
