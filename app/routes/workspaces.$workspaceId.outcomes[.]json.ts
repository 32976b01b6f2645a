import type { LoaderFunctionArgs } from "@remix-run/node";
import { readFramework } from "~/domain/outcome-framework";
import { readStoredDocument } from "~/models/document.server";
import { requireWorkspaceMember } from "~/utils/permissions.server";
import { jsonDownload } from "~/utils/versions.server";

/** The outcome framework as typed JSON; `?version=` for a published one. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { workspace } = await requireWorkspaceMember(request, params.workspaceId, "read:workspace");
  return jsonDownload(request, workspace.id, "outcomes", "outcome-framework", async () => readFramework(await readStoredDocument(`${workspace.id}/outcomes`)));
}
