// Tells a workspace's open pages that something they show from the database changed
// (a comment, a rating, a partner's judgement), so they reload now rather than at
// their next poll. Events carry no content and no identity: a page reloads through its
// own loader, which authorises. In-process listeners, and Redis pub/sub across
// processes when REDIS_URL is set. Kept on globalThis, like the Prisma client, so the
// Remix build and server/ share one bus.
import { Redis } from "ioredis";
import { WORKSPACE_EVENT_KINDS, type WorkspaceEventKind } from "~/domain/workspace-events";
import { env } from "./env.server";

type Listener = (kind: WorkspaceEventKind) => void;
type Bus = { listeners: Map<string, Set<Listener>>; subscriber: Redis | null; publisher: Redis | null; closers: Set<() => void> };

const CHANNEL = "oc:workspace-events";
const ORIGIN = `${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
const globalForBus = globalThis as unknown as { __ocWorkspaceEvents?: Bus };

function deliver(bus: Bus, workspaceId: string, kind: WorkspaceEventKind) {
  for (const listener of bus.listeners.get(workspaceId) ?? []) listener(kind);
}

function bus(): Bus {
  if (globalForBus.__ocWorkspaceEvents) return globalForBus.__ocWorkspaceEvents;
  const url = env().REDIS_URL;
  const b: Bus = { listeners: new Map(), subscriber: null, publisher: null, closers: new Set() };
  if (url) {
    // A subscribed connection can do nothing else, so publishing has its own.
    b.subscriber = new Redis(url, { maxRetriesPerRequest: 2 });
    b.publisher = new Redis(url, { maxRetriesPerRequest: 2 });
    b.subscriber.on("error", () => {});
    b.publisher.on("error", () => {});
    void b.subscriber.subscribe(CHANNEL).catch(() => {});
    b.subscriber.on("message", (_channel, message: string) => {
      try {
        const { origin, workspaceId, kind } = JSON.parse(message) as { origin: string; workspaceId: string; kind: WorkspaceEventKind };
        if (origin !== ORIGIN && WORKSPACE_EVENT_KINDS.includes(kind)) deliver(b, workspaceId, kind);
      } catch {
        // not ours
      }
    });
  }
  globalForBus.__ocWorkspaceEvents = b;
  return b;
}

export function publishWorkspaceEvent(workspaceId: string, kind: WorkspaceEventKind): void {
  const b = bus();
  deliver(b, workspaceId, kind);
  void b.publisher?.publish(CHANNEL, JSON.stringify({ origin: ORIGIN, workspaceId, kind })).catch(() => {});
}

/** Listens to one workspace's events; returns the way to stop. */
export function subscribeWorkspace(workspaceId: string, listener: Listener): () => void {
  const b = bus();
  const set = b.listeners.get(workspaceId) ?? new Set<Listener>();
  set.add(listener);
  b.listeners.set(workspaceId, set);
  return () => {
    set.delete(listener);
    if (!set.size) b.listeners.delete(workspaceId);
  };
}

/** A stream's way to end itself at shutdown (open streams would otherwise hold the server open). */
export function onWorkspaceEventsClose(close: () => void): () => void {
  const b = bus();
  b.closers.add(close);
  return () => b.closers.delete(close);
}

/** Ends every open stream and the Redis connections (on shutdown). */
export async function closeWorkspaceEvents(): Promise<void> {
  const b = globalForBus.__ocWorkspaceEvents;
  if (!b) return;
  globalForBus.__ocWorkspaceEvents = undefined;
  for (const close of b.closers) close();
  await Promise.all([b.subscriber?.quit().catch(() => {}), b.publisher?.quit().catch(() => {})]);
}
