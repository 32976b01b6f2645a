import { describe, expect, it } from "vitest";
import { smallProviderBreaches, supplyChainRisk, type ConsortiumParty } from "./supply-chain";

const spread = (p50: number, p10 = p50, p90 = p50) => ({ p10, p50, p90, mean: p50 });
// A scenario where the consortium earns £1m at the median, 80% of it from outcomes, for 100 families.
const scenario = {
  scenario: "Central",
  providerIncomePence: spread(100_000_000, 60_000_000, 140_000_000),
  commissionerCostPence: spread(85_000_000),
  atRiskShare: spread(0.8),
  participants: spread(100),
  investor: { netCashPence: spread(5_000_000, -10_000_000, 20_000_000), peakCapitalPence: spread(30_000_000), lossProbability: 0.2 },
} as never;
const parties: ConsortiumParty[] = [
  { organisationId: "prime", name: "Prime", role: "prime", small: false },
  { organisationId: "fa", name: "Family Action", role: "delivery", small: true },
  { organisationId: "inv", name: "Bridges", role: "investor", small: false },
];

describe("supplyChainRisk", () => {
  it("splits the consortium's income between the prime and its partners by their terms", () => {
    // Family Action: £2,000 for each of its 40% of families (= £80,000), plus 10% of outcome income (= £80,000).
    const [risk] = supplyChainRisk([scenario], parties, { fa: { feePerFamilyPence: 200_000, caseShareBps: 4_000, outcomeShareBps: 1_000 } }, null);
    const by = Object.fromEntries(risk!.parties.map((p) => [p.name, p]));
    expect(by["Family Action"]!.income.p50).toBe(16_000_000);
    expect(by["Family Action"]!.atRiskShare).toBeCloseTo(0.5);
    expect(by.Prime!.income.p50).toBe(100_000_000 - 16_000_000);
    // The prime keeps £800k − £80k of outcome income out of £840k.
    expect(by.Prime!.atRiskShare).toBeCloseTo(72 / 84);
    expect(by["The commissioners"]!.income.p50).toBe(85_000_000);
    expect(by.Bridges!.income).toEqual({ p10: -10_000_000, p50: 5_000_000, p90: 20_000_000 });
  });

  it("a partner on fee-for-service carries nothing at risk; the check enforces the small-provider maximum", () => {
    const fees = supplyChainRisk([scenario], parties, { fa: { feePerFamilyPence: 200_000, caseShareBps: 4_000, outcomeShareBps: 0 } }, null);
    expect(fees[0]!.parties.find((p) => p.name === "Family Action")!.atRiskShare).toBe(0);
    expect(smallProviderBreaches(fees, parties, 2_000)).toEqual([]);
    const shared = supplyChainRisk([scenario], parties, { fa: { feePerFamilyPence: 200_000, caseShareBps: 4_000, outcomeShareBps: 1_000 } }, null);
    expect(smallProviderBreaches(shared, parties, 2_000).map((b) => b.message)).toEqual(["In “Central” Family Action (a small provider) carries 50% of its income at risk; the tender allows at most 20%."]);
  });
});
