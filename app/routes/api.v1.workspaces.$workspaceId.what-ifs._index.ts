// GET  /api/v1/workspaces/:id/what-ifs: the caller's own what-ifs and those shown to the room.
// POST /api/v1/workspaces/:id/what-ifs: a new what-if copy, {"name", "model", "scenarios"} (what-if:payment).
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { WhatIfCreateSchema } from "~/domain/payment/what-if";
import { createWhatIf, listWhatIfs } from "~/models/what-if.server";
import { methodNotAllowed, parseJsonBody, requireApiMember, requireApiUser } from "~/utils/api.server";
import { apiJson, problem } from "~/utils/http.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireApiUser(request);
  const { workspace } = await requireApiMember(user, params.workspaceId, "read:workspace");
  return apiJson({ whatIfs: await listWhatIfs(workspace.id, user.id) });
}

export async function action({ request, params }: ActionFunctionArgs) {
  if (request.method !== "POST") return methodNotAllowed(["GET", "POST"]);
  const user = await requireApiUser(request);
  const { workspace } = await requireApiMember(user, params.workspaceId, "what-if:payment");
  const body = await parseJsonBody(request, WhatIfCreateSchema);
  const result = await createWhatIf({ workspaceId: workspace.id, ownerId: user.id, ...body });
  if (!result.ok) return problem({ status: result.status, detail: result.error, errors: result.field ? { [result.field]: [result.error] } : undefined });
  return apiJson({ whatIf: result.whatIf }, { status: 201 });
}
