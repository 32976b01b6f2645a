// What-if copies of the payment model: a person's own model and scenarios, kept on the
// server under a name, private until its owner shows it to the room; then any member can
// read it and put it beside the shared model (at a market-warming day a provider shows
// "this is what a £240 tariff does to us"). The shapes the API and the page exchange. Pure.
import { z } from "zod";
import { singleLine } from "../validation";
import { ScenarioSchema, type Scenario } from "./forecast";
import { PaymentModelSchema } from "./model";

export const WhatIfNameSchema = singleLine(z.string({ error: "Name the what-if." }).trim().min(1, "Name the what-if.").max(80, "Keep the name to 80 characters or fewer."));
export const WhatIfContentSchema = z.object({ model: PaymentModelSchema, scenarios: z.array(ScenarioSchema).min(1, "Give at least one scenario").max(20) }).strict();
export type WhatIfContent = z.infer<typeof WhatIfContentSchema>;

export const WhatIfCreateSchema = z.object({ name: WhatIfNameSchema, model: PaymentModelSchema, scenarios: WhatIfContentSchema.shape.scenarios }).strict();
/** A change by its owner: any of its name, content, and whether the room sees it. */
export const WhatIfUpdateSchema = z
  .object({ name: WhatIfNameSchema.optional(), model: PaymentModelSchema.optional(), scenarios: WhatIfContentSchema.shape.scenarios.optional(), shown: z.boolean({ error: "Say true or false." }).optional() })
  .strict()
  .refine((v) => (v.model === undefined) === (v.scenarios === undefined), { message: "Send the model and its scenarios together.", path: ["scenarios"] });

/** A what-if as a member sees it: the owner's name and organisation, never an email. */
export type WhatIfView = {
  id: string;
  name: string;
  mine: boolean;
  ownerName: string;
  organisation: string | null;
  shown: boolean;
  updatedAt: string;
  model: WhatIfContent["model"];
  scenarios: WhatIfContent["scenarios"];
};

/** The first "What-if N" not among `taken`: the name a copy gets when its owner gives none. */
export function nextWhatIfName(taken: string[]): string {
  for (let i = 1; ; i++) if (!taken.includes(`What-if ${i}`)) return `What-if ${i}`;
}

/** Who showed it, in words: "Priya Shah (Positive Families Partnership)". */
export const shownBy = (w: Pick<WhatIfView, "ownerName" | "organisation">) => (w.organisation ? `${w.ownerName} (${w.organisation})` : w.ownerName);

/** The scenarios' differences in words, by name: which inputs of which scenario differ, and which scenarios only one side has. */
export function scenarioDifferences(shared: Scenario[], theirs: Scenario[]): string[] {
  const out: string[] = [];
  const inputs: Record<string, string> = { costs: "delivery costs", options: "the other options' prices", costsAvoided: "costs avoided", finance: "the investors' capital", referralsPerYear: "referrals", successRateBpsByYear: "success rates", engagementRateBps: "engagement", events: "event timing" };
  for (const t of theirs) {
    const s = shared.find((x) => x.name === t.name);
    if (!s) {
      out.push(`A scenario of its own: “${t.name}”.`);
      continue;
    }
    const changed = (Object.keys(t) as (keyof Scenario)[]).filter((k) => JSON.stringify(t[k]) !== JSON.stringify(s[k])).map((k) => inputs[k] ?? k);
    if (changed.length) out.push(`In “${t.name}”: different ${changed.join(", ")}.`);
  }
  for (const s of shared) if (!theirs.some((t) => t.name === s.name)) out.push(`It has no “${s.name}” scenario.`);
  return out;
}
