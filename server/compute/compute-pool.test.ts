// The forecast pool with a real worker thread: same figures as the engine in-process,
// the event loop stays free while it works, a full queue says busy, and a job that
// overruns is stopped without stopping the next one.
import { afterEach, describe, expect, it } from "vitest";
import { PFP_MEDIAN_SCENARIO, PFP_PAYMENT_MODEL } from "~/domain/examples/pfp-payment";
import { forecast } from "~/domain/payment/forecast";
import { ComputePool } from "./compute-pool";

const input = (runs: number, seed = 1) => ({ model: PFP_PAYMENT_MODEL, scenarios: [PFP_MEDIAN_SCENARIO], runs, seed });
let pool: ComputePool;
afterEach(async () => pool?.close());

describe("ComputePool", () => {
  it("gives exactly the in-process figures, and leaves the event loop free meanwhile", async () => {
    pool = new ComputePool({ maxQueued: 4, timeoutMs: 60_000 });
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 10);
    const started = Date.now();
    const result = await pool.forecast(input(1_000, 9));
    const elapsed = Date.now() - started;
    clearInterval(ticker);
    expect(result).toEqual({ ok: true, value: forecast(input(1_000, 9)) });
    // A blocked loop would tick once at the end; a free one ticks about every 10 ms.
    expect(ticks).toBeGreaterThan(elapsed / 10 / 4);
  }, 60_000);

  it("answers busy when the queue is full, and runs what it accepted", async () => {
    pool = new ComputePool({ maxQueued: 1, timeoutMs: 60_000 });
    const results = await Promise.all([pool.forecast(input(200)), pool.forecast(input(200, 2)), pool.forecast(input(200, 3))]);
    expect(results.map((r) => r.ok)).toEqual([true, true, false]);
    expect(results[2]).toEqual({ ok: false, reason: "busy" });
  }, 60_000);

  it("stops a job that overruns, and the next job still runs", async () => {
    pool = new ComputePool({ maxQueued: 4, timeoutMs: 3_000 });
    // 100,000 runs take far longer than 3 s; the pool itself does not bound runs (the route does).
    const [slow, next] = await Promise.all([pool.forecast(input(100_000)), pool.forecast(input(10))]);
    expect(slow).toEqual({ ok: false, reason: "timeout" });
    expect(next).toEqual({ ok: true, value: forecast(input(10)) });
  }, 60_000);
});
