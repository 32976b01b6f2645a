// Starting a workspace's payment model: the outcome payers (prefilled from the
// referral criteria's commissioning partners) and a starting point, either a blank
// hybrid with one outcome payment or the PFP mechanism as a template, plus a central
// forecast scenario whose referrals come from each partner's expected referrals.
// Pure: no I/O.
import { z } from "zod";
import { PFP_PAYMENT_MODEL } from "../examples/pfp-payment";
import { uniqueId } from "./components";
import { IsoDateSchema } from "./dates";
import { ScenarioSchema, type Scenario } from "./forecast";
import { PaymentModelSchema, type PaymentModel } from "./model";

export const STARTERS = { blank: "A blank model with one outcome payment", pfp: "The Positive Families Partnership mechanism, as a template" } as const;

export const StarterFormSchema = z.object({
  payers: z
    .string()
    .transform((text) => text.split("\n").map((line) => line.trim()).filter(Boolean))
    .pipe(
      z
        .array(z.string().max(200, "Keep each payer's name under 200 characters"))
        .min(1, "Name at least one outcome payer, one per line")
        .max(50, "At most 50 payers")
        .refine((names) => new Set(names.map((n) => n.toLowerCase())).size === names.length, "Each payer once only"),
    ),
  template: z.enum(["blank", "pfp"], { error: "Choose where to start" }),
  start: IsoDateSchema,
});
export type StarterForm = z.output<typeof StarterFormSchema>;

/** A commissioning partner's expected referrals a year, from the referral criteria. */
export type PartnerVolume = { name: string; expectedPerYear: number };

export function starterPayment(form: StarterForm, partners: PartnerVolume[]): { model: PaymentModel; scenarios: Scenario[] } {
  const taken: string[] = [];
  const payers = form.payers.map((name) => {
    const id = uniqueId(name, taken);
    taken.push(id);
    return { id, name };
  });
  const base: PaymentModel =
    form.template === "pfp"
      ? { ...structuredClone(PFP_PAYMENT_MODEL), payers }
      : PaymentModelSchema.parse({
          schemaVersion: 1,
          payers,
          components: [{ kind: "outcome-event", id: "outcome-achieved", name: "Outcome achieved", tariffPence: 0, event: "outcome-achieved" }],
          caps: {},
        });
  const expected = new Map(partners.map((p) => [p.name.trim().toLowerCase(), p.expectedPerYear]));
  const scenario = ScenarioSchema.parse({
    name: "Central case",
    start: form.start,
    referralMonths: 36,
    referralsPerYear: Object.fromEntries(payers.map((p) => [p.id, expected.get(p.name.toLowerCase()) ?? 20])),
    interventionMixBps: form.template === "pfp" ? { fft: 5000, mst: 5000 } : {},
    engagementRateBps: 8000,
    successRateBpsByYear: [6000],
  });
  return { model: base, scenarios: [scenario] };
}
