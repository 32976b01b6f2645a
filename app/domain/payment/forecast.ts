// The forecast engine: scenarios (referral volumes against commitments, engagement,
// success rates by contract year, time to outcome) and seeded Monte Carlo runs →
// P10/P50/P90 of what each party pays, earns and risks, against the costs avoided.
//
// Simplifications, stated (docs/decisions/0008-payment-engine.md):
// - a case that does not succeed enters care once, at a uniformly random day of its
//   window, and stays; so "aligned" and "runs" counting agree here;
// - caps (per outcome, total, per payer) and the co-funder's cap bite at month
//   granularity: in the month a cap is reached, that month's payments are cut in
//   proportion; the per-participant cap applies case by case;
// - fees, milestones and outcome events happen on the days the scenario's `events`
//   give (see there); fixed-share cost sharing splits each month's outcome payments;
// - forecast money is rounded to the penny per payer and month (actuals are exact).
// The work per run is O(participants + days): each case's weekly payments go into a
// stride difference array, so 104 periods cost the same as one. Pure: no I/O.
import { z } from "zod";
import { IsoDateSchema, monthOf, toDay } from "./dates";
import { percentOf } from "./money";
import { coFunderSchedule, EventKeySchema, isOutcome, payerSchedule, PaymentModelSchema, type Component, type InvoiceSchedule, type OutcomePeriodComponent, type PaymentModel } from "./model";
import { maxPerParticipant } from "./actuals";
import { seededRandom, type Random } from "./random";

const bps = z.number().int("Whole basis points only").min(0).max(10_000, "At most 100% (10000)");
const pence = z.number().int("Whole pence only").min(0).max(100_000_000_000);

export const ScenarioSchema = z.object({
  name: z.string().trim().min(1, "Name the scenario").max(120),
  /** The first day referrals can arrive. */
  start: IsoDateSchema,
  /** How long referrals keep arriving (PFP: 42 months). */
  referralMonths: z.number().int().min(1).max(240),
  /** Expected referrals a year, by payer (e.g. each borough's commitment). */
  referralsPerYear: z.record(z.string(), z.number().min(0).max(100_000)),
  /** Each run scales every payer's volume by a uniform factor within ± this. */
  volumeVariationBps: bps.default(0),
  /** Share of referrals by intervention (ids of the model's interventions); the rest use the default offset. */
  interventionMixBps: z.record(z.string(), bps).default({}),
  daysToFirstMeeting: z.number().int().min(0).max(365).default(14),
  /** Share of referrals that stay engaged long enough to count. */
  engagementRateBps: bps,
  /** Share of engaged cases that stay out of care for the whole window, by contract year of referral (the last repeats). */
  successRateBpsByYear: z.array(bps).min(1, "Give at least one year's success rate").max(30),
  /** Each run shifts every success rate by a uniform amount within ± this. */
  successVariationBps: bps.default(0),
  /** For outcome-event payments: days from the first meeting to the outcome. */
  timeToOutcomeDays: z.number().int().min(0).max(3650).default(365),
  /**
   * When, and for what share of engaged cases, the events the model pays fees,
   * milestones or outcome events on happen (e.g. plan-agreed: 42 days, 90%).
   * referral-accepted, first-meeting and engagement-started need no entry: every
   * referral reaches them. An event not listed happens to every engaged case at its
   * first meeting, except an outcome event, which successful cases reach
   * `timeToOutcomeDays` after it.
   */
  events: z
    .record(EventKeySchema, z.object({ daysAfterFirstMeeting: z.number().int().min(0).max(3650), reachedBps: bps }))
    .default({}),
  /**
   * What delivery costs the provider: the commissioners' estimate in the shared model, a
   * provider's own figures in its what-if copy. All zero: not given (the forecast then
   * says what it cannot price, rather than pricing delivery at £0).
   */
  costs: z
    .object({
      setUpPence: pence.default(0),
      /** Per family taken on (each referral), for interventions not listed below. */
      deliveryPerParticipantPence: pence.default(0),
      /** Per family taken on, by intervention id (PFP: MST and FFT cost differently). */
      deliveryPerCaseByInterventionPence: z.record(z.string(), pence).default({}),
      /** Fixed running cost a month while the service runs (referrals plus the first window). */
      runningPerMonthPence: pence.default(0),
    })
    .default({ setUpPence: 0, deliveryPerParticipantPence: 0, deliveryPerCaseByInterventionPence: {}, runningPerMonthPence: 0 }),
  /** The investors' working capital: how much they commit to fund delivery before outcome income arrives. */
  finance: z
    .object({
      capitalCommitmentPence: pence.nullable().default(null),
      /**
       * null: capital is drawn as delivery needs it and repaid as income arrives. Otherwise
       * the investors pay in these tranches (months from the start) and are paid what is
       * left at the end; a month the cash runs out, the provider covers the gap.
       */
      tranches: z
        .array(z.object({ month: z.number().int("Whole months only").min(0).max(480), amountPence: pence }))
        .min(1, "Give at least one tranche, or none for capital drawn as needed")
        .max(60)
        .nullable()
        .default(null),
    })
    .default({ capitalCommitmentPence: null, tranches: null }),
  /** How the other contracting options are priced, for the options appraisal. */
  options: z
    .object({
      /**
       * Fee-for-service: what the commissioners would pay per family to buy the same
       * service by fee (e.g. spot purchase); null: priced as delivery cost plus margin.
       */
      feeForServicePricePerCasePence: pence.nullable().default(null),
      /** Fee-for-service without a price: the provider's margin on delivery costs. */
      feeForServiceMarginBps: bps.default(1000),
      /** Social impact bond: extra set-up (intermediary, legal, evaluation) the commissioners bear. */
      sibExtraSetUpPence: pence.default(0),
      /** Alliance: providers' share of the net cashable gain (savings less costs). */
      allianceGainShareBps: bps.default(2500),
    })
    .default({ feeForServicePricePerCasePence: null, feeForServiceMarginBps: 1000, sibExtraSetUpPence: 0, allianceGainShareBps: 2500 }),
  costsAvoided: z
    .object({
      placementPerWeekPence: pence.default(0),
      /** Chance that, without the service, a week a case spends out of care would have been spent in care. */
      counterfactualCareBps: bps.default(0),
      /** Share of avoided placement cost that is cashable (budgets actually released). */
      cashableBps: bps.default(10_000),
      /**
       * Costs other public bodies avoid, per successful case, by who saves them (health,
       * justice, education, DWP): the saving does not always fall to the payer.
       */
      wider: z.array(z.object({ who: z.string().trim().min(1, "Say who saves it").max(120), perSuccessPence: pence })).max(20).default([]),
    })
    .default({ placementPerWeekPence: 0, counterfactualCareBps: 0, cashableBps: 10_000, wider: [] }),
});
export type Scenario = z.infer<typeof ScenarioSchema>;

export const ForecastInputSchema = z.object({
  model: PaymentModelSchema,
  scenarios: z.array(ScenarioSchema).min(1, "Give at least one scenario").max(20),
  runs: z.number().int().min(1).max(20_000),
  seed: z.number().int().min(0).max(2 ** 32 - 1),
}).strict();
export type ForecastInput = z.infer<typeof ForecastInputSchema>;

