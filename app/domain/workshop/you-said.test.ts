import { describe, expect, it } from "vitest";
import { PFP_FRAMEWORK } from "../examples/pfp";
import type { OutcomeFramework } from "../outcome-framework";
import { fateOf, type ThemeLink } from "./you-said";

const quality = { id: "q1", title: "Workers listen and do not judge", description: "", source: "", sourceRef: "" };
const withQuality: OutcomeFramework = { ...PFP_FRAMEWORK, serviceQualities: [quality] };
const theme = (t: Partial<ThemeLink>): ThemeLink => ({ id: "t", title: "Workers listen and do not judge", promotedAs: null, promotedId: null, promotedOutcomeId: null, decision: null, decisionReason: "", ...t });

describe("you said, we did", () => {
  it("says a promoted service quality was adopted, and whether the tender and contract carry it", () => {
    const t = theme({ promotedAs: "service-quality", promotedId: "q1" });
    expect(fateOf(t, withQuality, { tender: null, contracted: false })).toEqual({ fate: { kind: "adopted", as: "service-quality", title: quality.title }, changedTo: null, reason: "", inTender: false, inContract: false });
    expect(fateOf(t, withQuality, { tender: withQuality, contracted: true })).toMatchObject({ inTender: true, inContract: true });
    expect(fateOf(t, withQuality, { tender: PFP_FRAMEWORK, contracted: true })).toMatchObject({ inTender: false, inContract: false });
  });

  it("follows an outcome as it moves and is reworded", () => {
    const t = theme({ title: "feel less stressed at home", promotedAs: "outcome", promotedId: "pfp-wellbeing", decision: "changed", decisionReason: "Merged with the wellbeing outcome the providers can measure." });
    const f = fateOf(t, PFP_FRAMEWORK, { tender: null, contracted: false });
    expect(f.fate).toEqual({ kind: "adopted", as: "outcome", number: 2, title: "Mental health and wellbeing" });
    expect(f.changedTo).toBe("Mental health and wellbeing");
    expect(f.reason).toMatch(/providers can measure/);
  });

  it("finds an indicator under its outcome", () => {
    const t = theme({ title: "Seven-day periods not in care", promotedAs: "indicator", promotedId: "pfp-ind-weeks", promotedOutcomeId: "pfp-out-of-care" });
    expect(fateOf(t, PFP_FRAMEWORK, { tender: null, contracted: false })).toMatchObject({ fate: { kind: "adopted", as: "indicator", outcomeNumber: 1 }, changedTo: null });
  });

  it("tells apart taken out again, not adopted, and still being considered", () => {
    expect(fateOf(theme({ promotedAs: "service-quality", promotedId: "gone" }), withQuality, { tender: null, contracted: false }).fate).toEqual({ kind: "removed" });
    expect(fateOf(theme({ decision: "not-adopted", decisionReason: "The law sets this." }), withQuality, { tender: null, contracted: false })).toMatchObject({ fate: { kind: "not-adopted" }, reason: "The law sets this." });
    expect(fateOf(theme({}), withQuality, { tender: null, contracted: false }).fate).toEqual({ kind: "considering" });
  });
});
