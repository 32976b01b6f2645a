// Reloads the page's data as soon as the server says something it shows changed in
// this workspace (Server-Sent Events from /workspaces/:id/events); the slower poll in
// useRevalidatedWhileVisible stays as the fallback when the stream is down. The stream
// is open only while the tab is visible: over HTTP/1.1 a browser allows six
// connections per host, and streams from background tabs would use them up; a tab
// that comes back reloads once to catch up. Offline the stream is closed (the browser
// would retry it every few seconds for nothing) and opened again once back online.
import { useNavigation, useRevalidator } from "@remix-run/react";
import { useEffect, useRef } from "react";
import type { WorkspaceEventKind } from "~/domain/workspace-events";

export function useWorkspaceEvents(workspaceId: string, kinds: readonly WorkspaceEventKind[]): void {
  const revalidator = useRevalidator();
  const navigation = useNavigation();
  const latest = useRef({ revalidator, busy: false });
  latest.current = { revalidator, busy: navigation.state !== "idle" || revalidator.state !== "idle" };
  const key = kinds.join(",");
  useEffect(() => {
    const wanted = new Set(key.split(","));
    let timer: ReturnType<typeof setTimeout> | undefined;
    let source: EventSource | null = null;
    // A burst of events (several people commenting) makes one reload; a busy page reloads when it is done.
    const reload = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        const { revalidator: r, busy } = latest.current;
        if (!navigator.onLine) return; // the online event reloads
        if (busy) return reload();
        void Promise.resolve(r.revalidate()).catch(() => {}); // overtaken by another load: not an error
      }, 150);
    };
    const open = () => {
      source = new EventSource(`/workspaces/${workspaceId}/events`);
      source.addEventListener("change", (event) => {
        if (wanted.has((event as MessageEvent<string>).data)) reload();
      });
    };
    const shouldBeOpen = () => document.visibilityState === "visible" && navigator.onLine;
    const onChange = () => {
      if (shouldBeOpen() && !source) {
        open();
        reload();
      } else if (!shouldBeOpen()) {
        source?.close();
        source = null;
      }
    };
    if (shouldBeOpen()) open();
    document.addEventListener("visibilitychange", onChange);
    window.addEventListener("online", onChange);
    window.addEventListener("offline", onChange);
    return () => {
      clearTimeout(timer);
      source?.close();
      document.removeEventListener("visibilitychange", onChange);
      window.removeEventListener("online", onChange);
      window.removeEventListener("offline", onChange);
    };
  }, [workspaceId, key]);
}