export type Spread = { p10: number; p50: number; p90: number; mean: number };
export type ScenarioForecast = {
  scenario: string;
  runs: number;
  participants: Spread;
  successes: Spread;
  commissionerCostPence: Spread;
  coFunderCostPence: Spread;
  providerIncomePence: Spread;
  costPerSuccessPence: Spread;
  /** Every cost avoided: the commissioners' placements and the wider public sector's. */
  costsAvoidedPence: Spread;
  /** Costs avoided by who saves them: the commissioners' care placements first, then each wider body. */
  costsAvoidedByWho: { who: string; pence: Spread }[];
  /** The commissioners' cashable share of the placements avoided. */
  cashableSavingsPence: Spread;
  /** The placements the commissioners avoid, less what they pay. */
  netBenefitPence: Spread;
  /**
   * The investors fund delivery until outcome income arrives and bear any loss.
   * `overCommitmentProbability`: how often the capital needed exceeds what they committed
   * (the provider would then have to find the rest). With tranches, `shortfallProbability`:
   * how often the cash runs out between tranches, and `shortfallPence` what the provider
   * then covers and bears.
   */
  investor: {
    netCashPence: Spread;
    multiple: Spread;
    irr: Spread;
    peakCapitalPence: Spread;
    lossProbability: number;
    overCommitmentProbability: number | null;
    shortfallProbability: number | null;
    shortfallPence: Spread;
  };
  /**
   * What delivery costs (set-up, per family, running) and what the delivery side keeps:
   * its income less those costs, before any return to investors; and that as a share of income.
   */
  provider: { deliveryCostPence: Spread; marginPence: Spread; marginShare: Spread };
  /** Inputs the forecast needs that the scenario does not give, in words: empty when it has them all. */
  gaps: ScenarioGap[];
  /** Share of the provider's income that depends on outcomes and milestones (the contract value at risk). */
  atRiskShare: Spread;
  capReachedProbability: number;
  /**
   * What each payer pays: for outcomes after the co-funder's top-up, and in all with fees
   * and milestones (a participant's are their payer's; a fixed fee's its named payer's;
   * otherwise by the fixed shares, or equally).
   */
  byPayer: { payerId: string; outcomeCostPence: Spread; totalCostPence: Spread }[];
  /** The same cohort and runs priced as each contracting option (the options appraisal). */
  options: OptionForecast[];
  /** P10/P50/P90 per month: what the commissioners pay (by invoice month), that summed to date, and the investor's cumulative position. */
  monthly: { months: string[]; commissionerPence: Spread[]; commissionerCumulativePence: Spread[]; investorCumulativePence: Spread[] };
};
export const CONTRACT_OPTIONS = ["fee-for-service", "payment-by-results", "social-impact-bond", "alliance", "hybrid"] as const;
export type ContractOption = (typeof CONTRACT_OPTIONS)[number];
/** An option's price; `needs` names the input it lacks (its figures are then not a price, and are not shown). */
export type OptionForecast = { option: ContractOption; commissionerCostPence: Spread; costPerSuccessPence: Spread; needs: string | null };

export type ScenarioGap = { input: "delivery-costs" | "costs-avoided" | "placement-cost" | "counterfactual-care"; message: string };

/** Whether the scenario says what delivery costs (all zero: it does not). */
export function hasDeliveryCosts(s: Scenario): boolean {
  const c = s.costs;
  return c.setUpPence > 0 || c.deliveryPerParticipantPence > 0 || c.runningPerMonthPence > 0 || Object.values(c.deliveryPerCaseByInterventionPence ?? {}).some((v) => v > 0);
}

/** What the scenario leaves out that a figure needs, so the page says so instead of printing £0. */
export function scenarioGaps(s: Scenario): ScenarioGap[] {
  const gaps: ScenarioGap[] = [];
  if (!hasDeliveryCosts(s)) gaps.push({ input: "delivery-costs", message: "No delivery cost is given (set-up, per family or running a month): the provider's margin, the investors' capital and return, and the fee-for-service and alliance options need it." });
  const a = s.costsAvoided;
  const wider = (a.wider ?? []).some((w) => w.perSuccessPence > 0);
  if (a.placementPerWeekPence > 0 && a.counterfactualCareBps === 0) gaps.push({ input: "counterfactual-care", message: "A weekly placement cost is given, but not the chance a case would otherwise have been in care: the placements avoided need both." });
  else if (a.placementPerWeekPence === 0 && a.counterfactualCareBps > 0) gaps.push({ input: "placement-cost", message: "The chance a case would otherwise have been in care is given, but not what a week in care costs: the placements avoided need both." });
  else if (a.placementPerWeekPence === 0 && !wider) gaps.push({ input: "costs-avoided", message: "No cost avoided is given: give what a week in care costs and the chance a case would otherwise have been in care." });
  return gaps;
}

/** The input an option lacks to be priced, or null. */
export function optionNeeds(option: ContractOption, s: Scenario): string | null {
  if (option === "fee-for-service" && s.options.feeForServicePricePerCasePence == null && !hasDeliveryCosts(s)) return "the commissioners' price per family bought by fee, or the provider's delivery cost";
  if (option === "alliance" && !hasDeliveryCosts(s)) return "the provider's delivery cost";
  return null;
}

export type Forecast = { seed: number; runs: number; scenarios: ScenarioForecast[] };

/** P10, P50, P90 and the mean of `values`. */
export function spread(values: Float64Array): Spread {
  const n = values.length;
  const rank = (q: number) => Math.min(n - 1, Math.max(0, Math.round(q * (n - 1))));
  // Most series are whole pence. Then the sum is exact in any order and the percentiles
  // are order statistics, so three selections give exactly what sorting gives, about
  // five times faster (it matters: a forecast takes three spreads per month). Anything
  // else (fractions, a -0 whose place sorting decides) is sorted, as before.
  let total = 0;
  let wholeAndSafe = n >= 32;
  for (let i = 0; wholeAndSafe && i < n; i++) {
    const v = values[i]!;
    total += v;
    wholeAndSafe = Number.isInteger(v) && !Object.is(v, -0) && Math.abs(total) <= Number.MAX_SAFE_INTEGER;
  }
  if (wholeAndSafe) {
    const copy = Float64Array.from(values);
    return { p10: select(copy, rank(0.1)), p50: select(copy, rank(0.5)), p90: select(copy, rank(0.9)), mean: total / n };
  }
  const sorted = Float64Array.from(values).sort();
  const at = (q: number) => sorted[rank(q)]!;
  total = 0;
  for (const v of sorted) total += v;
  return { p10: at(0.1), p50: at(0.5), p90: at(0.9), mean: n ? total / n : 0 };
}

