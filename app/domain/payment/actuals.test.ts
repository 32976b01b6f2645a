// Hand-computed cases for the PFP mechanism: every figure below is worked out in the
// comments, independently of the engine.
import { describe, expect, it } from "vitest";
import { PFP_PAYMENT_MODEL } from "../examples/pfp-payment";
import { evaluateActuals } from "./actuals";
import { fieldErrors } from "../validation";
import { ActualsInputSchema, PaymentModelSchema, type Participant, type PaymentModel } from "./model";

const participant = (over: Partial<Participant> = {}): Participant => ({
  id: "case-1",
  payerId: "sutton",
  intervention: "fft",
  events: { "first-meeting": "2018-03-05" },
  engagementDays: 40,
  care: [],
  ...over,
});
const run = (participants: Participant[], asOf = "2021-01-01", model: PaymentModel = PFP_PAYMENT_MODEL) => evaluateActuals({ model, participants, asOf });

describe("PFP actuals, by hand", () => {
  it("an FFT case never in care earns 104 periods: 730 days // 7, × £225 = £23,400", () => {
    const a = run([participant()]);
    expect(a.lines).toHaveLength(104);
    expect(a.totals.paidPence).toBe(2_340_000);
    // The window starts 77 days (11 weeks) after 5 March 2018: 21 May 2018. The first
    // period is 21–27 May; the last ends 104 × 7 = 728 days on, on 17 May 2020.
    expect(a.lines[0]!.earnedOn).toBe("2018-05-27");
    expect(a.lines.at(-1)!.earnedOn).toBe("2020-05-17");
  });

  it("an MST case's window starts 17 weeks (119 days) after the first meeting: 2 July 2018", () => {
    const a = run([participant({ intervention: "mst" })]);
    expect(a.lines[0]!.earnedOn).toBe("2018-07-08");
    expect(a.lines).toHaveLength(104);
  });

  it("a case engaged 27 days earns nothing; 28 days is enough", () => {
    expect(run([participant({ engagementDays: 27 })]).totals.paidPence).toBe(0);
    expect(run([participant({ engagementDays: 28 })]).totals.paidPence).toBe(2_340_000);
  });

  it("ten days in care (window days 10–19) spoil two weekly blocks: 102 periods", () => {
    const a = run([participant({ care: [{ start: "2018-05-31", end: "2018-06-10" }] })]);
    expect(a.lines).toHaveLength(102);
    expect(a.totals.paidPence).toBe(102 * 22_500);
  });

  it("stops at the end of the two-year window, and pays only complete periods up to the data date", () => {
    expect(run([participant()], "2030-01-01").lines).toHaveLength(104);
    // By 9 June 2018 (day 19 of the window, inclusive) two blocks are complete: 21–27 May, 28 May–3 June.
    expect(run([participant()], "2018-06-09").lines).toHaveLength(2);
  });

  it("splits each £225 into the CBO's up-to-18.5% (£41.625 → £41.62, down: never above 18.5%) and the borough's £183.38", () => {
    const [line] = run([participant()]).lines;
    expect(line!.shares).toMatchObject([{ payerId: "sutton", payerPence: 18_338, coFunderPence: 4_162 }]);
    const a = run([participant()]);
    expect(a.totals.coFunderPence).toBe(104 * 4_162);
    expect(a.totals.coFunderPence * 10_000).toBeLessThanOrEqual(a.totals.paidPence * 1850);
    expect(a.totals.payersPence + a.totals.coFunderPence).toBe(a.totals.paidPence);
  });

  it("invoices the boroughs six weeks after the month the period ended (May's in July, June's in August); claims from the CBO quarterly", () => {
    const a = run([participant()], "2018-06-09");
    // 21–27 May: 31 May + 42 days = 12 July. 28 May–3 June ends in June: 30 June + 42 days = 11 August.
    expect(a.lines.map((l) => l.invoiceMonth)).toEqual(["2018-07", "2018-08"]);
    expect(a.invoices).toEqual([
      { month: "2018-07", payerId: "sutton", pence: 18_338 },
      { month: "2018-08", payerId: "sutton", pence: 18_338 },
    ]);
    // Both periods were earned in April–June: the quarter ends 30 June, + 42 days = 11 August.
    expect(a.coFunderInvoices).toEqual([{ month: "2018-08", pence: 2 * 4_162 }]);
    expect(a.lines.map((l) => l.shares[0]!.coFunderClaimMonth)).toEqual(["2018-08", "2018-08"]);
    // A period earned in July is claimed with the July–September quarter: 30 September + 42 days = 11 November.
    expect(run([participant()], "2018-07-31").coFunderInvoices.at(-1)).toEqual({ month: "2018-11", pence: 5 * 4_162 });
  });

  it("caps total outcome payments at a 75% success rate on the first 384 cases: £6,739,200", () => {
    // 288 successful cases (75% of 384) × 104 periods × £225.
    expect(run([]).caps).toContainEqual({ cap: "success-rate cap (75% of 384 cases)", limitPence: 673_920_000, usedPence: 0, reachedOn: null });
  });

  it("when a cap on all outcome payments is reached, the line that reaches it is cut and later ones are not paid", () => {
    const small = PaymentModelSchema.parse({ ...PFP_PAYMENT_MODEL, caps: { ...PFP_PAYMENT_MODEL.caps, basis: "all-outcome-payments", totalFromSuccessRate: { componentId: "out-of-care", successRateBps: 7500, cases: 2 } } });
    // Cap: 75% × 2 × £23,400 = £35,100. Two full cases would earn £46,800.
    const a = run([participant(), participant({ id: "case-2", payerId: "merton", events: { "first-meeting": "2018-03-06" } })], "2021-01-01", small);
    expect(a.totals.grossPence).toBe(4_680_000);
    expect(a.totals.paidPence).toBe(3_510_000);
    expect(a.totals.cappedPence).toBe(1_170_000);
    // The cases alternate day by day; the cap is reached on the 156th line (3,510,000 / 22,500 = 156).
    expect(a.lines.filter((l) => l.paidPence > 0)).toHaveLength(156);
    expect(a.lines[156]!.cappedBy).toEqual(["success-rate cap (75% of 2 cases)"]);
  });

  it("the PFP's cap limits what the boroughs pay; the CBO's top-up comes on top (review 3.2, 3.3)", () => {
    const small = PaymentModelSchema.parse({ ...PFP_PAYMENT_MODEL, caps: { ...PFP_PAYMENT_MODEL.caps, totalFromSuccessRate: { componentId: "out-of-care", successRateBps: 7500, cases: 2 } } });
    expect(small.caps.basis).toBe("commissioners-share");
    const a = run([participant(), participant({ id: "case-2", payerId: "merton", events: { "first-meeting": "2018-03-06" } })], "2021-01-01", small);
    // The boroughs pay £183.38 of each £225. 191 whole lines come to £35,025.58; £74.42 of the
    // £35,100 is left. The 192nd line pays the most whose borough part fits: £91.31, of which
    // the CBO pays £16.89 (18.5% rounded down) and the borough £74.42.
    expect(a.totals.payersPence).toBe(3_510_000);
    expect(a.lines.filter((l) => l.paidPence > 0)).toHaveLength(192);
    expect(a.lines[191]).toMatchObject({ paidPence: 9_131, cappedBy: ["success-rate cap (75% of 2 cases)"] });
    expect(a.lines[191]!.shares).toMatchObject([{ payerId: a.lines[191]!.shares[0]!.payerId, payerPence: 7_442, coFunderPence: 1_689 }]);
    expect(a.totals.coFunderPence).toBe(191 * 4_162 + 1_689);
    expect(a.totals.paidPence).toBe(4_306_631);
    expect(a.caps).toContainEqual({ cap: "success-rate cap (75% of 2 cases)", limitPence: 3_510_000, usedPence: 3_510_000, reachedOn: a.lines[191]!.earnedOn });
  });
});

