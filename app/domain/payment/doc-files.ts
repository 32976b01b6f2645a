// The payment formats' published files: JSON Schemas generated from the zod schemas,
// and the PFP example model, scenarios and a synthetic cohort. `npm run docs:payment`
// writes them to docs/; a test fails when they drift from the code. Pure: no I/O.
import { z } from "zod";
import { PFP_PAYMENT_MODEL, PFP_SCENARIOS } from "../examples/pfp-payment";
import { syntheticCohort } from "./cohort";
import { ScenarioSchema } from "./forecast";
import { ParticipantSchema, PaymentModelSchema } from "./model";

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
const schema = (s: z.ZodType, title: string, description: string) => json({ title, description, ...z.toJSONSchema(s, { io: "input", unrepresentable: "any" }) });

/** Path (from the repository root) → contents. */
export function paymentDocFiles(): Record<string, string> {
  return {
    "docs/schemas/payment-model.schema.json": schema(PaymentModelSchema, "Payment model", "An outcomes-based payment model: money in pence, percentages in basis points (1850 = 18.5%)."),
    "docs/schemas/participants.schema.json": schema(z.array(ParticipantSchema), "Participants", "Participants' timelines for the actuals engine. Ids are pseudonymous case references, never names."),
    "docs/schemas/scenarios.schema.json": schema(z.array(ScenarioSchema), "Forecast scenarios", "Scenarios for the forecast engine."),
    "docs/examples/pfp-payment-model.json": json(PFP_PAYMENT_MODEL),
    "docs/examples/pfp-scenarios.json": json(PFP_SCENARIOS),
    "docs/examples/synthetic-cohort.json": json(syntheticCohort(PFP_PAYMENT_MODEL, { participants: 120, start: "2018-02-01", seed: 2018 })),
  };
}
