import { describe, expect, it } from "vitest";
import { checkChoice, choiceFromForm, PollCreateSchema, tally } from "./polls";

const options = ["Up to 50%", "50% to 75%", "All of it"];
const form = (entries: [string, string][]) => {
  const f = new FormData();
  for (const [k, v] of entries) f.append(k, v);
  return f;
};

describe("polls", () => {
  it("checks each kind of answer, in words", () => {
    expect(checkChoice({ kind: "single", options }, [1])).toEqual({ ok: true, choice: [1] });
    expect(checkChoice({ kind: "single", options }, [0, 1])).toEqual({ ok: false, error: "Choose one option." });
    expect(checkChoice({ kind: "multiple", options }, [2, 0, 2])).toEqual({ ok: true, choice: [0, 2] });
    expect(checkChoice({ kind: "multiple", options }, [3])).toEqual({ ok: false, error: "Choose from the options given." });
    expect(checkChoice({ kind: "scale", options: [] }, [6])).toEqual({ ok: false, error: "Choose a point from 1 to 5." });
    expect(checkChoice({ kind: "ranking", options }, [2, 0, 1])).toEqual({ ok: true, choice: [2, 0, 1] });
    expect(checkChoice({ kind: "ranking", options }, [2, 2, 1])).toEqual({ ok: false, error: "Give every option a different place, from 1 to 3." });
  });

  it("tallies: counts, a scale's mean, Borda points for a ranking", () => {
    expect(tally({ kind: "single", options }, [[0], [1], [1]]).counts.map((c) => c.count)).toEqual([1, 2, 0]);
    expect(tally({ kind: "scale", options: [] }, [[4], [5], [5]])).toMatchObject({ responses: 3, meanTenths: 47 });
    expect(tally({ kind: "ranking", options }, [[2, 0, 1], [0, 2, 1]]).counts.map((c) => c.count)).toEqual([3, 0, 3]);
  });

  it("reads a no-JavaScript form: rank places per option", () => {
    expect(choiceFromForm({ kind: "ranking", options }, form([["rank-0", "2"], ["rank-1", "3"], ["rank-2", "1"]]))).toEqual([2, 0, 1]);
    expect(choiceFromForm({ kind: "ranking", options }, form([["rank-0", "1"], ["rank-1", "1"], ["rank-2", "2"]]))).toEqual([]);
    expect(choiceFromForm({ kind: "multiple", options }, form([["choice", "0"], ["choice", "x"]]))).toEqual([0, -1]);
  });

  it("a new poll needs distinct options, except a scale", () => {
    expect(PollCreateSchema.safeParse({ question: "Q?", kind: "single", options: "A\nA" }).error?.issues[0]?.message).toBe("Each option must be different.");
    expect(PollCreateSchema.parse({ question: "How fair is the cap?", kind: "scale", options: "ignored" })).toEqual({ question: "How fair is the cap?", kind: "scale", options: [], anonymous: false });
  });
});
