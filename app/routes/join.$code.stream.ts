// GET /join/:code/stream: the workshop as phones see it (the activity, themes, cards on
// the big screen; no names), now and after every change. Only a phone that joined this
// workshop may listen; the stream stops when its token no longer works.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { eventStream } from "~/utils/sse.server";
import { phoneOf, requireJoinable, subscribeWorkshop } from "~/utils/workshop.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const w = await requireJoinable(params.code);
  const phone = await phoneOf(request, w);
  if (!phone) throw new Response("Join the workshop first.", { status: 401 });
  return eventStream(request, (send) => subscribeWorkshop(w, "phones", (room) => send(`event: room\ndata: ${JSON.stringify(room)}\n\n`)), {
    retryMs: 2_000,
    heartbeatMs: 20_000,
    stillAllowed: async () => (await phoneOf(request, w)) !== null,
  });
}
