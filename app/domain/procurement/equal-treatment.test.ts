import { describe, expect, it } from "vitest";
import { equalTreatmentReport, type PartyRef, type PublishedItem } from "./equal-treatment";

const parties: PartyRef[] = [
  { id: "a", number: 1, name: "A", registeredAt: "2027-01-01T00:00:00.000Z" },
  { id: "b", number: 2, name: "B", registeredAt: "2027-01-01T00:00:00.000Z" },
  { id: "c", number: 3, name: "C", registeredAt: "2027-02-01T00:00:00.000Z" },
];
const item = (key: string, over: Partial<PublishedItem> = {}): PublishedItem => ({ key, kind: "answer", label: key, publishedAt: "2027-01-10T10:00:00.000Z", onlyFor: null, ...over });

describe("equal treatment", () => {
  it("no flags when every party has every item, a late party at its registration", () => {
    const report = equalTreatmentReport(parties, [item("x")], [
      { partyId: "a", itemKey: "x", at: "2027-01-10T10:00:00.000Z" },
      { partyId: "b", itemKey: "x", at: "2027-01-10T10:00:00.000Z" },
      { partyId: "c", itemKey: "x", at: "2027-02-01T00:00:00.000Z" },
    ]);
    expect(report.flags).toBe(0);
  });

  it("flags what one party did not get, and what came much later to one", () => {
    const report = equalTreatmentReport(parties, [item("x"), item("y")], [
      { partyId: "a", itemKey: "x", at: "2027-01-10T10:00:00.000Z" },
      { partyId: "c", itemKey: "x", at: "2027-02-01T00:00:00.000Z" },
      { partyId: "a", itemKey: "y", at: "2027-01-10T10:00:00.000Z" },
      { partyId: "b", itemKey: "y", at: "2027-01-12T10:00:00.000Z" },
      { partyId: "c", itemKey: "y", at: "2027-02-01T00:00:00.000Z" },
    ]);
    expect(report.rows.map((r) => r.flag)).toEqual(["Not received by Organisation 2.", "Not received by every party at the same moment."]);
    expect(report.flags).toBe(2);
  });

  it("a confidential answer to one party is shown, with its reason, and not counted as unequal; a leak to another is", () => {
    const ok = equalTreatmentReport(parties, [item("p", { onlyFor: "a" })], [{ partyId: "a", itemKey: "p", at: "2027-01-10T10:00:00.000Z" }]);
    expect(ok.rows[0]!.flag).toContain("commercially confidential");
    expect(ok.flags).toBe(0);
    const leak = equalTreatmentReport(parties, [item("p", { onlyFor: "a" })], [{ partyId: "a", itemKey: "p", at: "2027-01-10T10:00:00.000Z" }, { partyId: "b", itemKey: "p", at: "2027-01-10T10:00:00.000Z" }]);
    expect(leak.rows[0]!.flag).toBe("Meant for one party, but also received by Organisation 2.");
    expect(leak.flags).toBe(1);
  });
});
