// POST /api/v1/payment-models/forecast: a payment model, scenarios, runs and a seed in,
// P10/P50/P90 summaries out. The same seed gives the same figures. The work runs in a
// worker thread (server/compute) so a live room is never held up by it, and is bounded
// per request (about 0.4 s per 1,000 runs of 1,000 cases).
import type { ActionFunctionArgs } from "@remix-run/node";
import { forecast, ForecastInputSchema } from "~/domain/payment/forecast";
import { methodNotAllowed, parseJsonBody, requireApiUser } from "~/utils/api.server";
import { apiJson, problem } from "~/utils/http.server";

export const MAX_RUNS_PER_REQUEST = 5_000;

const UNAVAILABLE = {
  busy: "The server is already running as many forecasts as it queues; try again shortly.",
  timeout: "The forecast took too long and was stopped; try fewer runs or scenarios.",
  failed: "The forecast could not be run; try again.",
} as const;

export async function action({ request, context }: ActionFunctionArgs) {
  if (request.method !== "POST") return methodNotAllowed(["POST"]);
  await requireApiUser(request);
  const input = await parseJsonBody(request, ForecastInputSchema);
  if (input.runs * input.scenarios.length > MAX_RUNS_PER_REQUEST) {
    return problem({ status: 400, detail: `At most ${MAX_RUNS_PER_REQUEST} runs in all per request (runs × scenarios); use the CLI for more.`, errors: { runs: [`runs × scenarios must be at most ${MAX_RUNS_PER_REQUEST}`] } });
  }
  if (!context.runForecast) return apiJson(forecast(input));
  const result = await context.runForecast(input);
  if (result.ok) return apiJson(result.value);
  return problem({ status: 503, detail: UNAVAILABLE[result.reason], headers: { "Retry-After": "5" } });
}

export const loader = () => methodNotAllowed(["POST"]);
