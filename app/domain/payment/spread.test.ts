import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { spread } from "./forecast";

/** The definition: sort, read the ranks, sum in sorted order. */
function bySorting(values: Float64Array) {
  const sorted = Float64Array.from(values).sort();
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))))]!;
  let total = 0;
  for (const v of sorted) total += v;
  return { p10: at(0.1), p50: at(0.5), p90: at(0.9), mean: sorted.length ? total / sorted.length : 0 };
}

describe("spread", () => {
  it("gives exactly what sorting gives, for whole pence, fractions, zeros of either sign and repeats", () => {
    const value = fc.oneof(fc.integer({ min: -1e11, max: 1e11 }), fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }), fc.constantFrom(0, -0, 1, 1, 1));
    fc.assert(
      fc.property(fc.array(fc.oneof(value, fc.integer({ min: -5, max: 5 })), { minLength: 1, maxLength: 300 }), (xs) => {
        const values = Float64Array.from(xs);
        const got = spread(values);
        const want = bySorting(values);
        for (const k of ["p10", "p50", "p90", "mean"] as const) expect(Object.is(got[k], want[k]), `${k}: ${got[k]} vs ${want[k]}`).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it("whole pence take the selection path and still agree", () => {
    const values = Float64Array.from({ length: 1000 }, (_, i) => ((i * 7919) % 1000) * 100);
    expect(spread(values)).toEqual(bySorting(values));
  });
});