/** The `k`-th smallest of `a` (Hoare's selection), leaving `a` partly reordered. */
function select(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (hi > lo) {
    const pivot = a[(lo + hi) >> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  return a[k]!;
}

/** Monthly internal rate of return of `flows`, annualised; null when it has none (no sign change). */
export function annualIrr(flows: ArrayLike<number>): number | null {
  // Horner's rule in 1 / (1 + r): no powers, since this runs once per Monte Carlo run.
  const npv = (r: number) => {
    const x = 1 / (1 + r);
    let acc = 0;
    for (let i = flows.length - 1; i >= 0; i--) acc = acc * x + flows[i]!;
    return acc;
  };
  let negative = false;
  let positive = false;
  for (let i = 0; i < flows.length; i++) {
    if (flows[i]! < 0) negative = true;
    else if (flows[i]! > 0) positive = true;
  }
  if (!negative || !positive) return null;
  let lo = -0.99;
  let hi = 1;
  let flo = npv(lo);
  if (flo * npv(hi) > 0) return null;
  for (let i = 0; i < 80; i++) {
    const mid = (lo + hi) / 2;
    const fm = npv(mid);
    if (flo * fm <= 0) hi = mid;
    else {
      lo = mid;
      flo = fm;
    }
  }
  return (1 + (lo + hi) / 2) ** 12 - 1;
}

/** Day offsets of the month starts from `start`, covering `days` days. */
function monthStarts(start: number, days: number): { starts: number[]; labels: string[] } {
  const starts: number[] = [];
  const labels: string[] = [];
  let d = new Date(start * 86_400_000);
  d = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1));
  for (;;) {
    const day = Math.round(d.getTime() / 86_400_000);
    if (day > start + days) break;
    starts.push(day);
    labels.push(monthOf(day));
    d = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1));
  }
  return { starts, labels };
}

/** A payment a case earns on an event: when, for whom, and whether it is an outcome payment (-1: a fee or milestone). */
type CasePayment = {
  outcome: number;
  atRisk: boolean;
  amount: number;
  /** Reached by every referral (on the referral day or at the first meeting), or by engaged cases only. */
  everyReferral: boolean;
  fromReferral: boolean;
  daysAfterMeeting: number;
  /** Chance an engaged case reaches it, or "success": the case's own outcome decides. */
  reach: number | "success";
};

type Prepared = {
  model: PaymentModel;
  scenario: Scenario;
  start: number;
  horizon: number;
  monthOfDay: Int32Array;
  /** Day offset (from the start) of each month's first day; the first month's is 0. */
  monthStart: Int32Array;
  months: string[];
  /** The month each month's earnings are invoiced in: by payer index, the co-funder's claims, and the default (fees). */
  invoiceMonth: { payers: Int32Array[]; claims: Int32Array; fees: Int32Array };
  /** Outcome components (events and periods), in model order: the per-outcome caps' index. */
  outcomeComponents: Component[];
  periodComponents: { component: OutcomePeriodComponent; outcome: number }[];
  casePayments: CasePayment[];
  payerIndex: Map<string, number>;
  /** Fixed cost-sharing weights by payer index; null: each payer pays for its own participants. */
  fixedShares: number[] | null;
  interventionCumulative: { id: string; upTo: number }[];
  totalCap: number;
};

/** For each month, the month its earnings are invoiced in on `schedule` (a quarter ends in March, June, September, December). */
function invoiceMonths(months: string[], schedule: InvoiceSchedule): Int32Array {
  const lag = Math.ceil((schedule.lagWeeks * 7) / 30.44);
  return Int32Array.from(months, (label, m) => Math.min(months.length - 1, m + (schedule.frequency === "quarterly" ? (3 - (Number(label.slice(5, 7)) % 3)) % 3 : 0) + lag));
}

/** The delivery cost of one family taken on, by its intervention ("" for none). */
const caseCost = (s: Scenario, intervention: string) => s.costs.deliveryPerCaseByInterventionPence?.[intervention] ?? s.costs.deliveryPerParticipantPence;

const EVERY_REFERRAL_AT_MEETING = ["first-meeting", "engagement-started"];

function casePayments(model: PaymentModel, scenario: Scenario, outcomeIndex: Map<string, number>): CasePayment[] {
  const list: CasePayment[] = [];
  for (const c of model.components) {
    if (c.kind !== "per-participant-fee" && c.kind !== "milestone" && c.kind !== "outcome-event") continue;
    const base = { outcome: c.kind === "outcome-event" ? outcomeIndex.get(c.id)! : -1, atRisk: c.kind !== "per-participant-fee", amount: c.kind === "outcome-event" ? c.tariffPence : c.amountPence };
    const timing = scenario.events[c.event];
    if (c.event === "referral-accepted") list.push({ ...base, everyReferral: true, fromReferral: true, daysAfterMeeting: 0, reach: 1 });
    else if (EVERY_REFERRAL_AT_MEETING.includes(c.event)) list.push({ ...base, everyReferral: true, fromReferral: false, daysAfterMeeting: 0, reach: 1 });
    else if (timing) list.push({ ...base, everyReferral: false, fromReferral: false, daysAfterMeeting: timing.daysAfterFirstMeeting, reach: timing.reachedBps / 10_000 });
    else if (c.kind === "outcome-event") list.push({ ...base, everyReferral: false, fromReferral: false, daysAfterMeeting: scenario.timeToOutcomeDays, reach: "success" });
    else list.push({ ...base, everyReferral: false, fromReferral: false, daysAfterMeeting: 0, reach: 1 });
  }
  return list;
}

function prepare(model: PaymentModel, scenario: Scenario): Prepared {
  const start = toDay(scenario.start);
  const outcomeComponents = model.components.filter(isOutcome);
  const outcomeIndex = new Map(outcomeComponents.map((c, i) => [c.id, i]));
  const periodComponents = outcomeComponents.flatMap((c) => (c.kind === "outcome-period" ? [{ component: c, outcome: outcomeIndex.get(c.id)! }] : []));
  const periods = periodComponents.map((x) => x.component);
  const longest = Math.max(0, ...periods.map((c) => Math.max(c.window.defaultOffsetDays, ...Object.values(c.window.offsetDaysByIntervention)) + c.window.lengthDays));
  const longestEvent = Math.max(scenario.timeToOutcomeDays, ...Object.values(scenario.events).map((e) => e.daysAfterFirstMeeting));
  const schedules = [coFunderSchedule(model), ...model.payers.map((x) => payerSchedule(model, x.id))];
  const longestInvoiceDelay = Math.max(model.invoicing.lagWeeks, ...schedules.map((s) => s.lagWeeks)) * 7 + (schedules.some((s) => s.frequency === "quarterly") ? 92 : 31);
  const horizon = scenario.referralMonths * 31 + scenario.daysToFirstMeeting + Math.max(longest, longestEvent) + longestInvoiceDelay + 62;
  const { starts, labels } = monthStarts(start, horizon);
  const monthOfDay = new Int32Array(horizon + 1);
  let m = 0;
  for (let d = 0; d <= horizon; d++) {
    while (m + 1 < starts.length && start + d >= starts[m + 1]!) m++;
    monthOfDay[d] = m;
  }
  let upTo = 0;
  const interventionCumulative = Object.entries(scenario.interventionMixBps).map(([id, share]) => ({ id, upTo: (upTo += share) / 10_000 }));
  const sharing = model.costSharing;
  return {
    model,
    scenario,
    start,
    horizon,
    monthOfDay,
    monthStart: Int32Array.from(starts, (d) => Math.max(0, d - start)),
    months: labels,
    invoiceMonth: {
      payers: model.payers.map((x) => invoiceMonths(labels, payerSchedule(model, x.id))),
      claims: invoiceMonths(labels, coFunderSchedule(model)),
      fees: invoiceMonths(labels, { frequency: model.invoicing.frequency ?? "monthly", lagWeeks: model.invoicing.lagWeeks }),
    },
    outcomeComponents,
    periodComponents,
    casePayments: casePayments(model, scenario, outcomeIndex),
    payerIndex: new Map(model.payers.map((p, i) => [p.id, i])),
    fixedShares: sharing.kind === "fixed-shares" ? model.payers.map((p) => (sharing.sharesBps[p.id] ?? 0) / 10_000) : null,
    interventionCumulative,
    totalCap: totalCapPence(model) ?? Number.POSITIVE_INFINITY,
  };
}

