import type { LoaderFunctionArgs } from "@remix-run/node";
import { frameworkCsv } from "~/domain/exports";
import { readFramework } from "~/domain/outcome-framework";
import { readStoredDocument } from "~/models/document.server";
import { download } from "~/utils/download.server";
import { requireWorkspaceMember } from "~/utils/permissions.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { workspace } = await requireWorkspaceMember(request, params.workspaceId, "read:workspace");
  return download(frameworkCsv(readFramework(await readStoredDocument(`${workspace.id}/outcomes`))), "outcome-framework.csv", "text/csv");
}
