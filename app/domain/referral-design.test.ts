import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { PFP_COMMITMENTS, PFP_CRITERIA, PFP_PATHWAY, PFP_VIGNETTES } from "./examples/pfp";
import { addItem, concernKey, moveItem, readRawItems, readReferralDesign, removeItem, setCommitmentSettings, updateItem, writeReferralDesign, type ReferralDesign } from "./referral-design";

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
    expect(problems).toEqual([{ severity: "error", path: "inclusions.0", message: "Rule 1 is incomplete: The lowest age must not be above the highest." }]);
  });

  it("reads an empty document as an empty design", () => {
    expect(readReferralDesign(new Y.Doc()).design).toEqual({
      criteria: { schemaVersion: 1, inclusions: [], exclusions: [] },
      pathway: [],
      commitments: { partners: [], rolloverPercent: 0, balanceAcrossPartners: false },
      vignettes: [],
    });
  });

  it("edits one rule in place, keeps a rule being corrected visible with its field error, adds and removes items", () => {
    const doc = new Y.Doc();
    writeReferralDesign(doc, PFP);
    updateItem(doc, "inclusions", "age", { exceptionMin: null });
    expect(readReferralDesign(doc).design.criteria.inclusions[0]).toMatchObject({ min: 11, exceptionMin: null });
    updateItem(doc, "inclusions", "age", { min: 18 });
    const raw = readRawItems(doc, "inclusions");
    expect(raw[0]).toMatchObject({ id: "age", values: { min: 18, max: 16 }, errors: { max: "The lowest age must not be above the highest" } });
    expect(raw[1]!.errors).toEqual({});
    addItem(doc, "vignettes", { ...PFP_VIGNETTES[0]!, id: "v5", title: "Another case" });
    removeItem(doc, "vignettes", "v1");
    expect(readReferralDesign(doc).design.vignettes.map((v) => v.id)).toEqual(["v2", "v3", "v4", "v5"]);
    setCommitmentSettings(doc, { rolloverPercent: 5 });
    expect(readReferralDesign(doc).design.commitments.rolloverPercent).toBe(5);
  });
});

describe("pathway and exclusions editing", () => {
  it("moves a pathway step without losing a concurrent edit to it", () => {
    const a = new Y.Doc();
    for (const [id, title] of [["s1", "Clinic"], ["s2", "Form"], ["s3", "Panel"]] as const) addItem(a, "pathway", { id, title, owner: "" });
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    moveItem(a, "pathway", "s3", -1);
    updateItem(b, "pathway", "s3", { owner: "Edge of care panel" });
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    for (const doc of [a, b]) expect(readReferralDesign(doc).design.pathway.map((s) => `${s.title}/${s.owner}`)).toEqual(["Clinic/", "Panel/Edge of care panel", "Form/"]);
  });

  it("derives a unique concern key from an exclusion's wording", () => {
    expect(concernKey("Current child protection plan", [])).toBe("current-child-protection-plan");
    expect(concernKey("Current child protection plan!", ["current-child-protection-plan"])).toBe("current-child-protection-plan-2");
    expect(concernKey("???", [])).toBe("concern");
  });
});
