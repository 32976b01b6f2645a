import type { LoaderFunctionArgs } from "@remix-run/node";
import { readFramework } from "~/domain/outcome-framework";
import { readStoredDocument } from "~/models/document.server";
import { getVersionModel } from "~/models/version.server";
import { download } from "~/utils/download.server";
import { requireWorkspaceMember } from "~/utils/permissions.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { workspace } = await requireWorkspaceMember(request, params.workspaceId, "read:workspace");
  // ?version=<id or name>: that published version's framework.
  const version = new URL(request.url).searchParams.get("version");
  if (version) {
    const found = await getVersionModel(workspace.id, "outcomes", version);
    if (!found) throw new Response("No such version", { status: 404 });
    return download(`${JSON.stringify(found.model, null, 2)}\n`, `outcome-framework-${found.version.name.replace(/[^\w.-]+/g, "_")}.json`, "application/json");
  }
  const framework = readFramework(await readStoredDocument(`${workspace.id}/outcomes`));
  return download(`${JSON.stringify(framework, null, 2)}\n`, "outcome-framework.json", "application/json");
}
