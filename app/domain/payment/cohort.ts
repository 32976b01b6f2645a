// A synthetic cohort for examples, tests and benchmarks: pseudonymous case
// references, referral and meeting dates, engagement and care spells drawn from a
// seed. Never real people. Pure: no I/O.
import { toDay, toIso } from "./dates";
import type { Participant, PaymentModel } from "./model";
import { seededRandom } from "./random";

export function syntheticCohort(model: PaymentModel, options: { participants: number; start: string; seed: number; referralDays?: number }): Participant[] {
  const random = seededRandom(options.seed);
  const start = toDay(options.start);
  const interventions = model.interventions.map((i) => i.id);
  return Array.from({ length: options.participants }, (_, i) => {
    const referral = start + Math.floor(random() * (options.referralDays ?? 1278));
    const meeting = referral + 7 + Math.floor(random() * 21);
    const care: Participant["care"] = [];
    // Two in five enter care at some point in the following three years, some return.
    if (random() < 0.4) {
      const from = meeting + Math.floor(random() * 1000);
      const back = random() < 0.5 ? from + 7 + Math.floor(random() * 120) : null;
      care.push({ start: toIso(from), end: back === null ? null : toIso(back) });
    }
    return {
      id: `case-${String(i + 1).padStart(4, "0")}`,
      payerId: model.payers[Math.floor(random() * model.payers.length)]!.id,
      intervention: interventions.length ? interventions[Math.floor(random() * interventions.length)]! : "",
      events: { "referral-accepted": toIso(referral), "first-meeting": toIso(meeting) },
      engagementDays: Math.floor(random() * 120),
      care,
    };
  });
}
