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
import { eventStream } from "~/utils/sse.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { procurement, viewer, user } = await requireProcurement(request, params.workspaceId, "read:procurement");
  const event = await getEvent(procurement.id, params.eventId ?? "");
  if (!event) throw new Response("No such event in this procurement.", { status: 404 });
  const stillAllowed = async () => {
    const session = await getSession(request);
    return session?.userId === user.id && (await authoriseMember(user.id, procurement.workspaceId, "read:procurement")).ok;
  };
  return eventStream(request, (send) => subscribeRoom(procurement, event.id, audienceOf(viewer), (room) => send(`event: room\ndata: ${JSON.stringify(room)}\n\n`)), {
    retryMs: 3_000,
    heartbeatMs: 20_000,
    stillAllowed,
  });
}
