import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { reviewComparison, reviewForecast, withReviewTable } from "./pfp-review";

describe("the PFP review's figures beside the template's forecast", () => {
  const f = reviewForecast();

  it("is the table in the README (npm run docs:payment rewrites it)", () => {
    const readme = readFileSync(new URL("../../../README.md", import.meta.url), "utf8");
    expect(withReviewTable(readme, f)).toBe(readme);
  });

  it("covers every published figure, each with its reason", () => {
    const rows = reviewComparison(f);
    expect(rows.map((r) => r.review)).toEqual(["over £4.5m", "up to £6.4m (revised to £5.6m, November 2019)", "£1.5m", "£7.1m", "£26.5m (re-profiled to £24.4m)", "£3.4m"]);
    for (const r of rows) expect(r.why.length).toBeGreaterThan(40);
  });

  it("stays within the review's order of magnitude where the template takes the review's inputs", () => {
    const median = f.scenarios[0]!;
    // Within 15% of the boroughs' revised £5.6m, the fund at or under its £1.5m, the wider public sector near £3.4m (high).
    expect(Math.abs(median.commissionerCostPence.p50 - 560_000_000) / 560_000_000).toBeLessThan(0.15);
    expect(median.coFunderCostPence.p90).toBeLessThanOrEqual(150_000_000);
    const high = f.scenarios[1]!;
    expect(Math.abs(high.costsAvoidedByWho[1]!.pence.p50 - 340_000_000) / 340_000_000).toBeLessThan(0.1);
  });
});
