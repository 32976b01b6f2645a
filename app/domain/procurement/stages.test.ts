import { describe, expect, it } from "vitest";
import { addWorkingDays, DAY_MS, answersOpen, decideExtension, decideMove, enquiryState, nextStage, STAGES, stagesOf, timelineProblems, type ProcurementClock, type Stage } from "./stages";

const day = (n: number, hour = 12) => new Date(Date.UTC(2027, 0, 1 + n, hour)).toISOString();
const flexible: ProcurementClock = {
  procedure: "competitive-flexible",
  shape: "dialogue",
  lightTouch: true,
  stage: "preliminary-market-engagement",
  title: "Edge of care",
  summary: "MST and FFT",
  timeline: { "tender-notice": day(0), shortlist: day(14), dialogue: day(20), clarification: day(40), enquiryEndsAt: day(50), clarificationsUntil: day(52), "bid-deadline": day(60), contract: day(90) },
};

describe("stages", () => {
  it("each procedure has its own stages, in order", () => {
    expect(stagesOf({ procedure: "open", shape: null })).toEqual(["preliminary-market-engagement", "tender-notice", "clarification", "bid-deadline", "evaluation", "award-decision", "standstill", "contract"]);
    expect(stagesOf({ procedure: "competitive-flexible", shape: "restricted" })).not.toContain("dialogue");
    expect(stagesOf({ procedure: "competitive-flexible", shape: "dialogue" })).toEqual([...STAGES]);
  });

  it("over every pair of stages, only the next one is allowed, never back, never skipped", () => {
    const stages = stagesOf(flexible);
    const late = new Date(day(200));
    for (const from of stages) {
      for (const to of STAGES) {
        const p = { ...flexible, stage: from, timeline: { ...flexible.timeline, standstill: day(100), contract: day(120) } };
        const decision = decideMove(p, to, late);
        if (to === nextStage(p, from)) expect(decision, `${from} → ${to}`).toEqual({ ok: true, to });
        else expect(decision.ok, `${from} → ${to}`).toBe(false);
      }
    }
  });

  it("says why, in words", () => {
    const open = { ...flexible, procedure: "open" as const, shape: null };
    expect(decideMove(open, "dialogue", new Date(day(0)))).toEqual({ ok: false, reason: "A open procedure has no “Dialogue” stage." });
    expect(decideMove({ ...flexible, stage: "clarification" }, "tender-notice", new Date(day(0)))).toMatchObject({ ok: false, reason: expect.stringContaining("only move forward") });
    expect(decideMove(flexible, "shortlist", new Date(day(0)))).toMatchObject({ ok: false, reason: expect.stringContaining("not skipped") });
    expect(decideMove({ ...flexible, title: " " }, "tender-notice", new Date(day(0)))).toMatchObject({ ok: false, reason: expect.stringContaining("title and a summary") });
  });

  it("bids close at the deadline on the server's clock, not before", () => {
    const p = { ...flexible, stage: "clarification" as Stage };
    expect(decideMove(p, "bid-deadline", new Date(Date.parse(day(60)) - 1))).toEqual({ ok: false, reason: "Bids close 2027-03-02 12:00 UK time; it is now 2027-03-02 11:59 UK time." });
    expect(decideMove(p, "bid-deadline", new Date(day(60)))).toEqual({ ok: true, to: "bid-deadline" });
  });

  it("checks the minimum periods: tender, participation, clarification lead time, standstill", () => {
    expect(timelineProblems(flexible, flexible.timeline)).toEqual([]);
    const standard = { ...flexible, lightTouch: false };
    expect(timelineProblems(standard, flexible.timeline)).toEqual([
      "Bidders need at least 25 days from “Bids being prepared (clarification period)” to the bid deadline; this plan gives 20.",
      "Organisations need at least 25 days to confirm interest before the shortlist; this plan gives 14.",
    ]);
    expect(timelineProblems(flexible, { ...flexible.timeline, clarificationsUntil: day(57) })).toEqual(["Answer clarifications at least 6 days before the bid deadline, so every bidder can use them."]);
    expect(timelineProblems(flexible, { ...flexible.timeline, clarificationsUntil: day(49) })).toEqual(["“Clarifications until” must not be before the end of the enquiry period: questions asked at the end still need answers."]);
    // 2027-01-01 is a Friday: 8 working days later is Wednesday 13 January.
    expect(addWorkingDays(new Date(day(0)), 8).toISOString()).toBe("2027-01-13T12:00:00.000Z");
    expect(timelineProblems(flexible, { standstill: day(0), contract: day(11) })).toEqual(["Standstill lasts at least 8 working days before the contract is signed."]);
    expect(timelineProblems(flexible, { standstill: day(0), contract: day(12) })).toEqual([]);
    expect(timelineProblems(flexible, { shortlist: day(5), "tender-notice": day(6) })[0]).toContain("must come after");
  });

  it("a tender notice needs the enquiry dates and the deadline", () => {
    const p = { ...flexible, timeline: {} };
    expect(decideMove(p, "tender-notice", new Date(day(0)))).toMatchObject({ ok: false, reason: expect.stringContaining("Set the date for “Shortlist”") });
  });

  it("the enquiry period opens with the tender notice and closes at its end", () => {
    expect(enquiryState(flexible, new Date(day(1)))).toMatchObject({ open: false, reason: expect.stringContaining("open with the tender notice") });
    const tendering = { ...flexible, stage: "clarification" as Stage };
    expect(enquiryState(tendering, new Date(day(49)))).toEqual({ open: true, endsAt: day(50) });
    expect(enquiryState(tendering, new Date(day(50)))).toEqual({ open: false, reason: "The enquiry period closed on 2027-02-20 12:00 UK time. No new questions can be asked." });
    expect(answersOpen(tendering, new Date(day(51)))).toEqual({ open: true });
    expect(answersOpen(tendering, new Date(day(52)))).toMatchObject({ open: false });
    expect(enquiryState({ ...flexible, stage: "evaluation" }, new Date(day(49)))).toMatchObject({ open: false, reason: expect.stringContaining("Bids have closed") });
  });

  it("extends the deadline only later, only while bids are open, moving later dates with it", () => {
    const p = { ...flexible, stage: "clarification" as Stage, timeline: { ...flexible.timeline, evaluation: day(61) } };
    const now = new Date(day(45));
    expect(decideExtension(p, new Date(day(59)), now)).toMatchObject({ ok: false, reason: expect.stringContaining("after the current one") });
    const ok = decideExtension(p, new Date(day(67)), now);
    expect(ok).toMatchObject({ ok: true, timeline: { "bid-deadline": day(67), evaluation: day(68), contract: day(97) } });
    expect(decideExtension({ ...p, stage: "evaluation" }, new Date(day(67)), now)).toEqual({ ok: false, reason: "Bids have already closed." });
  });
});

