// Referral criteria as structured rules, the eligibility engine that tests anonymised
// case vignettes against them, and their plain-language rendering for a referral
// form. Pure: no I/O. The designer, the API (`…/referral-criteria/evaluate`) and
// exports all use this module. The worked example is the Positive Families
// Partnership (seed 003, section 3.1).
import { z } from "zod";
import { findPersonalData } from "./personal-data";

export const CRITERIA_SCHEMA_VERSION = 1;

export const LIVING_SITUATIONS = ["family-home", "main-caregiver", "short-term-care", "in-care", "independent", "no-caregiver"] as const;
export type LivingSituation = (typeof LIVING_SITUATIONS)[number];
export const LIVING_SITUATION_LABELS: Record<LivingSituation, string> = {
  "family-home": "at home with family",
  "main-caregiver": "with a main caregiver",
  "short-term-care": "in a short-term care placement",
  "in-care": "in care",
  independent: "living independently",
  "no-caregiver": "no primary caregiver can be identified",
};

export const RISK_LEVELS = ["low", "medium", "significant"] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

const label = z.string().trim().min(1, "Give the rule a label").max(300, "Keep the label under 300 characters");
const id = z.string().min(1).max(64);

export const RangeRuleSchema = z
  .object({
    kind: z.literal("age-range"),
    id,
    label,
    min: z.number().int().min(0).max(30),
    max: z.number().int().min(0).max(30),
    /** Ages just outside [min, max] considered by exception. */
    exceptionMin: z.number().int().min(0).max(30).nullable().default(null),
    exceptionMax: z.number().int().min(0).max(30).nullable().default(null),
  })
  .refine((r) => r.min <= r.max, { message: "The lowest age must not be above the highest", path: ["max"] })
  .refine((r) => r.exceptionMin === null || r.exceptionMin <= r.min, { message: "An exception below the range must be at most the lowest age", path: ["exceptionMin"] })
  .refine((r) => r.exceptionMax === null || r.exceptionMax >= r.max, { message: "An exception above the range must be at least the highest age", path: ["exceptionMax"] });

export const AtLeastOneRuleSchema = z.object({
  kind: z.literal("at-least-one-behaviour"),
  id,
  label,
  options: z.array(z.string().trim().min(1).max(120)).min(1, "List at least one behaviour").max(50),
});

export const LivingRuleSchema = z.object({
  kind: z.literal("living-situation"),
  id,
  label,
  allowed: z.array(z.enum(LIVING_SITUATIONS)).min(1, "Allow at least one living situation"),
  /** In care (or short-term care) counts if a plan returns them home within this many weeks. */
  returnHomeWithinWeeks: z.number().int().min(0).max(104).nullable().default(null),
});

export const RiskRuleSchema = z.object({ kind: z.literal("risk-of-care"), id, label, atLeast: z.enum(RISK_LEVELS) });

export const InclusionRuleSchema = z.union([RangeRuleSchema, AtLeastOneRuleSchema, LivingRuleSchema, RiskRuleSchema]);
export type InclusionRule = z.infer<typeof InclusionRuleSchema>;

export const INCLUSION_KINDS = ["age-range", "at-least-one-behaviour", "living-situation", "risk-of-care"] as const;
export type InclusionKind = (typeof INCLUSION_KINDS)[number];
export const INCLUSION_KIND_LABELS: Record<InclusionKind, string> = {
  "age-range": "Age range (with exceptions)",
  "at-least-one-behaviour": "At least one of these behaviours",
  "living-situation": "Living situation",
  "risk-of-care": "Risk of entering care",
};

/**
 * A new rule of `kind` with settings to start from (the PFP's own, where it has one);
 * a behaviours rule starts empty, so the editor asks for its list.
 */
export function newInclusionRule(kind: InclusionKind, ruleLabel: string, ruleId: string): Record<string, unknown> & { id: string } {
  const base = { id: ruleId, kind, label: ruleLabel };
  switch (kind) {
    case "age-range":
      return { ...base, min: 11, max: 16, exceptionMin: null, exceptionMax: null };
    case "at-least-one-behaviour":
      return { ...base, options: [] };
    case "living-situation":
      return { ...base, allowed: ["family-home", "main-caregiver"], returnHomeWithinWeeks: null };
    case "risk-of-care":
      return { ...base, atLeast: "significant" };
  }
}

