import type { LoaderFunctionArgs } from "@remix-run/node";
import { describeCriteria } from "~/domain/referral-criteria";
import { readReferralDesign } from "~/domain/referral-design";
import { readStoredDocument } from "~/models/document.server";
import { methodNotAllowed, requireApiMember, requireApiUser, requireNoUnknownVersion } from "~/utils/api.server";
import { apiJson } from "~/utils/http.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireApiUser(request);
  const { workspace } = await requireApiMember(user, params.workspaceId, "read:workspace");
  requireNoUnknownVersion(request);
  const { design, problems } = readReferralDesign(await readStoredDocument(`${workspace.id}/referral`));
  return apiJson({ criteria: design.criteria, plainLanguage: describeCriteria(design.criteria), pathway: design.pathway, commitments: design.commitments, problems });
}

export const action = () => methodNotAllowed(["GET"]);
