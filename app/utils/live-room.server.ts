// A live room pushed to every open screen: when the workspace says something of `kind`
// changed, the room's state is worked out once per audience and the same JSON goes to
// every screen of that audience. A hundred screens after a vote cost one computation,
// not a hundred requests. Used by market-warming days and workshops.
import type { WorkspaceEventKind } from "~/domain/workspace-events";
import { subscribeWorkspace } from "./workspace-events.server";

type Subscriber<A, S> = { audience: A; send: (state: S) => void };
type Room<A extends string, S> = { subscribers: Set<Subscriber<A, S>>; running: boolean; dirty: boolean; unsubscribe: () => void; last: Partial<Record<A, S>> };

export type LiveRooms<A extends string, S> = {
  /** Sends `send` the room now and after every change, until the returned function is called. */
  subscribe(workspaceId: string, key: string, audience: A, send: (state: S) => void): () => void;
};

export function liveRooms<A extends string, S>(name: string, kind: WorkspaceEventKind, audiences: readonly A[], compute: (key: string, audience: A) => Promise<S>): LiveRooms<A, S> {
  // Kept on globalThis, like the bus, so the Remix build and server/ share the rooms.
  const g = globalThis as unknown as Record<string, Map<string, Room<A, S>> | undefined>;
  const rooms = (g[`__ocLiveRooms:${name}`] ??= new Map());

  async function broadcast(key: string, room: Room<A, S>): Promise<void> {
    if (room.running) return void (room.dirty = true);
    room.running = true;
    try {
      do {
        room.dirty = false;
        for (const audience of audiences) {
          const listeners = [...room.subscribers].filter((s) => s.audience === audience);
          if (!listeners.length) continue;
          const state = await compute(key, audience);
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

  return {
    subscribe(workspaceId, key, audience, send) {
      let room = rooms.get(key);
      if (!room) {
        const created: Room<A, S> = { subscribers: new Set(), running: false, dirty: false, last: {}, unsubscribe: () => {} };
        created.unsubscribe = subscribeWorkspace(workspaceId, (k) => {
          if (k === kind) void broadcast(key, created);
        });
        rooms.set(key, created);
        room = created;
      }
      const subscriber: Subscriber<A, S> = { audience, send };
      room.subscribers.add(subscriber);
      const last = room.last[audience];
      if (last && !room.running && !room.dirty) send(last);
      else void compute(key, audience).then(send, () => {});
      const r = room;
      return () => {
        r.subscribers.delete(subscriber);
        if (!r.subscribers.size) {
          r.unsubscribe();
          rooms.delete(key);
        }
      };
    },
  };
}
