// GET    /api/v1/workspaces/:id/what-ifs/:whatIfId: one what-if (the caller's own, or one shown to the room).
// PATCH  the owner's change: any of "name", "model" with "scenarios", "shown" (true shows it to the room).
// DELETE the owner's removal. Anyone else's hidden what-if answers 404, as an unknown id does.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { WhatIfUpdateSchema } from "~/domain/payment/what-if";
import { idSchema } from "~/domain/validation";
import { deleteWhatIf, getWhatIf, updateWhatIf } from "~/models/what-if.server";
import { methodNotAllowed, parseJsonBody, requireApiMember, requireApiUser } from "~/utils/api.server";
import { apiJson, problem } from "~/utils/http.server";

const NOT_FOUND = "No what-if with this id is yours or shown in this workspace.";
const whatIfId = (raw: string | undefined) => {
  const parsed = idSchema("Give a what-if id.").safeParse(raw);
  if (!parsed.success) throw problem({ status: 404, detail: NOT_FOUND });
  return parsed.data;
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireApiUser(request);
  const { workspace } = await requireApiMember(user, params.workspaceId, "read:workspace");
  const found = await getWhatIf(workspace.id, whatIfId(params.whatIfId), user.id);
  return found ? apiJson({ whatIf: found }) : problem({ status: 404, detail: NOT_FOUND });
}

export async function action({ request, params }: ActionFunctionArgs) {
  if (request.method !== "PATCH" && request.method !== "DELETE") return methodNotAllowed(["GET", "PATCH", "DELETE"]);
  const user = await requireApiUser(request);
  const { workspace } = await requireApiMember(user, params.workspaceId, "what-if:payment");
  const id = whatIfId(params.whatIfId);
  if (request.method === "DELETE") return (await deleteWhatIf({ workspaceId: workspace.id, id, ownerId: user.id })) ? new Response(null, { status: 204 }) : problem({ status: 404, detail: NOT_FOUND });
  const { name, model, scenarios, shown } = await parseJsonBody(request, WhatIfUpdateSchema);
  const result = await updateWhatIf({ workspaceId: workspace.id, id, ownerId: user.id, name, shown, content: model && scenarios ? { model, scenarios } : undefined });
  if (!result.ok) return problem({ status: result.status, detail: result.status === 404 ? NOT_FOUND : result.error, errors: result.field ? { [result.field]: [result.error] } : undefined });
  return apiJson({ whatIf: result.whatIf });
}
