import { describe, expect, it } from "vitest";
import { PFP_COMMITMENTS, PFP_CRITERIA, PFP_PATHWAY, PFP_VIGNETTES } from "./examples/pfp";
import type { ReferralDesign } from "./referral-design";
import { diffReferralDesigns } from "./referral-diff";

const PFP: ReferralDesign = { criteria: PFP_CRITERIA, pathway: PFP_PATHWAY, commitments: PFP_COMMITMENTS, vignettes: PFP_VIGNETTES };

describe("diffReferralDesigns", () => {
  it("finds nothing between a design and itself, and ignores test cases", () => {
    expect(diffReferralDesigns(PFP, { ...structuredClone(PFP), vignettes: [] })).toEqual([]);
  });

  it("says what changed in the referral form's words", () => {
    const after: ReferralDesign = structuredClone(PFP);
    after.criteria.inclusions[0] = { ...PFP_CRITERIA.inclusions[0]!, exceptionMin: null } as ReferralDesign["criteria"]["inclusions"][number];
    after.criteria.exclusions.push({ kind: "exclusion", id: "neglect", label: "Neglect or abuse is the main reason for referral", concern: "neglect-primary" });
    after.commitments.partners[1] = { ...after.commitments.partners[1]!, minimumPerYear: 20 };
    after.commitments.rolloverPercent = 5;
    after.pathway.pop();
    expect(diffReferralDesigns(PFP, after)).toEqual([
      "Inclusion changed: 'Aged 11 to 16 (10 and 17 by exception).' is now 'Aged 11 to 16 (17 by exception).'.",
      "Exclusion added: Neglect or abuse is the main reason for referral.",
      "Pathway step removed: Intervention allocated (MST or FFT).",
      "London Borough of Merton: minimum 22 → 20 a year.",
      "Rollover allowance 10% → 5%.",
    ]);
  });
});