describe("UK time", () => {
  it("reads and shows dates as London wall-clock time, across the clock changes", async () => {
    const { fromLondonLocal, toLondonLocal, formatInstant } = await import("./stages");
    expect(fromLondonLocal("2027-01-15T09:30")).toBe("2027-01-15T09:30:00.000Z");
    expect(fromLondonLocal("2027-07-15T09:30")).toBe("2027-07-15T08:30:00.000Z");
    expect(toLondonLocal("2027-07-15T08:30:00.000Z")).toBe("2027-07-15T09:30");
    expect(formatInstant("2027-07-15T23:30:00.000Z")).toBe("2027-07-16 00:30 UK time");
    // 28 March 2027: clocks go forward at 01:00 GMT.
    expect(fromLondonLocal("2027-03-28T00:30")).toBe("2027-03-28T00:30:00.000Z");
    expect(fromLondonLocal("2027-03-28T02:30")).toBe("2027-03-28T01:30:00.000Z");
  });
});

describe("moving on after stages that started at the same moment", () => {
  it("lets the contract follow an award whose decision and standstill began together", () => {
    const at = (d: number) => new Date(Date.UTC(2027, 0, 1) + d * DAY_MS).toISOString();
    const p = {
      procedure: "open" as const,
      shape: null,
      lightTouch: true,
      title: "T",
      summary: "S",
      stage: "standstill" as const,
      // Opening the bids closed them and began evaluation at one instant; so did the award and the standstill.
      timeline: { "tender-notice": at(0), enquiryEndsAt: at(10), clarificationsUntil: at(12), "bid-deadline": at(20), evaluation: at(20), "award-decision": at(30), standstill: at(30), contract: at(45) },
    };
    expect(decideMove(p, "contract", new Date(at(46)))).toEqual({ ok: true, to: "contract" });
    // A planned date still has to come after the one before it.
    expect(decideMove({ ...p, stage: "award-decision", timeline: { ...p.timeline, standstill: at(29) } }, "standstill", new Date(at(31))).ok).toBe(false);
  });
});
