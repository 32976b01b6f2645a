// POST /api/v1/payment-models/evaluate: a payment model and participants' timelines in,
// every payment out (per participant, payer and invoice month), exact to the penny.
// Stateless: nothing is stored, so any signed-in caller may use it.
import type { ActionFunctionArgs } from "@remix-run/node";
import { evaluateActuals } from "~/domain/payment/actuals";
import { ActualsInputSchema } from "~/domain/payment/model";
import { methodNotAllowed, parseJsonBody, requireApiUser } from "~/utils/api.server";
import { apiJson } from "~/utils/http.server";

export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") return methodNotAllowed(["POST"]);
  await requireApiUser(request);
  return apiJson(evaluateActuals(await parseJsonBody(request, ActualsInputSchema)));
}

export const loader = () => methodNotAllowed(["POST"]);