/** The total cap as a chart draws it: the amount, and whose payments it limits in words. */
export function capLine(model: PaymentModel): { pence: number; label: string } | null {
  const pence = totalCapPence(model);
  if (pence === null) return null;
  return { pence, label: model.caps.basis === "commissioners-share" ? "Cap: the most the commissioners pay for outcomes" : "Cap on all outcome payments, the co-funder's included" };
}

/** The total cap on outcome payments (the lower of a fixed sum and one from a success rate), or null when there is none; `caps.basis` says whose payments it limits. */
export function totalCapPence(model: PaymentModel): number | null {
  const caps: number[] = [];
  if (model.caps.totalPence !== null) caps.push(model.caps.totalPence);
  const rate = model.caps.totalFromSuccessRate;
  const component = rate && model.components.find((c): c is OutcomePeriodComponent => c.id === rate.componentId && c.kind === "outcome-period");
  if (rate && component) caps.push(percentOf(rate.cases * maxPerParticipant(component), rate.successRateBps));
  return caps.length ? Math.min(...caps) : null;
}

/** A Poisson draw (Knuth for small means, normal approximation above 50). */
function poisson(mean: number, random: Random): number {
  if (mean <= 0) return 0;
  if (mean > 50) {
    const u = 1 - random();
    const v = random();
    return Math.max(0, Math.round(mean + Math.sqrt(mean) * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v)));
  }
  const limit = Math.exp(-mean);
  let k = 0;
  let p = random();
  while (p > limit) {
    k++;
    p *= random();
  }
  return k;
}

type RunResult = {
  /** Delivery costs: set-up, per participant and running. */
  deliveryCosts: number;
  /** What the commissioners pay for outcome components alone (after the co-funder). */
  outcomeOnlyCommissioner: number;
  /** What depends on achievement: outcome payments and milestones. */
  atRiskPayments: number;
  participants: number;
  successes: number;
  commissioner: number;
  coFunder: number;
  providerIncome: number;
  costsAvoided: number;
  capReached: boolean;
  /** Outcome payments by payer index, after the co-funder. */
  payerCost: Float64Array;
  /** Fees and milestones by payer index. */
  payerFees: Float64Array;
  /** The delivery's income less its costs, by month. */
  netFlows: Float64Array;
  commissionerByMonth: Float64Array;
};

/** A run's running totals that booking a payment adds to. */
type Tally = {
  earned: Float64Array;
  feesByMonth: Float64Array;
  /** Fees and milestones by payer index, for the run. */
  feesByPayer: Float64Array;
  /** Fixed cost-sharing weights, or null: each payer pays for its own participants. */
  shares: number[] | null;
  payers: number;
  months: number;
  milestones: number;
};

/** Charges a fee to `payer` (-1: none named), or by the fixed shares, or equally when neither says. */
function chargeFee(t: Tally, amount: number, payer: number) {
  if (payer >= 0 && !t.shares) t.feesByPayer[payer]! += amount;
  else if (t.shares) for (let q = 0; q < t.payers; q++) t.feesByPayer[q]! += amount * t.shares[q]!;
  else for (let q = 0; q < t.payers; q++) t.feesByPayer[q]! += amount / t.payers;
}

/** Books a fee, milestone or outcome event in `month`; returns what it adds to the case's outcome payments (at most `room`). */
function book(cp: CasePayment, month: number, payer: number, room: number, t: Tally): number {
  if (cp.outcome < 0) {
    t.feesByMonth[month]! += cp.amount;
    chargeFee(t, cp.amount, payer);
    if (cp.atRisk) t.milestones += cp.amount;
    return 0;
  }
  const amount = Math.min(cp.amount, room);
  if (amount <= 0) return 0;
  t.earned[(cp.outcome * t.payers + payer) * t.months + month]! += amount;
  return amount;
}

/**
 * The investors' cash flows by month (into `out`) from the delivery's net flows. Drawn
 * as needed (`tranches` null), they fund each deficit and receive each surplus as it
 * comes. In tranches, they pay each tranche in, costs are paid from the cash held, and
 * what is left comes back to them in the last month; a month the cash runs out, the
 * provider covers the gap, and bears it. Returns that gap in all.
 */
export function investorFlows(net: ArrayLike<number>, tranches: { month: number; amountPence: number }[] | null, out: Float64Array): number {
  if (!tranches) {
    for (let m = 0; m < net.length; m++) out[m] = net[m]!;
    return 0;
  }
  out.fill(0);
  const last = net.length - 1;
  for (const t of tranches) out[Math.min(t.month, last)]! -= t.amountPence;
  let cash = 0;
  let shortfall = 0;
  for (let m = 0; m <= last; m++) {
    cash += net[m]! - out[m]!;
    if (cash < 0) {
      shortfall -= cash;
      cash = 0;
    }
  }
  out[last]! += cash;
  return shortfall;
}

