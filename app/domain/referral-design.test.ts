import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { PFP_COMMITMENTS, PFP_CRITERIA, PFP_PATHWAY, PFP_VIGNETTES } from "./examples/pfp";
import { readReferralDesign, writeReferralDesign, type ReferralDesign } from "./referral-design";

const PFP: ReferralDesign = { criteria: PFP_CRITERIA, pathway: PFP_PATHWAY, commitments: PFP_COMMITMENTS, vignettes: PFP_VIGNETTES };

describe("referral design on a Y.Doc", () => {
  it("round-trips the PFP criteria, pathway, commitments and vignettes", () => {
    const doc = new Y.Doc();
    writeReferralDesign(doc, PFP);
    expect(readReferralDesign(doc)).toEqual({ design: PFP, problems: [] });
  });

  it("skips an incomplete rule, says which, and keeps the rest", () => {
    const doc = new Y.Doc();
    writeReferralDesign(doc, PFP);
    doc.getMap<Y.Map<unknown>>("inclusions").get("age")!.set("min", 18); // now above max
    const { design, problems } = readReferralDesign(doc);
    expect(design.criteria.inclusions.map((r) => r.id)).toEqual(["risk", "behaviours", "living"]);
    expect(problems).toEqual([{ severity: "error", path: "inclusions.0", message: "inclusion 1 is incomplete: The lowest age must not be above the highest" }]);
  });

  it("reads an empty document as an empty design", () => {
    expect(readReferralDesign(new Y.Doc()).design).toEqual({
      criteria: { schemaVersion: 1, inclusions: [], exclusions: [] },
      pathway: [],
      commitments: { partners: [], rolloverPercent: 0, balanceAcrossPartners: false },
      vignettes: [],
    });
  });
});
