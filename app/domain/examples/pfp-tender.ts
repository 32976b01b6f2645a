// The demo tender's terms: what the PFP's bidders may change in the published payment
// model (the tariff within the review's £200–£250 range, fees added to make a hybrid),
// at least half of the income at risk, the cap fixed as published, and small providers
// protected; three quality questions and the 60/40 quality–price split.
import { CriteriaSchema, type TenderTerms } from "../procurement/tender";

export function pfpTenderTerms(paymentVersionId: string): TenderTerms {
  return {
    rules: {
      paymentVersionId,
      components: [{ componentId: "out-of-care", optional: false, minPence: 20_000, maxPence: 25_000 }],
      newKinds: ["fixed-fee", "per-participant-fee"],
      minAtRiskBps: 5_000,
      capFixed: true,
      maxSmallProviderAtRiskBps: 2_500,
    },
    criteria: CriteriaSchema.parse({
      questions: [
        { id: "delivery", title: "How will you deliver MST and FFT across the five boroughs from the first referral?", guidance: "Mobilisation, staffing, clinical supervision and the referral pathway.", wordLimit: 750, weightBps: 4_000 },
        { id: "partnership", title: "How will the partnership share outcome risk, and protect its small providers?", guidance: "Who carries which risk, and what happens if referrals fall short.", wordLimit: 500, weightBps: 3_000 },
        { id: "voice", title: "How will young people and families shape the service as it runs?", guidance: "", wordLimit: 500, weightBps: 3_000 },
      ],
      qualityWeightBps: 6_000,
      priceWeightBps: 4_000,
    }),
  };
}
