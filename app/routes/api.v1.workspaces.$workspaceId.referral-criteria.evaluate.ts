// Tests anonymised vignettes against the workspace's referral criteria. A read: the
// vignettes are evaluated and returned, never stored or logged.
import type { ActionFunctionArgs } from "@remix-run/node";
import { EvaluateBodySchema } from "~/domain/api";
import { evaluateVignette } from "~/domain/referral-criteria";
import { readReferralDesign } from "~/domain/referral-design";
import { readStoredDocument } from "~/models/document.server";
import { methodNotAllowed, parseJsonBody, requireApiMember, requireApiUser } from "~/utils/api.server";
import { apiJson } from "~/utils/http.server";

export const loader = () => methodNotAllowed(["POST"]);

export async function action({ request, params }: ActionFunctionArgs) {
  if (request.method !== "POST") return methodNotAllowed(["POST"]);
  const user = await requireApiUser(request);
  const { workspace } = await requireApiMember(user, params.workspaceId, "read:workspace");
  const { vignettes } = await parseJsonBody(request, EvaluateBodySchema);
  const { criteria } = readReferralDesign(await readStoredDocument(`${workspace.id}/referral`)).design;
  return apiJson({
    results: vignettes.map((v, index) => ({ index, ...(v.id ? { id: v.id } : {}), ...evaluateVignette(criteria, v) })),
  });
}
