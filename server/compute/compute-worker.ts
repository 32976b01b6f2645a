// Runs ComputePool's tasks, one at a time, off the server's event loop: forecasts and
// actuals. The input was validated by the route; the worker only computes.
import { parentPort } from "node:worker_threads";
import { pagedActuals } from "../../app/domain/payment/actuals";
import { forecast } from "../../app/domain/payment/forecast";
import type { ComputeTask } from "./compute-pool";

parentPort!.on("message", ({ id, task }: { id: number; task: ComputeTask }) => {
  try {
    parentPort!.postMessage({ id, value: task.kind === "forecast" ? forecast(task.input) : pagedActuals(task.input, task.page) });
  } catch (error) {
    parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
