// npm run bench:sync: real y-websocket clients against (1) our sync server with
// persistence and authorisation on, and (2) the classic y-websocket@2.1.0 in-memory
// server, on the same scenarios in the same run. Prints fan-out delay percentiles,
// deliveries per second, lost updates, divergence and server RSS, and our/reference
// ratios. Clients run in this process, servers in their own.
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import WebSocket from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { admin } from "../support/client";
import { startServer } from "../support/server";

type Scenario = { name: string; docs: number; clientsPerDoc: number; editsPerSecondPerDoc: number };
// Each provider adds a process 'exit' listener; thousands are expected here.
process.setMaxListeners(0);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ALL_SCENARIOS: Scenario[] = [
  { name: "1 doc x 200 clients @ 50 edits/s", docs: 1, clientsPerDoc: 200, editsPerSecondPerDoc: 50 },
  { name: "1 doc x 200 clients @ 200 edits/s", docs: 1, clientsPerDoc: 200, editsPerSecondPerDoc: 200 },
  { name: "100 docs x 20 clients @ 10 edits/s each", docs: 100, clientsPerDoc: 20, editsPerSecondPerDoc: 10 },
];
// BENCH_ONLY=3 (or 1,3) runs a subset, numbered from 1.
const SCENARIOS = process.env.BENCH_ONLY ? process.env.BENCH_ONLY.split(",").map((i) => ALL_SCENARIOS[Number(i) - 1]!) : ALL_SCENARIOS;

type Target = {
  name: string;
  url: string; // ws base, e.g. ws://127.0.0.1:1234/sync
  pid: number;
  docNames(n: number): Promise<string[]>;
  token?: string;
  metricsUrl?: string;
  stop(): Promise<void>;
};

type Result = { p50: number; p95: number; p99: number; deliveriesPerSecond: number; lost: number; diverged: number; rssMiB: number; edits: number };

function rssMiB(pid: number): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return m ? Number(m[1]) / 1024 : NaN;
}

const pct = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function ours(): Promise<Target> {
  const server = await startServer({ SYNC_UNLOAD_AFTER_MS: "60000", ...(process.env.BENCH_SERVER_ENV ? JSON.parse(process.env.BENCH_SERVER_ENV) : {}) });
  const token = (await admin(server.env, ["token:create", "--email", "lead@sutton.example"])).stdout.trim();
  return {
    name: "outcome-commons (persist+auth)",
    url: `${server.url.replace("http", "ws")}/sync`,
    pid: server.pid,
    token,
    metricsUrl: `${server.url}/metrics`,
    async docNames(n) {
      const names: string[] = [];
      for (let i = 0; i < n; i++) {
        const res = await fetch(`${server.url}/api/v1/workspaces`, {
          method: "POST",
          headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
          body: JSON.stringify({ name: `Bench ${Date.now()} ${i}` }),
        });
        names.push(`${((await res.json()) as { id: string }).id}/board`);
      }
      return names;
    },
    stop: () => server.stop(),
  };
}

async function reference(): Promise<Target> {
  // The bin is not in the package's exports: resolve the package root, then the file.
  const require = createRequire(import.meta.url);
  const bin = require.resolve("y-websocket-classic/package.json").replace(/package\.json$/, "bin/server.cjs");
  const port = 20000 + Math.floor(Math.random() * 20000);
  const child: ChildProcess = spawn(process.execPath, [bin], { env: { ...process.env, HOST: "127.0.0.1", PORT: String(port) }, stdio: ["ignore", "pipe", "pipe"] });
  await new Promise<void>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error("reference server did not start")), 10_000);
    child.stdout!.on("data", (d: Buffer) => {
      if (d.toString().includes("running")) {
        clearTimeout(t);
        resolve();
      }
    });
  });
  let n = 0;
  return {
    name: "y-websocket@2.1.0 (in-memory)",
    url: `ws://127.0.0.1:${port}`,
    pid: child.pid!,
    async docNames(count) {
      return Array.from({ length: count }, () => `bench-${Date.now()}-${n++}`);
    },
    stop: async () => {
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
    },
  };
}

