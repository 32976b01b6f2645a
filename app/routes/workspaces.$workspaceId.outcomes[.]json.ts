import type { LoaderFunctionArgs } from "@remix-run/node";
import { readFramework } from "~/domain/outcome-framework";
import { readStoredDocument } from "~/models/document.server";
import { download } from "~/utils/download.server";
import { requireWorkspaceMember } from "~/utils/permissions.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { workspace } = await requireWorkspaceMember(request, params.workspaceId, "read:workspace");
  const framework = readFramework(await readStoredDocument(`${workspace.id}/outcomes`));
  return download(`${JSON.stringify(framework, null, 2)}\n`, "outcome-framework.json", "application/json");
}
