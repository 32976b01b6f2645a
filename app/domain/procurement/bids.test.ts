import { describe, expect, it } from "vitest";
import type { Role } from "../roles";
import { bidAccess, canonicalJson, openingDecision, submissionWindow, type BidClock, type BidViewer } from "./bids";
import type { ProcurementClock } from "./stages";

const deadline = "2027-03-09T12:00:00.000Z";
const procurement: ProcurementClock = {
  procedure: "competitive-flexible", shape: "restricted", lightTouch: true, stage: "clarification", title: "T", summary: "S",
  timeline: { "bid-deadline": deadline },
};
const before = new Date("2027-03-09T11:59:59.999Z");
const after = new Date(deadline);
const bid = { id: "b1", partnerOrganisationIds: ["bridges", "pfp"], submitted: true };
const viewer = (role: Role, organisationId: string | null, evaluator: BidViewer["evaluator"] = null): BidViewer => ({ userId: "u", role, organisationId, evaluator });
const clock = (now: Date, bidsOpenedAt: string | null = null, stage = procurement.stage): BidClock => ({ procurement: { ...procurement, stage }, bidsOpenedAt, now });

describe("bidAccess", () => {
  it("before opening only the consortium reads a bid: commissioners, evaluators and rivals see nothing", () => {
    for (const v of [viewer("commissioner", "sutton"), viewer("facilitator", "gla"), viewer("provider", "rival"), viewer("evaluator", "ecorys", { declared: true, conflictBidIds: [] }), viewer("observer", null)]) {
      expect(bidAccess(v, bid, clock(before)).read).toBe(false);
      expect(bidAccess(v, bid, clock(after)).read).toBe(false);
    }
    expect(bidAccess(viewer("investor", "bridges"), bid, clock(before)).read).toBe(true);
    // A commissioner who happens to share an organisation id with a partner is not a bidder.
    expect(bidAccess(viewer("commissioner", "pfp"), bid, clock(before)).read).toBe(false);
  });

  it("the consortium writes only before the deadline, and only while the bid is not submitted", () => {
    const v = viewer("provider", "pfp");
    expect(bidAccess(v, { ...bid, submitted: false }, clock(before)).write).toBe(true);
    expect(bidAccess(v, bid, clock(before)).write).toBe(false);
    expect(bidAccess(v, { ...bid, submitted: false }, clock(after)).write).toBe(false);
  });

  it("after opening a named evaluator reads a bid once declared, unless they declared a conflict with it", () => {
    const opened = clock(after, deadline, "evaluation");
    expect(bidAccess(viewer("evaluator", "ecorys", { declared: false, conflictBidIds: [] }), bid, opened).read).toBe(false);
    expect(bidAccess(viewer("evaluator", "ecorys", { declared: true, conflictBidIds: [] }), bid, opened).read).toBe(true);
    expect(bidAccess(viewer("evaluator", "ecorys", { declared: true, conflictBidIds: ["b1"] }), bid, opened).read).toBe(false);
    expect(bidAccess(viewer("commissioner", "sutton"), bid, opened).read).toBe(false);
    expect(bidAccess(viewer("commissioner", "sutton", { declared: true, conflictBidIds: [] }), bid, opened).read).toBe(true);
  });
});

describe("the deadline, by the server's clock", () => {
  it("submission is open to the last millisecond before the deadline and closed at it", () => {
    expect(submissionWindow(procurement, before).open).toBe(true);
    const closed = submissionWindow(procurement, after);
    expect(closed.open).toBe(false);
    expect(!closed.open && closed.reason).toBe("Bids closed at 2027-03-09 12:00 UK time; it is now 2027-03-09 12:00 UK time.");
    expect(submissionWindow({ ...procurement, stage: "shortlist" }, before).open).toBe(false);
  });

  it("bids open only after the deadline, and only once", () => {
    expect(openingDecision(procurement, null, before)).toMatchObject({ ok: false });
    expect(openingDecision(procurement, null, after)).toEqual({ ok: true });
    expect(openingDecision(procurement, deadline, after)).toMatchObject({ ok: false });
  });
});

describe("canonicalJson", () => {
  it("orders keys by code point at every depth, so equal content hashes equally", () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: "é" } })).toBe('{"a":{"c":"é","d":[1,{"y":2,"z":1}]},"b":1}');
  });
});
