// The server-side forecast cache: one computation per input, nothing remembered from a
// busy worker, oldest entries dropped first.
import { describe, expect, it } from "vitest";
import type { AppLoadContext } from "@remix-run/node";
import { PFP_MEDIAN_SCENARIO, PFP_PAYMENT_MODEL } from "~/domain/examples/pfp-payment";
import type { ForecastInput } from "~/domain/payment/forecast";
import type { ComputeResult } from "~/load-context";
import type { Forecast } from "~/domain/payment/forecast";
import { storedForecast } from "./forecast.server";

function counting(results: ComputeResult<Forecast>["ok"][] = []) {
  const calls: number[] = [];
  const context: AppLoadContext = {
    runForecast: async (input: ForecastInput) => {
      calls.push(input.seed);
      const ok = results.shift() ?? true;
      return ok ? { ok: true, value: { seed: input.seed, runs: input.runs, scenarios: [] } } : { ok: false, reason: "busy" };
    },
  };
  return { calls, context };
}
const input = (seed: number): ForecastInput => ({ model: PFP_PAYMENT_MODEL, scenarios: [PFP_MEDIAN_SCENARIO], runs: 10, seed });

describe("storedForecast", () => {
  it("computes each input once, even when two loads ask at the same time", async () => {
    const { calls, context } = counting();
    const [a, b] = await Promise.all([storedForecast(context, input(1_001)), storedForecast(context, input(1_001))]);
    expect(a).toEqual({ seed: 1_001, runs: 10, scenarios: [] });
    expect(b).toBe(a);
    expect(calls).toEqual([1_001]);
  });

  it("gives no figures when the worker is busy, and tries again next time", async () => {
    const { calls, context } = counting([false, true]);
    expect(await storedForecast(context, input(2_001))).toBeNull();
    expect(await storedForecast(context, input(2_001))).not.toBeNull();
    expect(calls).toEqual([2_001, 2_001]);
  });

  it("forgets the least recently used input beyond 32", async () => {
    const { calls, context } = counting();
    for (let seed = 3_000; seed < 3_033; seed++) await storedForecast(context, input(seed));
    await storedForecast(context, input(3_032));
    await storedForecast(context, input(3_000));
    expect(calls.filter((s) => s === 3_032)).toHaveLength(1);
    expect(calls.filter((s) => s === 3_000)).toHaveLength(2);
  });

  it("does not hold the page for a slow worker, and keeps the result for the next load", async () => {
    let finish: (r: ComputeResult<Forecast>) => void = () => {};
    let calls = 0;
    const context: AppLoadContext = {
      runForecast: () => {
        calls++;
        return new Promise((resolve) => (finish = resolve));
      },
    };
    expect(await storedForecast(context, input(5_001), 20)).toBeNull();
    finish({ ok: true, value: { seed: 5_001, runs: 10, scenarios: [] } });
    expect(await storedForecast(context, input(5_001), 20)).toEqual({ seed: 5_001, runs: 10, scenarios: [] });
    expect(calls).toBe(1);
  });

  it("computes nothing where the server has no forecast worker", async () => {
    expect(await storedForecast({}, input(4_001))).toBeNull();
  });
});
