// The Positive Families Partnership payment mechanism (seed 003, section 3.2) as a
// payment model: one outcome paid per seven consecutive days not in care during a
// two-year window starting 11 weeks (FFT) or 17 weeks (MST) after the first family
// meeting, for cases engaged at least 28 days; £225 per period (the range was
// £200–£250); capped at the outcome payments of a 75% success rate on the first 384
// cases; the national fund (CBO) tops up 18.5% of each payment; invoiced monthly,
// six weeks in arrears. The seed does not say whether a period is counted in weekly
// blocks from the window's start or from each spell out of care; we model the weekly
// blocks ("aligned"), as a weekly care-status return would report them.
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
  caps: { perParticipantPence: null, perOutcomePence: {}, perPayerPence: {}, totalPence: null, totalFromSuccessRate: { componentId: "out-of-care", successRateBps: 7500, cases: 384 } },
  invoicing: { lagWeeks: 6 },
};
