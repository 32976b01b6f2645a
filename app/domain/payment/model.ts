// The payment model: what is paid, for what, by whom, capped how, invoiced when.
// One zod schema, shared by the builder, the API, the CLI and the engine; money in
// pence, percentages in basis points. Field messages are for the person editing it.
// Pure: no I/O.
import { z } from "zod";
import { IsoDateSchema } from "./dates";
import { COUNTING_CONVENTIONS } from "./periods";

export const PAYMENT_SCHEMA_VERSION = 1 as const;

const id = z.string().trim().min(1, "Give it an id").max(64).regex(/^[A-Za-z0-9_-]+$/, "Use letters, digits, - and _ only");
const name = z.string().trim().min(1, "Give it a name").max(200);
const pence = z.number({ error: "Give an amount in pence" }).int("Whole pence only").min(0, "Amounts cannot be negative").max(100_000_000_000, "That is more than £1bn");
const bps = z.number({ error: "Give a percentage in basis points (1850 = 18.5%)" }).int("Whole basis points only").min(0).max(10_000, "At most 100% (10000)");
const days = z.number().int("Whole days only").min(0).max(36_500);

/** An event in a participant's timeline that a fee or milestone can be paid on. */
export const EventKeySchema = z.string().trim().min(1).max(64).regex(/^[a-z][a-z0-9-]*$/, "Use lower-case words joined by -, e.g. referral-accepted");

const FixedFeeSchema = z.object({
  kind: z.literal("fixed-fee"),
  id,
  name,
  amountPence: pence,
  schedule: z.enum(["monthly", "quarterly", "one-off"]),
  /** First payment date; monthly and quarterly repeat on the same day of the month. */
  start: IsoDateSchema,
  /** Last date a scheduled payment can fall on (inclusive); ignored for one-off. */
  end: IsoDateSchema.optional(),
  /** Who pays; absent: split between payers as cost sharing says (equally for own-participants). */
  payerId: id.optional(),
});

const PerParticipantFeeSchema = z.object({ kind: z.literal("per-participant-fee"), id, name, amountPence: pence, event: EventKeySchema });
const MilestoneSchema = z.object({ kind: z.literal("milestone"), id, name, amountPence: pence, event: EventKeySchema });
const OutcomeEventSchema = z.object({ kind: z.literal("outcome-event"), id, name, tariffPence: pence, event: EventKeySchema });

const OutcomePeriodSchema = z.object({
  kind: z.literal("outcome-period"),
  id,
  name,
  tariffPence: pence,
  periodDays: z.number().int().min(1, "A period is at least one day").max(366),
  window: z.object({
    /** The participant date the window is measured from, e.g. first-meeting. */
    anchor: EventKeySchema,
    /** Days from the anchor to the window's start, by intervention (PFP: FFT 77, MST 119). */
    offsetDaysByIntervention: z.record(z.string(), days).default({}),
    /** For interventions not listed. */
    defaultOffsetDays: days.default(0),
    lengthDays: days.min(1, "The window needs at least one day"),
  }),
  /** Paid only for participants engaged at least this many days. */
  minEngagementDays: days.default(0),
  counting: z.enum(COUNTING_CONVENTIONS, { error: "Choose 'aligned' or 'runs'" }),
});

export const ComponentSchema = z.discriminatedUnion("kind", [FixedFeeSchema, PerParticipantFeeSchema, MilestoneSchema, OutcomeEventSchema, OutcomePeriodSchema]);
export type Component = z.infer<typeof ComponentSchema>;
export type OutcomePeriodComponent = z.infer<typeof OutcomePeriodSchema>;
export const OUTCOME_KINDS = ["outcome-event", "outcome-period"] as const;
export const CAP_BASES = ["all-outcome-payments", "commissioners-share"] as const;
export const INVOICE_FREQUENCIES = ["monthly", "quarterly"] as const;
export type InvoiceFrequency = (typeof INVOICE_FREQUENCIES)[number];

/** When a payer is invoiced (or a co-funder claimed from): what is earned in each month or calendar quarter, this many weeks after it ends. */
export const InvoiceScheduleSchema = z.object({
  frequency: z.enum(INVOICE_FREQUENCIES, { error: "Choose 'monthly' or 'quarterly'" }).default("monthly"),
  lagWeeks: z.number().int("Whole weeks only").min(0).max(52),
});
export type InvoiceSchedule = z.infer<typeof InvoiceScheduleSchema>;
export type CapBasis = (typeof CAP_BASES)[number];
export const isOutcome = (c: Component) => (OUTCOME_KINDS as readonly string[]).includes(c.kind);

