// POST /api/v1/payment-models/forecast: a payment model, scenarios, runs and a seed in,
// P10/P50/P90 summaries out. The same seed gives the same figures. Runs are bounded so
// one request cannot hold the server for long (about 0.4 s per 1,000 runs of 1,000 cases).
import type { ActionFunctionArgs } from "@remix-run/node";
import { forecast, ForecastInputSchema } from "~/domain/payment/forecast";
import { methodNotAllowed, parseJsonBody, requireApiUser } from "~/utils/api.server";
import { apiJson, problem } from "~/utils/http.server";

export const MAX_RUNS_PER_REQUEST = 5_000;

export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") return methodNotAllowed(["POST"]);
  await requireApiUser(request);
  const input = await parseJsonBody(request, ForecastInputSchema);
  if (input.runs * input.scenarios.length > MAX_RUNS_PER_REQUEST) {
    return problem({ status: 400, detail: `At most ${MAX_RUNS_PER_REQUEST} runs in all per request (runs × scenarios); use the CLI for more.`, errors: { runs: [`runs × scenarios must be at most ${MAX_RUNS_PER_REQUEST}`] } });
  }
  return apiJson(forecast(input));
}

export const loader = () => methodNotAllowed(["POST"]);
