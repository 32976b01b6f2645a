import type { LoaderFunctionArgs } from "@remix-run/node";
import { referralCsv } from "~/domain/exports";
import { readReferralDesign } from "~/domain/referral-design";
import { readStoredDocument } from "~/models/document.server";
import { download } from "~/utils/download.server";
import { requireWorkspaceMember } from "~/utils/permissions.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { workspace } = await requireWorkspaceMember(request, params.workspaceId, "read:workspace");
  return download(referralCsv(readReferralDesign(await readStoredDocument(`${workspace.id}/referral`)).design), "referral-criteria.csv", "text/csv");
}
