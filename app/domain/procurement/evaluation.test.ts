import { describe, expect, it } from "vitest";
import { bidPrice, formatPoints, rankBids } from "./evaluation";
import { CriteriaSchema } from "./tender";

const criteria = CriteriaSchema.parse({
  questions: [
    { id: "q1", title: "Delivery", wordLimit: 500, weightBps: 6_000 },
    { id: "q2", title: "Partnership", wordLimit: 500, weightBps: 4_000 },
  ],
  qualityWeightBps: 6_000,
  priceWeightBps: 4_000,
});

describe("rankBids", () => {
  it("computes quality and price points from the weights, exactly, and ranks by total", () => {
    const ranked = rankBids(criteria, [
      { bidId: "a", label: "A", consensus: [{ questionId: "q1", score: 5, reasons: "" }, { questionId: "q2", score: 5, reasons: "" }], pricePence: 200 },
      { bidId: "b", label: "B", consensus: [{ questionId: "q1", score: 4, reasons: "" }, { questionId: "q2", score: 3, reasons: "" }], pricePence: 100 },
    ]);
    // A: quality 60.00, price 100/200 × 40 = 20.00 → 80.00. B: quality (4/5×60% + 3/5×40%) × 60 = 43.20, price 40.00 → 83.20.
    expect(ranked.map((r) => [r.bidId, formatPoints(r.qualityPoints), formatPoints(r.pricePoints), formatPoints(r.totalPoints), r.rank])).toEqual([
      ["b", "43.20", "40.00", "83.20", 1],
      ["a", "60.00", "20.00", "80.00", 2],
    ]);
  });

  it("lists questions without a consensus and gives equal bids the same rank", () => {
    const ranked = rankBids(criteria, [
      { bidId: "x", label: "X", consensus: [], pricePence: 100 },
      { bidId: "y", label: "Y", consensus: [], pricePence: 100 },
    ]);
    expect(ranked[0]!.missing).toEqual(["Delivery", "Partnership"]);
    expect(ranked.map((r) => r.rank)).toEqual([1, 1]);
  });

  it("prices a bid as its median cost averaged over the scenarios", () => {
    expect(bidPrice([100, 201])).toBe(151);
    expect(bidPrice([])).toBeNull();
  });
});
