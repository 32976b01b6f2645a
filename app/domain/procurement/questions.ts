// Questions to the commissioner, from three places (a clarification in the enquiry
// period, a market-warming day's Q&A, an issue raised in a bidder's dialogue), and the
// one policy that decides who sees which question and under what name. The asker is
// never hidden from the commissioning team; other parties see a stable pseudonym per
// procurement ("Organisation 3"), or, at an event, the name the asker chose to show.

export const QUESTION_SOURCES = ["clarification", "event", "dialogue"] as const;
export type QuestionSource = (typeof QUESTION_SOURCES)[number];

/**
 * pending: waiting for the facilitator (event Q&A) or for an answer (clarification);
 * approved: shown to the room (event Q&A), waiting for an answer;
 * answered: answered; public unless the commissioner agreed it is confidential;
 * hidden: the facilitator took it out of the room's view; withdrawn: the asker took it back.
 */
export const QUESTION_STATUSES = ["pending", "approved", "answered", "hidden", "withdrawn"] as const;
export type QuestionStatus = (typeof QUESTION_STATUSES)[number];

/** none | requested (asker marked it commercially confidential) | agreed (answered privately) | refused (will be published). */
export const CONFIDENTIALITY = ["none", "requested", "agreed", "refused"] as const;
export type Confidentiality = (typeof CONFIDENTIALITY)[number];

export type QuestionRecord = {
  id: string;
  source: QuestionSource;
  status: QuestionStatus;
  confidentiality: Confidentiality;
  /** At an event: hide the asker's organisation from other parties (never from the commissioning team). */
  anonymous: boolean;
  body: string;
  answer: string | null;
  askerOrganisationId: string | null;
  askerOrganisationName: string | null;
  askerName: string | null;
  /** The asker organisation's number among the procurement's parties; null if it is not a party. */
  askerPartyNumber: number | null;
  votes: number;
  createdAt: string;
  answeredAt: string | null;
};

export type Viewer = { commissioningTeam: boolean; organisationId: string | null };

export function pseudonym(partyNumber: number | null): string {
  return partyNumber === null ? "An attendee" : `Organisation ${partyNumber}`;
}

export type QuestionView = {
  id: string;
  source: QuestionSource;
  status: QuestionStatus;
  confidentiality: Confidentiality;
  body: string;
  answer: string | null;
  askedBy: string;
  /** The viewer's own organisation asked it. */
  mine: boolean;
  /** Answered to the asker alone (agreed commercially confidential). */
  private: boolean;
  votes: number;
  createdAt: string;
  answeredAt: string | null;
};

/** Whether a question is for everyone: answered in public, or approved into an event's room. */
export function isPublic(q: Pick<QuestionRecord, "status" | "confidentiality" | "source">): boolean {
  if (q.status === "answered") return q.confidentiality !== "agreed";
  return q.source === "event" && q.status === "approved";
}

/**
 * What `viewer` may see of `q`, or null if nothing at all. The commissioning team
 * sees every question with its asker; an organisation sees its own; everyone else
 * sees only public ones, with the asker as a pseudonym unless they asked by name at
 * an event.
 */
export function viewQuestion(viewer: Viewer, q: QuestionRecord): QuestionView | null {
  const mine = viewer.organisationId !== null && viewer.organisationId === q.askerOrganisationId;
  if (!viewer.commissioningTeam && !mine && !isPublic(q)) return null;
  const named = q.askerOrganisationName ? `${q.askerName ?? "Someone"} (${q.askerOrganisationName})` : (q.askerName ?? "Someone");
  const askedBy =
    q.source === "dialogue"
      ? "Raised in dialogue"
      : viewer.commissioningTeam || mine
        ? `${named}${q.anonymous && !mine ? `, shown to others as ${pseudonym(q.askerPartyNumber)}` : ""}`
        : q.source === "event" && !q.anonymous
          ? named
          : pseudonym(q.askerPartyNumber);
  return {
    id: q.id,
    source: q.source,
    status: q.status,
    confidentiality: q.confidentiality,
    body: q.body,
    answer: q.answer,
    askedBy: mine && !viewer.commissioningTeam ? `Your organisation (${askedBy})` : askedBy,
    mine,
    private: q.status === "answered" && q.confidentiality === "agreed",
    votes: q.votes,
    createdAt: q.createdAt,
    answeredAt: q.answeredAt,
  };
}

export type QuestionAction = "approve" | "hide" | "answer" | "agree-confidential" | "refuse-confidential" | "withdraw" | "vote";

/** Whether `action` may happen to a question in its current state; the reason if not. */
export function questionActionAllowed(q: Pick<QuestionRecord, "status" | "source" | "confidentiality">, action: QuestionAction): string | null {
  if (q.status === "withdrawn") return "The asker withdrew this question.";
  switch (action) {
    case "approve":
      return q.source === "event" && (q.status === "pending" || q.status === "hidden") ? null : "Only a question waiting in an event's queue can be shown to the room.";
    case "hide":
      return q.source === "event" && q.status !== "answered" ? null : "Only an unanswered event question can be hidden.";
    case "answer":
      if (q.confidentiality === "requested") return "Decide first whether this question is commercially confidential.";
      return null;
    case "agree-confidential":
    case "refuse-confidential":
      return q.confidentiality === "requested" ? null : "The asker did not ask for this question to be confidential.";
    case "withdraw":
      return q.status === "answered" ? "An answered question stays in the log." : null;
    case "vote":
      return q.source === "event" && q.status === "approved" ? null : "Only questions shown to the room can be voted up.";
  }
}

/** The order a room reads questions in: most votes first, then oldest first. */
export function byVotes<T extends { votes: number; createdAt: string; id: string }>(questions: readonly T[]): T[] {
  return [...questions].sort((a, b) => b.votes - a.votes || (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1));
}
