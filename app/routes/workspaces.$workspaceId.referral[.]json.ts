import type { LoaderFunctionArgs } from "@remix-run/node";
import { readReferralDesign } from "~/domain/referral-design";
import { readStoredDocument } from "~/models/document.server";
import { requireWorkspaceMember } from "~/utils/permissions.server";
import { jsonDownload } from "~/utils/versions.server";

/** The referral design as typed JSON (criteria, pathway, commitments); `?version=` for a published one. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { workspace } = await requireWorkspaceMember(request, params.workspaceId, "read:workspace");
  return jsonDownload(request, workspace.id, "referral", "referral-criteria", async () => readReferralDesign(await readStoredDocument(`${workspace.id}/referral`)).design);
}