/** One Monte Carlo run. `scratch` holds reusable buffers (period components × payers, each a day per entry). */
function runOnce(p: Prepared, random: Random, scratch: Float64Array[]): RunResult {
  const { model, scenario, horizon, monthOfDay } = p;
  const payers = model.payers.length;
  const months = p.months.length;
  for (const a of scratch) a.fill(0);
  /** Outcome payments earned, by outcome component × payer × month. */
  const earned = new Float64Array(p.outcomeComponents.length * payers * months);
  const feesByMonth = new Float64Array(months);
  const costsByMonth = new Float64Array(months);
  costsByMonth[0]! += scenario.costs.setUpPence;
  const volume = 1 + (2 * random() - 1) * (scenario.volumeVariationBps / 10_000);
  const successShift = (2 * random() - 1) * (scenario.successVariationBps / 10_000);
  const referralDays = scenario.referralMonths * (365.25 / 12);
  let participants = 0;
  let successes = 0;
  let weeksOutOfCare = 0;
  const tally: Tally = { earned, feesByMonth, feesByPayer: new Float64Array(payers), shares: p.fixedShares, payers, months, milestones: 0 };
  const perParticipantCap = model.caps.perParticipantPence ?? Number.POSITIVE_INFINITY;

  for (const [payerId, perYear] of Object.entries(scenario.referralsPerYear)) {
    const payer = p.payerIndex.get(payerId);
    if (payer === undefined) continue;
    const n = poisson((perYear * volume * referralDays) / 365.25, random);
    participants += n;
    for (let i = 0; i < n; i++) {
      const referral = Math.floor(random() * referralDays);
      // The intervention is drawn at referral: a family's delivery cost depends on it.
      const u = random();
      let intervention = "";
      for (const x of p.interventionCumulative) if (u < x.upTo) {
        intervention = x.id;
        break;
      }
      costsByMonth[monthOfDay[referral]!]! += caseCost(scenario, intervention);
      const meeting = referral + scenario.daysToFirstMeeting;
      let paidForCase = 0;
      // Plain loops and top-level functions, no closures: this runs once per case per run.
      for (const cp of p.casePayments) {
        if (!cp.everyReferral) continue;
        const month = monthOfDay[Math.min(cp.fromReferral ? referral : meeting, horizon)]!;
        paidForCase += book(cp, month, payer, perParticipantCap - paidForCase, tally);
      }
      if (random() * 10_000 >= scenario.engagementRateBps) continue;
      const year = Math.min(Math.floor(referral / 365.25), scenario.successRateBpsByYear.length - 1);
      const success = random() < scenario.successRateBpsByYear[year]! / 10_000 + successShift;
      if (success) successes++;
      const fail = random();
      for (let pi = 0; pi < p.periodComponents.length; pi++) {
        const c = p.periodComponents[pi]!.component;
        const offset = c.window.offsetDaysByIntervention[intervention] ?? c.window.defaultOffsetDays;
        const windowStart = meeting + offset;
        const daysOut = success ? c.window.lengthDays : Math.floor(fail * c.window.lengthDays);
        let k = Math.floor(daysOut / c.periodDays);
        k = Math.min(k, Math.floor((perParticipantCap - paidForCase) / Math.max(1, c.tariffPence)));
        if (k <= 0) continue;
        paidForCase += k * c.tariffPence;
        if (pi === 0) weeksOutOfCare += (k * c.periodDays) / 7;
        // Payments on days windowStart + periodDays·j − 1, j = 1..k: a stride difference array.
        const first = windowStart + c.periodDays - 1;
        const arr = scratch[pi * payers + payer]!;
        if (first <= horizon) arr[first]! += c.tariffPence;
        const stop = first + k * c.periodDays;
        if (stop <= horizon) arr[stop]! -= c.tariffPence;
      }
      for (const cp of p.casePayments) {
        if (cp.everyReferral) continue;
        if (!(cp.reach === "success" ? success : random() < cp.reach)) continue;
        const month = monthOfDay[Math.min(meeting + cp.daysAfterMeeting, horizon)]!;
        paidForCase += book(cp, month, payer, perParticipantCap - paidForCase, tally);
      }
    }
  }
  bookFixedFees(p, feesByMonth, tally);
  foldPeriods(p, scratch, earned);
  return settle(p, { earned, feesByMonth, costsByMonth, tally, participants, successes, weeksOutOfCare });
}

/**
 * Several payment models priced on one cohort (bids made from one published model):
 * models that differ only in their amounts (tariffs, fees) share each run's simulated
 * cases, counted in units, and each is then priced from those counts. Integer pence
 * times whole counts are exact, so each model's forecast is identical to `forecast`'s
 * (forecast.test.ts checks it); models this cannot price so (fixed cost shares, a
 * per-participant cap, a different shape) are forecast on their own. The cohort part is
 * most of a run, so twenty bids cost little more than one.
 */
export function forecastMany(models: PaymentModel[], scenarios: Scenario[], runs: number, seed: number): Forecast[] {
  const out: Forecast[] = new Array(models.length);
  const groups = new Map<string, number[]>();
  models.forEach((model, i) => {
    const key = cohortKey(model);
    if (key === null) out[i] = forecast({ model, scenarios, runs, seed });
    else groups.set(key, [...(groups.get(key) ?? []), i]);
  });
  for (const members of groups.values()) {
    const byScenario = scenarios.map((scenario, si) => {
      const preps = members.map((i) => prepare(models[i]!, scenario));
      const base = preps[0]!;
      const random = seededRandom(streamSeed(seed, si));
      const scratch = scratchFor(base);
      const pending: RunResult[] = [];
      const collectors = preps.map((p, k) => collect({ model: models[members[k]!]!, scenarios, runs, seed }, si, p, () => pending[k]!, 1));
      const results: ScenarioForecast[] = [];
      for (let r = 0; r < runs; r++) {
        const units = simulateUnits(base, random, scratch);
        preps.forEach((p, k) => {
          pending[k] = priceUnits(p, units);
          const step = collectors[k]!.next();
          if (step.done) results[k] = step.value;
        });
      }
      return results;
    });
    members.forEach((i, k) => (out[i] = { seed, runs, scenarios: byScenario.map((r) => r[k]!) }));
  }
  return out;
}

/** Models with the same key differ only in amounts; null: price this model on its own. */
function cohortKey(model: PaymentModel): string | null {
  if (model.costSharing.kind !== "own-participants" || model.caps.perParticipantPence !== null) return null;
  const shape = model.components.map((c) => {
    const { name: _name, ...rest } = c as Component & { tariffPence?: number; amountPence?: number };
    delete rest.tariffPence;
    delete rest.amountPence;
    return rest;
  });
  return JSON.stringify([model.payers, model.interventions, model.invoicing, shape]);
}

/** One run's cases counted in units: periods earned (tariff 1), and each case payment's count by month and payer. */
type Units = {
  periodEarned: Float64Array;
  cpMonth: Float64Array[];
  cpPayer: Float64Array[];
  cpCount: number[];
  cpEarned: Float64Array[];
  costsByMonth: Float64Array;
  participants: number;
  successes: number;
  weeksOutOfCare: number;
};

/** runOnce's cohort, in units: the same draws in the same order (a per-participant cap is never in play here). */
function simulateUnits(p: Prepared, random: Random, scratch: Float64Array[]): Units {
  const { model, scenario, horizon, monthOfDay } = p;
  const payers = model.payers.length;
  const months = p.months.length;
  for (const a of scratch) a.fill(0);
  const cps = p.casePayments;
  const u: Units = {
    periodEarned: new Float64Array(p.outcomeComponents.length * payers * months),
    cpMonth: cps.map(() => new Float64Array(months)),
    cpPayer: cps.map(() => new Float64Array(payers)),
    cpCount: cps.map(() => 0),
    cpEarned: cps.map((cp) => new Float64Array(cp.outcome < 0 ? 0 : payers * months)),
    costsByMonth: new Float64Array(months),
    participants: 0,
    successes: 0,
    weeksOutOfCare: 0,
  };
  const count = (j: number, month: number, payer: number) => {
    if (cps[j]!.outcome < 0) {
      u.cpMonth[j]![month]! += 1;
      u.cpPayer[j]![payer]! += 1;
      u.cpCount[j]! += 1;
    } else u.cpEarned[j]![payer * months + month]! += 1;
  };
  u.costsByMonth[0]! += scenario.costs.setUpPence;
  const volume = 1 + (2 * random() - 1) * (scenario.volumeVariationBps / 10_000);
  const successShift = (2 * random() - 1) * (scenario.successVariationBps / 10_000);
  const referralDays = scenario.referralMonths * (365.25 / 12);
  for (const [payerId, perYear] of Object.entries(scenario.referralsPerYear)) {
    const payer = p.payerIndex.get(payerId);
    if (payer === undefined) continue;
    const n = poisson((perYear * volume * referralDays) / 365.25, random);
    u.participants += n;
    for (let i = 0; i < n; i++) {
      const referral = Math.floor(random() * referralDays);
      const draw = random();
      let intervention = "";
      for (const x of p.interventionCumulative) if (draw < x.upTo) {
        intervention = x.id;
        break;
      }
      u.costsByMonth[monthOfDay[referral]!]! += caseCost(scenario, intervention);
      const meeting = referral + scenario.daysToFirstMeeting;
      for (let j = 0; j < cps.length; j++) if (cps[j]!.everyReferral) count(j, monthOfDay[Math.min(cps[j]!.fromReferral ? referral : meeting, horizon)]!, payer);
      if (random() * 10_000 >= scenario.engagementRateBps) continue;
      const year = Math.min(Math.floor(referral / 365.25), scenario.successRateBpsByYear.length - 1);
      const success = random() < scenario.successRateBpsByYear[year]! / 10_000 + successShift;
      if (success) u.successes++;
      const fail = random();
      for (let pi = 0; pi < p.periodComponents.length; pi++) {
        const c = p.periodComponents[pi]!.component;
        const windowStart = meeting + (c.window.offsetDaysByIntervention[intervention] ?? c.window.defaultOffsetDays);
        const k = Math.floor((success ? c.window.lengthDays : Math.floor(fail * c.window.lengthDays)) / c.periodDays);
        if (k <= 0) continue;
        if (pi === 0) u.weeksOutOfCare += (k * c.periodDays) / 7;
        const first = windowStart + c.periodDays - 1;
        const arr = scratch[pi * payers + payer]!;
        if (first <= horizon) arr[first]! += 1;
        const stop = first + k * c.periodDays;
        if (stop <= horizon) arr[stop]! -= 1;
      }
      for (let j = 0; j < cps.length; j++) {
        const cp = cps[j]!;
        if (cp.everyReferral) continue;
        if (!(cp.reach === "success" ? success : random() < cp.reach)) continue;
        count(j, monthOfDay[Math.min(meeting + cp.daysAfterMeeting, horizon)]!, payer);
      }
    }
  }
  foldPeriods(p, scratch, u.periodEarned);
  return u;
}

