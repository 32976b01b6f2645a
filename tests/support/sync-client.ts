// Sync clients for tests: the stock y-websocket provider in Node, and a raw
// WebSocket for message-level checks.
import WebSocket from "ws";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as syncProtocol from "y-protocols/sync";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";

export function wsBase(httpUrl: string) {
  return `${httpUrl.replace(/^http/, "ws")}/sync`;
}

/** A stock WebsocketProvider on `docName`; resolves once synced. */
export async function connectProvider(httpUrl: string, docName: string, token: string) {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(wsBase(httpUrl), docName, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params: { token },
    disableBc: true,
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`provider for ${docName} did not sync`)), 10_000);
    provider.once("sync", () => {
      clearTimeout(timer);
      resolve();
    });
  });
  return {
    doc,
    provider,
    close: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** Waits until `check` holds (polling), or fails after `ms`. */
export async function eventually(check: () => boolean, ms = 5000, what = "condition") {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** A raw WebSocket to the sync endpoint: send frames, see what comes back and how it closes. */
export function rawSocket(httpUrl: string, docName: string, token?: string, headers: Record<string, string> = {}) {
  const url = `${wsBase(httpUrl)}/${docName}${token ? `?token=${encodeURIComponent(token)}` : ""}`;
  const ws = new WebSocket(url, { headers });
  const received: Uint8Array[] = [];
  const waiters: (() => void)[] = [];
  ws.on("message", (d: Buffer) => {
    received.push(new Uint8Array(d));
    waiters.splice(0).forEach((w) => w());
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.on("close", (code, reason) => resolve({ code, reason: reason.toString() })));
  const open = new Promise<void>((resolve, reject) => {
    ws.once("open", () => resolve());
    ws.once("error", reject);
  });
  return {
    ws,
    received,
    open,
    closed,
    /** Resolves when at least `n` messages have arrived. */
    async messages(n: number, ms = 5000) {
      const start = Date.now();
      while (received.length < n) {
        if (Date.now() - start > ms) throw new Error(`only ${received.length} of ${n} messages arrived`);
        await new Promise<void>((r) => {
          waiters.push(r);
          setTimeout(r, 50);
        });
      }
    },
  };
}

/** A sync update frame carrying `update`. */
export function updateFrame(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  syncProtocol.writeUpdate(e, update);
  return encoding.toUint8Array(e);
}

/** A query-awareness frame: its reply proves the server handled earlier frames. */
export const QUERY_AWARENESS = new Uint8Array([3]);

/** A Yjs update that sets map `probe`[key] = true, from a throwaway doc. */
export function probeUpdate(key: string): Uint8Array {
  const d = new Y.Doc();
  d.getMap("probe").set(key, true);
  return Y.encodeStateAsUpdate(d);
}

/** The message type of a server frame. */
export function messageType(frame: Uint8Array): number {
  return decoding.readVarUint(decoding.createDecoder(frame));
}
