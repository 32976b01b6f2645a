// A Server-Sent Events response: a retry hint, a heartbeat comment that keeps proxies
// from closing an idle stream (and, when `stillAllowed` is given, re-checks the reader
// first), and one way to stop (the client hanging up, shutdown, or the check failing).
import { onWorkspaceEventsClose } from "./workspace-events.server";

type Options = { retryMs: number; heartbeatMs: number; stillAllowed?: () => Promise<boolean> };

/** `subscribe` starts sending and returns how to stop; it is called once the stream opens. */
export function eventStream(request: Request, subscribe: (send: (text: string) => void) => () => void, { retryMs, heartbeatMs, stillAllowed }: Options): Response {
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
      send(`retry: ${retryMs}\n\n`);
      const unsubscribe = subscribe(send);
      const heartbeat = setInterval(async () => {
        if (stillAllowed && !(await stillAllowed().catch(() => false))) return stop();
        send(": ping\n\n");
      }, heartbeatMs);
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
