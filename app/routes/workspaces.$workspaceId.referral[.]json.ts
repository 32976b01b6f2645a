import type { LoaderFunctionArgs } from "@remix-run/node";
import { readReferralDesign } from "~/domain/referral-design";
import { readStoredDocument } from "~/models/document.server";
import { getVersionModel } from "~/models/version.server";
import { download } from "~/utils/download.server";
import { requireWorkspaceMember } from "~/utils/permissions.server";

/** The referral design as typed JSON (criteria, pathway, commitments); `?version=` for a published one. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { workspace } = await requireWorkspaceMember(request, params.workspaceId, "read:workspace");
  const version = new URL(request.url).searchParams.get("version");
  if (version) {
    const found = await getVersionModel(workspace.id, "referral", version);
    if (!found) throw new Response("No such version", { status: 404 });
    return download(`${JSON.stringify(found.model, null, 2)}\n`, `referral-criteria-${found.version.name.replace(/[^\w.-]+/g, "_")}.json`, "application/json");
  }
  const { design } = readReferralDesign(await readStoredDocument(`${workspace.id}/referral`));
  return download(`${JSON.stringify(design, null, 2)}\n`, "referral-criteria.json", "application/json");
}
