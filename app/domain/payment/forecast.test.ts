import { describe, expect, it } from "vitest";
import { PFP_HIGH_SCENARIO, PFP_LOW_SCENARIO, PFP_MEDIAN_SCENARIO, PFP_PAYMENT_MODEL } from "../examples/pfp-payment";
import { annualIrr, forecast, forecastScenario, investorFlows, type Scenario } from "./forecast";
import type { PaymentModel } from "./model";

const noCap: PaymentModel = { ...PFP_PAYMENT_MODEL, caps: { ...PFP_PAYMENT_MODEL.caps, totalFromSuccessRate: null }, coFunder: null };
const certain: Scenario = { ...PFP_MEDIAN_SCENARIO, volumeVariationBps: 0, successVariationBps: 0, engagementRateBps: 10_000, successRateBpsByYear: [10_000] };

describe("forecast", () => {
  it("is reproducible from its seed, and a different seed gives different runs", () => {
    const a = forecast({ model: PFP_PAYMENT_MODEL, scenarios: [PFP_MEDIAN_SCENARIO], runs: 200, seed: 7 });
    expect(forecast({ model: PFP_PAYMENT_MODEL, scenarios: [PFP_MEDIAN_SCENARIO], runs: 200, seed: 7 })).toEqual(a);
    expect(forecast({ model: PFP_PAYMENT_MODEL, scenarios: [PFP_MEDIAN_SCENARIO], runs: 200, seed: 8 }).scenarios[0]!.commissionerCostPence).not.toEqual(a.scenarios[0]!.commissionerCostPence);
  });

  it("pays exactly 104 periods × £225 per case when every case succeeds and nothing caps it", () => {
    const [s] = forecast({ model: noCap, scenarios: [certain], runs: 50, seed: 1 }).scenarios;
    expect(s!.costPerSuccessPence.p10).toBe(2_340_000);
    expect(s!.costPerSuccessPence.p90).toBe(2_340_000);
    expect(s!.successes.p50).toBe(s!.participants.p50);
  });

  it("a cap on all outcome payments: the commissioners and co-funder together never pay more than it", () => {
    const rich: Scenario = { ...certain, referralsPerYear: { sutton: 200 } };
    const model = { ...PFP_PAYMENT_MODEL, caps: { ...PFP_PAYMENT_MODEL.caps, basis: "all-outcome-payments" as const } };
    const [s] = forecast({ model, scenarios: [rich], runs: 20, seed: 3 }).scenarios;
    expect(s!.capReachedProbability).toBe(1);
    expect(s!.providerIncomePence.p90).toBeLessThanOrEqual(673_920_000);
    expect(Number.isFinite(s!.commissionerCostPence.mean)).toBe(true);
    // The co-funder pays 18.5% of the capped £6,739,200 (£1,246,752: under its £1.5m cap), to within rounding per month.
    expect(Math.abs(s!.coFunderCostPence.p50 - 124_675_200)).toBeLessThan(1000);
  });

  it("the PFP's cap on what the boroughs pay: the co-funder's top-up comes on top, until its own £1.5m cap", () => {
    const rich: Scenario = { ...certain, referralsPerYear: { sutton: 200 } };
    const [s] = forecast({ model: PFP_PAYMENT_MODEL, scenarios: [rich], runs: 20, seed: 3 }).scenarios;
    expect(s!.capReachedProbability).toBe(1);
    // The boroughs pay at most £6,739,200. On top, 18.5% of the whole would be £1,529,870, over the
    // CBO's £1.5m cap: it pays £1.5m and the provider receives £8,239,200.
    expect(s!.commissionerCostPence.p90).toBeLessThanOrEqual(673_920_000);
    expect(Math.abs(s!.commissionerCostPence.p50 - 673_920_000)).toBeLessThan(1000);
    expect(s!.coFunderCostPence.p50).toBe(150_000_000);
    expect(Math.abs(s!.providerIncomePence.p50 - 823_920_000)).toBeLessThan(1000);
  });

  it("orders the PFP's low, median and high cases as the seed describes", () => {
    const f = forecast({ model: PFP_PAYMENT_MODEL, scenarios: [PFP_LOW_SCENARIO, PFP_MEDIAN_SCENARIO, PFP_HIGH_SCENARIO], runs: 300, seed: 2018 });
    const [low, median, high] = f.scenarios.map((s) => s.commissionerCostPence.p50 + s.coFunderCostPence.p50);
    expect(low).toBeLessThan(median!);
    expect(median).toBeLessThan(high!);
    for (const s of f.scenarios) for (const v of Object.values(s.commissionerCostPence)) expect(Number.isFinite(v)).toBe(true);
    // The seed's median: total outcome payments for the five boroughs around £6–8m.
    expect(median! / 100).toBeGreaterThan(5_000_000);
    expect(median! / 100).toBeLessThan(8_500_000);
    const m = f.scenarios[1]!;
    expect(m.participants.p50).toBeGreaterThan(340);
    expect(m.participants.p50).toBeLessThan(440);
    expect(m.monthly.months[0]).toBe("2018-02");
    expect(m.investor.peakCapitalPence.p50).toBeGreaterThan(0);
    // Outcomes only, no fees: all of the provider's income is at risk.
    expect(m.atRiskShare.p50).toBe(1);
    expect(m.investor.overCommitmentProbability).not.toBeNull();
  });

  it("pays milestones and fees on the events the scenario times, and counts milestones as income at risk", () => {
    const withMilestone: PaymentModel = {
      ...noCap,
      components: [
        ...noCap.components,
        { kind: "milestone", id: "plan", name: "Family plan agreed", amountPence: 100_000, event: "plan-agreed" },
        { kind: "per-participant-fee", id: "referral", name: "Referral accepted", amountPence: 50_000, event: "referral-accepted" },
      ],
    };
    const always = { ...certain, events: { "plan-agreed": { daysAfterFirstMeeting: 42, reachedBps: 10_000 } } };
    const [s] = forecast({ model: withMilestone, scenarios: [always], runs: 30, seed: 4 }).scenarios;
    // Every case: 104 × £225 + £1,000 milestone + £500 fee; the fee alone is not at risk.
    expect(s!.costPerSuccessPence.p10).toBe(2_490_000);
    expect(s!.costPerSuccessPence.p90).toBe(2_490_000);
    expect(s!.atRiskShare.p50).toBeCloseTo(2_440_000 / 2_490_000, 10);
    const never = { ...certain, events: { "plan-agreed": { daysAfterFirstMeeting: 42, reachedBps: 0 } } };
    expect(forecast({ model: withMilestone, scenarios: [never], runs: 30, seed: 4 }).scenarios[0]!.costPerSuccessPence.p50).toBe(2_390_000);
    // Half the engaged cases reach the milestone: about £500 a case on average.
    const half = { ...certain, events: { "plan-agreed": { daysAfterFirstMeeting: 42, reachedBps: 5_000 } } };
    const mean = forecast({ model: withMilestone, scenarios: [half], runs: 200, seed: 4 }).scenarios[0]!.costPerSuccessPence.mean;
    expect(Math.abs(mean - 2_440_000)).toBeLessThan(10_000);
  });

  it("never lets an outcome pass its own cap", () => {
    const capped: PaymentModel = { ...noCap, caps: { ...noCap.caps, perOutcomePence: { "out-of-care": 100_000_000 } } };
    const [s] = forecast({ model: capped, scenarios: [{ ...certain, referralsPerYear: { sutton: 100 } }], runs: 20, seed: 6 }).scenarios;
    expect(s!.capReachedProbability).toBe(1);
    expect(s!.providerIncomePence.p90).toBeLessThanOrEqual(100_000_000);
    expect(s!.providerIncomePence.p10).toBeGreaterThan(99_000_000);
  });

  it("splits outcome payments by fixed shares, or by each payer's own participants", () => {
    const mertonOnly = { ...certain, referralsPerYear: { merton: 30 } };
    const own = forecast({ model: noCap, scenarios: [mertonOnly], runs: 20, seed: 9 }).scenarios[0]!;
    const cost = (f: typeof own, payer: string) => f.byPayer.find((p) => p.payerId === payer)!.outcomeCostPence.p50;
    expect(cost(own, "merton")).toBe(own.commissionerCostPence.p50);
    expect(cost(own, "sutton")).toBe(0);
    const shared: PaymentModel = { ...noCap, costSharing: { kind: "fixed-shares", sharesBps: { sutton: 2_500, merton: 7_500 } } };
    const fixed = forecast({ model: shared, scenarios: [mertonOnly], runs: 20, seed: 9 }).scenarios[0]!;
    expect(fixed.commissionerCostPence.p50).toBe(own.commissionerCostPence.p50);
    expect(Math.abs(cost(fixed, "sutton") * 3 - cost(fixed, "merton"))).toBeLessThan(1_000);
  });

  it("charges fees and milestones to the right payer: the participant's, the one named, or by shares", () => {
    const withFees: PaymentModel = {
      ...noCap,
      components: [
        ...noCap.components,
        { kind: "per-participant-fee", id: "referral", name: "Referral accepted", amountPence: 50_000, event: "referral-accepted" },
        { kind: "fixed-fee", id: "hub", name: "Hub running cost", amountPence: 100_000, schedule: "monthly", start: "2018-02-01", end: "2019-01-01", payerId: "sutton" },
      ],
    };
    const mertonOnly = { ...certain, referralsPerYear: { merton: 30 } };
    const [s] = forecast({ model: withFees, scenarios: [mertonOnly], runs: 1, seed: 11 }).scenarios;
    const payer = (id: string) => s!.byPayer.find((p) => p.payerId === id)!;
    const n = s!.participants.p50;
    expect(payer("merton").totalCostPence.p50).toBe(payer("merton").outcomeCostPence.p50 + n * 50_000);
    // Twelve monthly hub fees, February to January, named to Sutton, which has no participants.
    expect(payer("sutton").totalCostPence.p50).toBe(12 * 100_000);
    expect(payer("sutton").outcomeCostPence.p50).toBe(0);
    // Fixed shares split the fees too (the named hub fee stays Sutton's).
    const shared: PaymentModel = { ...withFees, costSharing: { kind: "fixed-shares", sharesBps: { sutton: 5_000, merton: 5_000 } } };
    const [f] = forecast({ model: shared, scenarios: [mertonOnly], runs: 1, seed: 11 }).scenarios;
    const sutton = f!.byPayer.find((p) => p.payerId === "sutton")!;
    expect(sutton.totalCostPence.p50 - sutton.outcomeCostPence.p50).toBe(12 * 100_000 + (n * 50_000) / 2);
  });

  it("reports progress as it runs", () => {
    const seen: number[] = [];
    forecast({ model: PFP_PAYMENT_MODEL, scenarios: [PFP_MEDIAN_SCENARIO, PFP_LOW_SCENARIO], runs: 100, seed: 1 }, (done) => seen.push(done));
    expect(seen.at(-1)).toBe(200);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
  });
});