/** One model's run from the shared cohort's units. */
function priceUnits(p: Prepared, u: Units): RunResult {
  const payers = p.model.payers.length;
  const months = p.months.length;
  const earned = new Float64Array(p.outcomeComponents.length * payers * months);
  for (const { component: c, outcome } of p.periodComponents) {
    for (let i = outcome * payers * months, end = i + payers * months; i < end; i++) earned[i] = c.tariffPence * u.periodEarned[i]!;
  }
  const feesByMonth = new Float64Array(months);
  const tally: Tally = { earned, feesByMonth, feesByPayer: new Float64Array(payers), shares: p.fixedShares, payers, months, milestones: 0 };
  p.casePayments.forEach((cp, j) => {
    if (cp.outcome < 0) {
      for (let m = 0; m < months; m++) feesByMonth[m]! += cp.amount * u.cpMonth[j]![m]!;
      for (let q = 0; q < payers; q++) tally.feesByPayer[q]! += cp.amount * u.cpPayer[j]![q]!;
      if (cp.atRisk) tally.milestones += cp.amount * u.cpCount[j]!;
    } else {
      const base = cp.outcome * payers * months;
      for (let i = 0; i < payers * months; i++) earned[base + i]! += cp.amount * u.cpEarned[j]![i]!;
    }
  });
  bookFixedFees(p, feesByMonth, tally);
  return settle(p, { earned, feesByMonth, costsByMonth: Float64Array.from(u.costsByMonth), tally, participants: u.participants, successes: u.successes, weeksOutOfCare: u.weeksOutOfCare });
}

/** Fixed fees on their schedule, from the scenario's start. */
function bookFixedFees(p: Prepared, feesByMonth: Float64Array, tally: Tally): void {
  const { model, horizon, monthOfDay } = p;
  const months = p.months.length;
  for (const c of model.components) {
    if (c.kind !== "fixed-fee") continue;
    const from = toDay(c.start) - p.start;
    const to = Math.min(horizon, c.schedule === "one-off" ? from : c.end ? toDay(c.end) - p.start : horizon);
    const everyMonths = c.schedule === "monthly" ? 1 : 3;
    if (from < 0 || from > horizon) continue;
    // A fixed fee with a named payer is that payer's, whatever the cost sharing (as in the actuals).
    const named = c.payerId ? (p.payerIndex.get(c.payerId) ?? -1) : -1;
    for (let m = monthOfDay[from]!; m < months; m += c.schedule === "one-off" ? months : everyMonths) {
      if (m > monthOfDay[Math.max(0, to)]!) break;
      feesByMonth[m]! += c.amountPence;
      if (named >= 0) tally.feesByPayer[named]! += c.amountPence;
      else chargeFee(tally, c.amountPence, -1);
    }
  }
}

/** Per-period outcome payments by month, into `earned`: a stride prefix sum per component and payer over `scratch`. */
function foldPeriods(p: Prepared, scratch: Float64Array[], earned: Float64Array): void {
  const payers = p.model.payers.length;
  const months = p.months.length;
  const { horizon } = p;
  p.periodComponents.forEach(({ component: c, outcome }, pi) => {
    const s = c.periodDays;
    for (let payer = 0; payer < payers; payer++) {
      const arr = scratch[pi * payers + payer]!;
      const base = (outcome * payers + payer) * months;
      // One pass: the prefix sum, totalled month by month.
      let d = 0;
      for (let m = 0; m < months; m++) {
        const end = m + 1 < months ? p.monthStart[m + 1]! : horizon + 1;
        let sum = 0;
        for (; d < end; d++) {
          if (d >= s) arr[d]! += arr[d - s]!;
          sum += arr[d]!;
        }
        earned[base + m]! += sum;
      }
    }
  });
}

/** What a run's cohort earned, before caps: the input to settling it. */
type Earnings = { earned: Float64Array; feesByMonth: Float64Array; costsByMonth: Float64Array; tally: Tally; participants: number; successes: number; weeksOutOfCare: number };

