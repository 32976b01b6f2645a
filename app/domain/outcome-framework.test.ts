import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { PFP_FRAMEWORK } from "./examples/pfp";
import { addIndicator, addOutcome, moveOutcome, OutcomeFrameworkSchema, readFramework, removeIndicator, removeOutcome, setGoal, updateOutcome, validateFramework, writeFramework } from "./outcome-framework";

const sync = (a: Y.Doc, b: Y.Doc) => {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
};

describe("outcome framework on a Y.Doc", () => {
  it("round-trips the PFP framework, and the result is valid against the schema", () => {
    const doc = new Y.Doc();
    writeFramework(doc, PFP_FRAMEWORK);
    const read = readFramework(doc);
    expect(read).toEqual(PFP_FRAMEWORK);
    expect(OutcomeFrameworkSchema.parse(read)).toEqual(PFP_FRAMEWORK);
  });

  it("merges two people editing different words of the same description", () => {
    const a = new Y.Doc();
    const id = addOutcome(a, { title: "Stays out of care", description: "The young person lives at home." });
    const b = new Y.Doc();
    sync(a, b);
    updateOutcome(a, id, { description: "The young person lives safely at home." });
    updateOutcome(b, id, { description: "The young person lives at home, week after week." });
    sync(a, b);
    expect(readFramework(a).outcomes[0]!.description).toBe("The young person lives safely at home, week after week.");
    expect(readFramework(b)).toEqual(readFramework(a));
  });

  it("keeps an edit made to an outcome while someone else moves it", () => {
    const a = new Y.Doc();
    const first = addOutcome(a, { title: "First" });
    const second = addOutcome(a, { title: "Second" });
    const b = new Y.Doc();
    sync(a, b);
    moveOutcome(a, second, -1);
    updateOutcome(b, second, { linkedToPayment: true, tags: ["proposed by young people"] });
    sync(a, b);
    const outcomes = readFramework(b).outcomes;
    expect(outcomes.map((o) => o.id)).toEqual([second, first]);
    expect(outcomes[0]).toMatchObject({ linkedToPayment: true, tags: ["proposed by young people"] });
  });

  it("adds and removes indicators and outcomes", () => {
    const doc = new Y.Doc();
    setGoal(doc, "Fewer young people enter care");
    const id = addOutcome(doc, { title: "Stays out of care", measureType: "cumulative" });
    const ind = addIndicator(doc, id, { title: "Weeks not in care" })!;
    addIndicator(doc, id, { title: "Engaged 28 days" });
    removeIndicator(doc, id, ind);
    expect(readFramework(doc).outcomes[0]!.indicators.map((i) => i.title)).toEqual(["Engaged 28 days"]);
    expect(addIndicator(doc, "no-such-outcome", { title: "x" })).toBeNull();
    removeOutcome(doc, id);
    expect(readFramework(doc)).toEqual({ schemaVersion: 1, goal: "Fewer young people enter care", domains: [], outcomes: [], serviceQualities: [] });
  });

  it("reads a damaged document without throwing", () => {
    const doc = new Y.Doc();
    doc.getArray<string>("outcomeOrder").push(["ghost", "real", "real"]);
    const m = new Y.Map<unknown>();
    m.set("title", "Plain string title");
    m.set("measureType", "nonsense");
    doc.getMap<Y.Map<unknown>>("outcomes").set("real", m);
    const read = readFramework(doc);
    expect(read.outcomes).toHaveLength(1);
    expect(read.outcomes[0]).toMatchObject({ id: "real", title: "Plain string title", measureType: "binary", indicators: [], tags: [] });
  });
});

describe("validateFramework", () => {
  it("finds nothing wrong with the PFP framework", () => {
    expect(validateFramework(PFP_FRAMEWORK).filter((p) => p.severity === "error")).toEqual([]);
  });

  it("says which payment-linked outcome lacks what, in words a commissioner can act on", () => {
    const framework = { ...PFP_FRAMEWORK, outcomes: [{ ...PFP_FRAMEWORK.outcomes[0]!, dataSource: "", definition: " " }] };
    const messages = validateFramework(framework).map((p) => `${p.severity}: ${p.message}`);
    expect(messages).toContain("error: Outcome 'Stays out of care' is linked to payment but has no data source.");
    expect(messages).toContain("error: Outcome 'Stays out of care' is linked to payment but has no precise definition.");
  });

  it("flags a progression measure without a baseline, duplicate titles, no payment outcome and no goal", () => {
    const base = PFP_FRAMEWORK.outcomes[1]!;
    const problems = validateFramework({ schemaVersion: 1, goal: "", domains: [], serviceQualities: [], outcomes: [{ ...base, baseline: "" }, { ...base, id: "dup" }] });
    expect(problems).toEqual(
      expect.arrayContaining([
        { severity: "warning", path: "goal", message: "The framework has no goal statement yet." },
        { severity: "warning", path: "outcomes", message: "No outcome is linked to payment yet." },
        { severity: "error", path: "outcomes.0.baseline", message: "Outcome 'Mental health and wellbeing' measures progression from a starting point but has no baseline." },
        { severity: "warning", path: "outcomes.1.title", message: "Outcome 'Mental health and wellbeing' has the same title as outcome 1." },
      ]),
    );
  });
});