describe("input the engine would pay wrongly is refused, field by field", () => {
  const parse = (participants: unknown[], asOf = "2021-01-01") => ActualsInputSchema.safeParse({ model: PFP_PAYMENT_MODEL, participants, asOf });
  const errors = (r: ReturnType<typeof parse>) => (r.success ? {} : fieldErrors(r.error).fieldErrors);

  it("an intervention the model has no window for (it would have started at the first meeting)", () => {
    expect(errors(parse([participant({ intervention: "cbt" })]))["participants.0.intervention"]).toEqual(["The model has no intervention 'cbt', so no tracking window for it (it has fft, mst)"]);
  });

  it("no engagement days where the model pays only cases engaged 28 days (they would have been paid nothing)", () => {
    const { engagementDays: _, ...noEngagement } = participant();
    expect(errors(parse([noEngagement]))["participants.0.engagementDays"]).toEqual(["Give the days engaged: the model pays only cases engaged at least 28 days"]);
    // Without an engagement rule the field may be left out.
    const noRule = { ...PFP_PAYMENT_MODEL, components: PFP_PAYMENT_MODEL.components.map((c) => (c.kind === "outcome-period" ? { ...c, minEngagementDays: 0 } : c)) };
    expect(ActualsInputSchema.safeParse({ model: noRule, participants: [noEngagement], asOf: "2021-01-01" }).success).toBe(true);
  });

  it("the same case twice (it would have been paid twice)", () => {
    expect(errors(parse([participant(), participant({ payerId: "merton" })]))["participants.1.id"]).toEqual(["Participant 1 already has the id 'case-1': each case is listed once"]);
  });

  it("a payer the model does not have (it would have appeared on the invoices)", () => {
    expect(errors(parse([participant({ payerId: "croydon" })]))["participants.0.payerId"]).toEqual(["The model has no payer 'croydon' (it has sutton, merton, bexley, newham, tower-hamlets)"]);
  });

  it("a well-formed cohort passes", () => {
    expect(parse([participant(), participant({ id: "case-2", intervention: "mst", payerId: "merton" })]).success).toBe(true);
  });

  it("says so when the data end before every tracking window opens, instead of a bare £0", () => {
    const early = run([participant()], "2018-04-01");
    expect(early.totals.paidPence).toBe(0);
    expect(early.notes).toEqual(["The data run to 2018-04-01, before any participant's tracking window opens (the first opens on 2018-05-21): no payment for outcomes sustained is due yet."]);
    expect(run([participant()], "2018-05-21").notes).toEqual([]);
  });
});