/** An exclusion applies when the vignette records the concern it names. */
export const ExclusionRuleSchema = z.object({ kind: z.literal("exclusion"), id, label, concern: z.string().trim().min(1).max(64) });
export type ExclusionRule = z.infer<typeof ExclusionRuleSchema>;

export const ReferralCriteriaSchema = z.object({
  schemaVersion: z.literal(CRITERIA_SCHEMA_VERSION),
  inclusions: z.array(InclusionRuleSchema).max(50),
  exclusions: z.array(ExclusionRuleSchema).max(50),
});
export type ReferralCriteria = z.infer<typeof ReferralCriteriaSchema>;

/** An anonymised case: no name, no date of birth, nothing that identifies a young person. */
export const VignetteSchema = z.object({
  id: z.string().max(64).optional(),
  age: z.number({ error: "Give the age as a whole number" }).int("Give the age as a whole number").min(0).max(30),
  behaviours: z.array(z.string().trim().min(1).max(120)).max(50).default([]),
  livingSituation: z.enum(LIVING_SITUATIONS, { error: `Living situation must be one of: ${LIVING_SITUATIONS.join(", ")}` }),
  weeksToReturnHome: z.number().int().min(0).max(520).nullable().default(null),
  riskOfCare: z.enum(RISK_LEVELS, { error: `Risk of care must be one of: ${RISK_LEVELS.join(", ")}` }),
  concerns: z.array(z.string().trim().min(1).max(64)).max(50).default([]),
  notes: z
    .string()
    .max(2000, "Keep the notes under 2,000 characters")
    .default("")
    .superRefine((text, ctx) => {
      const found = findPersonalData(text);
      if (found) ctx.addIssue({ code: "custom", message: found });
    }),
});
export type Vignette = z.infer<typeof VignetteSchema>;

export type CriterionResult = { ruleId: string; label: string; kind: InclusionRule["kind"] | "exclusion"; result: "pass" | "exception" | "fail"; reason: string };
export type Eligibility = { outcome: "eligible" | "eligible-by-exception" | "not-eligible"; criteria: CriterionResult[] };

const RISK_ORDER: Record<RiskLevel, number> = { low: 0, medium: 1, significant: 2 };
const list = (xs: string[]) => (xs.length <= 1 ? (xs[0] ?? "") : `${xs.slice(0, -1).join(", ")} or ${xs.at(-1)}`);

function evaluateInclusion(rule: InclusionRule, v: Vignette): Omit<CriterionResult, "ruleId" | "label" | "kind"> {
  switch (rule.kind) {
    case "age-range": {
      if (v.age >= rule.min && v.age <= rule.max) return { result: "pass", reason: `Age ${v.age} is within ${rule.min} to ${rule.max}.` };
      const below = rule.exceptionMin !== null && v.age >= rule.exceptionMin && v.age < rule.min;
      const above = rule.exceptionMax !== null && v.age <= rule.exceptionMax && v.age > rule.max;
      if (below || above) return { result: "exception", reason: `Age ${v.age} is outside ${rule.min} to ${rule.max} but can be considered by exception.` };
      return { result: "fail", reason: `Age ${v.age} is outside ${rule.min} to ${rule.max}.` };
    }
    case "at-least-one-behaviour": {
      const wanted = new Set(rule.options.map((o) => o.toLowerCase()));
      const matched = v.behaviours.filter((b) => wanted.has(b.toLowerCase()));
      return matched.length > 0
        ? { result: "pass", reason: `Shows ${list(matched)}.` }
        : { result: "fail", reason: "Shows none of the listed behaviours." };
    }
    case "living-situation": {
      const where = LIVING_SITUATION_LABELS[v.livingSituation];
      if (rule.allowed.includes(v.livingSituation)) return { result: "pass", reason: `Living ${where}.` };
      const inCare = v.livingSituation === "in-care" || v.livingSituation === "short-term-care";
      if (inCare && rule.returnHomeWithinWeeks !== null && v.weeksToReturnHome !== null && v.weeksToReturnHome <= rule.returnHomeWithinWeeks) {
        return { result: "pass", reason: `In care with a plan to return home within ${v.weeksToReturnHome} week${v.weeksToReturnHome === 1 ? "" : "s"}.` };
      }
      if (inCare && rule.returnHomeWithinWeeks !== null) {
        return { result: "fail", reason: v.weeksToReturnHome === null ? "In care with no plan to return home." : `In care, but the plan returns them home in ${v.weeksToReturnHome} weeks (at most ${rule.returnHomeWithinWeeks}).` };
      }
      return { result: "fail", reason: `Living ${where}.` };
    }
    case "risk-of-care":
      return RISK_ORDER[v.riskOfCare] >= RISK_ORDER[rule.atLeast]
        ? { result: "pass", reason: `Risk of care is ${v.riskOfCare}.` }
        : { result: "fail", reason: `Risk of care is ${v.riskOfCare}; the service is for ${rule.atLeast} risk${rule.atLeast === "significant" ? "" : " or higher"}.` };
  }
}

