// A shared Yjs document in the browser: the stock y-websocket provider to
// /sync/<workspaceId>/<section> with a short-lived token (refreshed before it
// expires, and on a 4401 close), an IndexedDB copy so edits made offline survive a
// reload and merge on reconnect, and live presence. Runs only in the browser.
import { useCallback, useEffect, useRef, useState } from "react";
import { IndexeddbPersistence } from "y-indexeddb";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import type { Section } from "~/domain/documents";

export type SyncStatus = "connecting" | "live" | "offline" | "denied";
/** Someone else here now; `cursor` is where they are working, if the section shares it. */
export type Presence = { clientId: number; name: string; role: string; color: string; cursor: unknown };

type State = { doc: Y.Doc | null; status: SyncStatus; synced: boolean; peers: Presence[]; version: number };
export type YDocHandle = State & {
  /** Shares where this person is working (e.g. `{ noteId }`), or `null` when nowhere. */
  setCursor: (cursor: unknown) => void;
};

const TOKEN_REFRESH_MS = 5 * 60_000; // tokens live 10 minutes

async function fetchToken(workspaceId: string): Promise<string> {
  const res = await fetch(`/api/v1/workspaces/${encodeURIComponent(workspaceId)}/sync-token`, { credentials: "same-origin" });
  if (!res.ok) throw new Error(`sync token: ${res.status}`);
  return ((await res.json()) as { token: string }).token;
}

/** The shared document for a workspace section; `version` changes on every update. */
export function useYDoc(workspaceId: string, section: Section, colour: string): YDocHandle {
  const [state, setState] = useState<State>({ doc: null, status: "connecting", synced: false, peers: [], version: 0 });
  const providerRef = useRef<WebsocketProvider | null>(null);
  const setCursor = useCallback((cursor: unknown) => providerRef.current?.awareness.setLocalStateField("cursor", cursor), []);

  useEffect(() => {
    const docName = `${workspaceId}/${section}`;
    const doc = new Y.Doc();
    const local = new IndexeddbPersistence(`outcome-commons:${docName}`, doc);
    let provider: WebsocketProvider | null = null;
    let stopped = false;
    const patch = (p: Partial<State>) => !stopped && setState((s) => ({ ...s, ...p }));
    doc.on("update", () => !stopped && setState((s) => ({ ...s, version: s.version + 1 })));
    patch({ doc });

    const peers = () => {
      if (!provider) return;
      const list: Presence[] = [];
      provider.awareness.getStates().forEach((s, clientId) => {
        const { user, cursor } = s as { user?: Partial<Presence>; cursor?: unknown };
        if (user?.name && clientId !== doc.clientID) list.push({ clientId, name: user.name, role: user.role ?? "", color: user.color ?? "#1d4e89", cursor: cursor ?? null });
      });
      patch({ peers: list });
    };

    async function start() {
      let token: string;
      try {
        token = await fetchToken(workspaceId);
      } catch {
        patch({ status: "offline" });
        if (!stopped) setTimeout(start, 5000 + Math.random() * 5000);
        return;
      }
      if (stopped) return;
      const scheme = location.protocol === "https:" ? "wss" : "ws";
      // A random cap on the backoff spreads reconnects after a server restart (jitter).
      provider = new WebsocketProvider(`${scheme}://${location.host}/sync`, docName, doc, {
        params: { token },
        maxBackoffTime: 2500 + Math.floor(Math.random() * 2500),
      });
      providerRef.current = provider;
      provider.awareness.setLocalStateField("user", { color: colour });
      provider.awareness.on("change", peers);
      provider.on("status", ({ status }: { status: string }) => patch({ status: status === "connected" ? "live" : status === "connecting" ? "connecting" : "offline" }));
      provider.on("sync", (synced: boolean) => patch({ synced }));
      provider.on("connection-close", (event: CloseEvent | null) => {
        if (event?.code === 4401) void refresh().then(() => provider?.connect());
        else if (event?.code === 4403) patch({ status: "denied" });
      });
    }

    async function refresh() {
      try {
        const token = await fetchToken(workspaceId);
        if (provider) provider.params = { token };
      } catch {
        // Offline: the provider keeps retrying with backoff; try again next time.
      }
    }

    void start();
    const timer = setInterval(() => void refresh(), TOKEN_REFRESH_MS);
    return () => {
      stopped = true;
      providerRef.current = null;
      clearInterval(timer);
      provider?.destroy();
      void local.destroy();
      doc.destroy();
    };
  }, [workspaceId, section, colour]);

  return { ...state, setCursor };
}
