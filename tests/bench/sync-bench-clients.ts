// One process of benchmark clients (forked by sync-bench.ts), so the clients are
// spread over processes instead of saturating the benchmark's own event loop.
// Every edit carries its wall-clock send time; receivers measure the delay locally
// and report per edit, and the parent combines the reports of all processes.
import WebSocket from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";

export type ClientsPlan = {
  url: string;
  token?: string;
  worker: number;
  clientsPerDoc: number;
  editsPerSecondPerDoc: number;
  /** Presence is set at a random moment within this many ms after syncing (see below). */
  warmupMs: number;
  /** The documents this process holds clients of, and how many each. */
  docs: { index: number; name: string; clients: number }[];
};

export type ToClients = { type: "plan"; plan: ClientsPlan } | { type: "go"; seconds: number } | { type: "quiesce"; expectedPerDoc: Record<number, number> } | { type: "stop" };

export type FromClients =
  | { type: "synced" }
  | { type: "sent"; perDoc: Record<number, number> }
  | {
      type: "result";
      /** [edit id, how many of this process's clients saw it, the longest delay in ms] */
      edits: [string, number, number][];
      replicas: { docIndex: number; length: number; stateVector: string }[];
      deliveries: number;
    };

// Each provider adds a process 'exit' listener; thousands are expected here.
process.setMaxListeners(0);
const now = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const send = (message: FromClients) => process.send!(message);

type Client = { doc: Y.Doc; provider: WebsocketProvider; docIndex: number };
let clients: Client[] = [];
const seen = new Map<string, { count: number; maxDelay: number }>();
let deliveries = 0;
let plan: ClientsPlan;

async function connect(p: ClientsPlan) {
  plan = p;
  for (const d of p.docs) {
    for (let c = 0; c < d.clients; c++) {
      const doc = new Y.Doc();
      const provider = new WebsocketProvider(p.url, d.name, doc, {
        WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
        params: p.token ? { token: p.token } : {},
        disableBc: true,
        resyncInterval: -1,
      });
      // A map keyed by edit id: keysChanged is cheap, so the clients measure the
      // servers rather than their own bookkeeping.
      doc.getMap<number>("edits").observe((event) => {
        if (event.transaction.local) return;
        const t = now();
        for (const id of event.keysChanged) {
          deliveries++;
          const sentAt = Number(id.slice(id.lastIndexOf(":") + 1));
          const e = seen.get(id);
          if (e) {
            e.count++;
            e.maxDelay = Math.max(e.maxDelay, t - sentAt);
          } else seen.set(id, { count: 1, maxDelay: t - sentAt });
        }
      });
      clients.push({ doc, provider, docIndex: d.index });
      // Connect in batches so the handshake storm does not dominate.
      if (clients.length % 100 === 0) await sleep(100);
    }
  }
  const deadline = Date.now() + 60_000;
  while (!clients.every((c) => c.provider.synced) && Date.now() < deadline) await sleep(100);
  if (!clients.every((c) => c.provider.synced)) throw new Error("not every client synced");
  // A client renews its presence 15 s after last setting it. Clients that all connected
  // within a second would renew in one burst, which no real room produces; setting
  // presence at a random moment of the warm-up spreads renewals evenly, as people do.
  clients.forEach((c, i) => setTimeout(() => c.provider.awareness.setLocalState({ user: { name: `Bench client ${plan.worker}.${i}`, color: "#1d4e89" } }), Math.random() * p.warmupMs));
  await sleep(p.warmupMs + 500);
  send({ type: "synced" });
}

async function edit(seconds: number) {
  const perDoc: Record<number, number> = {};
  let seq = 0;
  const timers = plan.docs.map((d) => {
    const local = clients.filter((c) => c.docIndex === d.index);
    perDoc[d.index] = 0;
    // This process's share of the document's edit rate.
    const interval = 1000 / (plan.editsPerSecondPerDoc * (d.clients / plan.clientsPerDoc));
    return setInterval(() => {
      const writer = local[Math.floor(Math.random() * local.length)]!;
      writer.doc.getMap<number>("edits").set(`${d.index}:${plan.worker}:${seq++}:${now()}`, 1);
      perDoc[d.index]!++;
    }, interval);
  });
  await sleep(seconds * 1000);
  timers.forEach(clearInterval);
  send({ type: "sent", perDoc });
}

async function quiesce(expected: Record<number, number>) {
  const done = () => clients.every((c) => c.doc.getMap("edits").size === expected[c.docIndex]);
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline && !done()) await sleep(100);
  send({
    type: "result",
    edits: [...seen].map(([id, e]) => [id, e.count, e.maxDelay]),
    replicas: clients.map((c) => ({
      docIndex: c.docIndex,
      length: c.doc.getMap("edits").size,
      stateVector: Buffer.from(Y.encodeStateVector(c.doc)).toString("base64"),
    })),
    deliveries,
  });
}

process.on("message", (message: ToClients) => {
  const fail = (error: unknown) => {
    console.error(error);
    process.exit(1);
  };
  if (message.type === "plan") connect(message.plan).catch(fail);
  if (message.type === "go") edit(message.seconds).catch(fail);
  if (message.type === "quiesce") quiesce(message.expectedPerDoc).catch(fail);
  if (message.type === "stop") {
    for (const c of clients) {
      c.provider.destroy();
      c.doc.destroy();
    }
    clients = [];
    process.exit(0);
  }
});