/** A run's caps, co-funder, invoices and cash flows, from what its cohort earned. */
function settle(p: Prepared, e: Earnings): RunResult {
  const { model, scenario } = p;
  const payers = model.payers.length;
  const months = p.months.length;
  const { earned, feesByMonth, costsByMonth, tally, participants, successes, weeksOutOfCare } = e;
  // Caps in the actuals' order (per outcome, total, per payer) at month granularity, then the co-funder and the invoices,
  // each payer on its schedule and the co-funder's claims on theirs (a quarter ends in March, June, September, December).
  const { payers: payerInvoice, claims: claimInvoice, fees: feeInvoice } = p.invoiceMonth;
  const commissionerByMonth = new Float64Array(months);
  const incomeByMonth = new Float64Array(months);
  const outcomes = p.outcomeComponents.length;
  const outcomeCapLeft = p.outcomeComponents.map((c) => model.caps.perOutcomePence[c.id] ?? Number.POSITIVE_INFINITY);
  const outcomeFactor = new Float64Array(outcomes);
  const due = new Float64Array(payers);
  const payerCost = new Float64Array(payers);
  let capLeft = p.totalCap;
  const payerCapLeft = model.payers.map((x) => model.caps.perPayerPence[x.id] ?? Number.POSITIVE_INFINITY);
  let coLeft = model.coFunder ? (model.coFunder.capPence ?? Number.POSITIVE_INFINITY) : 0;
  const commissionersBasis = model.caps.basis === "commissioners-share";
  const topUp = model.coFunder ? model.coFunder.topUpBps / 10_000 : 0;
  /** The commissioners' part of `amount` of outcome payments this month. */
  const commissionersPart = (amount: number) => amount - Math.min(amount * topUp, coLeft);
  /** The most outcome payments whose commissioners' part is `left`. */
  const allowedTotal = (left: number) => (!commissionersBasis ? left : topUp < 1 && left * (topUp / (1 - topUp)) <= coLeft ? left / (1 - topUp) : left + coLeft);
  let commissioner = 0;
  let outcomeOnly = 0;
  let coFunder = 0;
  let capReached = false;
  for (let m = 0; m < months; m++) {
    let monthTotal = 0;
    let capped = false;
    for (let o = 0; o < outcomes; o++) {
      let amount = 0;
      for (let payer = 0; payer < payers; payer++) amount += earned[(o * payers + payer) * months + m]!;
      outcomeFactor[o] = amount > outcomeCapLeft[o]! ? Math.max(0, outcomeCapLeft[o]!) / amount : 1;
      if (outcomeFactor[o]! < 1) capped = true;
      monthTotal += amount * outcomeFactor[o]!;
    }
    // The total cap limits either all of it, or only the commissioners' part (the
    // co-funder's top-up, while its own cap lasts, comes on top).
    const limited = commissionersBasis ? commissionersPart(monthTotal) : monthTotal;
    const totalFactor = limited > capLeft ? (capLeft > 0 ? allowedTotal(capLeft) / monthTotal : 0) : 1;
    if (totalFactor < 1) capped = true;
    due.fill(0);
    for (let o = 0; o < outcomes; o++) {
      const f = outcomeFactor[o]! * totalFactor;
      let taken = 0;
      for (let payer = 0; payer < payers; payer++) {
        const x = earned[(o * payers + payer) * months + m]! * f;
        due[payer]! += x;
        taken += x;
      }
      outcomeCapLeft[o]! -= taken;
    }
    if (p.fixedShares) for (let payer = 0; payer < payers; payer++) due[payer] = monthTotal * totalFactor * p.fixedShares[payer]!;
    if (capped && monthTotal > 0) capReached = true;
    let paidThisMonth = 0;
    let coThisMonth = 0;
    for (let payer = 0; payer < payers; payer++) {
      // Rounded down in a capped month, so no cap is ever passed.
      let paid = capped ? Math.floor(due[payer]!) : Math.round(due[payer]!);
      if (paid > payerCapLeft[payer]!) {
        paid = payerCapLeft[payer]!;
        capReached = true;
      }
      payerCapLeft[payer]! -= paid;
      paidThisMonth += paid;
      // "Up to" its percentage: rounded down, as the actuals do.
      const co = model.coFunder ? Math.min(Math.floor((paid * model.coFunder.topUpBps) / 10_000), coLeft) : 0;
      coLeft -= co;
      coFunder += co;
      coThisMonth += co;
      commissioner += paid - co;
      outcomeOnly += paid - co;
      payerCost[payer]! += paid - co;
      const invoiced = payerInvoice[payer]![m]!;
      commissionerByMonth[invoiced]! += paid - co;
      incomeByMonth[invoiced]! += paid - co;
      incomeByMonth[claimInvoice[m]!]! += co;
    }
    capLeft = Math.max(0, capLeft - (commissionersBasis ? paidThisMonth - coThisMonth : paidThisMonth));
    // Fees and milestones are paid by the commissioners, not capped, on the default schedule.
    const invoiced = feeInvoice[m]!;
    commissionerByMonth[invoiced]! += feesByMonth[m]!;
    incomeByMonth[invoiced]! += feesByMonth[m]!;
    commissioner += feesByMonth[m]!;
  }
  const runningMonths = Math.min(months, scenario.referralMonths + Math.ceil((p.periodComponents[0]?.component.window.lengthDays ?? 0) / 30.44));
  for (let m = 0; m < runningMonths; m++) costsByMonth[m]! += scenario.costs.runningPerMonthPence;
  const netFlows = new Float64Array(months);
  for (let m = 0; m < months; m++) netFlows[m] = incomeByMonth[m]! - costsByMonth[m]!;
  const weekly = scenario.costsAvoided;
  let deliveryCosts = 0;
  for (const c of costsByMonth) deliveryCosts += c;
  return {
    deliveryCosts,
    outcomeOnlyCommissioner: outcomeOnly,
    atRiskPayments: outcomeOnly + coFunder + tally.milestones,
    participants,
    successes,
    commissioner,
    coFunder,
    providerIncome: commissioner + coFunder,
    costsAvoided: (weeksOutOfCare * weekly.placementPerWeekPence * weekly.counterfactualCareBps) / 10_000,
    capReached,
    payerCost,
    payerFees: tally.feesByPayer,
    netFlows,
    commissionerByMonth,
  };
}

/** Runs every scenario `runs` times from `seed`; `onProgress(done, total)` reports as it goes. */
export function forecast(input: ForecastInput, onProgress?: (done: number, total: number) => void): Forecast {
  const total = input.runs * input.scenarios.length;
  const scenarios = input.scenarios.map((_, si) => {
    const result = forecastScenario(input, si, onProgress && ((done) => onProgress(si * input.runs + done, total)));
    onProgress?.((si + 1) * input.runs, total);
    return result;
  });
  return { seed: input.seed, runs: input.runs, scenarios };
}

/** Scenario `si` of `input` alone, exactly as `forecast` computes it (each scenario has its own seeded stream). */
export function forecastScenario(input: ForecastInput, si: number, onProgress?: (done: number) => void): ScenarioForecast {
  const steps = forecastSteps(input, si);
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) return step.value;
    onProgress?.(step.value);
  }
}

/**
 * The same, a step at a time: it yields the runs done every `every` runs and returns the
 * scenario's forecast, so a caller can stop between steps (the page's worker drops a
 * forecast that a newer edit has made stale within a few milliseconds).
 */
export function* forecastSteps(input: ForecastInput, si: number, every = 50): Generator<number, ScenarioForecast> {
  const p = prepare(input.model, input.scenarios[si]!);
  const scratch = scratchFor(p);
  const random = seededRandom(streamSeed(input.seed, si));
  return yield* collect(input, si, p, () => runOnce(p, random, scratch), every);
}

/** Each scenario's own seeded stream. */
const streamSeed = (seed: number, si: number) => (seed + Math.imul(si, 0x9e3779b1)) >>> 0;
const scratchFor = (p: Prepared) => Array.from({ length: Math.max(1, p.periodComponents.length) * p.model.payers.length }, () => new Float64Array(p.horizon + 1));

