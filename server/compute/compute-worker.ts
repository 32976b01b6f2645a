// Runs ComputePool's tasks, one at a time, off the server's event loop: forecasts (one
// model, or several bids on one cohort) and actuals. The input was validated by the route; the worker only computes.
import { parentPort } from "node:worker_threads";
import { pagedActuals } from "../../app/domain/payment/actuals";
import { forecast, forecastMany } from "../../app/domain/payment/forecast";
import type { ComputeTask } from "./compute-pool";

parentPort!.on("message", ({ id, task }: { id: number; task: ComputeTask }) => {
  try {
    const value = task.kind === "forecast" ? forecast(task.input) : task.kind === "forecast-many" ? forecastMany(task.models, task.scenarios, task.runs, task.seed) : pagedActuals(task.input, task.page);
    parentPort!.postMessage({ id, value });
  } catch (error) {
    parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