/** Every criterion's result for one vignette, and the overall answer. */
export function evaluateVignette(criteria: ReferralCriteria, vignette: Vignette): Eligibility {
  const results: CriterionResult[] = [
    ...criteria.inclusions.map((rule) => ({ ruleId: rule.id, label: rule.label, kind: rule.kind, ...evaluateInclusion(rule, vignette) })),
    ...criteria.exclusions.map((rule): CriterionResult => {
      const applies = vignette.concerns.some((c) => c.toLowerCase() === rule.concern.toLowerCase());
      return { ruleId: rule.id, label: rule.label, kind: "exclusion", result: applies ? "fail" : "pass", reason: applies ? `Excluded: ${rule.label}.` : "Does not apply." };
    }),
  ];
  const outcome = results.some((r) => r.result === "fail") ? "not-eligible" : results.some((r) => r.result === "exception") ? "eligible-by-exception" : "eligible";
  return { outcome, criteria: results };
}

/** The rule set in plain language, for the referral form. */
export function describeCriteria(criteria: ReferralCriteria): { inclusions: string[]; exclusions: string[] } {
  return { inclusions: criteria.inclusions.map(describeInclusion), exclusions: criteria.exclusions.map((r) => `${r.label}.`) };
}

/** One inclusion rule as the referral form words it: "Aged 11 to 16 (10 and 17 by exception)." */
export function describeInclusion(rule: InclusionRule): string {
  switch (rule.kind) {
    case "age-range": {
      const exceptions = [rule.exceptionMin !== null && rule.exceptionMin < rule.min ? rule.exceptionMin : null, rule.exceptionMax !== null && rule.exceptionMax > rule.max ? rule.exceptionMax : null].filter((x): x is number => x !== null);
      const ranges = exceptions.map((e) => (e < rule.min ? (e === rule.min - 1 ? `${e}` : `${e} to ${rule.min - 1}`) : e === rule.max + 1 ? `${e}` : `${rule.max + 1} to ${e}`));
      return `Aged ${rule.min} to ${rule.max}${ranges.length ? ` (${ranges.join(" and ")} by exception)` : ""}.`;
    }
    case "at-least-one-behaviour":
      return `Shows at least one of: ${rule.options.join(", ")}.`;
    case "living-situation": {
      const places = rule.allowed.map((s) => LIVING_SITUATION_LABELS[s]);
      const back = rule.returnHomeWithinWeeks !== null ? `, or in care with a plan to return home within ${rule.returnHomeWithinWeeks} week${rule.returnHomeWithinWeeks === 1 ? "" : "s"}` : "";
      return `Living ${list(places)}${back}.`;
    }
    case "risk-of-care":
      return rule.atLeast === "significant" ? "At significant risk of entering care." : `At ${rule.atLeast} or higher risk of entering care.`;
  }
}
