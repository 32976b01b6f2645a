// The Positive Families Partnership payment mechanism (seed 003, section 3.2) as a
// payment model: one outcome paid per seven consecutive days not in care during a
// two-year window starting 11 weeks (FFT) or 17 weeks (MST) after the first family
// meeting, for cases engaged at least 28 days; £225 per period (the range was
// £200–£250); capped at the outcome payments of a 75% success rate on the first 384
// cases, which is what the boroughs pay, the national fund (CBO) topping up to 18.5% of
// each payment on top; the boroughs invoiced monthly, six weeks in arrears, the CBO
// claimed from quarterly. The seed does not say whether a period is counted in weekly
// blocks from the window's start or from each spell out of care; we model the weekly
// blocks ("aligned"), as a weekly care-status return would report them.
import type { Scenario } from "../payment/forecast";
import type { PaymentModel } from "../payment/model";

export const PFP_PAYMENT_MODEL: PaymentModel = {
  schemaVersion: 1,
  currency: "GBP",
  payers: [
    { id: "sutton", name: "London Borough of Sutton" },
    { id: "merton", name: "London Borough of Merton" },
    { id: "bexley", name: "London Borough of Bexley" },
    { id: "newham", name: "London Borough of Newham" },
    { id: "tower-hamlets", name: "London Borough of Tower Hamlets" },
  ],
  interventions: [
    { id: "fft", name: "Functional Family Therapy" },
    { id: "mst", name: "Multi-Systemic Therapy" },
  ],
  costSharing: { kind: "own-participants" },
  coFunder: { name: "The National Lottery Community Fund (CBO)", topUpBps: 1850, capPence: 150_000_000 },
  components: [
    {
      kind: "outcome-period",
      id: "out-of-care",
      name: "Seven consecutive days not in care",
      tariffPence: 22_500,
      periodDays: 7,
      window: { anchor: "first-meeting", offsetDaysByIntervention: { fft: 77, mst: 119 }, defaultOffsetDays: 0, lengthDays: 730 },
      minEngagementDays: 28,
      counting: "aligned",
    },
  ],
  // The cap is "the maximum that the founding five boroughs can pay" (review 3.2): the CBO's top-up comes on top.
  caps: { perParticipantPence: null, perOutcomePence: {}, perPayerPence: {}, totalPence: null, totalFromSuccessRate: { componentId: "out-of-care", successRateBps: 7500, cases: 384 }, basis: "commissioners-share" },
  // The boroughs are invoiced monthly, six weeks in arrears; "Claims are made to The National
  // Lottery Community Fund on the sums paid on a quarterly basis" (review 6.2). The claim's lag is
  // not given: we assume the same six weeks after the quarter ends.
  invoicing: { frequency: "monthly", lagWeeks: 6, byPayer: {}, coFunder: { frequency: "quarterly", lagWeeks: 6 } },
};

/**
 * A median scenario for the PFP (illustrative, shaped by seed 003): the founding
 * boroughs' ~110 referrals a year for 3½ years (384 committed), success rates rising
 * from 65% to 75% by contract year, half MST, half FFT. Costs and placement costs are
 * round illustrative figures, not the contract's.
 */
export const PFP_MEDIAN_SCENARIO: Scenario = {
  name: "Median: commitments met, success 65% → 75%",
  start: "2018-02-01",
  referralMonths: 42,
  referralsPerYear: { sutton: 20, merton: 22, bexley: 25, newham: 25, "tower-hamlets": 18 },
  volumeVariationBps: 1500,
  interventionMixBps: { fft: 5000, mst: 5000 },
  daysToFirstMeeting: 14,
  engagementRateBps: 8500,
  successRateBpsByYear: [6500, 7000, 7500],
  successVariationBps: 1000,
  timeToOutcomeDays: 365,
  events: {},
  // The review gives no delivery costs: these are assumptions, stated (an MST case costs more than an FFT one).
  costs: { setUpPence: 25_000_000, deliveryPerParticipantPence: 950_000, deliveryPerCaseByInterventionPence: { mst: 1_100_000, fft: 800_000 }, runningPerMonthPence: 2_000_000 },
  // Some boroughs had spot-purchased MST before (review 3.4); the price per family is our assumption.
  options: { feeForServicePricePerCasePence: 1_200_000, feeForServiceMarginBps: 1000, sibExtraSetUpPence: 15_000_000, allianceGainShareBps: 2500 },
  // Investors provided "over £4.5 million working capital" for the five boroughs (seed 003, 3.3).
  finance: { capitalCommitmentPence: 450_000_000, tranches: null },
  // The placements avoided count the weeks out of care in the two-year window only. The review's
  // £3.4m of wider public-sector costs avoided (health, justice, education, DWP: review 3.4), over the
  // high scenario's ~276 successful cases, is about £12,300 each: the review does not split it by body.
  costsAvoided: { placementPerWeekPence: 100_000, counterfactualCareBps: 4000, cashableBps: 5000, wider: [{ who: "The wider public sector (health, justice, education, DWP)", perSuccessPence: 1_230_000 }] },
};

/** The seed's "high" case: demand 15% above commitments, success averaging 75% from year 2. */
export const PFP_HIGH_SCENARIO: Scenario = {
  ...PFP_MEDIAN_SCENARIO,
  name: "High: demand 15% above commitments, success 75%",
  referralsPerYear: { sutton: 23, merton: 25.3, bexley: 28.75, newham: 28.75, "tower-hamlets": 20.7 },
  successRateBpsByYear: [7000, 7500, 7500],
};

/** A low case: referrals 30% short of commitments, success 50%. */
export const PFP_LOW_SCENARIO: Scenario = {
  ...PFP_MEDIAN_SCENARIO,
  name: "Low: referrals 30% short, success 50%",
  referralsPerYear: { sutton: 14, merton: 15.4, bexley: 17.5, newham: 17.5, "tower-hamlets": 12.6 },
  successRateBpsByYear: [5000],
};

export const PFP_SCENARIOS: Scenario[] = [PFP_MEDIAN_SCENARIO, PFP_HIGH_SCENARIO, PFP_LOW_SCENARIO];
