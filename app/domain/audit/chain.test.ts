import { describe, expect, it } from "vitest";
import { entryHash, GENESIS, sealedValue, verifyChain, type AuditEntry } from "./chain";

function chainOf(n: number, chain = "workspace:w1"): AuditEntry[] {
  const out: AuditEntry[] = [];
  let prevHash = GENESIS;
  for (let seq = 1; seq <= n; seq++) {
    const facts = { at: new Date(Date.UTC(2027, 0, seq)).toISOString(), actorKind: "user" as const, actorId: `u${seq}`, actorName: `Person ${seq}`, action: "procurement.stage", subject: "procurement:p1", before: `"s${seq - 1}"`, after: `"s${seq}"` };
    const placed = { ...facts, chain, seq, prevHash };
    const hash = entryHash(placed);
    out.push({ ...placed, id: `e${seq}`, hash });
    prevHash = hash;
  }
  return out;
}

describe("verifyChain", () => {
  it("verifies an untouched chain and reports its head", () => {
    const rows = chainOf(5);
    const check = verifyChain("workspace:w1", rows);
    expect(check.problem).toBeNull();
    expect(check.entries).toBe(5);
    expect(check.head).toBe(rows[4]!.hash);
  });

  it("names the edited entry", () => {
    const rows = chainOf(5);
    rows[2] = { ...rows[2]!, after: `"contract"` };
    expect(verifyChain("workspace:w1", rows).problem).toMatchObject({ kind: "edited", seq: 3, id: "e3" });
  });

  it("names an edited entry whose hash was recomputed to hide the edit", () => {
    const rows = chainOf(5);
    const forged = { ...rows[1]!, actorName: "Someone else" };
    rows[1] = { ...forged, hash: entryHash(forged) };
    expect(verifyChain("workspace:w1", rows).problem).toMatchObject({ kind: "edited", seq: 2, id: "e2" });
  });

  it("names a deleted entry", () => {
    const rows = chainOf(5).filter((r) => r.seq !== 4);
    expect(verifyChain("workspace:w1", rows).problem).toMatchObject({ kind: "deleted", seq: 4 });
  });

  it("names a reordered entry", () => {
    const rows = chainOf(5);
    // Swap the positions of entries 2 and 3, keeping everything else.
    const a = rows[1]!;
    const b = rows[2]!;
    rows[1] = { ...b, seq: 2 };
    rows[2] = { ...a, seq: 3 };
    const problem = verifyChain("workspace:w1", rows).problem;
    expect(problem?.kind).toBe("reordered");
    expect(problem?.seq).toBe(2);
    expect(problem?.id).toBe("e3");
  });

  it("sees a chain cut short against a head printed earlier", () => {
    const rows = chainOf(5);
    const printed = rows[4]!.hash;
    expect(verifyChain("workspace:w1", rows.slice(0, 4), printed).problem).toMatchObject({ kind: "truncated", seq: 5 });
    expect(verifyChain("workspace:w1", rows, printed).problem).toBeNull();
  });

  it("keeps only a hash of a sealed value", () => {
    const sealed = sealedValue({ score: 4, justification: "Strong on outcomes" });
    expect(sealed).toMatch(/^\{"sha256":"[0-9a-f]{64}"\}$/);
    expect(sealed).not.toContain("Strong");
  });
});
