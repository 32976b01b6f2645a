import type { LoaderFunctionArgs } from "@remix-run/node";
import { SECTIONS } from "~/domain/documents";
import { methodNotAllowed, requireApiCaller, requireApiMember } from "~/utils/api.server";
import { apiJson } from "~/utils/http.server";
import { createSyncToken } from "~/utils/sync-token.server";

/** A short-lived token for the sync WebSocket (`/sync/<workspaceId>/<section>?token=`). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, credential } = await requireApiCaller(request);
  const { workspace } = await requireApiMember(user, params.workspaceId, "read:workspace");
  const { token, expiresAt } = createSyncToken({ userId: user.id, workspaceId: workspace.id, credential });
  return apiJson({ token, expiresAt: expiresAt.toISOString(), documents: SECTIONS.map((s) => `${workspace.id}/${s}`) });
}

export const action = () => methodNotAllowed(["GET"]);
