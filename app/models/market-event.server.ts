// Market-warming days: the event, its agenda and pinned versions, registration and
// attendance, what the presenter shows, live polls, and the live state every screen
// reads. The room's shared state is computed once per change (not once per attendee):
// 100 screens reloading after a vote cost one tally, not a hundred.
import { tally, type PollChoice, type PollKind, type PollStatus, type PollTally } from "~/domain/procurement/polls";
import { AgendaSchema, PinnedVersionsSchema, ShowingSchema, type AgendaItem, type EventStatus, type PinnedVersions, type Showing } from "~/domain/procurement/record";
import { viewQuestion, byVotes, type QuestionRecord, type QuestionView, type Viewer } from "~/domain/procurement/questions";
import { z } from "zod";
import { db } from "~/utils/db.server";
import { auditWorkspace, type Actor } from "./audit.server";
import { parseStored } from "~/utils/stored-json.server";
import { publishWorkspaceEvent, subscribeWorkspace } from "~/utils/workspace-events.server";
import { voterKey, type ProcurementRecord } from "./procurement.server";
import { questionInclude, questionRecord } from "./question.server";

export type MarketEventView = {
  id: string;
  title: string;
  description: string;
  startsAt: string;
  endsAt: string;
  place: string;
  onlineUrl: string;
  agenda: AgendaItem[];
  pinned: PinnedVersions;
  showing: Showing | null;
  status: EventStatus;
};


const strings = (text: string) => parseStored(text, z.array(z.string()), []);
const numbers = (text: string) => parseStored(text, z.array(z.number().int()), []);

type EventRow = { id: string; title: string; description: string; startsAt: Date; endsAt: Date; place: string; onlineUrl: string; agenda: string; pinned: string; showing: string | null; status: string };
function toView(r: EventRow): MarketEventView {
  return {
    id: r.id,
    title: r.title,
    description: r.description,
    startsAt: r.startsAt.toISOString(),
    endsAt: r.endsAt.toISOString(),
    place: r.place,
    onlineUrl: r.onlineUrl,
    agenda: parseStored(r.agenda, AgendaSchema, []),
    pinned: parseStored(r.pinned, PinnedVersionsSchema, {}),
    showing: parseStored(r.showing, ShowingSchema.nullable(), null),
    status: r.status === "live" || r.status === "ended" ? r.status : "planned",
  };
}

export async function listEvents(procurementId: string) {
  const rows = await db().marketEvent.findMany({ where: { procurementId }, orderBy: { startsAt: "asc" }, include: { _count: { select: { registrations: true } } } });
  return rows.map((r) => ({ ...toView(r), registrations: r._count.registrations }));
}

export async function getEvent(procurementId: string, eventId: string): Promise<MarketEventView | null> {
  const row = await db().marketEvent.findFirst({ where: { id: eventId, procurementId } });
  return row ? toView(row) : null;
}

export type EventInput = { title: string; description: string; startsAt: string; endsAt: string; place: string; onlineUrl: string };

export async function createEvent(p: ProcurementRecord, input: EventInput, by: Actor): Promise<{ id: string }> {
  const e = await db().marketEvent.create({ data: { procurementId: p.id, ...input, startsAt: new Date(input.startsAt), endsAt: new Date(input.endsAt), pinned: JSON.stringify(p.published) }, select: { id: true } });
  await auditWorkspace(p.workspaceId, by, "event.created", `event:${e.id}`, { after: { ...input, pinned: p.published } });
  publishWorkspaceEvent(p.workspaceId, "procurement");
  return e;
}

export async function updateEvent(p: ProcurementRecord, eventId: string, data: Partial<{ agenda: AgendaItem[]; pinned: PinnedVersions; showing: Showing | null; status: EventStatus } & EventInput>, by: Actor): Promise<void> {
  const { agenda, pinned, showing, startsAt, endsAt, ...rest } = data;
  const updated = await db().marketEvent.updateMany({
    where: { id: eventId, procurementId: p.id },
    data: {
      ...rest,
      ...(startsAt ? { startsAt: new Date(startsAt) } : {}),
      ...(endsAt ? { endsAt: new Date(endsAt) } : {}),
      ...(agenda ? { agenda: JSON.stringify(agenda) } : {}),
      ...(pinned ? { pinned: JSON.stringify(pinned) } : {}),
      ...(showing !== undefined ? { showing: showing ? JSON.stringify(showing) : null } : {}),
    },
  });
  // What the presenter puts on screen moment to moment is not a change that matters; the rest is.
  const { showing: _showing, ...recorded } = data;
  if (updated.count === 1 && Object.keys(recorded).length) await auditWorkspace(p.workspaceId, by, "event.changed", `event:${eventId}`, { after: recorded });
  publishWorkspaceEvent(p.workspaceId, "procurement");
}

