import { describe, expect, it } from "vitest";
import { ActivityBuffer, describeChange, frameworkActivity, referralActivity, summariseEdit, type ActivityChange } from "./activity";
import { PFP_PAYMENT_MODEL } from "./examples/pfp-payment";
import { paymentChanges } from "./payment/diff";
import { PFP_COMMITMENTS, PFP_CRITERIA, PFP_FRAMEWORK, PFP_PATHWAY, PFP_VIGNETTES } from "./examples/pfp";
import type { ReferralDesign } from "./referral-design";

const text = (changes: ActivityChange[]) => changes.map(describeChange);
const PFP_DESIGN: ReferralDesign = { criteria: PFP_CRITERIA, pathway: PFP_PATHWAY, commitments: PFP_COMMITMENTS, vignettes: PFP_VIGNETTES };

describe("frameworkActivity", () => {
  it("says which field of which outcome changed, and what from and to", () => {
    const [first, ...rest] = PFP_FRAMEWORK.outcomes;
    const after = { ...PFP_FRAMEWORK, outcomes: [{ ...first!, target: "85% stay out of care", baseline: "", linkedToPayment: !first!.linkedToPayment, tags: ["young people"] }, ...rest] };
    const paid = (linked: boolean) => (linked ? "linked to payment" : "tracked only (not paid)");
    // Long values are cut to 60 characters in the feed.
    const cut = (t: string) => `'${t.length > 60 ? `${t.slice(0, 59)}…` : t}'`;
    expect(text(frameworkActivity(PFP_FRAMEWORK, after))).toEqual([
      `edited the baseline of outcome '${first!.title}': ${cut(first!.baseline)} → (blank)`,
      `edited the target of outcome '${first!.title}': ${cut(first!.target)} → '85% stay out of care'`,
      `changed whether payment is linked to outcome '${first!.title}': ${paid(first!.linkedToPayment)} → ${paid(!first!.linkedToPayment)}`,
      `changed the tags of outcome '${first!.title}': ${first!.tags.join(", ") || "none"} → young people`,
    ]);
  });

  it("says what an indicator's field was and became", () => {
    const [first, ...rest] = PFP_FRAMEWORK.outcomes;
    const [ind, ...others] = first!.indicators;
    const after = { ...PFP_FRAMEWORK, outcomes: [{ ...first!, indicators: [{ ...ind!, target: "90" }, ...others] }, ...rest] };
    expect(text(frameworkActivity(PFP_FRAMEWORK, after))).toEqual([`edited the target of indicator '${ind!.title}' of outcome '${first!.title}': ${ind!.target ? `'${ind!.target}'` : "(blank)"} → '90'`]);
  });

  it("names added, removed and reordered outcomes and indicators", () => {
    const [a, b, ...rest] = PFP_FRAMEWORK.outcomes;
    const added = { ...a!, id: "new", title: "Attends school", indicators: [] };
    const after = { ...PFP_FRAMEWORK, outcomes: [b!, { ...a!, indicators: [...a!.indicators, { id: "i9", title: "Nights in care", definition: "", dataSource: "", baseline: "", target: "", source: "", sourceRef: "" }] }, added, ...rest.slice(1)] };
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
    const p0 = PFP_COMMITMENTS.partners[0]!;
    const s0 = PFP_PATHWAY[0]!;
    expect(text(referralActivity(PFP_DESIGN, after))).toEqual([
      "added the exclusion 'Already open to YOT'",
      `changed pathway step '${s0.title}': '${s0.title}'${s0.owner ? ` by ${s0.owner}` : ""} → '${s0.title}' by Clinic lead`,
      `changed ${p0.partner}'s referral commitment: at least ${p0.minimumPerYear} a year, ${p0.expectedPerYear} expected → at least ${p0.minimumPerYear + 5} a year, ${p0.expectedPerYear} expected`,
      `changed the rollover allowance: ${PFP_COMMITMENTS.rolloverPercent}% → 5%`,
    ]);
  });

  it("words a rule's change as the referral form would, before and after", () => {
    const after: ReferralDesign = structuredClone(PFP_DESIGN);
    const age = after.criteria.inclusions.find((r) => r.kind === "age-range")!;
    if (age.kind === "age-range") age.max = 15;
    expect(text(referralActivity(PFP_DESIGN, after))).toEqual([
      `changed the rule '${age.label}': '${age.label}' (Aged 11 to 16 (10 and 17 by exception).) → '${age.label}' (Aged 11 to 15 (10 and 16 to 17 by exception).)`,
    ]);
  });
});

describe("payment activity", () => {
  it("carries before → after on every value change: the tariff, a cap, the co-funder's share, the payers", () => {
    const tariff = PFP_PAYMENT_MODEL.components.find((c) => c.kind === "outcome-period")!;
    const after = structuredClone(PFP_PAYMENT_MODEL);
    const changed = after.components.find((c) => c.id === tariff.id)!;
    if (changed.kind === "outcome-period") changed.tariffPence = 24_000;
    after.invoicing.lagWeeks = 4;
    const lines = paymentChanges(PFP_PAYMENT_MODEL, after).map(describeChange);
    expect(lines).toContain(`changed the tariff of '${tariff.name}': £225.00 → £240.00`);
    expect(lines).toContain(`changed the default invoicing: monthly, ${PFP_PAYMENT_MODEL.invoicing.lagWeeks} weeks after each month ends → monthly, 4 weeks after each month ends`);
    for (const line of lines) expect(line).toContain(" → ");
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

  it("a run of edits to one value reads from its first value to its last; put back as it was, it is no line", () => {
    const buffer = new ActivityBuffer({ quietMs: 1000, maxMs: 60_000 });
    const typed = (from: string, to: string): ActivityChange => ({ subject: "outcome:o1", verb: "edited the target of", label: "outcome 'A'", from, to });
    buffer.add("grace", [typed("'80%'", "'8'")], 0);
    buffer.add("grace", [typed("'8'", "'85'")], 100);
    buffer.add("grace", [typed("'85'", "'85%'")], 200);
    expect(text(buffer.take(0, true))).toEqual(["edited the target of outcome 'A': '80%' → '85%'"]);
    buffer.add("grace", [typed("'80%'", "'8'")], 300);
    buffer.add("grace", [typed("'8'", "'80%'")], 400);
    expect(buffer.take(0, true)).toEqual([]);
  });

  it("closes a long-running line after maxMs so the feed is never far behind", () => {
    const buffer = new ActivityBuffer({ quietMs: 1000, maxMs: 3000 });
    for (let t = 0; t <= 3000; t += 100) buffer.add("grace", [edit("outcome 'A'")], t);
    expect(buffer.take(3000)).toHaveLength(1);
  });
});