describe("annualIrr", () => {
  it("finds 12.68% a year for 1% a month, and none without a sign change", () => {
    const flows = [-1000, ...Array.from({ length: 11 }, () => 10), 1010];
    expect(annualIrr(flows)!).toBeCloseTo(1.01 ** 12 - 1, 4);
    expect(annualIrr([100, 100])).toBeNull();
  });
});

describe("options appraisal", () => {
  it("prices the same runs as every option, and explains the result in words", async () => {
    const { explainAppraisal } = await import("./appraisal");
    const [s] = forecast({ model: PFP_PAYMENT_MODEL, scenarios: [PFP_MEDIAN_SCENARIO], runs: 200, seed: 5 }).scenarios;
    expect(s!.options.map((o) => o.option)).toEqual(["fee-for-service", "payment-by-results", "social-impact-bond", "alliance", "hybrid"]);
    const sib = s!.options.find((o) => o.option === "social-impact-bond")!;
    const pbr = s!.options.find((o) => o.option === "payment-by-results")!;
    // The bond is payment by results plus its extra set-up, run for run.
    expect(sib.commissionerCostPence.p50 - pbr.commissionerCostPence.p50).toBe(15_000_000);
    // The hybrid is the model as designed: with no fees it equals payment by results.
    expect(s!.options.find((o) => o.option === "hybrid")!.commissionerCostPence).toEqual(pbr.commissionerCostPence);
    const words = explainAppraisal(s!);
    expect(words[0]).toMatch(/^In "Median: commitments met, success 65% → 75%", the cheapest option for the commissioners at the median is /);
    expect(words.join(" ")).toMatch(/than fee-for-service at the median/);
  });
});

