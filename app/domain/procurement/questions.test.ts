import { describe, expect, it } from "vitest";
import { byVotes, questionActionAllowed, viewQuestion, type QuestionRecord } from "./questions";

const q = (over: Partial<QuestionRecord> = {}): QuestionRecord => ({
  id: "q1",
  source: "clarification",
  status: "pending",
  confidentiality: "none",
  anonymous: true,
  body: "Is the cap per borough?",
  answer: null,
  askerOrganisationId: "org-a",
  askerOrganisationName: "Family Action",
  askerName: "Daniel Brooks",
  askerPartyNumber: 2,
  votes: 0,
  createdAt: "2027-01-01T10:00:00.000Z",
  answeredAt: null,
  ...over,
});
const team = { commissioningTeam: true, organisationId: "org-lb" };
const asker = { commissioningTeam: false, organisationId: "org-a" };
const rival = { commissioningTeam: false, organisationId: "org-b" };

describe("who sees which question, under what name", () => {
  it("an unanswered clarification: the team and the asker's organisation only", () => {
    expect(viewQuestion(team, q())?.askedBy).toBe("Daniel Brooks (Family Action), shown to others as Organisation 2");
    expect(viewQuestion(asker, q())?.mine).toBe(true);
    expect(viewQuestion(rival, q())).toBeNull();
  });

  it("answered in public: rivals see the pseudonym, never the name", () => {
    const answered = q({ status: "answered", answer: "No." });
    const seen = viewQuestion(rival, answered)!;
    expect(seen.askedBy).toBe("Organisation 2");
    expect(JSON.stringify(seen)).not.toMatch(/Family Action|Daniel/);
  });

  it("agreed confidential: answered to the asker only", () => {
    const secret = q({ status: "answered", answer: "Yes.", confidentiality: "agreed" });
    expect(viewQuestion(rival, secret)).toBeNull();
    expect(viewQuestion(asker, secret)?.private).toBe(true);
  });

  it("at an event, a named question shows its asker to the room; an anonymous one never, except to the team", () => {
    const named = q({ source: "event", status: "approved", anonymous: false });
    expect(viewQuestion(rival, named)?.askedBy).toBe("Daniel Brooks (Family Action)");
    const anon = q({ source: "event", status: "approved" });
    expect(viewQuestion(rival, anon)?.askedBy).toBe("Organisation 2");
    expect(viewQuestion(team, anon)?.askedBy).toBe("Daniel Brooks (Family Action), shown to others as Organisation 2");
    expect(viewQuestion(rival, q({ source: "event", status: "pending" }))).toBeNull();
    expect(viewQuestion(rival, q({ source: "event", status: "hidden" }))).toBeNull();
  });

  it("an issue raised in dialogue names no bidder", () => {
    expect(viewQuestion(rival, q({ source: "dialogue", status: "answered", askerOrganisationId: null, askerName: null, askerOrganisationName: null }))?.askedBy).toBe("Raised in dialogue");
  });
});

describe("what may happen to a question", () => {
  it("confidentiality is decided before an answer; answered questions cannot be withdrawn", () => {
    expect(questionActionAllowed(q({ confidentiality: "requested" }), "answer")).toContain("Decide first");
    expect(questionActionAllowed(q({ confidentiality: "refused" }), "answer")).toBeNull();
    expect(questionActionAllowed(q({ status: "answered" }), "withdraw")).toContain("stays in the log");
    expect(questionActionAllowed(q({ status: "withdrawn" }), "answer")).toContain("withdrew");
    expect(questionActionAllowed(q(), "vote")).toContain("shown to the room");
    expect(questionActionAllowed(q({ source: "event", status: "approved" }), "vote")).toBeNull();
  });

  it("the room reads the most voted first, then the oldest", () => {
    const list = [q({ id: "a", votes: 1, createdAt: "2" }), q({ id: "b", votes: 3, createdAt: "3" }), q({ id: "c", votes: 1, createdAt: "1" })];
    expect(byVotes(list).map((x) => x.id)).toEqual(["b", "c", "a"]);
  });
});
