import { describe, expect, it } from "vitest";
import { PFP_HIGH_SCENARIO, PFP_MEDIAN_SCENARIO, PFP_PAYMENT_MODEL } from "../examples/pfp-payment";
import { nextWhatIfName, scenarioDifferences, shownBy, WhatIfCreateSchema, WhatIfUpdateSchema } from "./what-if";

describe("what-ifs", () => {
  it("says in words how its scenarios differ from the shared ones, by name", () => {
    const theirs = [{ ...PFP_MEDIAN_SCENARIO, costs: { ...PFP_MEDIAN_SCENARIO.costs, setUpPence: 1 }, engagementRateBps: 9000 }, { ...PFP_HIGH_SCENARIO, name: "Ours" }];
    expect(scenarioDifferences([PFP_MEDIAN_SCENARIO, PFP_HIGH_SCENARIO], theirs)).toEqual([
      `In “${PFP_MEDIAN_SCENARIO.name}”: different engagement, delivery costs.`,
      "A scenario of its own: “Ours”.",
      `It has no “${PFP_HIGH_SCENARIO.name}” scenario.`,
    ]);
    expect(scenarioDifferences([PFP_MEDIAN_SCENARIO], [PFP_MEDIAN_SCENARIO])).toEqual([]);
  });

  it("names an unnamed copy with the first free 'What-if N'", () => {
    expect(nextWhatIfName([])).toBe("What-if 1");
    expect(nextWhatIfName(["What-if 1", "What-if 3", "Tariff £240"])).toBe("What-if 2");
  });

  it("names who showed it without an email", () => {
    expect(shownBy({ ownerName: "Helen Marsh", organisation: "Positive Families Partnership" })).toBe("Helen Marsh (Positive Families Partnership)");
    expect(shownBy({ ownerName: "Helen Marsh", organisation: null })).toBe("Helen Marsh");
  });

  it("refuses a model without its scenarios, and unknown fields", () => {
    expect(WhatIfUpdateSchema.safeParse({ model: PFP_PAYMENT_MODEL }).error!.issues[0]).toMatchObject({ path: ["scenarios"], message: "Send the model and its scenarios together." });
    expect(WhatIfCreateSchema.safeParse({ name: "x", model: PFP_PAYMENT_MODEL, scenarios: [PFP_MEDIAN_SCENARIO], ownerId: "u1" }).success).toBe(false);
  });
});