describe("investor cash flows", () => {
  const net = [-100, -50, 80, 120];
  it("as needed: the investors fund each deficit and receive each surplus as it comes", () => {
    const out = new Float64Array(4);
    expect(investorFlows(net, null, out)).toBe(0);
    expect([...out]).toEqual(net);
  });

  it("in tranches: paid in on schedule, the rest back at the end; the provider covers a gap between tranches", () => {
    const out = new Float64Array(4);
    // 120 in at month 0 covers −100 and part of −50: 30 short in month 1, which the provider covers.
    expect(investorFlows(net, [{ month: 0, amountPence: 120 }], out)).toBe(30);
    // Cash after month 1 is 0; then 80 + 120 come in and go back to the investors at the end.
    expect([...out]).toEqual([-120, 0, 0, 200]);
    // Enough capital up front: no gap, and the unused capital comes back too.
    expect(investorFlows(net, [{ month: 0, amountPence: 100 }, { month: 1, amountPence: 100 }], out)).toBe(0);
    expect([...out]).toEqual([-100, -100, 0, 250]);
  });

  it("reports in the forecast how often tranches fall short", () => {
    const small: Scenario = { ...PFP_MEDIAN_SCENARIO, finance: { capitalCommitmentPence: null, tranches: [{ month: 0, amountPence: 50_000_000 }] } };
    const large: Scenario = { ...small, name: "Large", finance: { capitalCommitmentPence: null, tranches: [{ month: 0, amountPence: 600_000_000 }] } };
    const [s, l] = forecast({ model: PFP_PAYMENT_MODEL, scenarios: [small, large], runs: 100, seed: 3 }).scenarios;
    expect(s!.investor.shortfallProbability).toBe(1);
    expect(s!.investor.shortfallPence.p50).toBeGreaterThan(0);
    expect(l!.investor.shortfallProbability).toBe(0);
    // All £6m is drawn at once: that is the investors' peak capital, in every run.
    expect(l!.investor.peakCapitalPence.p10).toBe(600_000_000);
    const asNeeded = forecast({ model: PFP_PAYMENT_MODEL, scenarios: [PFP_MEDIAN_SCENARIO], runs: 100, seed: 3 }).scenarios[0]!;
    expect(asNeeded.investor.shortfallProbability).toBeNull();
    // Capital drawn before it is needed earns nothing: a lower return than drawing as needed.
    expect(l!.investor.irr.p50).toBeLessThan(asNeeded.investor.irr.p50);
  });
});

