// The live room of a market-warming day, pushed to every open screen: when anything in
// the procurement changes, the room is worked out once per audience (the commissioning
// team, who see the moderation queue and who asked; everyone else, who see only what is
// public, askers as pseudonyms) and the same JSON is written to every screen of that
// audience. A hundred screens after a vote cost one computation, not a hundred requests.
// A person's own votes and questions come with their page's data, not from here.
import type { Viewer } from "~/domain/procurement/questions";
import { liveRoom, type LiveRoom } from "~/models/market-event.server";
import type { ProcurementRecord } from "~/models/procurement.server";
import { subscribeWorkspace } from "./workspace-events.server";

type Audience = "team" | "room";
type Subscriber = { audience: Audience; send: (room: LiveRoom) => void };
type Room = { procurement: ProcurementRecord; subscribers: Set<Subscriber>; running: boolean; dirty: boolean; unsubscribe: () => void; last: Partial<Record<Audience, LiveRoom>> };

const globalRooms = globalThis as unknown as { __ocEventRooms?: Map<string, Room> };
const rooms = (globalRooms.__ocEventRooms ??= new Map());

const VIEWERS: Record<Audience, Viewer & { userId: null }> = {
  team: { commissioningTeam: true, organisationId: null, userId: null },
  room: { commissioningTeam: false, organisationId: null, userId: null },
};

async function broadcast(eventId: string, room: Room): Promise<void> {
  if (room.running) return void (room.dirty = true);
  room.running = true;
  try {
    do {
      room.dirty = false;
      for (const audience of ["room", "team"] as const) {
        const listeners = [...room.subscribers].filter((s) => s.audience === audience);
        if (!listeners.length) continue;
        const state = await liveRoom(room.procurement, eventId, VIEWERS[audience]);
        room.last[audience] = state;
        for (const s of listeners) s.send(state);
      }
    } while (room.dirty);
  } catch {
    // The next change tries again; screens keep what they have.
  } finally {
    room.running = false;
  }
}

/** Sends `send` the room now and after every change, until the returned function is called. */
export function subscribeRoom(procurement: ProcurementRecord, eventId: string, audience: Audience, send: (room: LiveRoom) => void): () => void {
  let room = rooms.get(eventId);
  if (!room) {
    const created: Room = { procurement, subscribers: new Set(), running: false, dirty: false, last: {}, unsubscribe: () => {} };
    created.unsubscribe = subscribeWorkspace(procurement.workspaceId, (kind) => {
      if (kind === "procurement") void broadcast(eventId, created);
    });
    rooms.set(eventId, created);
    room = created;
  }
  const subscriber: Subscriber = { audience, send };
  room.subscribers.add(subscriber);
  const last = room.last[audience];
  if (last && !room.running && !room.dirty) send(last);
  else void liveRoom(procurement, eventId, VIEWERS[audience]).then(send, () => {});
  const r = room;
  return () => {
    r.subscribers.delete(subscriber);
    if (!r.subscribers.size) {
      r.unsubscribe();
      rooms.delete(eventId);
    }
  };
}

export function audienceOf(viewer: Viewer): Audience {
  return viewer.commissioningTeam ? "team" : "room";
}
