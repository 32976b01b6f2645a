// Delivery costs, the options appraisal compared like with like, and a blank model that
// says what it lacks instead of printing £0 (issue 12, point 7).
import { describe, expect, it } from "vitest";
import { PFP_MEDIAN_SCENARIO, PFP_PAYMENT_MODEL } from "../examples/pfp-payment";
import { explainAppraisal } from "./appraisal";
import { forecastRows } from "./exports";
import { capLine, forecast, scenarioGaps, ScenarioSchema, totalCapPence, type Scenario } from "./forecast";
import type { PaymentModel } from "./model";
import { starterPayment, StarterFormSchema } from "./starter";

const noCap: PaymentModel = { ...PFP_PAYMENT_MODEL, caps: { ...PFP_PAYMENT_MODEL.caps, totalFromSuccessRate: null }, coFunder: null };
const certain: Scenario = { ...PFP_MEDIAN_SCENARIO, volumeVariationBps: 0, successVariationBps: 0, engagementRateBps: 10_000, successRateBpsByYear: [10_000] };
const costs = (c: Partial<Scenario["costs"]>): Scenario => ({ ...certain, costs: { setUpPence: 0, deliveryPerParticipantPence: 0, deliveryPerCaseByInterventionPence: {}, runningPerMonthPence: 0, ...c } });
const one = (s: Scenario, model = noCap, runs = 20) => forecast({ model, scenarios: [s], runs, seed: 5 }).scenarios[0]!;

describe("a blank model", () => {
  const { model, scenarios } = starterPayment(StarterFormSchema.parse({ payers: "Kent County Council", template: "blank", start: "2027-04-01" }), []);
  const priced = { ...model, components: model.components.map((c) => (c.kind === "outcome-event" ? { ...c, tariffPence: 100_000 } : c)) };
  const s = forecast({ model: priced, scenarios, runs: 40, seed: 1 }).scenarios[0]!;

  it("never prices an option at £0 for want of an input: it names the input", () => {
    const ffs = s.options.find((o) => o.option === "fee-for-service")!;
    expect(ffs.needs).toBe("the commissioners' price per family bought by fee, or the provider's delivery cost");
    expect(s.options.find((o) => o.option === "alliance")!.needs).toBe("the provider's delivery cost");
    const words = explainAppraisal(s).join(" ");
    expect(words).not.toMatch(/£0\b/);
    expect(words).toContain("Fee-for-service is not priced: it needs the commissioners' price per family bought by fee, or the provider's delivery cost.");
    expect(words).toContain("No delivery cost is given");
  });

  it("says which input the costs avoided need, and leaves the investors' and the provider's figures out of the export", () => {
    expect(s.gaps.map((g) => g.input)).toEqual(["delivery-costs", "costs-avoided"]);
    const rows = forecastRows({ seed: 1, runs: 40, scenarios: [s] });
    expect(rows.some((r) => String(r[1]).startsWith("Investors' money multiple"))).toBe(false);
    expect(rows.some((r) => String(r[1]).startsWith("Costs the public sector avoids"))).toBe(false);
    expect(rows.filter((r) => String(r[1]).startsWith("Not given: "))).toHaveLength(2);
  });

  it("a weekly care cost without the chance of care is named, not counted as £0 avoided", () => {
    const half = { ...scenarios[0]!, costsAvoided: { ...scenarios[0]!.costsAvoided, placementPerWeekPence: 150_000 } };
    expect(scenarioGaps(half).map((g) => g.input)).toEqual(["delivery-costs", "counterfactual-care"]);
    const other = { ...scenarios[0]!, costsAvoided: { ...scenarios[0]!.costsAvoided, counterfactualCareBps: 3000 } };
    expect(scenarioGaps(other).map((g) => g.input)).toEqual(["delivery-costs", "placement-cost"]);
  });
});

describe("delivery costs", () => {
  it("costs each family by its intervention, the rest at the default, plus set-up and running", () => {
    // Every referral is MST at £11,000 (FFT's £8,000 never applies), 42 months of referrals
    // plus the first two-year window of running at £20,000 a month, and £250,000 set-up.
    const allMst = { ...costs({ setUpPence: 25_000_000, deliveryPerParticipantPence: 500_000, deliveryPerCaseByInterventionPence: { mst: 1_100_000, fft: 800_000 }, runningPerMonthPence: 2_000_000 }), interventionMixBps: { mst: 10_000 } };
    const s = one(allMst);
    const runningMonths = 42 + Math.ceil(730 / 30.44);
    expect(s.provider.deliveryCostPence.p50).toBe(25_000_000 + s.participants.p50 * 1_100_000 + runningMonths * 2_000_000);
    // Interventions not listed cost the default.
    const unlisted = one({ ...allMst, costs: { ...allMst.costs, deliveryPerCaseByInterventionPence: {} } });
    expect(unlisted.provider.deliveryCostPence.p50).toBe(25_000_000 + unlisted.participants.p50 * 500_000 + runningMonths * 2_000_000);
  });

  it("gives the provider's margin: income less delivery cost, and as a share of income", () => {
    const s = one(costs({ deliveryPerParticipantPence: 1_000_000 }));
    // Each certain case earns 104 × £225 = £23,400 and costs £10,000.
    expect(s.provider.marginPence.p50).toBe(s.participants.p50 * (2_340_000 - 1_000_000));
    expect(s.provider.marginShare.p50).toBeCloseTo(1_340_000 / 2_340_000, 10);
    expect(s.gaps.map((g) => g.input)).not.toContain("delivery-costs");
  });

  it("the investors' capital follows from the costs: dearer delivery needs more capital and returns less", () => {
    const cheap = one(costs({ setUpPence: 10_000_000, deliveryPerParticipantPence: 500_000 }));
    const dear = one(costs({ setUpPence: 10_000_000, deliveryPerParticipantPence: 1_500_000 }));
    expect(dear.investor.peakCapitalPence.p50).toBeGreaterThan(cheap.investor.peakCapitalPence.p50);
    expect(dear.investor.multiple.p50).toBeLessThan(cheap.investor.multiple.p50);
    expect(cheap.investor.multiple.p50).toBeGreaterThan(1);
  });
});

