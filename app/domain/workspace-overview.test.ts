import { describe, expect, it } from "vitest";
import { PFP_COMMITMENTS, PFP_CRITERIA, PFP_FRAMEWORK, PFP_PATHWAY, PFP_VIGNETTES } from "./examples/pfp";
import { PFP_PAYMENT_MODEL, PFP_SCENARIOS } from "./examples/pfp-payment";
import { validateFramework } from "./outcome-framework";
import { overviewCards, type OverviewInput } from "./workspace-overview";

const empty: OverviewInput = {
  workspaceId: "w1",
  framework: { model: { ...PFP_FRAMEWORK, goal: "", outcomes: [] }, problems: [], latest: null },
  referral: { design: { criteria: { ...PFP_CRITERIA, inclusions: [], exclusions: [] }, pathway: [], commitments: { ...PFP_COMMITMENTS, partners: [] }, vignettes: [] }, problems: [], latest: null },
  payment: { design: { model: null, problems: [{ path: "", message: "No payment model yet." }], scenarios: [], scenarioIds: [] }, latest: null },
  notes: [],
};

describe("overviewCards", () => {
  it("says where each area of the PFP stands, with its latest published version, and links to it", () => {
    const cards = overviewCards({
      workspaceId: "w1",
      framework: { model: PFP_FRAMEWORK, problems: validateFramework(PFP_FRAMEWORK), latest: { name: "v2", createdAt: new Date("2026-03-03T10:00:00Z") } },
      referral: { design: { criteria: PFP_CRITERIA, pathway: PFP_PATHWAY, commitments: PFP_COMMITMENTS, vignettes: PFP_VIGNETTES }, problems: [], latest: null },
      payment: { design: { model: PFP_PAYMENT_MODEL, problems: [], scenarios: PFP_SCENARIOS, scenarioIds: PFP_SCENARIOS.map((_, i) => `s${i}`) }, latest: { name: "For tender", createdAt: new Date("2026-11-30T23:30:00Z") } },
      notes: [{ id: "n1", text: "Somewhere safe", colour: "yellow" }],
    });
    expect(cards.map((c) => [c.title, c.href])).toEqual([
      ["Outcome framework", "/workspaces/w1/outcomes"],
      ["Referral criteria", "/workspaces/w1/referral"],
      ["Payment model", "/workspaces/w1/payment"],
      ["Board", "/workspaces/w1/board"],
    ]);
    const linked = PFP_FRAMEWORK.outcomes.filter((o) => o.linkedToPayment).length;
    expect(cards[0]!.state[0]).toMatch(new RegExp(`^${PFP_FRAMEWORK.outcomes.length} outcomes, ${linked} linked to payment, \\d+ indicators\\.$`));
    expect(cards[0]!.published).toBe("Published 'v2' on 3 March 2026");
    expect(cards[1]!.state[0]).toBe(`${PFP_CRITERIA.inclusions.length} inclusion rules, ${PFP_CRITERIA.exclusions.length} exclusions, ${PFP_PATHWAY.length} pathway steps.`);
    expect(cards[1]!.published).toBe("No version published yet");
    expect(cards[2]!.state[0]).toBe("1 payment (1 outcome payment), 5 outcome payers and a co-funder.");
    // Dates are London dates: 23:30 UTC in November is 23:30 GMT, still the 30th.
    expect(cards[2]!.published).toBe("Published 'For tender' on 30 November 2026");
    expect(cards[3]!.state).toEqual(["1 note."]);
  });

  it("tells a new workspace what is not started, without calling it a problem; no card for areas the product lacks", () => {
    const cards = overviewCards(empty);
    expect(cards.map((c) => c.title)).not.toContain("Workshops");
    expect(cards.map((c) => c.title)).not.toContain("Bids");
    expect(cards[0]!.state).toEqual(["No outcomes yet."]);
    expect(cards[2]!.state).toEqual(["Not started: start it blank or from the PFP template."]);
    expect(cards[2]!.attention).toBeNull();
    expect(cards.some((c) => JSON.stringify(c).includes("Not available yet"))).toBe(false);
  });

  it("names what stands in the way of contracting", () => {
    const cards = overviewCards({ ...empty, referral: { ...empty.referral, problems: [{ severity: "error", path: "inclusions.0", message: "Rule 1 is incomplete: age." }] } });
    expect(cards[1]!.attention).toBe("1 problem to fix: Rule 1 is incomplete: age.");
  });
});
