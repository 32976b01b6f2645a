// npm run bench:sync: real y-websocket clients against (1) our sync server with
// persistence and authorisation on, and (2) the classic y-websocket@2.1.0 in-memory
// server, on the same scenarios in the same run. Prints fan-out delay percentiles,
// deliveries per second, lost updates, divergence and server RSS, and our/reference
// ratios. Servers run in their own process; clients in BENCH_CLIENT_PROCESSES
// processes of their own (sync-bench-clients.ts), 2 by default. Each scenario runs
// BENCH_RUNS times (3 by default), alternating which server goes first; the table
// gives medians, and each ratio is the median of the per-run ratios.
import { fork, spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { admin } from "../support/client";
import { startServer } from "../support/server";
import type { ClientsPlan, FromClients, ToClients } from "./sync-bench-clients";

type Scenario = { name: string; docs: number; clientsPerDoc: number; editsPerSecondPerDoc: number };
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
// Shared 2-core machines are noisy: each scenario runs BENCH_RUNS times (medians reported).
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
// Long enough to spread presence renewals (every 15 s per client) evenly.
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 15);
const CLIENT_PROCESSES = Number(process.env.BENCH_CLIENT_PROCESSES ?? 2);
const NODE_ARGS = process.env.BENCH_NODE_ARGS?.split(" ").filter(Boolean) ?? [];
const CLIENTS = new URL("./sync-bench-clients.ts", import.meta.url).pathname;
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
  logs?: () => string;
  stop(): Promise<void>;
};

type Result = { p50: number; p95: number; p99: number; deliveriesPerSecond: number; lost: number; diverged: number; rssMiB: number; cpuPercent: number; edits: number };

function rssMiB(pid: number): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return m ? Number(m[1]) / 1024 : NaN;
}

