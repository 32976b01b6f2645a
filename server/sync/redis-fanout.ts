// Fan-out across server processes through Redis pub/sub: one channel per document.
// A process publishes what its own clients change (document updates and presence);
// others apply it with REMOTE_ORIGIN, pass it to their clients and do not store it
// (the process that received it from a client stores it). Each frame carries the
// sender's id, so nothing echoes back. A process that loads a document asks the
// others for anything it lacks (updates not yet stored when it read the database).
// Compaction takes a Redis lease, so one process compacts a document at a time.
import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import * as awarenessProtocol from "y-protocols/awareness";
import * as Y from "yjs";
import type { SyncMetrics } from "./metrics";
import type { SharedDocument } from "./shared-document";

export const REMOTE_ORIGIN = Symbol("remote");

const KIND_UPDATE = 0;
const KIND_AWARENESS = 1;
const KIND_SYNC_REQUEST = 2;
const HEADER = 1 + 16 + 8; // kind, process id, sent-at (ms, float64)

export type Fanout = {
  join(doc: SharedDocument): Promise<void>;
  leave(doc: SharedDocument): Promise<void>;
  publishUpdate(docName: string, update: Uint8Array): void;
  publishAwareness(docName: string, update: Uint8Array): void;
  /**
   * Runs `task` only if no other process is running one under the same `key` (a
   * Redis lease that expires after `leaseMs` should this process die); otherwise
   * skips it and resolves to false.
   */
  exclusively(key: string, task: () => Promise<unknown>, leaseMs?: number): Promise<boolean>;
  close(): Promise<void>;
};

// Deletes the lease only if it is still ours (it may have expired and been taken).
const RELEASE = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) else return 0 end`;

const channel = (docName: string) => `oc:sync:${docName}`;

/** Connects to Redis at `url`; resolves once both connections are ready. */
export async function createRedisFanout(url: string, metrics: SyncMetrics): Promise<Fanout> {
  const processId = randomBytes(16);
  const pub = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: null });
  const sub = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: null });
  await Promise.all([pub.connect(), sub.connect()]);
  const joined = new Map<string, SharedDocument>();

  const frame = (kind: number, payload: Uint8Array) => {
    const buf = Buffer.allocUnsafe(HEADER + payload.length);
    buf[0] = kind;
    processId.copy(buf, 1);
    buf.writeDoubleLE(Date.now(), 17);
    buf.set(payload, HEADER);
    return buf;
  };
  const publish = (docName: string, kind: number, payload: Uint8Array) => {
    pub.publish(channel(docName), frame(kind, payload)).catch((error: unknown) => {
      console.error(`sync: publishing to Redis failed: ${error instanceof Error ? error.message : String(error)}`);
    });
  };

  sub.on("messageBuffer", (ch: Buffer, message: Buffer) => {
    if (message.length < HEADER || message.subarray(1, 17).equals(processId)) return;
    const doc = joined.get(ch.toString().slice("oc:sync:".length));
    if (!doc) return;
    metrics.redisLagMs = Date.now() - message.readDoubleLE(17);
    const payload = new Uint8Array(message.buffer, message.byteOffset + HEADER, message.length - HEADER);
    try {
      if (message[0] === KIND_UPDATE) Y.applyUpdate(doc.doc, payload, REMOTE_ORIGIN);
      else if (message[0] === KIND_AWARENESS) awarenessProtocol.applyAwarenessUpdate(doc.awareness, payload, REMOTE_ORIGIN);
      else if (message[0] === KIND_SYNC_REQUEST) {
        publish(doc.name, KIND_UPDATE, Y.encodeStateAsUpdate(doc.doc, payload));
        const states = [...doc.awareness.getStates().keys()];
        if (states.length) publish(doc.name, KIND_AWARENESS, awarenessProtocol.encodeAwarenessUpdate(doc.awareness, states));
      }
    } catch (error) {
      console.error(`sync: bad frame from Redis on ${doc.name}: ${error instanceof Error ? error.message : String(error)}`);
    }
  });

  return {
    async join(doc) {
      joined.set(doc.name, doc);
      await sub.subscribe(channel(doc.name));
      publish(doc.name, KIND_SYNC_REQUEST, Y.encodeStateVector(doc.doc));
    },
    async leave(doc) {
      if (joined.get(doc.name) !== doc) return;
      joined.delete(doc.name);
      await sub.unsubscribe(channel(doc.name));
    },
    publishUpdate: (docName, update) => publish(docName, KIND_UPDATE, update),
    publishAwareness: (docName, update) => publish(docName, KIND_AWARENESS, update),
    async exclusively(key, task, leaseMs = 60_000) {
      const lease = `oc:lease:${key}`;
      const token = randomBytes(16).toString("hex");
      if ((await pub.set(lease, token, "PX", leaseMs, "NX")) !== "OK") return false;
      try {
        await task();
      } finally {
        await pub.eval(RELEASE, 1, lease, token).catch(() => {});
      }
      return true;
    },
    async close() {
      joined.clear();
      await Promise.allSettled([pub.quit(), sub.quit()]);
    },
  };
}