export type Registrant = { id: string; name: string; organisation: { name: string; type: string } | null };

/** Registers a person for the event (idempotent); `attended` marks them present (checked in). */
export async function register(p: ProcurementRecord, eventId: string, user: Registrant, attended = false): Promise<void> {
  const organisation = { organisationName: user.organisation?.name ?? "No organisation given", organisationType: user.organisation?.type ?? "other" };
  await db().eventRegistration.upsert({
    where: { eventId_userId: { eventId, userId: user.id } },
    create: { eventId, userId: user.id, ...organisation, attendedAt: attended ? new Date() : null },
    update: attended ? { attendedAt: new Date() } : {},
  });
  publishWorkspaceEvent(p.workspaceId, "procurement");
}

export async function cancelRegistration(p: ProcurementRecord, eventId: string, userId: string): Promise<void> {
  await db().eventRegistration.deleteMany({ where: { eventId, userId, attendedAt: null } });
  publishWorkspaceEvent(p.workspaceId, "procurement");
}

export async function registrationOf(eventId: string, userId: string) {
  return db().eventRegistration.findUnique({ where: { eventId_userId: { eventId, userId } }, select: { registeredAt: true, attendedAt: true } });
}

export async function listRegistrations(eventId: string) {
  return db().eventRegistration.findMany({ where: { eventId }, orderBy: [{ organisationName: "asc" }, { registeredAt: "asc" }], select: { id: true, organisationName: true, organisationType: true, attendedAt: true, registeredAt: true, user: { select: { name: true } } } });
}

export async function createPoll(p: ProcurementRecord, eventId: string, poll: { question: string; kind: PollKind; options: string[]; anonymous: boolean }, by: Actor): Promise<{ id: string }> {
  const row = await db().poll.create({ data: { eventId, question: poll.question, kind: poll.kind, options: JSON.stringify(poll.options), anonymous: poll.anonymous }, select: { id: true } });
  await auditWorkspace(p.workspaceId, by, "poll.created", `poll:${row.id}`, { after: { event: eventId, ...poll } });
  publishWorkspaceEvent(p.workspaceId, "procurement");
  return row;
}

export async function setPollStatus(p: ProcurementRecord, eventId: string, pollId: string, status: PollStatus, by: Actor): Promise<boolean> {
  const r = await db().poll.updateMany({ where: { id: pollId, eventId }, data: { status } });
  if (r.count > 0) await auditWorkspace(p.workspaceId, by, "poll.status", `poll:${pollId}`, { after: { status } });
  publishWorkspaceEvent(p.workspaceId, "procurement");
  return r.count > 0;
}

export type PollRecord = { id: string; question: string; kind: PollKind; options: string[]; anonymous: boolean; status: PollStatus };

export async function getPoll(eventId: string, pollId: string): Promise<PollRecord | null> {
  const r = await db().poll.findFirst({ where: { id: pollId, eventId } });
  return r ? { id: r.id, question: r.question, kind: r.kind as PollKind, options: strings(r.options), anonymous: r.anonymous, status: r.status as PollStatus } : null;
}

/** Records (or changes) one person's answer to an open poll. A named poll also keeps who answered. */
export async function respond(p: ProcurementRecord, eventId: string, poll: PollRecord, user: Registrant, choice: PollChoice): Promise<void> {
  const key = voterKey(p.id, user.id);
  const named = poll.anonymous ? { voterName: null, organisationName: null } : { voterName: user.name, organisationName: user.organisation?.name ?? null };
  await db().pollResponse.upsert({
    where: { pollId_voterKey: { pollId: poll.id, voterKey: key } },
    create: { pollId: poll.id, voterKey: key, choice: JSON.stringify(choice), ...named },
    update: { choice: JSON.stringify(choice), ...named },
  });
  publishWorkspaceEvent(p.workspaceId, "procurement");
}