describe("forecast invoicing schedules", () => {
  it("claims from the PFP's co-funder quarterly: the same money, later, so the investors carry more for longer", () => {
    const monthly = { ...PFP_PAYMENT_MODEL, invoicing: { ...PFP_PAYMENT_MODEL.invoicing, coFunder: null } };
    const [q] = forecast({ model: PFP_PAYMENT_MODEL, scenarios: [PFP_MEDIAN_SCENARIO], runs: 100, seed: 7 }).scenarios;
    const [m] = forecast({ model: monthly, scenarios: [PFP_MEDIAN_SCENARIO], runs: 100, seed: 7 }).scenarios;
    expect(q!.providerIncomePence.p50).toBe(m!.providerIncomePence.p50);
    expect(q!.coFunderCostPence.p50).toBe(m!.coFunderCostPence.p50);
    expect(q!.investor.peakCapitalPence.p50).toBeGreaterThanOrEqual(m!.investor.peakCapitalPence.p50);
    // The commissioners' invoices do not move: only the co-funder's claims do.
    // (Quarterly claims reach further, so the quarterly forecast runs a few months longer; those months are empty for the commissioners.)
    const [qs, ms] = [q!.monthly.commissionerPence.map((s) => s.p50), m!.monthly.commissionerPence.map((s) => s.p50)];
    expect(qs.slice(0, ms.length)).toEqual(ms);
    expect(qs.slice(ms.length).every((v) => v === 0)).toBe(true);
  });
});

describe("forecast scenario by scenario", () => {
  it("gives each scenario exactly as the whole forecast does, so the page's worker can stop between them", () => {
    const input = { model: PFP_PAYMENT_MODEL, scenarios: [PFP_LOW_SCENARIO, PFP_MEDIAN_SCENARIO, PFP_HIGH_SCENARIO], runs: 60, seed: 11 };
    const whole = forecast(input);
    expect([0, 1, 2].map((si) => forecastScenario(input, si))).toEqual(whole.scenarios);
  });
});
