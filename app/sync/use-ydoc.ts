// A shared Yjs document in the browser: the stock y-websocket provider to
// /sync/<workspaceId>/<section> with a short-lived token (refreshed before it
// expires, and on a 4401 close), an IndexedDB copy so edits made offline survive a
// closed tab and merge on reconnect, and live presence. Runs only in the browser.
//
// Offline is a state, not an error: when the browser says it is offline the
// connection is dropped at once (an open socket on a dead network would otherwise
// look live for up to 30 s), the editors stay editable on the device's copy, and
// `saving` says whether the last edits have reached IndexedDB yet. Back online, it
// reconnects and the sync protocol exchanges what each side lacks.
import { useCallback, useEffect, useRef, useState } from "react";
import { IndexeddbPersistence } from "y-indexeddb";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import type { Section } from "~/domain/documents";

export type SyncStatus = "connecting" | "live" | "offline" | "denied";
/** Someone else here now; `cursor` is where they are working, if the section shares it. */
export type Presence = { clientId: number; name: string; role: string; color: string; cursor: unknown };

type State = {
  doc: Y.Doc | null;
  status: SyncStatus;
  /** Connected and up to date with the server right now. */
  synced: boolean;
  /** The document has content to edit: it synced with the server once, or the device has a copy. */
  ready: boolean;
  /** Edits made here that are not yet written to this device's IndexedDB. */
  saving: boolean;
  peers: Presence[];
  version: number;
};
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

/**
 * Resolves once every IndexedDB write y-indexeddb has queued so far has committed:
 * transactions on one store run in the order they were made, so a read made after
 * them completes after they do.
 */
function afterQueuedWrites(local: IndexeddbPersistence): Promise<void> {
  const db = local.db;
  // Not open yet: on opening it writes the whole document, in a transaction of its own.
  if (!db) return local.whenSynced.then(() => afterQueuedWrites(local));
  return new Promise((resolve) => {
    try {
      const tx = db.transaction("updates", "readonly");
      tx.oncomplete = () => resolve();
      tx.onerror = tx.onabort = () => resolve();
      tx.objectStore("updates").count();
    } catch {
      resolve(); // the database is closing: nothing more will be written
    }
  });
}

/** The shared document for a workspace section (or a bid draft, `bid/<bidId>`); `version` changes on every update. */
export function useYDoc(workspaceId: string, section: Section | `bid/${string}`, colour: string): YDocHandle {
  const [state, setState] = useState<State>({ doc: null, status: "connecting", synced: false, ready: false, saving: false, peers: [], version: 0 });
  const providerRef = useRef<WebsocketProvider | null>(null);
  const setCursor = useCallback((cursor: unknown) => providerRef.current?.awareness.setLocalStateField("cursor", cursor), []);

  useEffect(() => {
    const docName = `${workspaceId}/${section}`;
    const doc = new Y.Doc();
    const local = new IndexeddbPersistence(`outcome-commons:${docName}`, doc);
    let provider: WebsocketProvider | null = null;
    let stopped = false;
    const patch = (p: Partial<State>) => !stopped && setState((s) => ({ ...s, ...p }));
    const online = () => typeof navigator === "undefined" || navigator.onLine;

    // Local edits: counted until IndexedDB has them (the badge says "kept on this device" only then).
    let unsaved = 0;
    doc.on("update", (_update: Uint8Array, origin: unknown) => {
      if (stopped) return;
      setState((s) => ({ ...s, version: s.version + 1 }));
      if (origin === local || origin === provider) return;
      unsaved++;
      patch({ saving: true });
      void afterQueuedWrites(local).then(() => {
        unsaved = Math.max(0, unsaved - 1);
        if (unsaved === 0) patch({ saving: false });
      });
    });
    void local.whenSynced.then(() => {
      // A copy on this device is enough to work on while the server is out of reach.
      if (doc.store.clients.size > 0) patch({ ready: true });
    });
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
      if (!online()) return patch({ status: "offline" }); // the online event starts it
      let token: string;
      try {
        token = await fetchToken(workspaceId);
      } catch {
        patch({ status: "offline" });
        if (!stopped) setTimeout(() => void (provider ? undefined : start()), 5000 + Math.random() * 5000);
        return;
      }
      if (stopped || provider) return;
      const scheme = location.protocol === "https:" ? "wss" : "ws";
      // A random cap on the backoff spreads reconnects after a server restart (jitter).
      provider = new WebsocketProvider(`${scheme}://${location.host}/sync`, docName, doc, {
        params: { token },
        maxBackoffTime: 2500 + Math.floor(Math.random() * 2500),
        connect: online(),
      });
      providerRef.current = provider;
      provider.awareness.setLocalStateField("user", { color: colour });
      provider.awareness.on("change", peers);
      provider.on("status", ({ status }: { status: string }) => {
        if (!online()) return patch({ status: "offline", synced: false });
        patch({ status: status === "connected" ? "live" : status === "connecting" ? "connecting" : "offline" });
      });
      provider.on("sync", (synced: boolean) => patch(synced ? { synced, ready: true } : { synced }));
      provider.on("connection-close", (event: CloseEvent | null) => {
        if (event?.code === 4401) void refresh().then(() => online() && provider?.connect());
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

    // The browser knows before the socket does: stop pretending to be live at once.
    const goneOffline = () => {
      provider?.disconnect();
      patch({ status: "offline", synced: false, peers: [] });
    };
    const backOnline = () => {
      patch({ status: "connecting" });
      if (!provider) return void start();
      void refresh().then(() => provider?.connect());
    };
    window.addEventListener("offline", goneOffline);
    window.addEventListener("online", backOnline);
    // Closing the tab while an edit is still on its way to IndexedDB would lose it: ask first.
    const beforeUnload = (event: BeforeUnloadEvent) => {
      if (unsaved > 0) event.preventDefault();
    };
    window.addEventListener("beforeunload", beforeUnload);

    void start();
    const timer = setInterval(() => online() && void refresh(), TOKEN_REFRESH_MS);
    return () => {
      stopped = true;
      providerRef.current = null;
      clearInterval(timer);
      window.removeEventListener("offline", goneOffline);
      window.removeEventListener("online", backOnline);
      window.removeEventListener("beforeunload", beforeUnload);
      provider?.destroy();
      void local.destroy();
      doc.destroy();
    };
  }, [workspaceId, section, colour]);

  return { ...state, setCursor };
}