const CapsSchema = z
  .object({
    /** Most one participant's outcome payments can reach. */
    perParticipantPence: pence.nullable().default(null),
    /** Most each outcome component can pay in all, by component id. */
    perOutcomePence: z.record(z.string(), pence).default({}),
    /** Most each payer pays for outcomes in all (before any co-funder top-up), by payer id. */
    perPayerPence: z.record(z.string(), pence).default({}),
    /** Most all outcome payments can reach. */
    totalPence: pence.nullable().default(null),
    /**
     * A total cap defined from other inputs: what `componentId` would pay if
     * `successRateBps` of the first `cases` participants earned every period of their
     * window (PFP: 75% of 384 cases).
     */
    totalFromSuccessRate: z.object({ componentId: id, successRateBps: bps, cases: z.number().int().min(0).max(1_000_000) }).nullable().default(null),
    /**
     * What the total caps (`totalPence`, `totalFromSuccessRate`) limit: every outcome
     * payment, the co-funder's top-up included; or only what the commissioners pay, the
     * co-funder's top-up coming on top (PFP review 3.2: "the maximum that the founding
     * five boroughs can pay").
     */
    basis: z
      .enum(CAP_BASES, { error: "Choose what the cap limits: 'all-outcome-payments' or 'commissioners-share'" })
      .default("all-outcome-payments")
      .describe("What the total caps limit: 'all-outcome-payments' (the co-funder's top-up included) or 'commissioners-share' (what the commissioners pay; the co-funder's top-up comes on top)"),
  })
  .default({ perParticipantPence: null, perOutcomePence: {}, perPayerPence: {}, totalPence: null, totalFromSuccessRate: null, basis: "all-outcome-payments" });

export const PaymentModelSchema = z
  .object({
    schemaVersion: z.literal(PAYMENT_SCHEMA_VERSION),
    currency: z.literal("GBP").default("GBP"),
    payers: z.array(z.object({ id, name })).min(1, "Name at least one outcome payer").max(50),
    interventions: z.array(z.object({ id, name })).max(20).default([]),
    /** How a participant's outcome payments are shared between payers. */
    costSharing: z
      .discriminatedUnion("kind", [z.object({ kind: z.literal("own-participants") }), z.object({ kind: z.literal("fixed-shares"), sharesBps: z.record(z.string(), bps) })])
      .default({ kind: "own-participants" }),
    /** A co-funder paying a share of every outcome payment (PFP: the national fund, up to 18.5%), up to a cap. */
    coFunder: z
      .object({
        name,
        topUpBps: bps.describe("At most this share of each outcome payment, in basis points, rounded down to the penny so it never exceeds the percentage; the penny left over is the commissioners'"),
        capPence: pence.nullable().default(null),
      })
      .nullable()
      .default(null),
    components: z.array(ComponentSchema).min(1, "Add at least one payment").max(50),
    caps: CapsSchema,
    /**
     * When payments are invoiced: by default, what is earned in each month (or quarter)
     * is invoiced `lagWeeks` weeks after it ends; a payer may have its own schedule, and
     * the co-funder's claims theirs (PFP: the boroughs monthly, six weeks in arrears; the
     * national fund claimed from quarterly).
     */
    invoicing: z
      .object({
        frequency: z.enum(INVOICE_FREQUENCIES, { error: "Choose 'monthly' or 'quarterly'" }).default("monthly"),
        lagWeeks: z.number().int("Whole weeks only").min(0).max(52),
        byPayer: z.record(z.string(), InvoiceScheduleSchema).default({}).describe("A payer's own schedule, by payer id; payers not listed use the default"),
        coFunder: InvoiceScheduleSchema.nullable().default(null).describe("When the co-funder is claimed from; null: on the default schedule"),
      })
      .default({ frequency: "monthly", lagWeeks: 0, byPayer: {}, coFunder: null }),
  })
  .superRefine((m, ctx) => {
    const payers = new Set(m.payers.map((p) => p.id));
    const components = new Set<string>();
    m.components.forEach((c, i) => {
      if (components.has(c.id)) ctx.addIssue({ code: "custom", path: ["components", i, "id"], message: `Another payment already has the id '${c.id}'` });
      components.add(c.id);
      if (c.kind === "fixed-fee" && c.payerId && !payers.has(c.payerId)) ctx.addIssue({ code: "custom", path: ["components", i, "payerId"], message: `No payer with the id '${c.payerId}'` });
    });
    if (new Set(m.payers.map((p) => p.id)).size !== m.payers.length) ctx.addIssue({ code: "custom", path: ["payers"], message: "Two payers share an id" });
    if (m.costSharing.kind === "fixed-shares") {
      const total = Object.values(m.costSharing.sharesBps).reduce((a, b) => a + b, 0);
      if (total !== 10_000) ctx.addIssue({ code: "custom", path: ["costSharing", "sharesBps"], message: `Shares must add up to 100% (10000); they add up to ${total}` });
      for (const p of Object.keys(m.costSharing.sharesBps)) if (!payers.has(p)) ctx.addIssue({ code: "custom", path: ["costSharing", "sharesBps", p], message: `No payer with the id '${p}'` });
    }
    for (const p of Object.keys(m.caps.perPayerPence)) if (!payers.has(p)) ctx.addIssue({ code: "custom", path: ["caps", "perPayerPence", p], message: `No payer with the id '${p}'` });
    for (const p of Object.keys(m.invoicing.byPayer)) if (!payers.has(p)) ctx.addIssue({ code: "custom", path: ["invoicing", "byPayer", p], message: `No payer with the id '${p}'` });
    for (const c of Object.keys(m.caps.perOutcomePence)) if (!m.components.some((x) => x.id === c && isOutcome(x))) ctx.addIssue({ code: "custom", path: ["caps", "perOutcomePence", c], message: `No outcome payment with the id '${c}'` });
    const rate = m.caps.totalFromSuccessRate;
    if (rate && !m.components.some((x) => x.id === rate.componentId && x.kind === "outcome-period"))
      ctx.addIssue({ code: "custom", path: ["caps", "totalFromSuccessRate", "componentId"], message: `No per-period outcome payment with the id '${rate.componentId}'` });
  });
