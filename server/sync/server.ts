// The sync endpoint: `/sync/<workspaceId>/<section>` on the app's HTTP server,
// speaking the y-websocket protocol to the stock client. Authentication happens
// before the upgrade completes; failures are reported as close codes 4401/4403
// because browsers cannot read an HTTP status from a failed upgrade.
import type { Server as HttpServer } from "node:http";
import type { Socket } from "node:net";
import { WebSocketServer, type WebSocket } from "ws";
import { CLOSE, SyncConnection, type ConnectionLimits } from "./connection";
import { principalKey, type Principal, type SyncHooks } from "./hooks";
import { SyncMetrics } from "./metrics";
import { createRedisFanout, type Fanout } from "./redis-fanout";
import { DocumentRegistry, type RegistryOptions } from "./registry";

export type SyncServerOptions = RegistryOptions & {
  path: string;
  maxMessageBytes: number;
  recheckMs: number;
  pingMs: number;
  limits: Omit<ConnectionLimits, "maxMessageBytes">;
  /** With several processes: fan updates and presence out through this Redis. */
  redisUrl?: string | undefined;
};

export const DEFAULT_SYNC_OPTIONS: SyncServerOptions = {
  path: "/sync/",
  maxMessageBytes: 1024 * 1024,
  batchMs: 50,
  compactEvery: 500,
  unloadAfterMs: 30_000,
  recheckMs: 2_000,
  pingMs: 30_000,
  limits: { messagesPerSecond: 300, burst: 1000 },
};

export type SyncServer = { metrics: SyncMetrics; registry: DocumentRegistry; close(): Promise<void> };

/** Attaches the sync endpoint to `server` (connecting to Redis first when configured). */
export async function attachSyncServer(server: HttpServer, hooks: SyncHooks, options: SyncServerOptions = DEFAULT_SYNC_OPTIONS): Promise<SyncServer> {
  const metrics = new SyncMetrics();
  const fanout: Fanout | null = options.redisUrl ? await createRedisFanout(options.redisUrl, metrics) : null;
  const registry = new DocumentRegistry(hooks, options, metrics, fanout);
  const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxMessageBytes });
  const connections = new Set<SyncConnection>();
  let closing = false;

  server.on("upgrade", (req, duplex, head) => {
    const socket = duplex as Socket;
    const url = new URL(req.url ?? "/", "http://localhost");
    if (!url.pathname.startsWith(options.path)) {
      socket.end("HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n");
      return;
    }
    if (closing) {
      socket.end("HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\n\r\n");
      return;
    }
    socket.on("error", () => socket.destroy());
    // Nothing is read from the socket until authentication has answered; a client
    // that never completes is dropped.
    socket.setTimeout(10_000, () => socket.destroy());
    const docName = decodeURIComponent(url.pathname.slice(options.path.length));
    hooks.authenticate(req, docName).then(
      (auth) => {
        socket.setTimeout(0);
        wss.handleUpgrade(req, socket, head, (ws) => {
          if (!auth.ok) return ws.close(auth.code, auth.reason);
          accept(ws, docName, auth.principal);
        });
      },
      (error: unknown) => {
        console.error(`sync: authentication failed: ${error instanceof Error ? error.message : String(error)}`);
        socket.end("HTTP/1.1 500 Internal Server Error\r\nConnection: close\r\n\r\n");
      },
    );
  });

  function accept(ws: WebSocket, docName: string, principal: Principal) {
    metrics.connections++;
    let connection: SyncConnection | null = null;
    let closed = false;
    const early: Uint8Array[] = [];
    ws.on("message", (data: Buffer, isBinary: boolean) => {
      if (!isBinary) return ws.close(CLOSE.malformed, "binary frames only");
      const message = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
      if (!connection) {
        // Frames that arrive while the document loads wait, but only a few.
        if (early.push(message) > 64) ws.close(CLOSE.policy, "too many messages before sync");
        return;
      }
      try {
        connection.receive(message);
      } catch (error) {
        console.error(`sync: error handling a message for ${docName}: ${error instanceof Error ? error.message : String(error)}`);
        ws.close(1011, "internal error");
      }
    });
    ws.on("error", () => ws.terminate());
    ws.on("close", () => {
      closed = true;
      metrics.connections--;
      if (!connection) return;
      connections.delete(connection);
      connection.document.removePeer(connection);
      registry.release(connection.document);
    });
    registry.acquire(docName).then(
      (doc) => {
        if (closed) return registry.release(doc);
        connection = new SyncConnection(ws, doc, principal, { ...options.limits, maxMessageBytes: options.maxMessageBytes }, metrics);
        connections.add(connection);
        doc.peers.add(connection);
        connection.start();
        for (const m of early.splice(0)) connection.receive(m);
      },
      (error: unknown) => {
        console.error(`sync: loading ${docName} failed: ${error instanceof Error ? error.message : String(error)}`);
        ws.close(1011, "document could not be loaded");
      },
    );
  }

  // Membership changes and revoked credentials reach open connections within recheckMs.
  let rechecking = false;
  const recheck = setInterval(async () => {
    if (rechecking || connections.size === 0) return;
    rechecking = true;
    const byDoc = new Map<string, SyncConnection[]>();
    for (const c of connections) {
      const peers = byDoc.get(c.document.name);
      if (peers) peers.push(c);
      else byDoc.set(c.document.name, [c]);
    }
    try {
      const checks = [...byDoc].map(([docName, peers]) => ({
        docName,
        principals: [...new Map(peers.map((p) => [principalKey(p.principal), p.principal])).values()],
      }));
      const now = await hooks.reauthorise(checks);
      for (const [docName, peers] of byDoc) {
        for (const peer of peers) {
          const result = now.get(docName)?.get(principalKey(peer.principal));
          if (!result) peer.close(CLOSE.forbidden, "no longer a member");
          else if (!result.ok) peer.close(result.code, result.reason);
          else peer.principal = result.principal;
        }
      }
    } catch (error) {
      console.error(`sync: re-checking members failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    rechecking = false;
  }, options.recheckMs);

  // Each connection is pinged pingMs after its last ping, checked once a second: with
  // thousands of connections one timer pinging them all at once stalls every document.
  const keepAlive = setInterval(() => {
    const now = Date.now();
    for (const c of connections) if (c.pingDue(now, options.pingMs) && !c.ping()) c.close(1001, "no answer to ping");
  }, Math.min(1000, options.pingMs));

  return {
    metrics,
    registry,
    async close() {
      closing = true;
      clearInterval(recheck);
      clearInterval(keepAlive);
      for (const c of connections) c.close(CLOSE.restart, "server restarting");
      await registry.flushAll();
      await fanout?.close();
      wss.close();
    },
  };
}
