// Keeps a market-warming day's screen live: when the workspace's event stream says the
// procurement changed, fetch the room's live state (one small JSON), never more than one
// request at a time; a change during a fetch fetches once more after it. A page loaded
// without JavaScript shows the state it was rendered with.
import { useEffect, useRef, useState } from "react";
import type { LiveRoom } from "~/models/market-event.server";

export function useLiveRoom(workspaceId: string, eventId: string, initial: LiveRoom): LiveRoom {
  const [room, setRoom] = useState(initial);
  const latest = useRef(initial.version);
  // A reload of the page's own data (after a form) brings a newer state too.
  useEffect(() => {
    if (initial.version >= latest.current) {
      latest.current = initial.version;
      setRoom(initial);
    }
  }, [initial]);
  useEffect(() => {
    let inFlight = false;
    let again = false;
    let closed = false;
    const url = `/workspaces/${workspaceId}/procurement/events/${eventId}/live.json`;
    const refresh = async () => {
      if (inFlight) return void (again = true);
      inFlight = true;
      try {
        const res = await fetch(url, { headers: { Accept: "application/json" } });
        if (res.ok && !closed) {
          const next = (await res.json()) as LiveRoom;
          latest.current = next.version;
          setRoom(next);
        }
      } catch {
        // offline: the next event or the online handler refreshes
      } finally {
        inFlight = false;
        if (again && !closed) {
          again = false;
          void refresh();
        }
      }
    };
    let source: EventSource | null = null;
    const open = () => {
      source?.close();
      source = new EventSource(`/workspaces/${workspaceId}/events`);
      source.addEventListener("change", (e) => {
        if ((e as MessageEvent<string>).data === "procurement") void refresh();
      });
    };
    const online = () => {
      open();
      void refresh();
    };
    open();
    window.addEventListener("online", online);
    return () => {
      closed = true;
      source?.close();
      window.removeEventListener("online", online);
    };
  }, [workspaceId, eventId]);
  return room;
}
