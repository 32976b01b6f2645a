import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ballotProblem, ballotRows, bordaTally, dotsTally, reactTally, scaleTally, sortTally, suggestedTheme } from "./tallies";

const targets = new Set(["a", "b", "c"]);

describe("counting a workshop's votes", () => {
  it("refuses more dots than the activity gives, unknown targets, a finished activity and a repeated rank", () => {
    expect(ballotProblem({ kind: "dots", prompt: "p", dots: 3 }, { kind: "dots", dots: { a: 2, b: 2 } }, targets)).toBe("You have 3 dots. Take some off first.");
    expect(ballotProblem({ kind: "dots", prompt: "p", dots: 3 }, { kind: "dots", dots: { a: 2, b: 1 } }, targets)).toBeNull();
    expect(ballotProblem({ kind: "dots", prompt: "p", dots: 3 }, { kind: "dots", dots: { z: 1 } }, targets)).toMatch(/not there any more/);
    expect(ballotProblem({ kind: "cards", prompt: "p" }, { kind: "dots", dots: { a: 1 } }, targets)).toMatch(/finished/);
    expect(ballotProblem({ kind: "rank", prompt: "p" }, { kind: "rank", order: ["a", "a"] }, targets)).toMatch(/once/);
  });

  it("gives Borda points: first of n gets n-1", () => {
    const tally = bordaTally([ballotRows({ kind: "rank", order: ["a", "b", "c"] }), ballotRows({ kind: "rank", order: ["b", "a", "c"] })]);
    expect(Object.fromEntries(tally)).toEqual({ a: 3, b: 3, c: 0 });
  });

  it("averages a 1-5 scale exactly, in hundredths", () => {
    const s = scaleTally([ballotRows({ kind: "scale", scores: { a: 5 } }), ballotRows({ kind: "scale", scores: { a: 4 } }), ballotRows({ kind: "scale", scores: { a: 4 } })]);
    expect(s.get("a")).toEqual({ count: 3, meanHundredths: 433, counts: [0, 0, 0, 2, 1] });
  });

  it("counts reactions by emoji", () => {
    expect(Object.fromEntries(reactTally([ballotRows({ kind: "react", reactions: { a: "👍" } }), ballotRows({ kind: "react", reactions: { a: "👍", b: "🤔" } })]))).toEqual({ a: { "👍": 2 }, b: { "🤔": 1 } });
  });

  it("never counts more dots than were given (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.dictionary(fc.constantFrom("a", "b", "c"), fc.integer({ min: 0, max: 5 })), { maxLength: 30 }), fc.integer({ min: 1, max: 10 }), (ballots, dots) => {
        const accepted = ballots.filter((d) => ballotProblem({ kind: "dots", prompt: "p", dots }, { kind: "dots", dots: d }, targets) === null);
        const total = [...dotsTally(accepted.map((d) => ballotRows({ kind: "dots", dots: d }))).values()].reduce((a, b) => a + b, 0);
        expect(total).toBeLessThanOrEqual(accepted.length * dots);
      }),
    );
  });
});

describe("sorting by phones", () => {
  it("counts which theme each phone put a card in, and suggests the leader unless it is a tie", () => {
    const rows = [ballotRows({ kind: "sort", themes: { c1: "t1", c2: "t2" } }), ballotRows({ kind: "sort", themes: { c1: "t1", c2: "t1" } }), ballotRows({ kind: "sort", themes: { c1: "t2" } })];
    const tally = sortTally(rows);
    expect(tally.get("c1")).toEqual({ t1: 2, t2: 1 });
    expect(suggestedTheme(tally.get("c1"))).toEqual({ themeId: "t1", votes: 2, of: 3 });
    expect(suggestedTheme(tally.get("c2"))).toBeNull();
    expect(ballotProblem({ kind: "sort", prompt: "p" }, { kind: "sort", themes: { a: "no-such-theme" } }, targets, new Set(["t1"]))).toMatch(/not there any more/);
    expect(ballotProblem({ kind: "sort", prompt: "p" }, { kind: "sort", themes: { a: "t1" } }, targets, new Set(["t1"]))).toBeNull();
  });
});
