// Reads a Server-Sent Events stream the way a browser's EventSource would, for tests:
// the text so far, and a wait for some text to arrive.
export type EventStream = { text: () => string; waitFor: (needle: string, ms?: number) => Promise<void>; close: () => void; ended: Promise<void> };

export async function openEventStream(url: string, cookie: string): Promise<{ status: number; stream: EventStream | null }> {
  const controller = new AbortController();
  const res = await fetch(url, { headers: { Cookie: cookie, Accept: "text/event-stream" }, redirect: "manual", signal: controller.signal });
  if (res.status !== 200 || !res.body) {
    controller.abort();
    return { status: res.status, stream: null };
  }
  let received = "";
  const waiters = new Set<() => void>();
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  const ended = (async () => {
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        received += decoder.decode(value, { stream: true });
        for (const w of waiters) w();
      }
    } catch {
      // closed by the test
    }
  })();
  const waitFor = (needle: string, ms = 5000) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (!received.includes(needle)) return;
        waiters.delete(check);
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`no ${JSON.stringify(needle)} within ${ms} ms; received ${JSON.stringify(received)}`));
      }, ms);
      waiters.add(check);
      check();
    });
  return { status: 200, stream: { text: () => received, waitFor, close: () => controller.abort(), ended } };
}
