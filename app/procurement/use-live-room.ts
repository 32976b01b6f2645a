// Keeps a market-warming day's screen live: the room arrives over the event's stream
// after every change (the same JSON for every screen of an audience); this person's own
// part (their answers, their votes, their questions still waiting) comes with the page's
// data, which reloads after each of their own actions. A page loaded without JavaScript
// shows the state it was rendered with.
import { useMemo } from "react";
import type { LiveRoom } from "~/models/market-event.server";
import { useStream } from "~/utils/use-stream";

/** The shared room with this person's own part laid over it. */
export function withOwn(shared: LiveRoom, own: LiveRoom): LiveRoom {
  const ownPolls = new Map(own.polls.map((p) => [p.id, p.mine]));
  const ownQuestions = new Map(own.questions.map((q) => [q.id, q]));
  const sharedIds = new Set(shared.questions.map((q) => q.id));
  return {
    ...shared,
    polls: shared.polls.map((p) => ({ ...p, mine: ownPolls.get(p.id) ?? p.mine })),
    questions: [
      ...shared.questions.map((q) => {
        const mine = ownQuestions.get(q.id);
        return mine ? { ...q, mine: mine.mine, askedBy: mine.mine ? mine.askedBy : q.askedBy, votedByMe: mine.votedByMe } : q;
      }),
      // Their own questions the room cannot see yet (waiting for the facilitator).
      ...own.questions.filter((q) => q.mine && !sharedIds.has(q.id) && q.status === "pending"),
    ],
  };
}

export function useLiveRoom(workspaceId: string, eventId: string, initial: LiveRoom): LiveRoom {
  const shared = useStream<LiveRoom | null>(`/workspaces/${workspaceId}/procurement/events/${eventId}/stream`, "room", null);
  return useMemo(() => (shared ? withOwn(shared, initial) : initial), [shared, initial]);
}