export type PaymentModel = z.infer<typeof PaymentModelSchema>;
export type PaymentModelInput = z.input<typeof PaymentModelSchema>;

const careInterval = z
  .object({
    start: IsoDateSchema.describe("The first day in care (inclusive)"),
    end: IsoDateSchema.nullable()
      .default(null)
      .describe("The first day back out of care (exclusive): the spell covers `start` up to the day before `end`; null while still in care"),
  })
  .describe("A spell in care, [start, end): a spell from 2018-05-31 to 2018-06-10 is ten days in care, 31 May to 9 June")
  .refine((i) => i.end === null || i.end >= i.start, { message: "A care spell cannot end before it starts", path: ["end"] });

/** One participant's timeline. Ids are pseudonymous case references, never names. */
export const ParticipantSchema = z.object({
  id: z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, "Use a case reference (letters, digits, - and _), never a name"),
  payerId: id,
  intervention: z.string().max(64).default(""),
  /** Dates of events: referral-accepted, engagement-started, first-meeting, outcome events… */
  events: z.record(EventKeySchema, IsoDateSchema).default({}),
  /** Days engaged with the service; required when the model pays only engaged cases. */
  engagementDays: days.optional().describe("Days the case engaged with the service; required when a payment has a minimum engagement (PFP: 28 days)"),
  /** Spells in care: [start, end) by date; end null while still in care. */
  care: z.array(careInterval).max(1000).default([]),
});
export type Participant = z.infer<typeof ParticipantSchema>;

/**
 * Participants the model cannot pay as given are refused, field by field, rather than
 * paid wrongly: a payer or intervention the model does not have, an id used twice, no
 * engagement where the model pays only engaged cases.
 */
export function participantProblems(model: PaymentModel, participants: Participant[]): { path: (string | number)[]; message: string }[] {
  const problems: { path: (string | number)[]; message: string }[] = [];
  const payers = new Set(model.payers.map((p) => p.id));
  const interventions = new Set(model.interventions.map((i) => i.id));
  const engagement = Math.max(0, ...model.components.map((c) => (c.kind === "outcome-period" ? c.minEngagementDays : 0)));
  const seen = new Map<string, number>();
  const list = (ids: Set<string>) => [...ids].join(", ");
  participants.forEach((p, i) => {
    const first = seen.get(p.id);
    if (first !== undefined) problems.push({ path: [i, "id"], message: `Participant ${first + 1} already has the id '${p.id}': each case is listed once` });
    else seen.set(p.id, i);
    if (!payers.has(p.payerId)) problems.push({ path: [i, "payerId"], message: `The model has no payer '${p.payerId}' (it has ${list(payers)})` });
    if (interventions.size > 0 && !interventions.has(p.intervention)) {
      problems.push({ path: [i, "intervention"], message: `The model has no intervention '${p.intervention}', so no tracking window for it (it has ${list(interventions)})` });
    }
    if (engagement > 0 && p.engagementDays === undefined) problems.push({ path: [i, "engagementDays"], message: `Give the days engaged: the model pays only cases engaged at least ${engagement} days` });
  });
  return problems;
}

export const ActualsInputSchema = z
  .object({
    model: PaymentModelSchema,
    participants: z.array(ParticipantSchema).max(100_000),
    /** The data runs to this date (inclusive): only periods complete by then are paid. */
    asOf: IsoDateSchema,
  })
  .strict()
  .superRefine((input, ctx) => {
    for (const problem of participantProblems(input.model, input.participants)) ctx.addIssue({ code: "custom", path: ["participants", ...problem.path], message: problem.message });
  });
export type ActualsInput = z.infer<typeof ActualsInputSchema>;

/** The schedule a payer is invoiced on. */
export function payerSchedule(model: PaymentModel, payerId: string): InvoiceSchedule {
  // Models written before schedules existed have only `lagWeeks`: monthly, as they were.
  return model.invoicing.byPayer?.[payerId] ?? { frequency: model.invoicing.frequency ?? "monthly", lagWeeks: model.invoicing.lagWeeks };
}

/** The schedule the co-funder is claimed from on. */
export function coFunderSchedule(model: PaymentModel): InvoiceSchedule {
  return model.invoicing.coFunder ?? { frequency: model.invoicing.frequency ?? "monthly", lagWeeks: model.invoicing.lagWeeks };
}
