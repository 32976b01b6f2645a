// GET /workspaces/:id/events: a Server-Sent Events stream telling an open page that
// comments, ratings or judgements in this workspace changed, so it reloads its data at
// once. Members only, like the pages; events carry no content.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireWorkspaceMember } from "~/utils/permissions.server";
import { onWorkspaceEventsClose, subscribeWorkspace } from "~/utils/workspace-events.server";

const HEARTBEAT_MS = 25_000;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { workspace } = await requireWorkspaceMember(request, params.workspaceId, "read:workspace");
  const encoder = new TextEncoder();
  let stop = () => {};
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          stop();
        }
      };
      // Reconnect after 5 s if the connection drops (the browser's EventSource does this itself).
      send("retry: 5000\n\n");
      const unsubscribe = subscribeWorkspace(workspace.id, (kind) => send(`event: change\ndata: ${kind}\n\n`));
      // Proxies close idle connections; a comment line keeps this one open.
      const heartbeat = setInterval(() => send(": ping\n\n"), HEARTBEAT_MS);
      let stopped = false;
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
    headers: { "Content-Type": "text/event-stream; charset=utf-8", Connection: "keep-alive", "X-Accel-Buffering": "no" },
  });
}
