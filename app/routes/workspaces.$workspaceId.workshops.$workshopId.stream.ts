// GET …/workshops/:workshopId/stream: the wall's view of the workshop (results, counts
// of cards to read and unread messages, cards with made-up names only when the
// facilitator shows them) for the console and the projector. Facilitators and
// commissioners only; the member is checked again every heartbeat.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getSession } from "~/utils/auth.server";
import { authoriseMember } from "~/utils/permissions.server";
import { eventStream } from "~/utils/sse.server";
import { requireWorkshop, subscribeWorkshop } from "~/utils/workshop.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { workshop, user } = await requireWorkshop(request, params.workspaceId, params.workshopId, "run:workshops");
  const stillAllowed = async () => {
    const session = await getSession(request);
    return session?.userId === user.id && (await authoriseMember(user.id, workshop.workspaceId, "run:workshops")).ok;
  };
  return eventStream(request, (send) => subscribeWorkshop(workshop, "wall", (room) => send(`event: room\ndata: ${JSON.stringify(room)}\n\n`)), { retryMs: 2_000, heartbeatMs: 20_000, stillAllowed });
}
