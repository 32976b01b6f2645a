import { describe, expect, it } from "vitest";
import { CommentFormSchema, describeTarget, findMentions, targetsOf } from "./comments";
import { PFP_FRAMEWORK } from "./examples/pfp";

const people = [
  { userId: "sam", name: "Sam Okafor" },
  { userId: "samj", name: "Sam Okafor-Jones" },
  { userId: "maya", name: "Dr Maya Patel" },
];

describe("findMentions", () => {
  it("finds members named after @, in any case", () => {
    expect(findMentions("@sam okafor can Newham match this? cc @Dr Maya Patel.", people)).toEqual(["sam", "maya"]);
  });
  it("prefers the longest name and does not run on into another word", () => {
    expect(findMentions("@Sam Okafor-Jones please", people)).toEqual(["samj"]);
    expect(findMentions("@Sam Okaforx", people)).toEqual([]);
  });
  it("ignores email addresses and unknown names", () => {
    expect(findMentions("write to sam@sutton.example or @Nobody", people)).toEqual([]);
  });
  it("counts a person once however often they are mentioned", () => {
    expect(findMentions("@Sam Okafor and again @Sam Okafor", people)).toEqual(["sam"]);
  });
});

describe("comment targets", () => {
  const outcome = PFP_FRAMEWORK.outcomes[0]!;
  it("names an outcome or one of its indicators, and nothing that has gone", () => {
    expect(describeTarget(PFP_FRAMEWORK, `outcome:${outcome.id}`)).toBe(`outcome '${outcome.title}'`);
    const indicator = outcome.indicators[0]!;
    expect(describeTarget(PFP_FRAMEWORK, `indicator:${outcome.id}:${indicator.id}`)).toBe(`indicator '${indicator.title}' of outcome '${outcome.title}'`);
    expect(describeTarget(PFP_FRAMEWORK, "outcome:gone")).toBeNull();
    expect(targetsOf(outcome)).toHaveLength(1 + outcome.indicators.length);
  });
  it("refuses an empty comment or a malformed target with a message", () => {
    const bad = CommentFormSchema.safeParse({ intent: "comment", target: "outcome:../x", body: "  " });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => i.message).sort()).toEqual(["Choose what the comment is about.", "Write a comment."]);
  });
});
