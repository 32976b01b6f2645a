import { describe, expect, it } from "vitest";
import { PFP_CRITERIA, PFP_VIGNETTES } from "./examples/pfp";
import { describeCriteria, evaluateVignette, INCLUSION_KINDS, InclusionRuleSchema, newInclusionRule, ReferralCriteriaSchema, VignetteSchema, type Vignette } from "./referral-criteria";

const vignette = (over: Partial<Vignette>): Vignette => ({ ...PFP_VIGNETTES[0]!, ...over });

describe("evaluateVignette on the PFP criteria", () => {
  it("answers each example vignette as the PFP referral form would", () => {
    const outcomes = Object.fromEntries(PFP_VIGNETTES.map((v) => [v.id, evaluateVignette(PFP_CRITERIA, v).outcome]));
    expect(outcomes).toEqual({ v1: "eligible", v2: "eligible-by-exception", v3: "eligible", v4: "not-eligible" });
  });

  it("treats 10 and 17 as exceptions and 9 and 18 as out of range", () => {
    const age = (n: number) => evaluateVignette(PFP_CRITERIA, vignette({ age: n })).criteria.find((c) => c.ruleId === "age")!.result;
    expect([9, 10, 11, 16, 17, 18].map(age)).toEqual(["fail", "exception", "pass", "pass", "exception", "fail"]);
  });

  it("accepts care with a plan to return within three weeks, not four, nor without a plan", () => {
    const living = (weeks: number | null) => evaluateVignette(PFP_CRITERIA, vignette({ livingSituation: "in-care", weeksToReturnHome: weeks })).criteria.find((c) => c.ruleId === "living")!;
    expect(living(3).result).toBe("pass");
    expect(living(4)).toMatchObject({ result: "fail", reason: "In care, but the plan returns them home in 4 weeks (at most 3)." });
    expect(living(null)).toMatchObject({ result: "fail", reason: "In care with no plan to return home." });
  });

  it("needs at least one listed behaviour, matched without regard to case", () => {
    const behaviours = (list: string[]) => evaluateVignette(PFP_CRITERIA, vignette({ behaviours: list })).criteria.find((c) => c.ruleId === "behaviours")!.result;
    expect(behaviours([])).toBe("fail");
    expect(behaviours(["Criminal behaviour"])).toBe("pass");
    expect(behaviours(["something else"])).toBe("fail");
  });

  it("excludes on a recorded concern and says which", () => {
    const result = evaluateVignette(PFP_CRITERIA, vignette({ concerns: ["suicidal-or-homicidal"] }));
    expect(result.outcome).toBe("not-eligible");
    expect(result.criteria.filter((c) => c.result === "fail")).toEqual([
      { ruleId: "suicidal", label: "Current concerns about suicidal or homicidal behaviour", kind: "exclusion", result: "fail", reason: "Excluded: Current concerns about suicidal or homicidal behaviour." },
    ]);
  });

  it("requires significant risk of care", () => {
    expect(evaluateVignette(PFP_CRITERIA, vignette({ riskOfCare: "medium" })).criteria.find((c) => c.ruleId === "risk")).toMatchObject({ result: "fail" });
  });
});

describe("describeCriteria", () => {
  it("renders the PFP rules in the words of the referral form", () => {
    const { inclusions, exclusions } = describeCriteria(PFP_CRITERIA);
    expect(inclusions).toEqual([
      "Aged 11 to 16 (10 and 17 by exception).",
      "At significant risk of entering care.",
      expect.stringMatching(/^Shows at least one of: physically aggressive, verbally aggressive, .*criminal behaviour\.$/),
      "Living at home with family or with a main caregiver, or in care with a plan to return home within 3 weeks.",
    ]);
    expect(exclusions).toHaveLength(5);
    expect(exclusions[0]).toBe("Lives independently or no primary caregiver can be identified.");
  });
});

describe("schemas", () => {
  it("accepts the PFP criteria and rejects an inverted age range with a field-level message", () => {
    expect(ReferralCriteriaSchema.parse(PFP_CRITERIA)).toEqual(PFP_CRITERIA);
    const bad = ReferralCriteriaSchema.safeParse({ ...PFP_CRITERIA, inclusions: [{ ...PFP_CRITERIA.inclusions[0]!, min: 17, max: 11 }] });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0]).toMatchObject({ path: ["inclusions", 0, "max"], message: "The lowest age must not be above the highest" });
  });

  it("rejects vignette notes that identify someone, saying what to remove", () => {
    const notes = (text: string) => VignetteSchema.safeParse({ ...PFP_VIGNETTES[0], notes: text });
    expect(notes("Lives with mum; dad not in contact.").success).toBe(true);
    expect(notes("Lives with Jordan Smith and mum.").error?.issues[0]!.message).toBe('Remove "Jordan Smith": it looks like a name. Refer to people by role instead.');
    expect(notes("Contact mum on 07700 900123.").error?.issues[0]!.message).toMatch(/phone number/);
  });
});

describe("newInclusionRule", () => {
  it("starts every kind with valid settings, except a behaviours list, which must be written", () => {
    for (const kind of INCLUSION_KINDS) {
      const parsed = InclusionRuleSchema.safeParse(newInclusionRule(kind, "A rule", "r1"));
      if (kind === "at-least-one-behaviour") expect(parsed.error?.issues[0]?.message).toBe("List at least one behaviour");
      else expect(parsed.success).toBe(true);
    }
  });
});
