// The activity feed over the API: who changed what, newest first; `before` pages back.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { ActivityQuerySchema } from "~/domain/api";
import { listActivity } from "~/models/activity.server";
import { methodNotAllowed, parseQuery, requireApiMember, requireApiUser } from "~/utils/api.server";
import { apiJson } from "~/utils/http.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireApiUser(request);
  const { workspace } = await requireApiMember(user, params.workspaceId, "read:workspace");
  const { section, before, beforeId, limit } = parseQuery(request, ActivityQuerySchema);
  // Without beforeId, every line at exactly `before` counts as newer.
  const lines = await listActivity(workspace.id, { section, before: before ? { at: new Date(before), id: beforeId ?? "" } : undefined, limit });
  return apiJson({ activity: lines });
}

export const action = () => methodNotAllowed(["GET"]);
