import { describe, expect, it } from "vitest";
import { PFP_COMMITMENTS } from "./examples/pfp";
import { summariseCommitments } from "./referral-commitments";

describe("summariseCommitments", () => {
  it("shows the PFP boroughs' totals, who falls short and that surpluses balance the shortfall", () => {
    const s = summariseCommitments(PFP_COMMITMENTS);
    expect(s.totalMinimum).toBe(110);
    expect(s.totalExpected).toBe(109);
    expect(s.partners.map((p) => [p.partner.replace("London Borough of ", ""), p.shortfall, p.status])).toEqual([
      ["Sutton", 0, "met"],
      ["Merton", 2, "within-rollover"],
      ["Bexley", 0, "met"],
      ["Newham", 0, "met"],
      ["Tower Hamlets", 5, "short"],
    ]);
    // Shortfalls 7, surpluses 6: 1 left, within 10% of 110 rolled over.
    expect(s.shortfallAfterBalancing).toBe(1);
    expect(s.status).toBe("within-rollover");
  });

  it("without balancing, one partner short makes the partnership short", () => {
    expect(summariseCommitments({ ...PFP_COMMITMENTS, balanceAcrossPartners: false })).toMatchObject({ shortfallAfterBalancing: 7, status: "short" });
  });

  it("rounds rollover allowances down to whole referrals", () => {
    const s = summariseCommitments({ partners: [{ id: "a", partner: "A", minimumPerYear: 19, expectedPerYear: 18 }], rolloverPercent: 5, balanceAcrossPartners: false });
    expect(s.partners[0]).toMatchObject({ rolloverAllowance: 0, status: "short" });
  });
});
