import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { PFP_HIGH_SCENARIO, PFP_MEDIAN_SCENARIO, PFP_PAYMENT_MODEL } from "../examples/pfp-payment";
import { copyName, readPaymentDesign, removeScenario, setScenario, updateComponent, writePaymentDesign } from "./design";

describe("payment design on a Y.Doc", () => {
  it("round-trips the PFP model and scenarios", () => {
    const doc = new Y.Doc();
    writePaymentDesign(doc, PFP_PAYMENT_MODEL, [PFP_MEDIAN_SCENARIO, PFP_HIGH_SCENARIO]);
    expect(readPaymentDesign(doc)).toEqual({ model: PFP_PAYMENT_MODEL, problems: [], scenarios: [PFP_MEDIAN_SCENARIO, PFP_HIGH_SCENARIO], scenarioIds: ["s1", "s2"] });
  });

  it("merges two people's edits to different fields, and reports a bad value by path", () => {
    const a = new Y.Doc();
    writePaymentDesign(a, PFP_PAYMENT_MODEL, []);
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    updateComponent(a, "out-of-care", { tariffPence: 24_000 });
    updateComponent(b, "out-of-care", { minEngagementDays: 21 });
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    const c = readPaymentDesign(a).model!.components[0]!;
    expect(c).toMatchObject({ tariffPence: 24_000, minEngagementDays: 21 });
    updateComponent(a, "out-of-care", { tariffPence: 240.5 });
    const bad = readPaymentDesign(a);
    expect(bad.model).toBeNull();
    expect(bad.problems).toEqual([{ path: "components.0.tariffPence", message: "Whole pence only" }]);
  });

  it("says there is no model in an empty document", () => {
    expect(readPaymentDesign(new Y.Doc()).problems[0]!.message).toBe("No payment model yet.");
  });
});

describe("applyModelChange", () => {
  it("writes only what changed, so concurrent edits to other fields survive", async () => {
    const { applyModelChange } = await import("./design");
    const a = new Y.Doc();
    writePaymentDesign(a, PFP_PAYMENT_MODEL, []);
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const tariff = structuredClone(PFP_PAYMENT_MODEL);
    (tariff.components[0] as { tariffPence: number }).tariffPence = 24_000;
    applyModelChange(a, PFP_PAYMENT_MODEL, tariff);
    const lag = structuredClone(PFP_PAYMENT_MODEL);
    lag.invoicing = { ...lag.invoicing, lagWeeks: 4 };
    applyModelChange(b, PFP_PAYMENT_MODEL, lag);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    const merged = readPaymentDesign(a).model!;
    expect(merged.invoicing.lagWeeks).toBe(4);
    expect(merged.components[0]).toMatchObject({ tariffPence: 24_000 });
  });

  it("adds a copy of a scenario under a new name and removes one, merging with someone else's edit", () => {
    const a = new Y.Doc();
    writePaymentDesign(a, PFP_PAYMENT_MODEL, [PFP_MEDIAN_SCENARIO, PFP_HIGH_SCENARIO]);
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const names = readPaymentDesign(a).scenarios.map((s) => s.name);
    setScenario(a, "x1", { ...PFP_MEDIAN_SCENARIO, name: copyName(PFP_MEDIAN_SCENARIO.name, names) });
    removeScenario(b, "s2");
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    const design = readPaymentDesign(a);
    expect(design.scenarioIds).toEqual(["s1", "x1"]);
    expect(design.scenarios[1]!.name).toBe(`${PFP_MEDIAN_SCENARIO.name} (copy)`);
    expect(copyName("Median", ["Median", "median (copy)"])).toBe("Median (copy 2)");
  });
});