async function run(target: Target, s: Scenario): Promise<Result> {
  const names = await target.docNames(s.docs);
  type Client = { doc: Y.Doc; provider: WebsocketProvider; docIndex: number };
  const clients: Client[] = [];
  // Per edit: when it was made and how many clients have seen it.
  const sent = new Map<string, { at: number; seen: number; maxDelay: number }>();
  const delays: number[] = [];
  let deliveries = 0;
  for (let d = 0; d < s.docs; d++) {
    for (let c = 0; c < s.clientsPerDoc; c++) {
      const doc = new Y.Doc();
      const provider = new WebsocketProvider(target.url, names[d]!, doc, {
        WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
        params: target.token ? { token: target.token } : {},
        disableBc: true,
        resyncInterval: -1,
      });
      doc.getArray<string>("edits").observe((event) => {
        if (event.transaction.origin === null || event.transaction.local) return;
        const now = performance.now();
        for (const item of event.changes.added) {
          for (const id of item.content.getContent() as string[]) {
            const e = sent.get(id);
            if (!e) continue;
            deliveries++;
            e.seen++;
            e.maxDelay = Math.max(e.maxDelay, now - e.at);
            if (e.seen === s.clientsPerDoc - 1) delays.push(e.maxDelay);
          }
        }
      });
      clients.push({ doc, provider, docIndex: d });
    }
    // Connect in batches so the handshake storm does not dominate.
    if (clients.length % 200 === 0) await sleep(200);
  }
  const deadline = Date.now() + 60_000;
  while (!clients.every((c) => c.provider.synced) && Date.now() < deadline) await sleep(100);
  if (!clients.every((c) => c.provider.synced)) throw new Error(`${target.name}: not every client synced`);

  const byDoc = Array.from({ length: s.docs }, (_, d) => clients.filter((c) => c.docIndex === d));
  const intervalMs = 1000 / s.editsPerSecondPerDoc;
  let seq = 0;
  const started = performance.now();
  const timers = byDoc.map((docClients, d) =>
    setInterval(() => {
      const writer = docClients[Math.floor(Math.random() * docClients.length)]!;
      const id = `${d}:${seq++}`;
      sent.set(id, { at: performance.now(), seen: 0, maxDelay: 0 });
      writer.doc.getArray<string>("edits").push([id]);
    }, intervalMs),
  );
  await sleep(SECONDS * 1000);
  timers.forEach(clearInterval);
  const elapsed = (performance.now() - started) / 1000;
  // Quiesce, then check every edit reached every client and all replicas agree.
  const expectedPerDoc = byDoc.map((_, d) => [...sent.keys()].filter((k) => k.startsWith(`${d}:`)).length);
  const quiet = Date.now() + 15_000;
  while (Date.now() < quiet && !clients.every((c) => c.doc.getArray("edits").length === expectedPerDoc[c.docIndex])) await sleep(100);
  const lost = clients.reduce((sum, c) => sum + (expectedPerDoc[c.docIndex]! - c.doc.getArray("edits").length), 0);
  let diverged = 0;
  for (const docClients of byDoc) {
    const ref = Buffer.from(Y.encodeStateVector(docClients[0]!.doc)).toString("base64");
    diverged += docClients.filter((c) => Buffer.from(Y.encodeStateVector(c.doc)).toString("base64") !== ref).length;
  }
  const rss = rssMiB(target.pid);
  if (target.metricsUrl && process.env.BENCH_DEBUG) console.log((await (await fetch(target.metricsUrl)).text()).split("\n").filter((l) => l.startsWith("oc_")).join("\n"));
  for (const c of clients) {
    c.provider.destroy();
    c.doc.destroy();
  }
  delays.sort((a, b) => a - b);
  return { p50: pct(delays, 0.5), p95: pct(delays, 0.95), p99: pct(delays, 0.99), deliveriesPerSecond: deliveries / elapsed, lost, diverged, rssMiB: rss, edits: sent.size };
}

const fmt = (n: number, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : "n/a");

async function main() {
  console.log(`bench:sync — ${SECONDS}s per scenario, clients in this process, ${new Date().toISOString()}`);
  const rows: string[] = [];
  for (const s of SCENARIOS) {
    const results: Record<string, Result> = {};
    for (const make of [reference, ours]) {
      const target = await make();
      try {
        results[target.name] = await run(target, s);
      } finally {
        await target.stop();
      }
      await sleep(1000);
    }
    const [refName, ourName] = Object.keys(results) as [string, string];
    const ref = results[refName]!;
    const our = results[ourName]!;
    for (const [name, r] of Object.entries(results)) {
      rows.push(
        `| ${s.name} | ${name} | ${fmt(r.p50)} | ${fmt(r.p95)} | ${fmt(r.p99)} | ${fmt(r.deliveriesPerSecond, 0)} | ${r.lost} | ${r.diverged} | ${fmt(r.rssMiB, 0)} |`,
      );
    }
    rows.push(`| ${s.name} | **ratio ours/reference** | ${fmt(our.p50 / ref.p50, 2)} | ${fmt(our.p95 / ref.p95, 2)} | ${fmt(our.p99 / ref.p99, 2)} | ${fmt(our.deliveriesPerSecond / ref.deliveriesPerSecond, 2)} | | | ${fmt(our.rssMiB / ref.rssMiB, 2)} |`);
    console.log(rows.slice(-3).join("\n"));
  }
  console.log("\n| scenario | server | p50 ms | p95 ms | p99 ms | deliveries/s | lost | diverged | server RSS MiB |");
  console.log("|---|---|---|---|---|---|---|---|---|");
  console.log(rows.join("\n"));
  process.exit(0);
}

await main();