const pct = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function ours(): Promise<Target> {
  // BENCH_SERVER_ENV (JSON) and BENCH_NODE_ARGS (e.g. "--cpu-prof") are for profiling.
  const server = await startServer(
    { SYNC_UNLOAD_AFTER_MS: "60000", ...(process.env.BENCH_SERVER_ENV ? JSON.parse(process.env.BENCH_SERVER_ENV) : {}) },
    undefined,
    NODE_ARGS,
  );
  const token = (await admin(server.env, ["token:create", "--email", "lead@sutton.example"])).stdout.trim();
  return {
    name: "outcome-commons (persist+auth)",
    url: `${server.url.replace("http", "ws")}/sync`,
    pid: server.pid,
    token,
    metricsUrl: `${server.url}/metrics`,
    logs: server.logs,
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
  const child: ChildProcess = spawn(process.execPath, [...NODE_ARGS, bin], { env: { ...process.env, HOST: "127.0.0.1", PORT: String(port) }, stdio: ["ignore", "pipe", "pipe"] });
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

function cpuSeconds(pid: number): number {
  // /proc/<pid>/stat: utime and stime are fields 14 and 15, in clock ticks (100/s).
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** Starts the client processes; resolves to one handle per process. */
function forkClients(count: number) {
  return Array.from({ length: count }, () => {
    const child = fork(CLIENTS, [], { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
    const next = <T extends FromClients["type"]>(type: T) =>
      new Promise<Extract<FromClients, { type: T }>>((resolve, reject) => {
        const onMessage = (m: FromClients) => {
          if (m.type !== type) return;
          child.off("message", onMessage);
          child.off("exit", onExit);
          resolve(m as Extract<FromClients, { type: T }>);
        };
        const onExit = (code: number) => reject(new Error(`benchmark clients exited with ${code}`));
        child.on("message", onMessage);
        child.once("exit", onExit);
      });
    const tell = (m: ToClients) => child.send(m);
    const stop = async () => {
      const exited = new Promise((r) => child.once("exit", r));
      tell({ type: "stop" });
      await exited;
    };
    return { next, tell, stop };
  });
}

/** How the clients are spread: whole documents per process where there are enough. */
function plans(target: Target, names: string[], s: Scenario): ClientsPlan[] {
  return Array.from({ length: CLIENT_PROCESSES }, (_, worker) => ({
    url: target.url,
    ...(target.token ? { token: target.token } : {}),
    worker,
    clientsPerDoc: s.clientsPerDoc,
    editsPerSecondPerDoc: s.editsPerSecondPerDoc,
    warmupMs: WARMUP_SECONDS * 1000,
    docs: names.flatMap((name, index) => {
      if (s.docs >= CLIENT_PROCESSES) return index % CLIENT_PROCESSES === worker ? [{ index, name, clients: s.clientsPerDoc }] : [];
      const share = Math.floor(s.clientsPerDoc / CLIENT_PROCESSES) + (worker < s.clientsPerDoc % CLIENT_PROCESSES ? 1 : 0);
      return [{ index, name, clients: share }];
    }),
  }));
}

/** BENCH_DEBUG: the slowest fan-out per 250 ms of sending, to tell stalls from noise. */
function printTimeline(edits: Map<string, { count: number; maxDelay: number }>) {
  const slowest = new Map<number, number>();
  let first = Infinity;
  for (const id of edits.keys()) first = Math.min(first, Number(id.slice(id.lastIndexOf(":") + 1)));
  for (const [id, e] of edits) {
    const bucket = Math.floor((Number(id.slice(id.lastIndexOf(":") + 1)) - first) / 250);
    slowest.set(bucket, Math.max(slowest.get(bucket) ?? 0, e.maxDelay));
  }
  console.log([...slowest].sort((a, b) => a[0] - b[0]).map(([b, ms]) => `${(b / 4).toFixed(2)}s:${ms.toFixed(0)}`).join(" "));
}

async function run(target: Target, s: Scenario): Promise<Result> {
  const names = await target.docNames(s.docs);
  const workers = forkClients(CLIENT_PROCESSES);
  try {
    const synced = workers.map((w) => w.next("synced"));
    plans(target, names, s).forEach((plan, i) => workers[i]!.tell({ type: "plan", plan }));
    await Promise.all(synced);

    const cpuBefore = cpuSeconds(target.pid);
    const started = performance.now();
    const sent = workers.map((w) => w.next("sent"));
    workers.forEach((w) => w.tell({ type: "go", seconds: SECONDS }));
    const sentReports = await Promise.all(sent);
    const elapsed = (performance.now() - started) / 1000;
    const cpu = (cpuSeconds(target.pid) - cpuBefore) / elapsed;

    const expectedPerDoc: Record<number, number> = {};
    for (const r of sentReports) for (const [d, n] of Object.entries(r.perDoc)) expectedPerDoc[Number(d)] = (expectedPerDoc[Number(d)] ?? 0) + n;
    const results = workers.map((w) => w.next("result"));
    workers.forEach((w) => w.tell({ type: "quiesce", expectedPerDoc }));
    const reports = await Promise.all(results);

    // Combine: an edit's fan-out delay is the longest over every receiver, counted
    // once all clientsPerDoc - 1 other clients have it.
    const edits = new Map<string, { count: number; maxDelay: number }>();
    for (const r of reports) {
      for (const [id, count, maxDelay] of r.edits) {
        const e = edits.get(id);
        if (e) {
          e.count += count;
          e.maxDelay = Math.max(e.maxDelay, maxDelay);
        } else edits.set(id, { count, maxDelay });
      }
    }
    if (process.env.BENCH_DEBUG) printTimeline(edits);
    if (process.env.BENCH_DEBUG && target.logs) console.log(target.logs().split("\n").slice(-40).join("\n"));
    const delays = [...edits.values()].filter((e) => e.count === s.clientsPerDoc - 1).map((e) => e.maxDelay).sort((a, b) => a - b);
    const replicas = reports.flatMap((r) => r.replicas);
    const lost = replicas.reduce((sum, r) => sum + (expectedPerDoc[r.docIndex]! - r.length), 0);
    const reference = new Map<number, string>();
    let diverged = 0;
    for (const r of replicas) {
      if (!reference.has(r.docIndex)) reference.set(r.docIndex, r.stateVector);
      else if (reference.get(r.docIndex) !== r.stateVector) diverged++;
    }
    if (target.metricsUrl && process.env.BENCH_DEBUG) console.log((await (await fetch(target.metricsUrl)).text()).split("\n").filter((l) => l.startsWith("oc_")).join("\n"));
    const deliveries = reports.reduce((sum, r) => sum + r.deliveries, 0);
    const editCount = Object.values(expectedPerDoc).reduce((a, b) => a + b, 0);
    return { p50: pct(delays, 0.5), p95: pct(delays, 0.95), p99: pct(delays, 0.99), deliveriesPerSecond: deliveries / elapsed, lost, diverged, rssMiB: rssMiB(target.pid), cpuPercent: cpu * 100, edits: editCount };
  } finally {
    await Promise.all(workers.map((w) => w.stop()));
  }
}

const fmt = (n: number, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : "n/a");

const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** Runs one target on one scenario, starting and stopping its server. */
async function measure(make: () => Promise<Target>, s: Scenario): Promise<Result> {
  const target = await make();
  try {
    return await run(target, s);
  } finally {
    await target.stop();
    await sleep(1000);
  }
}

async function main() {
  console.log(`bench:sync — ${SECONDS}s per scenario, ${RUNS} run(s) each, clients in ${CLIENT_PROCESSES} processes, ${new Date().toISOString()}`);
  const rows: string[] = [];
  for (const s of SCENARIOS) {
    console.log(`${s.name}: offered ${s.docs * s.editsPerSecondPerDoc * (s.clientsPerDoc - 1)} deliveries/s`);
    const refs: Result[] = [];
    const ours_: Result[] = [];
    for (let i = 0; i < RUNS; i++) {
      // Alternate which server goes first, so neither always runs on a warmer machine.
      if (i % 2 === 0) {
        refs.push(await measure(reference, s));
        ours_.push(await measure(ours, s));
      } else {
        ours_.push(await measure(ours, s));
        refs.push(await measure(reference, s));
      }
      console.log(`  run ${i + 1}: p99 ${fmt(refs[i]!.p99)} ms (reference) vs ${fmt(ours_[i]!.p99)} ms (ours), ratio ${fmt(ours_[i]!.p99 / refs[i]!.p99, 2)}`);
    }
    const summary = (rs: Result[]) => ({
      p50: median(rs.map((r) => r.p50)),
      p95: median(rs.map((r) => r.p95)),
      p99: median(rs.map((r) => r.p99)),
      deliveriesPerSecond: median(rs.map((r) => r.deliveriesPerSecond)),
      lost: Math.max(...rs.map((r) => r.lost)),
      diverged: Math.max(...rs.map((r) => r.diverged)),
      rssMiB: Math.max(...rs.map((r) => r.rssMiB)),
      cpuPercent: median(rs.map((r) => r.cpuPercent)),
    });
    for (const [name, r] of [
      ["y-websocket@2.1.0 (in-memory)", summary(refs)],
      ["outcome-commons (persist+auth)", summary(ours_)],
    ] as const) {
      rows.push(`| ${s.name} | ${name} | ${fmt(r.p50)} | ${fmt(r.p95)} | ${fmt(r.p99)} | ${fmt(r.deliveriesPerSecond, 0)} | ${r.lost} | ${r.diverged} | ${fmt(r.rssMiB, 0)} | ${fmt(r.cpuPercent, 0)} |`);
    }
    // The ratio of each run (both servers measured back to back), then the median over runs.
    const ratio = (f: (r: Result) => number) => fmt(median(refs.map((r, i) => f(ours_[i]!) / f(r))), 2);
    rows.push(`| ${s.name} | **ratio ours/reference** | ${ratio((r) => r.p50)} | ${ratio((r) => r.p95)} | ${ratio((r) => r.p99)} | ${ratio((r) => r.deliveriesPerSecond)} | | | ${ratio((r) => r.rssMiB)} | ${ratio((r) => r.cpuPercent)} |`);
    console.log(rows.slice(-3).join("\n"));
  }
  console.log(`\nMedians over ${RUNS} run(s); ratios are medians of each run's ratio. Lost and diverged: the worst run; RSS: the peak.`);
  console.log("\n| scenario | server | p50 ms | p95 ms | p99 ms | deliveries/s | lost | diverged | server RSS MiB | server CPU % |");
  console.log("|---|---|---|---|---|---|---|---|---|---|");
  console.log(rows.join("\n"));
  process.exit(0);
}

await main();
