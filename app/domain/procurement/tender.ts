// The tender's terms, set by the commissioning team before bids are drafted: the bid
// rules (what bidders may change in the published payment model, and within which
// bounds) and the evaluation criteria (quality questions with word limits, weights and
// a scoring scale with descriptors, the price criterion, the price–quality split).
// Stored as JSON on the procurement and parsed with these schemas. Pure: no I/O.
import { z } from "zod";
import { multiLine, singleLine } from "../validation";

const pence = z.number().int().min(0).max(100_000_000_000);
const bps = z.number().int().min(0).max(10_000);
const idSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

/** How bidders may treat one of the commissioner's payments. Payments not listed are fixed at the published price. */
export const ComponentRuleSchema = z.object({
  componentId: idSchema,
  /** Bidders may leave it out. */
  optional: z.boolean().default(false),
  /** Bounds on its tariff (outcome payments) or amount (fees, milestones), in pence; null: no bound on that side. */
  minPence: pence.nullable().default(null),
  maxPence: pence.nullable().default(null),
});
export type ComponentRule = z.infer<typeof ComponentRuleSchema>;

export const NEW_COMPONENT_KINDS = ["fixed-fee", "per-participant-fee", "milestone", "outcome-event", "outcome-period"] as const;
export type NewComponentKind = (typeof NEW_COMPONENT_KINDS)[number];
export const COMPONENT_KIND_LABELS: Record<NewComponentKind, string> = {
  "fixed-fee": "fixed fee",
  "per-participant-fee": "fee per participant",
  milestone: "milestone payment",
  "outcome-event": "outcome payment per event",
  "outcome-period": "outcome payment per period",
};

export const BidRulesSchema = z.object({
  /** The published payment version bids are made from (its model and its scenarios). */
  paymentVersionId: z.string().nullable().default(null),
  components: z.array(ComponentRuleSchema).max(50).default([]),
  /** Kinds of payment bidders may add (a hybrid bid adds fees to the outcome payments). */
  newKinds: z.array(z.enum(NEW_COMPONENT_KINDS)).default([]),
  /** At least this share of the consortium's income at risk on outcomes, at the median, in every scenario. */
  minAtRiskBps: bps.nullable().default(null),
  /** The caps must stay as published. */
  capFixed: z.boolean().default(true),
  /** A small delivery partner may carry at most this share of its own income at risk. */
  maxSmallProviderAtRiskBps: bps.nullable().default(null),
});
export type BidRules = z.infer<typeof BidRulesSchema>;

export const QualityQuestionSchema = z.object({
  id: idSchema,
  title: z.string().trim().min(1).max(300),
  guidance: z.string().max(2_000).default(""),
  wordLimit: z.number().int().min(10).max(10_000),
  /** Its weight within quality, in basis points; the questions' weights add up to 100%. */
  weightBps: bps,
});
export type QualityQuestion = z.infer<typeof QualityQuestionSchema>;

export const DEFAULT_DESCRIPTORS = [
  "0: no answer, or the answer does not address the question",
  "1: poor: major gaps or risks",
  "2: limited: some gaps",
  "3: satisfactory: meets the requirement",
  "4: good: meets it with some added value",
  "5: excellent: exceeds it, with evidence",
];

export const CriteriaSchema = z.object({
  questions: z.array(QualityQuestionSchema).max(30).default([]),
  /** Scores run from 0 to `scaleMax`; one descriptor per point. */
  scaleMax: z.number().int().min(1).max(10).default(5),
  descriptors: z.array(z.string().max(300)).default(DEFAULT_DESCRIPTORS),
  qualityWeightBps: bps.default(6_000),
  priceWeightBps: bps.default(4_000),
});
export type Criteria = z.infer<typeof CriteriaSchema>;

export const TenderTermsSchema = z.object({ rules: BidRulesSchema.default(BidRulesSchema.parse({})), criteria: CriteriaSchema.default(CriteriaSchema.parse({})) });
export type TenderTerms = z.infer<typeof TenderTermsSchema>;
export const EMPTY_TERMS: TenderTerms = TenderTermsSchema.parse({});

/** Problems with the terms, in words; empty when bids can be made against them. */
export function termsProblems(terms: TenderTerms): string[] {
  const problems: string[] = [];
  const { criteria, rules } = terms;
  if (criteria.qualityWeightBps + criteria.priceWeightBps !== 10_000) problems.push(`Quality and price weights must add up to 100%; they add up to ${(criteria.qualityWeightBps + criteria.priceWeightBps) / 100}%.`);
  if (criteria.questions.length === 0) problems.push("Add at least one quality question.");
  const weights = criteria.questions.reduce((a, q) => a + q.weightBps, 0);
  if (criteria.questions.length && weights !== 10_000) problems.push(`The quality questions' weights must add up to 100%; they add up to ${weights / 100}%.`);
  if (criteria.descriptors.length !== criteria.scaleMax + 1) problems.push(`Give one descriptor for each score from 0 to ${criteria.scaleMax}.`);
  for (const r of rules.components) if (r.minPence !== null && r.maxPence !== null && r.minPence > r.maxPence) problems.push(`A payment's minimum is above its maximum (${r.componentId}).`);
  if (!rules.paymentVersionId) problems.push("Choose the published payment model bids are made from.");
  return problems;
}

