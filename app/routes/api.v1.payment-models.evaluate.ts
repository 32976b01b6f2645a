// POST /api/v1/payment-models/evaluate: a payment model and participants' timelines in,
// every payment out (per participant, payer and invoice month), exact to the penny.
// Stateless: nothing is stored, so any signed-in caller may use it. A cohort can earn
// millions of lines, so they come a page at a time (`?lineOffset=&lineLimit=`, 10,000 by
// default) with the whole summary on every page; the work runs in the compute worker.
import type { ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { pagedActuals } from "~/domain/payment/actuals";
import { ActualsInputSchema } from "~/domain/payment/model";
import { methodNotAllowed, parseJsonBody, parseQuery, requireApiUser } from "~/utils/api.server";
import { apiJson, problem } from "~/utils/http.server";

export const DEFAULT_LINE_LIMIT = 10_000;
export const MAX_LINE_LIMIT = 100_000;

export const LinesPageQuerySchema = z.object({
  lineOffset: z.coerce.number({ error: "Give the first line to return as a whole number" }).int("A whole number").min(0, "From 0").default(0),
  lineLimit: z.coerce.number({ error: "Give how many lines to return as a whole number" }).int("A whole number").min(1, "At least 1").max(MAX_LINE_LIMIT, `At most ${MAX_LINE_LIMIT.toLocaleString("en-GB")}`).default(DEFAULT_LINE_LIMIT),
});

const UNAVAILABLE = {
  busy: "The server is already running as much payment work as it queues; try again shortly.",
  timeout: "The evaluation took too long and was stopped; use the CLI (payments:evaluate) for a cohort this large.",
  failed: "The evaluation could not be run; try again.",
} as const;

export async function action({ request, context }: ActionFunctionArgs) {
  if (request.method !== "POST") return methodNotAllowed(["POST"]);
  await requireApiUser(request);
  const query = parseQuery(request, LinesPageQuerySchema);
  const input = await parseJsonBody(request, ActualsInputSchema);
  const page = { offset: query.lineOffset, limit: query.lineLimit };
  if (!context.runActuals) return apiJson(pagedActuals(input, page));
  const result = await context.runActuals(input, page);
  if (result.ok) return apiJson(result.value);
  return problem({ status: 503, detail: UNAVAILABLE[result.reason], headers: { "Retry-After": "5" } });
}

export const loader = () => methodNotAllowed(["POST"]);
