import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { PFP_FRAMEWORK } from "./examples/pfp";
import { addDomain, addOutcome, addServiceQuality, OutcomeFrameworkSchema, readFramework, removeDomain, removeServiceQuality, updateOutcome, updateServiceQuality, validateFramework, WELL_BEING_DOMAINS, writeFramework } from "./outcome-framework";

describe("outcome domains and service qualities", () => {
  it("clusters outcomes under Lambeth's well-being domains and keeps service qualities with their source", () => {
    const doc = new Y.Doc();
    writeFramework(doc, PFP_FRAMEWORK);
    const ids = WELL_BEING_DOMAINS.map((title) => addDomain(doc, { title }));
    updateOutcome(doc, "pfp-wellbeing", { domainId: ids[3] });
    const q = addServiceQuality(doc, { title: "Workers listen and do not judge", source: "proposed by young people, workshop of 12 March 2026", sourceRef: "workshop:w1:t1" });
    const f = readFramework(doc);
    expect(f.domains.map((d) => d.title)).toEqual(WELL_BEING_DOMAINS);
    expect(f.outcomes.find((o) => o.id === "pfp-wellbeing")!.domainId).toBe(ids[3]);
    expect(f.serviceQualities).toEqual([{ id: q, title: "Workers listen and do not judge", description: "", source: "proposed by young people, workshop of 12 March 2026", sourceRef: "workshop:w1:t1" }]);
    expect(OutcomeFrameworkSchema.parse(f)).toEqual(f);
    expect(validateFramework(f)).toEqual([]);

    // A copy written from JSON (an import or a restore) keeps all of it.
    const copy = new Y.Doc();
    writeFramework(copy, JSON.parse(JSON.stringify(f)));
    expect(readFramework(copy)).toEqual(f);

    updateServiceQuality(doc, q, { description: "Seen by the same worker each time" });
    expect(readFramework(doc).serviceQualities[0]!.description).toBe("Seen by the same worker each time");
    removeDomain(doc, ids[3]!);
    expect(readFramework(doc).outcomes.find((o) => o.id === "pfp-wellbeing")!.domainId).toBe("");
    removeServiceQuality(doc, q);
    expect(readFramework(doc).serviceQualities).toEqual([]);
  });

  it("reads a framework from before domains and qualities as one with none", () => {
    const old = { schemaVersion: 1, goal: "g", outcomes: [{ id: "a", title: "A" }] };
    const parsed = OutcomeFrameworkSchema.parse(old);
    expect(parsed.domains).toEqual([]);
    expect(parsed.serviceQualities).toEqual([]);
    expect(parsed.outcomes[0]!.source).toBe("");
  });

  it("reports an untitled quality and an outcome whose domain is gone", () => {
    const doc = new Y.Doc();
    const id = addOutcome(doc, { title: "Feels safe", domainId: "gone" });
    addServiceQuality(doc, { title: " " });
    const messages = validateFramework(readFramework(doc)).map((p) => p.message);
    expect(messages).toContain("Service quality 1 has no title.");
    expect(messages).toContain("Outcome 'Feels safe' is in an outcome domain that was removed.");
    expect(id).toBeTruthy();
  });
});
