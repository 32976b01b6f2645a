// One client connection: decodes its frames, applies what its role allows, and
// closes only itself on bad input.
import type { WebSocket } from "ws";
import * as awarenessProtocol from "y-protocols/awareness";
import * as Y from "yjs";
import type { Principal } from "./hooks";
import { awarenessMessage, decodeMessage, MalformedMessage, SYNC_MESSAGE_OVERHEAD, syncStep1Message, syncStep2Message, updateMessage } from "./messages";
import type { SyncMetrics } from "./metrics";
import type { Peer, SharedDocument } from "./shared-document";
import { sanitiseAwareness } from "./presence";
import { splitUpdate } from "./split-update";

export const CLOSE = {
  unauthenticated: 4401,
  forbidden: 4403,
  malformed: 1007,
  policy: 1008,
  tooBig: 1009,
  restart: 1012,
} as const;

export type ConnectionLimits = { messagesPerSecond: number; burst: number; maxMessageBytes: number };

export class SyncConnection implements Peer {
  readonly clientIds = new Set<number>();
  private tokens: number;
  private lastRefill = Date.now();
  private alive = true;
  private lastPing = Date.now();

  constructor(
    private readonly ws: WebSocket,
    readonly document: SharedDocument,
    public principal: Principal,
    private readonly limits: ConnectionLimits,
    private readonly metrics: SyncMetrics,
  ) {
    this.tokens = limits.burst;
    ws.on("pong", () => {
      this.alive = true;
    });
  }

  /** Starts the exchange: our state vector, and everyone's presence. */
  start(): void {
    this.send(syncStep1Message(this.document.doc));
    const states = [...this.document.awareness.getStates().keys()];
    if (states.length) this.send(awarenessMessage(this.document.awareness, states));
  }

  sanitiseAwareness(state: Record<string, unknown>): Record<string, unknown> {
    return sanitiseAwareness(state, this.principal);
  }

  send(message: Uint8Array): void {
    if (this.ws.readyState === this.ws.OPEN) this.ws.send(message);
  }

  close(code: number, reason: string): void {
    this.ws.close(code, reason);
  }

  /** Whether `pingMs` has passed since this connection was last pinged (or opened). */
  pingDue(now: number, pingMs: number): boolean {
    return now - this.lastPing >= pingMs;
  }

  /** For keep-alive: false if the last ping went unanswered. */
  ping(): boolean {
    if (!this.alive) return false;
    this.alive = false;
    this.lastPing = Date.now();
    this.ws.ping();
    return true;
  }

  private allow(): boolean {
    const now = Date.now();
    this.tokens = Math.min(this.limits.burst, this.tokens + ((now - this.lastRefill) / 1000) * this.limits.messagesPerSecond);
    this.lastRefill = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  /**
   * Sends what the client lacks. A large document goes as several updates, each within
   * the message limit, the last as step 2: the stock client counts itself synced on step 2.
   */
  private answerStep1(stateVector: Uint8Array): void {
    let update: Uint8Array;
    try {
      update = Y.encodeStateAsUpdate(this.document.doc, stateVector);
    } catch {
      return this.close(CLOSE.malformed, "invalid state vector");
    }
    const parts = splitUpdate(update, this.limits.maxMessageBytes - SYNC_MESSAGE_OVERHEAD);
    for (const part of parts.slice(0, -1)) this.send(updateMessage(part));
    this.send(syncStep2Message(parts.at(-1)!));
  }

  /** Handles one frame from the client. */
  receive(data: Uint8Array): void {
    if (!this.allow()) return this.close(CLOSE.policy, "rate limit exceeded");
    let message;
    try {
      message = decodeMessage(data);
    } catch (error) {
      if (error instanceof MalformedMessage) return this.close(CLOSE.malformed, error.message);
      throw error;
    }
    const { doc, awareness } = this.document;
    switch (message.type) {
      case "sync-step1":
        return this.answerStep1(message.stateVector);
      case "sync-update":
        // Read-only roles: not applied, not broadcast, not stored. They keep receiving.
        if (!this.principal.canWrite) {
          this.metrics.updatesDropped++;
          return;
        }
        try {
          Y.applyUpdate(doc, message.update, this);
          this.metrics.updatesApplied++;
        } catch {
          this.close(CLOSE.malformed, "invalid Yjs update");
        }
        return;
      case "awareness": {
        try {
          awarenessProtocol.applyAwarenessUpdate(awareness, message.update, this);
        } catch {
          return this.close(CLOSE.malformed, "invalid awareness update");
        }
        return;
      }
      case "query-awareness":
        this.send(awarenessMessage(awareness, [...awareness.getStates().keys()]));
        return;
      case "auth":
        return;
    }
  }
}
