import type { LoaderFunctionArgs } from "@remix-run/node";
import { describeCriteria } from "~/domain/referral-criteria";
import { readReferralDesign, ReferralDesignSchema } from "~/domain/referral-design";
import { readStoredDocument } from "~/models/document.server";
import { methodNotAllowed, requestedVersion, requireApiMember, requireApiUser } from "~/utils/api.server";
import { apiJson } from "~/utils/http.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireApiUser(request);
  const { workspace } = await requireApiMember(user, params.workspaceId, "read:workspace");
  const version = await requestedVersion(request, workspace.id, "referral", ReferralDesignSchema);
  const { design, problems } = version ? { design: version.model, problems: [] } : readReferralDesign(await readStoredDocument(`${workspace.id}/referral`));
  return apiJson({
    criteria: design.criteria,
    plainLanguage: describeCriteria(design.criteria),
    pathway: design.pathway,
    commitments: design.commitments,
    problems,
    ...(version ? { version: { ...version.version, createdAt: version.version.createdAt.toISOString() } } : {}),
  });
}

export const action = () => methodNotAllowed(["GET"]);