// ---- Forms -------------------------------------------------------------------

const percent = (label: string) =>
  z.preprocess((v) => (v === "" || v === undefined ? null : v), z.coerce.number({ error: `Enter ${label} as a percentage.` }).min(0, `${label} cannot be below 0%.`).max(100, `${label} cannot be above 100%.`).nullable());
const poundsField = z.preprocess(
  (v) => (v === "" || v === undefined ? null : v),
  z.string().trim().regex(/^£?\d{1,9}(\.\d{1,2})?$/, "Enter an amount in pounds, like 250 or 212.50.").transform((v) => Math.round(Number(v.replace("£", "")) * 100)).nullable(),
);

const RulesFieldsSchema = z.object({
  paymentVersionId: z.string().min(1, "Choose the published payment model bids are made from."),
  minAtRisk: percent("The minimum share at risk"),
  maxSmallAtRisk: percent("The small providers' maximum at risk"),
  capFixed: z.enum(["on"]).optional(),
});

/**
 * The bid rules form: the rules for the whole bid, and for each published payment
 * `optional-<id>`, `min-<id>` and `max-<id>` (pounds). Field errors by field name.
 */
export function parseRulesForm(values: Record<string, string>, newKinds: string[], componentIds: string[]): { ok: true; rules: BidRules } | { ok: false; errors: Record<string, string[]> } {
  const errors: Record<string, string[]> = {};
  const fields = RulesFieldsSchema.safeParse(values);
  if (!fields.success) for (const i of fields.error.issues) (errors[String(i.path[0] ?? "")] ??= []).push(i.message);
  const kinds = newKinds.filter((k): k is NewComponentKind => (NEW_COMPONENT_KINDS as readonly string[]).includes(k));
  if (kinds.length !== newKinds.length) errors.newKinds = ["Choose kinds of payment from the list."];
  const components: ComponentRule[] = [];
  for (const id of componentIds) {
    const min = poundsField.safeParse(values[`min-${id}`] ?? "");
    const max = poundsField.safeParse(values[`max-${id}`] ?? "");
    if (!min.success) errors[`min-${id}`] = [min.error.issues[0]!.message];
    if (!max.success) errors[`max-${id}`] = [max.error.issues[0]!.message];
    if (min.success && max.success && min.data !== null && max.data !== null && min.data > max.data) errors[`max-${id}`] = ["The maximum must not be below the minimum."];
    if (min.success && max.success) components.push({ componentId: id, optional: values[`optional-${id}`] === "on", minPence: min.data, maxPence: max.data });
  }
  if (!fields.success || Object.keys(errors).length) return { ok: false, errors };
  return {
    ok: true,
    rules: {
      paymentVersionId: fields.data.paymentVersionId,
      components,
      newKinds: kinds,
      minAtRiskBps: fields.data.minAtRisk === null ? null : toBps(fields.data.minAtRisk),
      capFixed: fields.data.capFixed === "on",
      maxSmallProviderAtRiskBps: fields.data.maxSmallAtRisk === null ? null : toBps(fields.data.maxSmallAtRisk),
    },
  };
}

export const QuestionFormSchema = z.object({
  title: singleLine(z.string().trim().min(1, "Enter the question.").max(300, "Keep the question to 300 characters or fewer.")),
  guidance: multiLine(z.string().trim().max(2_000, "Keep the guidance to 2,000 characters or fewer.")).default(""),
  wordLimit: z.coerce.number({ error: "Enter a word limit." }).int("Whole words only.").min(10, "Allow at least 10 words.").max(10_000, "At most 10,000 words."),
  weight: z.coerce.number({ error: "Enter a weight as a percentage." }).min(0, "A weight cannot be negative.").max(100, "A weight cannot be above 100%."),
});

export const SplitFormSchema = z.object({
  quality: z.coerce.number({ error: "Enter the quality weight." }).int("Whole percentages only.").min(0).max(100),
  price: z.coerce.number({ error: "Enter the price weight." }).int("Whole percentages only.").min(0).max(100),
}).refine((v) => v.quality + v.price === 100, { message: "Quality and price must add up to 100%.", path: ["price"] });

/** Percent (as typed) → basis points, exactly to two decimals. */
export const toBps = (percentValue: number) => Math.round(percentValue * 100);
