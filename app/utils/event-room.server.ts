// The live room of a market-warming day, pushed to every open screen (live-room.server.ts):
// the commissioning team's view (the moderation queue, who asked) to the team, the
// public view (askers as pseudonyms) to everyone else. A person's own votes and
// questions come with their page's data, not from here.
import type { Viewer } from "~/domain/procurement/questions";
import { liveRoom, type LiveRoom } from "~/models/market-event.server";
import type { ProcurementRecord } from "~/models/procurement.server";
import { liveRooms } from "./live-room.server";

type Audience = "team" | "room";

const VIEWERS: Record<Audience, Viewer & { userId: null }> = {
  team: { commissioningTeam: true, organisationId: null, userId: null },
  room: { commissioningTeam: false, organisationId: null, userId: null },
};

const procurements = new Map<string, ProcurementRecord>();
const rooms = liveRooms<Audience, LiveRoom>("event", "procurement", ["room", "team"], (eventId, audience) => liveRoom(procurements.get(eventId)!, eventId, VIEWERS[audience]));

/** Sends `send` the room now and after every change, until the returned function is called. */
export function subscribeRoom(procurement: ProcurementRecord, eventId: string, audience: Audience, send: (room: LiveRoom) => void): () => void {
  procurements.set(eventId, procurement);
  return rooms.subscribe(procurement.workspaceId, eventId, audience, send);
}

export function audienceOf(viewer: Viewer): Audience {
  return viewer.commissioningTeam ? "team" : "room";
}
