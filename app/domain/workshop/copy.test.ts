import { describe, expect, it } from "vitest";
import { allCopy } from "./copy";
import { readingGrade, tooHard } from "./readability";
import { READING_GRADE, DEFAULT_PROMPTS, AGE_BANDS } from "./workshop";

describe("what a young person reads", () => {
  const youngest = READING_GRADE["8-11"];
  it.each(allCopy())("%s reads at about age 8", (_name, text) => {
    expect(tooHard(text, youngest)).toBeNull();
  });
  it("each whole screen of text reads at the youngest band's level", () => {
    const all = allCopy().map(([, t]) => t).join(" ");
    expect(readingGrade(all)).toBeLessThanOrEqual(youngest);
  });
  it.each(Object.entries(DEFAULT_PROMPTS))("the default %s question suits every band", (_kind, prompt) => {
    for (const band of AGE_BANDS) expect(tooHard(prompt, READING_GRADE[band])).toBeNull();
  });
  it("the formula can fail: officialese is too hard for the youngest band", () => {
    expect(tooHard("Participants' contributions are subsequently moderated by the facilitator before publication.", youngest)).not.toBeNull();
    expect(tooHard("Tell the facilitator", youngest)).toMatch(/facilitator/);
  });
});
