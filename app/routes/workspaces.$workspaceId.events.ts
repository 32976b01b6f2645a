// GET /workspaces/:id/events: a Server-Sent Events stream telling an open page that
// comments, ratings or judgements in this workspace changed, so it reloads its data at
// once. Members only, like the pages; events carry no content.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireWorkspaceMember } from "~/utils/permissions.server";
import { eventStream } from "~/utils/sse.server";
import { subscribeWorkspace } from "~/utils/workspace-events.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { workspace } = await requireWorkspaceMember(request, params.workspaceId, "read:workspace");
  // Reconnect after 5 s if the connection drops (the browser's EventSource does this itself).
  return eventStream(request, (send) => subscribeWorkspace(workspace.id, (kind) => send(`event: change\ndata: ${kind}\n\n`)), { retryMs: 5_000, heartbeatMs: 25_000 });
}
