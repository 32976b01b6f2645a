// Adding payments to a model: what a person fills in (kind, name, amount, the event or
// schedule it is paid on) → a complete component with sensible defaults they can then
// refine, under an id made from its name. Pure: no I/O.
import { z } from "zod";
import { EventKeySchema, type Component, type PaymentModel } from "./model";
import { parsePounds } from "./money";

export const COMPONENT_KINDS = ["fixed-fee", "per-participant-fee", "milestone", "outcome-event", "outcome-period"] as const satisfies readonly Component["kind"][];
export const COMPONENT_LABELS: Record<Component["kind"], string> = {
  "fixed-fee": "Fixed fee on a schedule",
  "per-participant-fee": "Fee per participant, on an event",
  milestone: "Milestone payment, on an event",
  "outcome-event": "Outcome payment, per outcome event",
  "outcome-period": "Outcome payment, per period sustained",
};

/** How a fixed fee repeats, as the editor says it. */
export const SCHEDULE_LABELS = { monthly: "Monthly", quarterly: "Quarterly", "one-off": "Once" } as const;
export type Schedule = keyof typeof SCHEDULE_LABELS;

/** Events every referral reaches: a forecast needs no timing for them. */
export const AUTOMATIC_EVENTS = ["referral-accepted", "first-meeting", "engagement-started"] as const;
const needsEvent = (kind: Component["kind"]) => kind === "per-participant-fee" || kind === "milestone" || kind === "outcome-event";

export const NewComponentSchema = z
  .object({
    kind: z.enum(COMPONENT_KINDS, { error: "Choose what kind of payment it is" }),
    name: z.string().trim().min(1, "Name the payment, e.g. Family plan agreed").max(200, "At most 200 characters"),
    amount: z.string().transform((text, ctx) => {
      const pence = parsePounds(text);
      if (pence === null) {
        ctx.addIssue({ code: "custom", message: "Enter an amount in pounds, e.g. 225 or 1,000.50." });
        return z.NEVER;
      }
      return pence;
    }),
    event: z.string().trim().default(""),
    schedule: z.enum(Object.keys(SCHEDULE_LABELS) as [Schedule, ...Schedule[]]).default("monthly"),
  })
  .superRefine(
    (v, ctx) => {
      if (!needsEvent(v.kind)) return;
      const event = typeof v.event === "string" ? v.event.trim() : "";
      if (!EventKeySchema.safeParse(event).success) ctx.addIssue({ code: "custom", path: ["event"], message: event ? "Use lower-case words joined by -, e.g. plan-agreed" : "Say which event it is paid on, e.g. plan-agreed" });
    },
    // Report a bad event alongside a bad name or amount, not after they are fixed.
    { when: () => true },
  );
export type NewComponentInput = z.input<typeof NewComponentSchema>;

/** A lower-case id from a name (for a payment or a payer), unique among `taken`. */
export function uniqueId(name: string, taken: Iterable<string>): string {
  const base = name.toLowerCase().normalize("NFKD").replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 48) || "payment";
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** The component a person asked for, with defaults: a fixed fee starts `today`; a per-period outcome pays every 7 days of a two-year window from the first meeting. */
export function newComponent(input: z.output<typeof NewComponentSchema>, model: PaymentModel, today: string): Component {
  const base = { id: uniqueId(input.name, model.components.map((c) => c.id)), name: input.name };
  switch (input.kind) {
    case "fixed-fee":
      return { kind: "fixed-fee", ...base, amountPence: input.amount, schedule: input.schedule, start: today };
    case "per-participant-fee":
    case "milestone":
      return { kind: input.kind, ...base, amountPence: input.amount, event: input.event };
    case "outcome-event":
      return { kind: "outcome-event", ...base, tariffPence: input.amount, event: input.event };
    case "outcome-period":
      return { kind: "outcome-period", ...base, tariffPence: input.amount, periodDays: 7, window: { anchor: "first-meeting", offsetDaysByIntervention: {}, defaultOffsetDays: 0, lengthDays: 730 }, minEngagementDays: 0, counting: "aligned" };
  }
}

/** The events a forecast scenario should time: those the model pays on that not every referral reaches. */
export function eventsToTime(model: PaymentModel): { event: string; payments: string[] }[] {
  const byEvent = new Map<string, string[]>();
  for (const c of model.components) {
    if (!needsEvent(c.kind) || !("event" in c) || (AUTOMATIC_EVENTS as readonly string[]).includes(c.event)) continue;
    byEvent.set(c.event, [...(byEvent.get(c.event) ?? []), c.name]);
  }
  return [...byEvent].map(([event, payments]) => ({ event, payments }));
}
