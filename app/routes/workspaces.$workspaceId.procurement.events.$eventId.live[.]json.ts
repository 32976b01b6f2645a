// The live state of a market-warming day for one screen: what the presenter shows,
// the polls and their results, and the questions this person may see. Screens fetch
// it when the workspace's event stream says the procurement changed.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getEvent, liveRoom } from "~/models/market-event.server";
import { requireProcurement } from "~/utils/procurement.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { procurement, viewer } = await requireProcurement(request, params.workspaceId, "read:procurement");
  const event = await getEvent(procurement.id, params.eventId ?? "");
  if (!event) throw new Response("No such event", { status: 404 });
  return Response.json(await liveRoom(procurement, event.id, viewer), { headers: { "Cache-Control": "no-store" } });
}
