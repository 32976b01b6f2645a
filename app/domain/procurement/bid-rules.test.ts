import { describe, expect, it } from "vitest";
import { PFP_PAYMENT_MODEL } from "../examples/pfp-payment";
import type { PaymentModel } from "../payment/model";
import { bidBreaches, checkProposal, wordCount } from "./bid-rules";
import { BidRulesSchema, QualityQuestionSchema } from "./tender";

const base = PFP_PAYMENT_MODEL;
const rules = BidRulesSchema.parse({
  paymentVersionId: "v1",
  components: [{ componentId: "out-of-care", minPence: 20_000, maxPence: 25_000 }],
  newKinds: ["fixed-fee", "per-participant-fee"],
  capFixed: true,
  minAtRiskBps: 5_000,
});
const withTariff = (tariffPence: number): PaymentModel => ({ ...base, components: base.components.map((c) => (c.id === "out-of-care" ? { ...c, tariffPence } : c)) as PaymentModel["components"] });

describe("checkProposal", () => {
  it("accepts the published model itself", () => {
    expect(checkProposal(base, rules, base)).toEqual([]);
  });

  it("names a tariff above and below the bounds, in pounds", () => {
    expect(checkProposal(base, rules, withTariff(26_000)).map((b) => b.message)).toEqual(["“Seven consecutive days not in care”: tariff £260.00 is above the tender's maximum of £250.00."]);
    expect(checkProposal(base, rules, withTariff(19_999))[0]!.message).toContain("£199.99 is below the tender's minimum of £200.00");
    expect(checkProposal(base, rules, withTariff(25_000))).toEqual([]);
  });

  it("refuses a changed cap when the cap is fixed, and allows it when it is not", () => {
    const changed = { ...base, caps: { ...base.caps, totalPence: 1 } };
    expect(checkProposal(base, rules, changed).map((b) => b.path)).toEqual(["caps"]);
    expect(checkProposal(base, { ...rules, capFixed: false }, changed)).toEqual([]);
  });

  it("allows only the kinds of new payment the tender lists", () => {
    const fee = { kind: "per-participant-fee" as const, id: "start-fee", name: "Fee per family", amountPence: 300_000, event: "first-meeting" };
    const milestone = { kind: "milestone" as const, id: "m", name: "Plan agreed", amountPence: 1, event: "plan" };
    expect(checkProposal(base, rules, { ...base, components: [...base.components, fee] })).toEqual([]);
    const breach = checkProposal(base, rules, { ...base, components: [...base.components, milestone] });
    expect(breach[0]!.message).toBe("“Plan agreed” is a milestone payment; the tender allows bids to add only: fixed fee, fee per participant.");
  });

  it("keeps a required payment in and its structure as published", () => {
    expect(checkProposal(base, rules, { ...base, components: [] as unknown as PaymentModel["components"] })[0]!.message).toBe("“Seven consecutive days not in care” must stay in the bid.");
    const changed = { ...base, components: base.components.map((c) => ({ ...c, periodDays: 14 })) as PaymentModel["components"] };
    expect(checkProposal(base, rules, changed)[0]!.message).toContain("only its tariff may change");
  });

  it("refuses changed payers, invoicing and a fixed price that moved", () => {
    expect(checkProposal(base, rules, { ...base, payers: base.payers.slice(1) })[0]!.path).toBe("payers");
    expect(checkProposal(base, rules, { ...base, invoicing: { ...base.invoicing, lagWeeks: 2 } }).map((b) => b.path)).toEqual(["invoicing"]);
    const unlisted = BidRulesSchema.parse({ ...rules, components: [] });
    expect(checkProposal(base, unlisted, withTariff(22_600))[0]!.message).toBe("“Seven consecutive days not in care”: the tender fixes the tariff at £225.00; this bid has £226.00.");
  });

  it("checks the share at risk once the forecast is known", () => {
    const f = (share: number) => [{ scenario: "Central", atRiskShare: { p10: share, p50: share, p90: share, mean: share } }] as never;
    expect(checkProposal(base, rules, base, f(0.42))[0]!.message).toBe("In “Central” 42% of the consortium's income is at risk at the median; the tender asks for at least 50%.");
    expect(checkProposal(base, rules, base, f(0.5))).toEqual([]);
  });
});

describe("bidBreaches", () => {
  const questions = [QualityQuestionSchema.parse({ id: "q", title: "Delivery", wordLimit: 10, weightBps: 10_000 })];
  const input = { base, rules, proposal: base, proposalProblems: [], forecast: null, smallProviderBreaches: [], questions, answers: {}, name: "", complete: false };
  it("while drafting names only what is wrong, not what is still to do", () => {
    expect(bidBreaches(input)).toEqual([]);
    expect(bidBreaches({ ...input, answers: { q: "one two three four five six seven eight nine ten eleven" } }).map((b) => b.message)).toEqual(["The answer to “Delivery” has 11 words; the limit is 10."]);
  });
  it("at submission also asks for every answer and a name", () => {
    expect(bidBreaches({ ...input, complete: true }).map((b) => b.message)).toEqual(["Answer “Delivery”.", "Give the bid a name (usually the consortium's)."]);
  });
  it("an incomplete proposal is the one thing to fix first", () => {
    expect(bidBreaches({ ...input, proposal: null, proposalProblems: ["payers: Name at least one outcome payer"], complete: true }).map((b) => b.path)).toEqual(["proposal"]);
  });
});

describe("wordCount", () => {
  it("counts runs of non-space characters", () => {
    expect(wordCount("")).toBe(0);
    expect(wordCount("  one\ttwo\n three  ")).toBe(3);
  });
});
