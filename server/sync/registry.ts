// Loaded documents: each loaded once per process and shared by its connections;
// unloaded (after a final flush and compaction) once it has had no connection for
// `unloadAfterMs`, so memory follows what is open, not what was ever opened.
import * as Y from "yjs";
import { BatchTimer } from "./batch-timer";
import type { SyncHooks } from "./hooks";
import type { SyncMetrics } from "./metrics";
import type { Fanout } from "./redis-fanout";
import { SharedDocument, type DocumentOptions } from "./shared-document";

export type RegistryOptions = DocumentOptions & { unloadAfterMs: number };

export class DocumentRegistry {
  private readonly docs = new Map<string, Promise<SharedDocument>>();
  private readonly unloadTimers = new Map<string, NodeJS.Timeout>();
  private readonly batchTimer: BatchTimer;

  constructor(
    private readonly hooks: SyncHooks,
    private readonly options: RegistryOptions,
    private readonly metrics: SyncMetrics,
    private readonly fanout: Fanout | null = null,
  ) {
    this.batchTimer = new BatchTimer(options.batchMs);
  }

  /** The loaded document, loading it if needed; cancels a pending unload. */
  async acquire(name: string): Promise<SharedDocument> {
    const timer = this.unloadTimers.get(name);
    if (timer) clearTimeout(timer);
    this.unloadTimers.delete(name);
    let loading = this.docs.get(name);
    if (!loading) {
      loading = (async () => {
        const doc = new SharedDocument(name, { hooks: this.hooks, options: this.options, metrics: this.metrics, batchTimer: this.batchTimer, fanout: this.fanout });
        await doc.load();
        await this.fanout?.join(doc);
        this.metrics.documents++;
        return doc;
      })();
      this.docs.set(name, loading);
      loading.catch(() => this.docs.delete(name));
    }
    return loading;
  }

  /** Called when a peer leaves: unload later if nobody is left. */
  release(doc: SharedDocument): void {
    if (doc.peers.size > 0 || this.unloadTimers.has(doc.name)) return;
    this.unloadTimers.set(
      doc.name,
      setTimeout(() => {
        this.unloadTimers.delete(doc.name);
        void this.unload(doc);
      }, this.options.unloadAfterMs),
    );
  }

  private async unload(doc: SharedDocument): Promise<void> {
    try {
      await doc.compact();
    } catch (error) {
      console.error(`sync: final store of ${doc.name} failed; keeping it loaded: ${error instanceof Error ? error.message : String(error)}`);
      this.release(doc);
      return;
    }
    // Someone may have joined while we were storing; then it stays.
    if (doc.peers.size > 0 || doc.dirty) return this.release(doc);
    const current = this.docs.get(doc.name);
    if (!current || (await current) !== doc) return;
    this.docs.delete(doc.name);
    await this.fanout?.leave(doc);
    doc.destroy();
    this.metrics.documents--;
  }

  /** Every loaded document. */
  async loaded(): Promise<SharedDocument[]> {
    return Promise.all([...this.docs.values()]);
  }

  /** Stores and compacts everything (shutdown). */
  async flushAll(): Promise<void> {
    for (const t of this.unloadTimers.values()) clearTimeout(t);
    this.unloadTimers.clear();
    const docs = await this.loaded();
    await Promise.all(docs.map((d) => d.compact()));
  }

  /** Stores a loaded document's pending edits now (someone is about to read the stored state). */
  async flush(name: string): Promise<void> {
    const loading = this.docs.get(name);
    if (!loading) return;
    // A document that failed to load has nothing pending; the reader gets what is stored.
    const doc = await loading.catch(() => null);
    await doc?.flush();
  }

  /**
   * Applies a change made by the server itself (e.g. an award writing the contract's
   * payment model): every open editor receives it, and it is stored like any edit.
   */
  async write(name: string, update: Uint8Array): Promise<void> {
    const doc = await this.acquire(name);
    try {
      Y.applyUpdate(doc.doc, update, null);
      await doc.flush();
    } finally {
      this.release(doc);
    }
  }

  /** Whether a document is loaded (for tests and metrics). */
  isLoaded(name: string): boolean {
    return this.docs.has(name);
  }
}