/** Gathers `input.runs` runs (each from `nextRun`) into the scenario's forecast, yielding every `every` runs. */
function* collect(input: ForecastInput, si: number, p: Prepared, nextRun: () => RunResult, every: number): Generator<number, ScenarioForecast> {
  const scenario = input.scenarios[si]!;
  let done = 0;
  const n = input.runs;
  const metric = () => new Float64Array(n);
  const optionCosts = Object.fromEntries(CONTRACT_OPTIONS.map((o) => [o, { cost: metric(), perSuccess: metric() }])) as Record<ContractOption, { cost: Float64Array; perSuccess: Float64Array }>;
  const m = { participants: metric(), successes: metric(), commissioner: metric(), coFunder: metric(), income: metric(), perSuccess: metric(), avoided: metric(), cashable: metric(), net: metric(), invNet: metric(), multiple: metric(), irr: metric(), peak: metric(), atRisk: metric(), delivery: metric(), margin: metric(), marginShare: metric(), placements: metric() };
  const wider = scenario.costsAvoided.wider ?? [];
  const widerAvoided = wider.map(() => metric());
  const feePrice = scenario.options.feeForServicePricePerCasePence ?? null;
  const months = p.months.length;
  const byMonth = new Float64Array(n * months);
  const payerCosts = input.model.payers.map(() => metric());
  const payerTotals = input.model.payers.map(() => metric());
  const investorCumulative = new Float64Array(n * months);
  const commissionerCumulative = new Float64Array(n * months);
  let capRuns = 0;
  let lossRuns = 0;
  let overCommitmentRuns = 0;
  let shortfallRuns = 0;
  const shortfalls = metric();
  const commitment = scenario.finance.capitalCommitmentPence;
  const tranches = scenario.finance.tranches;
  const flows = new Float64Array(months);
  for (let r = 0; r < n; r++) {
    const run = nextRun();
    const outcomesPaid = run.commissioner + run.coFunder;
    m.participants[r] = run.participants;
    payerCosts.forEach((costs, i) => (costs[r] = run.payerCost[i]!));
    payerTotals.forEach((totals, i) => (totals[r] = run.payerCost[i]! + run.payerFees[i]!));
    m.successes[r] = run.successes;
    m.commissioner[r] = run.commissioner;
    m.coFunder[r] = run.coFunder;
    m.income[r] = run.providerIncome;
    m.perSuccess[r] = run.successes ? outcomesPaid / run.successes : 0;
    m.atRisk[r] = run.providerIncome ? run.atRiskPayments / run.providerIncome : 0;
    m.delivery[r] = run.deliveryCosts;
    m.margin[r] = run.providerIncome - run.deliveryCosts;
    m.marginShare[r] = run.providerIncome ? m.margin[r]! / run.providerIncome : 0;
    // The placements avoided are the commissioners'; the wider savings other bodies'.
    let widerTotal = 0;
    wider.forEach((w, i) => (widerTotal += widerAvoided[i]![r] = run.successes * w.perSuccessPence));
    m.placements[r] = run.costsAvoided;
    m.avoided[r] = run.costsAvoided + widerTotal;
    const cashable = (run.costsAvoided * scenario.costsAvoided.cashableBps) / 10_000;
    m.cashable[r] = cashable;
    m.net[r] = run.costsAvoided - run.commissioner;
    const o = scenario.options;
    const costs: Record<ContractOption, number> = {
      // The commissioners pay whatever happens: their price per family, or delivery plus margin.
      "fee-for-service": feePrice !== null ? run.participants * feePrice : (run.deliveryCosts * (10_000 + o.feeForServiceMarginBps)) / 10_000,
      // Outcome payments only; the provider funds delivery and carries the risk.
      "payment-by-results": run.outcomeOnlyCommissioner,
      // Outcome payments, plus the extra set-up of a bond; investors carry the risk.
      "social-impact-bond": run.outcomeOnlyCommissioner + o.sibExtraSetUpPence,
      // Costs paid as incurred, plus the providers' share of any net cashable gain.
      alliance: run.deliveryCosts + (Math.max(0, cashable - run.deliveryCosts) * o.allianceGainShareBps) / 10_000,
      // The model as designed: its fees and its outcome payments.
      hybrid: run.commissioner,
    };
    for (const option of CONTRACT_OPTIONS) {
      optionCosts[option].cost[r] = costs[option];
      optionCosts[option].perSuccess[r] = run.successes ? costs[option] / run.successes : 0;
    }
    shortfalls[r] = investorFlows(run.netFlows, tranches, flows);
    if (shortfalls[r]! > 0) shortfallRuns++;
    let cumulative = 0;
    let paidToDate = 0;
    let peak = 0;
    let inflow = 0;
    let outflow = 0;
    for (let k = 0; k < months; k++) {
      const f = flows[k]!;
      cumulative += f;
      if (f > 0) inflow += f;
      else outflow -= f;
      peak = Math.min(peak, cumulative);
      investorCumulative[k * n + r] = cumulative;
      byMonth[k * n + r] = run.commissionerByMonth[k]!;
      commissionerCumulative[k * n + r] = paidToDate += run.commissionerByMonth[k]!;
    }
    m.invNet[r] = cumulative;
    m.multiple[r] = outflow ? inflow / outflow : 0;
    m.irr[r] = annualIrr(flows) ?? (cumulative >= 0 ? 0 : -1);
    m.peak[r] = -peak;
    if (commitment !== null && -peak > commitment) overCommitmentRuns++;
    if (run.capReached) capRuns++;
    if (cumulative < 0) lossRuns++;
    done++;
    if (done % every === 0 && done < n) yield done;
  }
  return {
    scenario: scenario.name,
    runs: n,
    participants: spread(m.participants),
    successes: spread(m.successes),
    commissionerCostPence: spread(m.commissioner),
    coFunderCostPence: spread(m.coFunder),
    providerIncomePence: spread(m.income),
    costPerSuccessPence: spread(m.perSuccess),
    costsAvoidedPence: spread(m.avoided),
    costsAvoidedByWho: [{ who: "The commissioners (care placements)", pence: spread(m.placements) }, ...wider.map((w, i) => ({ who: w.who, pence: spread(widerAvoided[i]!) }))],
    cashableSavingsPence: spread(m.cashable),
    netBenefitPence: spread(m.net),
    investor: { netCashPence: spread(m.invNet), multiple: spread(m.multiple), irr: spread(m.irr), peakCapitalPence: spread(m.peak), lossProbability: lossRuns / n,
      overCommitmentProbability: commitment === null ? null : overCommitmentRuns / n,
      shortfallProbability: tranches === null ? null : shortfallRuns / n,
      shortfallPence: spread(shortfalls),
    },
    provider: { deliveryCostPence: spread(m.delivery), marginPence: spread(m.margin), marginShare: spread(m.marginShare) },
    gaps: scenarioGaps(scenario),
    atRiskShare: spread(m.atRisk),
    capReachedProbability: capRuns / n,
    byPayer: input.model.payers.map((payer, i) => ({ payerId: payer.id, outcomeCostPence: spread(payerCosts[i]!), totalCostPence: spread(payerTotals[i]!) })),
    options: CONTRACT_OPTIONS.map((option) => ({ option, commissionerCostPence: spread(optionCosts[option].cost), costPerSuccessPence: spread(optionCosts[option].perSuccess), needs: optionNeeds(option, scenario) })),
    monthly: {
      months: p.months,
      commissionerPence: Array.from({ length: months }, (_, k) => spread(byMonth.subarray(k * n, (k + 1) * n))),
      commissionerCumulativePence: Array.from({ length: months }, (_, k) => spread(commissionerCumulative.subarray(k * n, (k + 1) * n))),
      investorCumulativePence: Array.from({ length: months }, (_, k) => spread(investorCumulative.subarray(k * n, (k + 1) * n))),
    },
  } satisfies ScenarioForecast;
}
