import { describe, expect, it } from "vitest";
import { ActivityBuffer, frameworkActivity, referralActivity, summariseEdit, type ActivityChange } from "./activity";
import { PFP_COMMITMENTS, PFP_CRITERIA, PFP_FRAMEWORK, PFP_PATHWAY, PFP_VIGNETTES } from "./examples/pfp";
import type { ReferralDesign } from "./referral-design";

const text = (changes: ActivityChange[]) => changes.map((c) => `${c.verb} ${c.label}`);
const PFP_DESIGN: ReferralDesign = { criteria: PFP_CRITERIA, pathway: PFP_PATHWAY, commitments: PFP_COMMITMENTS, vignettes: PFP_VIGNETTES };

describe("frameworkActivity", () => {
  it("says which field of which outcome changed, not the values", () => {
    const [first, ...rest] = PFP_FRAMEWORK.outcomes;
    const after = { ...PFP_FRAMEWORK, outcomes: [{ ...first!, definition: `${first!.definition} More.`, linkedToPayment: !first!.linkedToPayment }, ...rest] };
    expect(text(frameworkActivity(PFP_FRAMEWORK, after))).toEqual([
      `edited the precise definition of outcome '${first!.title}'`,
      `${first!.linkedToPayment ? "made tracked only (not paid)" : "linked to payment"} outcome '${first!.title}'`,
    ]);
  });

  it("names added, removed and reordered outcomes and indicators", () => {
    const [a, b, ...rest] = PFP_FRAMEWORK.outcomes;
    const added = { ...a!, id: "new", title: "Attends school", indicators: [] };
    const after = { ...PFP_FRAMEWORK, outcomes: [b!, { ...a!, indicators: [...a!.indicators, { id: "i9", title: "Nights in care", definition: "", dataSource: "", baseline: "", target: "" }] }, added, ...rest.slice(1)] };
    const lines = text(frameworkActivity(PFP_FRAMEWORK, after));
    expect(lines).toContain(`removed outcome '${rest[0]!.title}'`);
    expect(lines).toContain("added outcome 'Attends school'");
    expect(lines).toContain(`added indicator 'Nights in care' to outcome '${a!.title}'`);
    expect(lines).toContain("reordered the outcomes");
  });

  it("reports nothing when nothing changed", () => {
    expect(frameworkActivity(PFP_FRAMEWORK, structuredClone(PFP_FRAMEWORK))).toEqual([]);
  });
});

describe("referralActivity", () => {
  it("names the rule, exclusion, step, partner and setting that changed", () => {
    const after: ReferralDesign = structuredClone(PFP_DESIGN);
    after.criteria.exclusions.push({ kind: "exclusion", id: "x9", label: "Already open to YOT", concern: "yot" });
    after.pathway[0]!.owner = "Clinic lead";
    after.commitments.partners[0]!.minimumPerYear += 5;
    after.commitments.rolloverPercent = 5;
    expect(text(referralActivity(PFP_DESIGN, after))).toEqual([
      "added the exclusion 'Already open to YOT'",
      `changed pathway step '${PFP_PATHWAY[0]!.title}'`,
      `changed ${PFP_COMMITMENTS.partners[0]!.partner}'s referral commitment`,
      "set the rollover allowance to 5%",
    ]);
  });
});

describe("summariseEdit", () => {
  it("keeps small edits and tells a bulk edit (a restore) as one line", () => {
    const one = [{ subject: "goal", verb: "edited", label: "the goal" }];
    expect(summariseEdit(one, "e1")).toEqual(one);
    const many = Array.from({ length: 9 }, (_, i) => ({ subject: `s${i}`, verb: "changed", label: `thing ${i}` }));
    expect(text(summariseEdit(many, "e2"))).toEqual(["made 9 changes at once (changed thing 0; changed thing 1; changed thing 2; …)"]);
  });
});

describe("ActivityBuffer", () => {
  const edit = (label: string): ActivityChange => ({ subject: "outcome:o1", verb: "edited the target of", label });

  it("folds a person's keystrokes on one field into one line, closed after a quiet spell", () => {
    const buffer = new ActivityBuffer({ quietMs: 1000, maxMs: 60_000 });
    for (let t = 0; t < 5000; t += 200) buffer.add("grace", [edit("outcome 'A'")], t);
    expect(buffer.take(5500)).toEqual([]);
    const [line] = buffer.take(5900);
    expect(line).toMatchObject({ verb: "edited the target of", startedAt: 0, at: 4800 });
    expect(buffer.size).toBe(0);
  });

  it("keeps different people's changes to the same subject apart", () => {
    const buffer = new ActivityBuffer({ quietMs: 1000, maxMs: 60_000 });
    buffer.add("grace", [edit("outcome 'A'")], 0);
    buffer.add("tom", [edit("outcome 'A'")], 10);
    expect(buffer.take(0, true).map((e) => e.actorKey)).toEqual(["grace", "tom"]);
  });

  it("folds edits to something just added into the added line, with its latest name", () => {
    const buffer = new ActivityBuffer({ quietMs: 1000, maxMs: 60_000 });
    buffer.add("grace", [{ subject: "outcome:o2", verb: "added", label: "outcome 'S'" }], 0);
    buffer.add("grace", [{ subject: "outcome:o2", verb: "edited the title of", label: "outcome 'Stays home'" }], 100);
    expect(text(buffer.take(0, true))).toEqual(["added outcome 'Stays home'"]);
  });

  it("closes a long-running line after maxMs so the feed is never far behind", () => {
    const buffer = new ActivityBuffer({ quietMs: 1000, maxMs: 3000 });
    for (let t = 0; t <= 3000; t += 100) buffer.add("grace", [edit("outcome 'A'")], t);
    expect(buffer.take(3000)).toHaveLength(1);
  });
});