describe("the options appraisal, like with like", () => {
  it("prices fee-for-service at the commissioners' price per family when given, else at cost plus margin", () => {
    const base = { ...costs({ deliveryPerParticipantPence: 1_000_000 }), options: { ...certain.options, feeForServicePricePerCasePence: null } };
    const byCost = one(base).options.find((o) => o.option === "fee-for-service")!;
    expect(byCost.needs).toBeNull();
    expect(byCost.commissionerCostPence.p50).toBe(one(base).participants.p50 * 1_100_000);
    const priced = one({ ...base, options: { ...base.options, feeForServicePricePerCasePence: 1_250_000 } });
    expect(priced.options.find((o) => o.option === "fee-for-service")!.commissionerCostPence.p50).toBe(priced.participants.p50 * 1_250_000);
    // A price alone is enough: no delivery cost needed for this option.
    const priceOnly = one({ ...costs({}), options: { ...base.options, feeForServicePricePerCasePence: 1_250_000 } });
    expect(priceOnly.options.find((o) => o.option === "fee-for-service")!.needs).toBeNull();
  });

  it("the PFP demo prices every option and says who saves what", () => {
    const s = one(PFP_MEDIAN_SCENARIO, PFP_PAYMENT_MODEL, 100);
    expect(s.options.every((o) => o.needs === null)).toBe(true);
    expect(s.gaps).toEqual([]);
    expect(s.costsAvoidedByWho.map((w) => w.who)).toEqual(["The commissioners (care placements)", "The wider public sector (health, justice, education, DWP)"]);
    const [placements, wider] = s.costsAvoidedByWho;
    expect(Math.abs(s.costsAvoidedPence.p50 - placements!.pence.p50 - wider!.pence.p50)).toBeLessThan(s.costsAvoidedPence.p50 * 0.05);
    expect(wider!.pence.p50).toBe(s.successes.p50 * 1_230_000);
    // The commissioners' net benefit counts only what they save.
    expect(s.netBenefitPence.p50).toBeLessThan(placements!.pence.p90 - s.commissionerCostPence.p10 + 1);
  });
});

describe("the cap line", () => {
  it("is the PFP's £6,739,200, named as what the commissioners pay at most", () => {
    expect(totalCapPence(PFP_PAYMENT_MODEL)).toBe(673_920_000);
    expect(capLine(PFP_PAYMENT_MODEL)).toEqual({ pence: 673_920_000, label: "Cap: the most the commissioners pay for outcomes" });
    expect(capLine({ ...PFP_PAYMENT_MODEL, caps: { ...PFP_PAYMENT_MODEL.caps, basis: "all-outcome-payments" } })!.label).toBe("Cap on all outcome payments, the co-funder's included");
    expect(capLine(noCap)).toBeNull();
  });
});

describe("the scenario schema", () => {
  it("reads a scenario stored before delivery costs by intervention, fee prices and wider savings existed", () => {
    const old = { ...PFP_MEDIAN_SCENARIO, costs: { setUpPence: 1, deliveryPerParticipantPence: 2, runningPerMonthPence: 3 }, options: { feeForServiceMarginBps: 1000, sibExtraSetUpPence: 0, allianceGainShareBps: 2500 }, costsAvoided: { placementPerWeekPence: 0, counterfactualCareBps: 0, cashableBps: 10_000 } };
    const parsed = ScenarioSchema.parse(old);
    expect(parsed.costs.deliveryPerCaseByInterventionPence).toEqual({});
    expect(parsed.options.feeForServicePricePerCasePence).toBeNull();
    expect(parsed.costsAvoided.wider).toEqual([]);
  });

  it("refuses a wider saving without a body named", () => {
    const r = ScenarioSchema.safeParse({ ...PFP_MEDIAN_SCENARIO, costsAvoided: { ...PFP_MEDIAN_SCENARIO.costsAvoided, wider: [{ who: " ", perSuccessPence: 100 }] } });
    expect(r.error!.issues[0]).toMatchObject({ path: ["costsAvoided", "wider", 0, "who"], message: "Say who saves it" });
  });
});
