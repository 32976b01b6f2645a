import { describe, expect, it } from "vitest";
import { PFP_FRAMEWORK } from "./examples/pfp";
import { diffFrameworks } from "./framework-diff";
import type { OutcomeFramework } from "./outcome-framework";

const paid = PFP_FRAMEWORK.outcomes[0]!;

describe("diffFrameworks", () => {
  it("finds nothing between a framework and itself", () => {
    expect(diffFrameworks(PFP_FRAMEWORK, structuredClone(PFP_FRAMEWORK))).toEqual([]);
  });

  it("says what changed in the framework's own terms", () => {
    const after: OutcomeFramework = structuredClone(PFP_FRAMEWORK);
    after.outcomes[0] = { ...paid, target: "Payments for up to 80% of the first 384 cases", indicators: paid.indicators.slice(1) };
    after.outcomes[1] = { ...after.outcomes[1]!, linkedToPayment: true, tags: ["wider outcome", "proposed by young people"] };
    after.outcomes.splice(4, 1);
    after.outcomes.push({ ...after.outcomes[2]!, id: "new", title: "Stable school place", indicators: [] });
    expect(diffFrameworks(PFP_FRAMEWORK, after)).toEqual([
      "Outcome 'Substance misuse' removed.",
      "Outcome 'Stays out of care': target changed to 'Payments for up to 80% of the first 384 cases'.",
      "Outcome 'Stays out of care': indicator 'Seven-day periods not in care' removed.",
      "Outcome 'Mental health and wellbeing' is now linked to payment.",
      "Outcome 'Mental health and wellbeing': tagged 'proposed by young people'.",
      "Outcome 'Stable school place' added.",
    ]);
  });

  it("reports a rename, a removed goal and a reorder", () => {
    const after: OutcomeFramework = { ...structuredClone(PFP_FRAMEWORK), goal: "" };
    after.outcomes.reverse();
    after.outcomes[0] = { ...after.outcomes[0]!, title: "Drug and alcohol use" };
    expect(diffFrameworks(PFP_FRAMEWORK, after)).toEqual(["Goal removed.", "Outcome 'Substance misuse' renamed to 'Drug and alcohol use'.", "Outcomes reordered."]);
  });
});
