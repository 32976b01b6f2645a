// GET /api/v1/workspaces/:id/payment-model[?version=]: the workspace's payment model
// as stored (null with problems when it does not validate) and its forecast scenarios.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { readPaymentDesign } from "~/domain/payment/design";
import { PaymentModelSchema } from "~/domain/payment/model";
import { readStoredDocument } from "~/models/document.server";
import { methodNotAllowed, requestedVersion, requireApiMember, requireApiUser } from "~/utils/api.server";
import { apiJson } from "~/utils/http.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireApiUser(request);
  const { workspace } = await requireApiMember(user, params.workspaceId, "read:workspace");
  const version = await requestedVersion(request, workspace.id, "payment", PaymentModelSchema.nullable());
  if (version) return apiJson({ model: version.model, problems: [], version: { ...version.version, createdAt: version.version.createdAt.toISOString() } });
  const { model, problems, scenarios } = readPaymentDesign(await readStoredDocument(`${workspace.id}/payment`));
  return apiJson({ model, problems, scenarios });
}

export const action = () => methodNotAllowed(["GET"]);
