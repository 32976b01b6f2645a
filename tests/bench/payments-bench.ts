// npm run bench:payments — the forecast target from issue 5: 1,000 participants ×
// 104 weekly periods × 1,000 Monte Carlo runs, under 1 second on a 2-core machine.
// Also times the exact actuals engine on 1,000 participants' full two-year windows, and
// the payment page's own recompute after an edit (the demo's three scenarios × 500 runs,
// the work its Web Worker does; the page's target is "within a second").
// Prints medians of 5 repetitions (after a warm-up), since shared machines are noisy.
// Then the CLI on 100,000 participants end to end (issue 12's scale target), and last
// three real browsers on the demo's payment page, a tariff typed in one (needs a build).
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PFP_MEDIAN_SCENARIO, PFP_PAYMENT_MODEL, PFP_SCENARIOS } from "~/domain/examples/pfp-payment";
import { evaluateActuals } from "~/domain/payment/actuals";
import { forecast, type Scenario } from "~/domain/payment/forecast";
import { syntheticCohort } from "~/domain/payment/cohort";
import { paymentBrowserBench, reportBrowserBench } from "./payment-browser-bench";

const scenario: Scenario = { ...PFP_MEDIAN_SCENARIO, name: "1,000 participants", referralMonths: 12, referralsPerYear: { sutton: 200, merton: 200, bexley: 200, newham: 200, "tower-hamlets": 200 }, engagementRateBps: 10_000 };

function median(values: number[]) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function time(fn: () => void, repeats = 5): number {
  fn();
  const out: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t = performance.now();
    fn();
    out.push(performance.now() - t);
  }
  return median(out);
}

let participants = 0;
const forecastMs = time(() => {
  const f = forecast({ model: PFP_PAYMENT_MODEL, scenarios: [scenario], runs: 1000, seed: 42 });
  participants = f.scenarios[0]!.participants.mean;
});
const cohort = syntheticCohort(PFP_PAYMENT_MODEL, { participants: 1000, start: "2018-02-01", seed: 42 });
let lines = 0;
const actualsMs = time(() => {
  lines = evaluateActuals({ model: PFP_PAYMENT_MODEL, participants: cohort, asOf: "2024-12-31" }).lines.length;
});

const pageMs = time(() => void forecast({ model: PFP_PAYMENT_MODEL, scenarios: PFP_SCENARIOS, runs: 500, seed: 2018 }));

console.log(`forecast: ${Math.round(participants)} participants (mean) × 104 weekly periods × 1,000 runs: ${forecastMs.toFixed(0)} ms (median of 5; target < 1000 ms)`);
console.log(`actuals:  1,000 participants, ${lines.toLocaleString("en-GB")} payment lines, exact to the penny: ${actualsMs.toFixed(0)} ms (median of 5)`);
console.log(`page:     the PFP demo's ${PFP_SCENARIOS.length} scenarios × 500 runs, as the payment page recomputes after an edit: ${pageMs.toFixed(0)} ms (median of 5; target < 1000 ms)`);

// Scale (issue 12): 100,000 participants evaluated end to end through the CLI (read,
// validate, evaluate, write), in its own process, timed from outside, with its peak
// memory read from /proc. Target: within 512 MB and under 10 s. Medians of 3.
const dir = mkdtempSync(join(tmpdir(), "oc-bench-"));
const bigCohort = join(dir, "cohort.json");
const modelFile = join(dir, "model.json");
writeFileSync(bigCohort, JSON.stringify(syntheticCohort(PFP_PAYMENT_MODEL, { participants: 100_000, start: "2018-02-01", seed: 42 })));
writeFileSync(modelFile, JSON.stringify(PFP_PAYMENT_MODEL));
const ROOT = new URL("../..", import.meta.url).pathname;

/** Runs the CLI once: wall time, peak resident memory (VmHWM), and bytes written. */
function cli(format: string): Promise<{ ms: number; peakMiB: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ["--import", "tsx", "server/cli/admin.ts", "payments:evaluate", "--model", modelFile, "--participants", bigCohort, "--as-of", "2024-12-31", "--format", format], { cwd: ROOT, stdio: ["ignore", "pipe", "ignore"] });
    let bytes = 0;
    let peakKiB = 0;
    child.stdout.on("data", (d: Buffer) => (bytes += d.length));
    const poll = setInterval(() => {
      try {
        const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"));
        if (m) peakKiB = Math.max(peakKiB, Number(m[1]));
      } catch {
        // exited between polls
      }
    }, 20);
    child.on("error", reject);
    child.on("close", (code) => {
      clearInterval(poll);
      if (code !== 0) return reject(new Error(`payments:evaluate --format ${format} exited with ${code}`));
      resolve({ ms: performance.now() - started, peakMiB: peakKiB / 1024, bytes });
    });
  });
}

for (const format of ["summary", "csv"]) {
  const runs = [];
  for (let i = 0; i < 3; i++) runs.push(await cli(format));
  const ms = median(runs.map((r) => r.ms));
  const peak = median(runs.map((r) => r.peakMiB));
  console.log(`cli:      100,000 participants, --format ${format.padEnd(7)} end to end: ${(ms / 1000).toFixed(1)} s, peak ${peak.toFixed(0)} MiB, ${(runs[0]!.bytes / 1e6).toFixed(0)} MB written (median of 3; target < 10 s within 512 MB)`);
}
rmSync(dir, { recursive: true, force: true });

// The room (issue 12, point 14): three browsers on the PFP demo, a tariff typed in one.
reportBrowserBench(await paymentBrowserBench(Number(process.env.BENCH_EDITS ?? 20)));
