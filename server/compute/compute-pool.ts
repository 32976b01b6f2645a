// Heavy payment work runs off the event loop: forecasts, and actuals of a large cohort.
// The same process serves a live room (sync messages, pages), and on a 2-core machine a
// 5,000-run forecast, or 100,000 participants' actuals, holds a thread for seconds: on
// the main thread every editor in every workspace would freeze for that long. One worker
// thread, started on first use; jobs queue in order; a full queue answers "busy" at once
// rather than piling up work; a job that overruns is stopped by restarting the worker.
import { Worker } from "node:worker_threads";
import type { LinesPage, PagedActuals } from "~/domain/payment/actuals";
import type { Forecast, ForecastInput, Scenario } from "~/domain/payment/forecast";
import type { ActualsInput, PaymentModel } from "~/domain/payment/model";
import type { ComputeResult } from "~/load-context";

export type ComputeTask =
  | { kind: "forecast"; input: ForecastInput }
  | { kind: "forecast-many"; models: PaymentModel[]; scenarios: Scenario[]; runs: number; seed: number }
  | { kind: "actuals"; input: ActualsInput; page: LinesPage };
type Job = { id: number; task: ComputeTask; settle: (result: ComputeResult<unknown>) => void };
type Reply = { id: number; value?: unknown; error?: string };

export type ComputePoolOptions = { maxQueued: number; timeoutMs: number };
export const DEFAULT_COMPUTE_POOL: ComputePoolOptions = { maxQueued: 4, timeoutMs: 60_000 };

export class ComputePool {
  private worker: Worker | null = null;
  private queue: Job[] = [];
  private current: { job: Job; timer: NodeJS.Timeout } | null = null;
  private nextId = 1;
  private closed = false;

  constructor(private readonly options: ComputePoolOptions = DEFAULT_COMPUTE_POOL) {}

  /** A forecast, in the worker. */
  forecast = (input: ForecastInput) => this.run({ kind: "forecast", input }) as Promise<ComputeResult<Forecast>>;

  /** Several models (bids) on one cohort, in the worker. */
  forecastMany = (models: PaymentModel[], scenarios: Scenario[], runs: number, seed: number) => this.run({ kind: "forecast-many", models, scenarios, runs, seed }) as Promise<ComputeResult<Forecast[]>>;

  /** Actuals with one page of their lines, in the worker. */
  actuals = (input: ActualsInput, page: LinesPage) => this.run({ kind: "actuals", input, page }) as Promise<ComputeResult<PagedActuals>>;

  private run(task: ComputeTask): Promise<ComputeResult<unknown>> {
    if (this.closed || this.queue.length >= this.options.maxQueued) return Promise.resolve({ ok: false, reason: "busy" });
    return new Promise((settle) => {
      this.queue.push({ id: this.nextId++, task, settle });
      this.pump();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.settle({ ok: false, reason: "busy" });
    this.finish({ ok: false, reason: "busy" });
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
  }

  private pump() {
    if (this.current || this.closed) return;
    const job = this.queue.shift();
    if (!job) return;
    const timer = setTimeout(() => {
      this.finish({ ok: false, reason: "timeout" });
      this.restart();
    }, this.options.timeoutMs);
    this.current = { job, timer };
    this.ensureWorker().postMessage({ id: job.id, task: job.task });
  }

  private finish(result: ComputeResult<unknown>) {
    if (!this.current) return;
    clearTimeout(this.current.timer);
    this.current.job.settle(result);
    this.current = null;
  }

  private restart() {
    const worker = this.worker;
    this.worker = null;
    void worker?.terminate();
    this.pump();
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL("./boot.mjs", import.meta.url), { workerData: { entry: new URL("./compute-worker.ts", import.meta.url).href } });
    // An idle worker must not keep the process alive at shutdown.
    worker.unref();
    worker.on("message", (reply: Reply) => {
      if (reply.id !== this.current?.job.id) return;
      this.finish(reply.error === undefined ? { ok: true, value: reply.value } : { ok: false, reason: "failed" });
      if (reply.error) console.error(`compute worker: ${reply.error.split("\n")[0]}`);
      this.pump();
    });
    const lost = (why: string) => {
      if (this.worker !== worker) return;
      console.error(`compute worker: ${why}`);
      this.worker = null;
      this.finish({ ok: false, reason: "failed" });
      this.pump();
    };
    worker.on("error", (error) => lost(error.message));
    worker.on("exit", (code) => lost(`exited with code ${code}`));
    this.worker = worker;
    return worker;
  }
}
