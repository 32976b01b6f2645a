import { describe, expect, it } from "vitest";
import { sustainedPeriods } from "./periods";

const window = { start: 0, end: 28 };

describe("sustainedPeriods", () => {
  it("pays every block of a window spent out of care", () => {
    expect(sustainedPeriods(window, [], 7, "aligned", 100)).toEqual([7, 14, 21, 28]);
    expect(sustainedPeriods(window, [], 7, "runs", 100)).toEqual([7, 14, 21, 28]);
  });

  it("aligned: a care day spoils its block; runs: counts from the run's own start", () => {
    // In care on day 3 only: aligned loses block 0–7; runs has runs 0–3 (nothing) and 4–28 (3 periods).
    const care = [{ start: 3, end: 4 }];
    expect(sustainedPeriods(window, care, 7, "aligned", 100)).toEqual([14, 21, 28]);
    expect(sustainedPeriods(window, care, 7, "runs", 100)).toEqual([11, 18, 25]);
  });

  it("where the conventions differ: a care day in each of two blocks", () => {
    const care = [{ start: 6, end: 7 }, { start: 8, end: 9 }];
    // aligned: blocks 0–7 and 7–14 both spoilt → 14–21, 21–28. runs: 0–6 (0), 7–8 (0), 9–28 (2).
    expect(sustainedPeriods(window, care, 7, "aligned", 100)).toHaveLength(2);
    expect(sustainedPeriods(window, care, 7, "runs", 100)).toHaveLength(2);
    const care2 = [{ start: 3, end: 4 }, { start: 24, end: 25 }];
    // aligned: 7–14, 14–21 → 2; runs: 4–24 is 20 days → 2.
    expect(sustainedPeriods(window, care2, 7, "aligned", 100)).toEqual([14, 21]);
    expect(sustainedPeriods(window, care2, 7, "runs", 100)).toEqual([11, 18]);
  });

  it("counts only complete periods known by the data date, and nothing outside the window", () => {
    expect(sustainedPeriods(window, [], 7, "aligned", 20)).toEqual([7, 14]);
    expect(sustainedPeriods({ start: 0, end: 20 }, [], 7, "runs", 100)).toEqual([7, 14]);
    expect(sustainedPeriods(window, [{ start: -50, end: 100 }], 7, "runs", 100)).toEqual([]);
  });
});
