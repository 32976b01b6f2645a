// npm run bench:bids — issue 14's target: pricing 20 bids × 3 scenarios × 1,000 runs for
// the comparison view in under 3 s on this machine. The bids are 20 hybrid proposals
// inside the demo tender's rules (tariffs from £200 to £250, a fee per family from £0 to
// £3,000), priced under the tender's three scenarios with the comparison's runs and seed,
// exactly as the server's compute worker prices them (one after another, one thread).
// Then the comparison view's own work once the bids are priced (rows and ranking), and
// the same pricing spread over this machine's cores, for reference.
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { PFP_PAYMENT_MODEL, PFP_SCENARIOS } from "~/domain/examples/pfp-payment";
import { pfpTenderTerms } from "~/domain/examples/pfp-tender";
import { forecast, type Forecast } from "~/domain/payment/forecast";
import type { PaymentModel } from "~/domain/payment/model";
import { checkProposal } from "~/domain/procurement/bid-rules";
import { comparisonRows, pricesOf, type PricedBid } from "~/domain/procurement/comparison";
import { rankBids } from "~/domain/procurement/evaluation";

const RUNS = 1_000;
const SEED = 2018;
const BIDS = 20;
const terms = pfpTenderTerms("v");

const proposals: PaymentModel[] = Array.from({ length: BIDS }, (_, i) => ({
  ...PFP_PAYMENT_MODEL,
  components: [
    ...PFP_PAYMENT_MODEL.components.map((c) => (c.kind === "outcome-period" ? { ...c, tariffPence: 20_000 + Math.round((5_000 * i) / (BIDS - 1)) } : c)),
    ...(i % 4 === 0 ? [] : [{ kind: "per-participant-fee" as const, id: "engagement-fee", name: "Fee per family engaged", amountPence: (i % 4) * 100_000, event: "first-meeting" }]),
  ],
}));
const outside = proposals.filter((m) => checkProposal(PFP_PAYMENT_MODEL, terms.rules, m).length > 0).length;
if (outside) throw new Error(`${outside} benchmark proposals are outside the bid rules`);

const price = (model: PaymentModel) => forecast({ model, scenarios: PFP_SCENARIOS, runs: RUNS, seed: SEED });

function median(values: number[]) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

// Warm up the engine (the server's worker is warm after its first forecast).
price(proposals[0]!);
const oneThread: number[] = [];
let priced: PricedBid[] = [];
for (let r = 0; r < 3; r++) {
  const t = performance.now();
  priced = proposals.map((model, i) => ({ bidId: `b${i}`, label: `Bid ${i + 1}`, model, forecast: price(model) }));
  oneThread.push(performance.now() - t);
}

const view: number[] = [];
for (let r = 0; r < 20; r++) {
  const t = performance.now();
  const rows = comparisonRows(priced);
  const prices = pricesOf(priced);
  rankBids(terms.criteria, priced.map((b) => ({ bidId: b.bidId, label: b.label, consensus: terms.criteria.questions.map((q) => ({ questionId: q.id, score: 3, reasons: "" })), pricePence: prices.get(b.bidId) ?? null })));
  if (rows.length !== BIDS * PFP_SCENARIOS.length) throw new Error("rows");
  view.push(performance.now() - t);
}

// The same 20 pricings over every core, each worker taking every n-th bid.
const cores = availableParallelism();
const workerSource = `
  const { parentPort, workerData } = require("node:worker_threads");
  const { register } = require("tsx/cjs/api");
  register();
  const { forecast } = require(workerData.engine);
  const t = performance.now();
  for (const model of workerData.models) forecast({ model, scenarios: workerData.scenarios, runs: workerData.runs, seed: workerData.seed });
  parentPort.postMessage(performance.now() - t);
`;
async function parallel(): Promise<number> {
  const t = performance.now();
  await Promise.all(
    Array.from({ length: cores }, (_, w) =>
      new Promise<void>((resolve, reject) => {
        const worker = new Worker(workerSource, { eval: true, workerData: { engine: new URL("../../app/domain/payment/forecast.ts", import.meta.url).pathname, models: proposals.filter((_, i) => i % cores === w), scenarios: PFP_SCENARIOS, runs: RUNS, seed: SEED } });
        worker.once("message", () => void worker.terminate().then(() => resolve()));
        worker.once("error", reject);
      }),
    ),
  );
  return performance.now() - t;
}
let spread: number | null = null;
try {
  await parallel();
  spread = await parallel();
} catch (error) {
  console.log(`(parallel run skipped: ${error instanceof Error ? error.message : String(error)})`);
}

const sample = priced[BIDS - 1]!.forecast as Forecast;
console.log(`bench:bids — ${BIDS} bids × ${PFP_SCENARIOS.length} scenarios × ${RUNS} runs (seed ${SEED}), node ${process.version}, ${cores} cores`);
console.log(`  pricing every bid, one thread (as the compute worker does): median ${(median(oneThread) / 1000).toFixed(2)} s (target < 3 s; runs: ${oneThread.map((x) => (x / 1000).toFixed(2)).join(", ")} s)`);
console.log(`  per bid: ${(median(oneThread) / BIDS).toFixed(0)} ms`);
if (spread !== null) console.log(`  the same over ${cores} worker threads: ${(spread / 1000).toFixed(2)} s`);
console.log(`  the comparison view once priced (rows, prices, ranking): median ${median(view).toFixed(2)} ms`);
console.log(`  check: bid ${BIDS} costs the commissioners ${Math.round(sample.scenarios[0]!.commissionerCostPence.p50 / 100)} pounds at the median in “${sample.scenarios[0]!.scenario}”`);
