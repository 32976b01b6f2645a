// GET …/events/:eventId/stream: Server-Sent Events with the market-warming day's room
// (event "room", JSON) now and after every change: the commissioning team's view to the
// team, the public view to everyone else (event-room.server.ts). The member is checked
// when the stream opens and again every heartbeat; a member removed, or signed out,
// stops receiving at the next one.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getEvent } from "~/models/market-event.server";
import { getSession } from "~/utils/auth.server";
import { audienceOf, subscribeRoom } from "~/utils/event-room.server";
import { authoriseMember } from "~/utils/permissions.server";
import { requireProcurement } from "~/utils/procurement.server";
import { onWorkspaceEventsClose } from "~/utils/workspace-events.server";

const HEARTBEAT_MS = 20_000;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { procurement, viewer, user } = await requireProcurement(request, params.workspaceId, "read:procurement");
  const event = await getEvent(procurement.id, params.eventId ?? "");
  if (!event) throw new Response("No such event in this procurement.", { status: 404 });
  const encoder = new TextEncoder();
  let stop = () => {};
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      let stopped = false;
      const send = (text: string) => {
        if (stopped) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          stop();
        }
      };
      send("retry: 3000\n\n");
      const unsubscribe = subscribeRoom(procurement, event.id, audienceOf(viewer), (room) => send(`event: room\ndata: ${JSON.stringify(room)}\n\n`));
      const heartbeat = setInterval(async () => {
        const session = await getSession(request).catch(() => null);
        const still = session?.userId === user.id ? await authoriseMember(user.id, procurement.workspaceId, "read:procurement").catch(() => null) : null;
        if (!still?.ok) return stop();
        send(": ping\n\n");
      }, HEARTBEAT_MS);
      const forgetClose = onWorkspaceEventsClose(() => stop());
      stop = () => {
        if (stopped) return;
        stopped = true;
        clearInterval(heartbeat);
        unsubscribe();
        forgetClose();
        try {
          controller.close();
        } catch {
          // already closed
        }
      };
      request.signal.addEventListener("abort", () => stop());
    },
    cancel() {
      stop();
    },
  });
  return new Response(stream, {
    headers: { "Content-Type": "text/event-stream; charset=utf-8", Connection: "keep-alive", "X-Accel-Buffering": "no", "Cache-Control": "no-store" },
  });
}
