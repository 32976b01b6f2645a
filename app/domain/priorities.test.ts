import { describe, expect, it } from "vitest";
import { describeGroupView, groupsFor, prioritiesByGroup, RATING_GROUPS, type Rating } from "./priorities";

describe("prioritiesByGroup", () => {
  const ratings: Rating[] = [
    { outcomeId: "care", group: "commissioner", score: 5 },
    { outcomeId: "care", group: "commissioner", score: 4 },
    { outcomeId: "care", group: "service-user", score: 2 },
    { outcomeId: "school", group: "commissioner", score: 3 },
    { outcomeId: "school", group: "service-user", score: 5 },
    { outcomeId: "wellbeing", group: "service-user", score: 5 },
  ];

  it("gives each group's mean, raters and rank, with ties sharing a rank", () => {
    const byId = Object.fromEntries(prioritiesByGroup(["care", "school", "wellbeing"], ratings).map((p) => [p.outcomeId, p]));
    expect(byId.care!.groups.commissioner).toEqual({ mean: 4.5, raters: 2, rank: 1 });
    expect(byId.school!.groups.commissioner).toEqual({ mean: 3, raters: 1, rank: 2 });
    expect(byId.school!.groups["service-user"]).toEqual({ mean: 5, raters: 1, rank: 1 });
    expect(byId.wellbeing!.groups["service-user"]).toEqual({ mean: 5, raters: 1, rank: 1 });
    expect(byId.care!.groups["service-user"].rank).toBe(3);
    expect(byId.wellbeing!.groups.investor).toEqual({ mean: null, raters: 0, rank: null });
  });

  it("orders outcomes by how far the groups disagree; one group alone has no spread", () => {
    const order = prioritiesByGroup(["wellbeing", "school", "care"], ratings);
    expect(order.map((p) => [p.outcomeId, p.spread])).toEqual([
      ["care", 2.5],
      ["school", 2],
      ["wellbeing", null],
    ]);
  });
});

describe("groupsFor and describeGroupView", () => {
  it("puts the reader's own group first, the rest in the usual order", () => {
    expect(groupsFor("service-user")).toEqual(["service-user", "commissioner", "provider", "investor"]);
    expect(groupsFor("investor")).toEqual(["investor", "commissioner", "provider", "service-user"]);
    expect(groupsFor("observer")).toEqual(["commissioner", "provider", "investor", "service-user"]);
    expect(groupsFor(null)).toEqual([...RATING_GROUPS]);
  });

  it("words a group's view for a phone", () => {
    expect(describeGroupView({ mean: 3.5, raters: 2, rank: 1 })).toBe("3.5 from 2 raters, ranked 1st");
    expect(describeGroupView({ mean: 4, raters: 1, rank: 12 })).toBe("4.0 from 1 rater, ranked 12th");
    expect(describeGroupView({ mean: 2, raters: 3, rank: 22 })).toBe("2.0 from 3 raters, ranked 22nd");
    expect(describeGroupView({ mean: null, raters: 0, rank: null })).toBe("Not rated yet");
  });
});