export type PollLive = PollRecord & { tally: PollTally; named: { voterName: string; organisationName: string | null; choice: PollChoice }[] };
type RoomState = { polls: PollLive[]; questions: QuestionRecord[]; showing: Showing | null; status: EventStatus; agenda: AgendaItem[] };

// The room's shared state per event, dropped whenever the workspace says something in
// its procurement changed (in this process or, through Redis, in another).
const rooms = new Map<string, Promise<RoomState>>();
const watched = new Set<string>();
function watch(workspaceId: string) {
  if (watched.has(workspaceId)) return;
  watched.add(workspaceId);
  subscribeWorkspace(workspaceId, (kind) => {
    if (kind === "procurement") rooms.clear();
  });
}

async function loadRoom(procurementId: string, eventId: string): Promise<RoomState> {
  const [event, polls, questions, parties] = await Promise.all([
    db().marketEvent.findFirst({ where: { id: eventId, procurementId } }),
    db().poll.findMany({ where: { eventId }, orderBy: { createdAt: "asc" }, include: { responses: { select: { choice: true, voterName: true, organisationName: true } } } }),
    db().question.findMany({ where: { procurementId, eventId }, include: questionInclude, orderBy: { createdAt: "asc" } }),
    db().party.findMany({ where: { procurementId }, select: { organisationId: true, number: true } }),
  ]);
  const partyNumbers = new Map(parties.map((x) => [x.organisationId, x.number]));
  const view = event ? toView(event) : null;
  return {
    showing: view?.showing ?? null,
    status: view?.status ?? "ended",
    agenda: view?.agenda ?? [],
    polls: polls.map((poll) => {
      const options = strings(poll.options);
      const def = { kind: poll.kind as PollKind, options };
      const choices = poll.responses.map((r) => numbers(r.choice));
      return {
        id: poll.id,
        question: poll.question,
        kind: def.kind,
        options,
        anonymous: poll.anonymous,
        status: poll.status as PollStatus,
        tally: tally(def, choices),
        named: poll.anonymous ? [] : poll.responses.map((r, i) => ({ voterName: r.voterName ?? "Someone", organisationName: r.organisationName, choice: choices[i]! })),
      };
    }),
    questions: questions.map((r) => questionRecord(r, partyNumbers)),
  };
}

export type LiveRoom = {
  status: EventStatus;
  showing: Showing | null;
  agenda: AgendaItem[];
  polls: (Omit<PollLive, "named" | "tally"> & { tally: PollTally | null; named: PollLive["named"]; mine: PollChoice | null })[];
  questions: (QuestionView & { votedByMe: boolean })[];
};

/**
 * What one person's screen shows of the room now. Draft polls are for the
 * commissioning team; who answered a named poll too; questions as viewQuestion says.
 */
export async function liveRoom(p: ProcurementRecord, eventId: string, viewer: Viewer & { userId: string | null }): Promise<LiveRoom> {
  watch(p.workspaceId);
  let room = rooms.get(eventId);
  if (!room) {
    room = loadRoom(p.id, eventId);
    rooms.set(eventId, room);
    room.catch(() => rooms.delete(eventId));
  }
  const state = await room;
  // A room broadcast to many screens (userId null) has no one's own votes in it.
  const key = viewer.userId ? voterKey(p.id, viewer.userId) : null;
  const [mine, votes] = key
    ? await Promise.all([
        db().pollResponse.findMany({ where: { voterKey: key, pollId: { in: state.polls.map((x) => x.id) } }, select: { pollId: true, choice: true } }),
        db().questionVote.findMany({ where: { voterKey: key, questionId: { in: state.questions.map((q) => q.id) } }, select: { questionId: true } }),
      ])
    : [[], []];
  const myChoice = new Map(mine.map((m) => [m.pollId, numbers(m.choice)]));
  const voted = new Set(votes.map((v) => v.questionId));
  return {
    status: state.status,
    showing: state.showing,
    agenda: state.agenda,
    polls: state.polls
      .filter((x) => viewer.commissioningTeam || x.status !== "draft")
      .map((x) => ({ ...x, named: viewer.commissioningTeam ? x.named : [], mine: myChoice.get(x.id) ?? null })),
    questions: byVotes(state.questions.map((q) => viewQuestion(viewer, q)).filter((v): v is QuestionView => v !== null)).map((q) => ({ ...q, votedByMe: voted.has(q.id) })),
  };
}
