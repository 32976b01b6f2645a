// Runs forecasts for ForecastPool, one at a time, off the server's event loop.
// The input was validated by the route; the worker only computes.
import { parentPort } from "node:worker_threads";
import { forecast, type ForecastInput } from "../../app/domain/payment/forecast";

parentPort!.on("message", ({ id, input }: { id: number; input: ForecastInput }) => {
  try {
    parentPort!.postMessage({ id, forecast: forecast(input) });
  } catch (error) {
    parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
