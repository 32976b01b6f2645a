import { describe, expect, it } from "vitest";
import { fleissKappa, partnerAgreement, type Vote } from "./agreement";

describe("fleissKappa", () => {
  it("matches the textbook value (Fleiss 1971 layout, two categories)", () => {
    // 5 subjects, 4 raters: computed by hand: P̄ = 0.6, Pe = 0.52, κ = 0.1667.
    const counts: [number, number][] = [[4, 0], [2, 2], [3, 1], [1, 3], [0, 4]];
    const pBar = (1 + 1 / 3 + 0.5 + 0.5 + 1) / 5;
    const pe = 0.5 ** 2 + 0.5 ** 2;
    expect(fleissKappa(counts)).toBeCloseTo((pBar - pe) / (1 - pe), 10);
  });

  it("is 1 for complete agreement and negative for systematic disagreement", () => {
    expect(fleissKappa([[3, 0], [0, 3], [3, 0]])).toBeCloseTo(1);
    expect(fleissKappa([[1, 1], [1, 1], [1, 1]])).toBeLessThan(0);
  });

  it("cannot be computed with fewer than two raters or unequal raters", () => {
    expect(fleissKappa([[1, 0]])).toBeNull();
    expect(fleissKappa([[2, 0], [1, 0]])).toBeNull();
    expect(fleissKappa([])).toBeNull();
  });
});

describe("partnerAgreement", () => {
  const partners = ["Sutton", "Merton", "Newham"];
  const votes = (vignetteId: string, judgements: Record<string, ("refer" | "not-refer")[]>): Vote[] =>
    Object.entries(judgements).flatMap(([partner, js]) => js.map((judgement) => ({ vignetteId, partner, judgement })));

  it("takes each partner's majority, shows the most disputed vignette first, and leaves split partners out of kappa", () => {
    const all = [
      ...votes("v1", { Sutton: ["refer", "refer"], Merton: ["refer"], Newham: ["refer", "not-refer", "refer"] }),
      ...votes("v2", { Sutton: ["refer"], Merton: ["not-refer", "not-refer"], Newham: ["not-refer"] }),
      ...votes("v3", { Sutton: ["refer", "not-refer"], Merton: ["refer"], Newham: ["refer"] }),
    ];
    const summary = partnerAgreement(["v1", "v2", "v3"], partners, all);
    expect(summary.vignettes[0]!.partners.map((p) => p.decision)).toEqual(["refer", "refer", "refer"]);
    expect(summary.vignettes[1]!.agreement).toBeCloseTo(1 / 3);
    expect(summary.excluded).toEqual(["v3"]);
    expect(summary.mostDisputed[0]).toBe("v2");
    expect(summary.kappa).toBeCloseTo(fleissKappa([[3, 0], [1, 2]])!, 10);
  });
});
