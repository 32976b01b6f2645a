// One loaded document: the Y.Doc and awareness shared by every connection to it,
// with batched persistence. Lifecycle (docs/decisions/0005-sync-server.md):
// - updates from clients are broadcast at once and stored at the end of the current
//   `batchMs` window, together with every other document's (batch-timer.ts);
// - at most one store runs at a time; updates arriving meanwhile wait for the next;
// - every `compactEvery` stored batches, and on unload, the log is compacted.
import * as awarenessProtocol from "y-protocols/awareness";
import * as Y from "yjs";
import type { BatchTimer } from "./batch-timer";
import type { Principal, SyncHooks } from "./hooks";
import { awarenessMessage, updateMessage } from "./messages";
import type { SyncMetrics } from "./metrics";
import { sanitiseRelayedAwareness } from "./presence";
import { REMOTE_ORIGIN, type Fanout } from "./redis-fanout";

/** Origin of updates replayed from storage: never stored again. */
export const LOAD_ORIGIN = Symbol("load");

export type Peer = {
  /** Who is on the other end, when it is a client connection. */
  principal?: Principal;
  send(message: Uint8Array): void;
  clientIds: Set<number>;
  /** Rewrites a presence state this peer sent into what others may see. */
  sanitiseAwareness(state: Record<string, unknown>): Record<string, unknown>;
};

export type DocumentOptions = { batchMs: number; compactEvery: number };
export type DocumentContext = { hooks: SyncHooks; options: DocumentOptions; metrics: SyncMetrics; batchTimer: BatchTimer; fanout: Fanout | null };

export class SharedDocument {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly peers = new Set<Peer>();
  private pending: Uint8Array[] = [];
  private storing: Promise<void> | null = null;
  /** Only for retrying a failed store; normal stores run on the shared batch timer. */
  private retryTimer: NodeJS.Timeout | null = null;
  private batchesSinceCompaction = 0;
  private readonly flushSoon = () => void this.flush();

  constructor(
    readonly name: string,
    private readonly context: DocumentContext,
  ) {
    this.awareness.setLocalState(null); // the server has no presence of its own
    this.doc.on("update", (update: Uint8Array, origin: unknown) => {
      if (origin === LOAD_ORIGIN) return;
      this.broadcast(updateMessage(update), origin);
      this.context.hooks.changed?.(this.name, this.doc, (origin as Peer | null)?.principal ?? null);
      // Another process's client made it; that process stores it.
      if (origin === REMOTE_ORIGIN) return;
      this.context.fanout?.publishUpdate(this.name, update);
      this.pending.push(update);
      this.context.batchTimer.schedule(this.flushSoon);
    });
    this.awareness.on("update", ({ added, updated, removed }: Record<string, number[]>, origin: unknown) => {
      const changed = [...added!, ...updated!, ...removed!];
      const peer = origin as Peer | undefined;
      if (origin === REMOTE_ORIGIN) {
        const states = this.awareness.getStates();
        for (const id of [...added!, ...updated!]) {
          const state = states.get(id);
          if (state) states.set(id, sanitiseRelayedAwareness(state));
        }
      } else if (peer?.clientIds) {
        for (const id of added!) peer.clientIds.add(id);
        for (const id of removed!) peer.clientIds.delete(id);
        // Before anyone else sees it: presence carries only what the server allows.
        const states = this.awareness.getStates();
        for (const id of [...added!, ...updated!]) {
          const state = states.get(id);
          if (state && peer.clientIds.has(id)) states.set(id, peer.sanitiseAwareness(state));
        }
      }
      this.broadcast(awarenessMessage(this.awareness, changed), undefined);
      if (origin !== REMOTE_ORIGIN) this.context.fanout?.publishAwareness(this.name, awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed));
    });
  }

  /** Replays stored updates; called once, before any peer joins. */
  async load(): Promise<void> {
    const updates = await this.context.hooks.load(this.name);
    Y.transact(this.doc, () => {
      for (const u of updates) Y.applyUpdate(this.doc, u, LOAD_ORIGIN);
    }, LOAD_ORIGIN);
    this.context.hooks.loaded?.(this.name, this.doc);
  }

  /** Sends `message` to every peer except `except`. */
  broadcast(message: Uint8Array, except: unknown): void {
    for (const peer of this.peers) if (peer !== except) peer.send(message);
  }

  /** Removes a peer and its presence. */
  removePeer(peer: Peer): void {
    this.peers.delete(peer);
    if (peer.clientIds.size) awarenessProtocol.removeAwarenessStates(this.awareness, [...peer.clientIds], null);
  }

  /** Stores everything pending; resolves when it is durable. */
  async flush(): Promise<void> {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    while (this.storing) await this.storing;
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    this.storing = this.store(batch).finally(() => {
      this.storing = null;
    });
    await this.storing;
  }

  private async store(batch: Uint8Array[]): Promise<void> {
    const started = performance.now();
    try {
      await this.context.hooks.store(this.name, batch.length === 1 ? batch[0]! : Y.mergeUpdates(batch));
      this.context.metrics.persisted(performance.now() - started);
    } catch (error) {
      // Keep the batch (in order) and try again shortly; nothing acknowledged is dropped.
      this.pending = batch.concat(this.pending);
      this.context.metrics.persistFailed();
      console.error(`sync: storing ${this.name} failed, retrying: ${error instanceof Error ? error.message : String(error)}`);
      this.retryTimer ??= setTimeout(this.flushSoon, Math.max(this.context.options.batchMs, 1000));
      return;
    }
    if (++this.batchesSinceCompaction >= this.context.options.compactEvery) await this.compactNow();
  }

  /** Folds the stored log into a snapshot (call after flush). */
  async compact(): Promise<void> {
    await this.flush();
    while (this.storing) await this.storing;
    if (this.batchesSinceCompaction > 0) await this.compactNow();
  }

  private async compactNow(): Promise<void> {
    this.batchesSinceCompaction = 0;
    const compact = () => this.context.hooks.compact(this.name);
    try {
      // With several processes, one compacts at a time; a skipped one waits for its next occasion.
      if (this.context.fanout) await this.context.fanout.exclusively(`compact:${this.name}`, compact);
      else await compact();
    } catch (error) {
      // The log is intact; compaction is retried on the next occasion.
      console.error(`sync: compacting ${this.name} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** Whether updates are waiting to be stored. */
  get dirty(): boolean {
    return this.pending.length > 0 || this.storing !== null;
  }

  destroy(): void {
    this.context.hooks.unloaded?.(this.name);
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.context.batchTimer.cancel(this.flushSoon);
    this.awareness.destroy();
    this.doc.destroy();
  }
}
