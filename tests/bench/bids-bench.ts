// npm run bench:bids — issue 14's target: pricing 20 bids × 3 scenarios × 1,000 runs for
// the comparison view in under 3 s on this machine. The bids are 20 hybrid proposals
// inside the demo tender's rules (tariffs from £200 to £250, a fee per family from £0 to
// £3,000), priced under the tender's three scenarios with the comparison's runs and seed,
// as the server's compute worker prices them: forecastMany, one thread.
// Then the comparison view's own work once the bids are priced (rows and ranking), and,
// for reference, each bid forecast on its own (the figures must be identical). Last, the
// real evaluation page of the demo's tender (its two bids), on a real server: cold (the
// first load after opening prices the bids in the compute worker) and warm.
import { availableParallelism } from "node:os";
import { PFP_PAYMENT_MODEL, PFP_SCENARIOS } from "~/domain/examples/pfp-payment";
import { pfpTenderTerms } from "~/domain/examples/pfp-tender";
import { forecast, forecastMany, type Forecast } from "~/domain/payment/forecast";
import type { PaymentModel } from "~/domain/payment/model";
import { checkProposal } from "~/domain/procurement/bid-rules";
import { comparisonRows, pricesOf, type PricedBid } from "~/domain/procurement/comparison";
import { rankBids } from "~/domain/procurement/evaluation";
import { Browser } from "../support/client";
import { startServer } from "../support/server";

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
forecastMany(proposals.slice(0, 2), PFP_SCENARIOS, RUNS, SEED);
const together: number[] = [];
let priced: PricedBid[] = [];
for (let r = 0; r < 5; r++) {
  const t = performance.now();
  const all = forecastMany(proposals, PFP_SCENARIOS, RUNS, SEED);
  priced = proposals.map((model, i) => ({ bidId: `b${i}`, label: `Bid ${i + 1}`, model, forecast: all[i]! }));
  together.push(performance.now() - t);
}
// The reference: each bid forecast on its own, as a single model would be.
const oneThread: number[] = [];
for (let r = 0; r < 2; r++) {
  const t = performance.now();
  const each = proposals.map((model) => price(model));
  oneThread.push(performance.now() - t);
  if (JSON.stringify(each.map((f) => f.scenarios[0]!.commissionerCostPence)) !== JSON.stringify(priced.map((b) => b.forecast!.scenarios[0]!.commissionerCostPence))) throw new Error("forecastMany differs from forecast");
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

const sample = priced[BIDS - 1]!.forecast as Forecast;
const cores = availableParallelism();
console.log(`bench:bids — ${BIDS} bids × ${PFP_SCENARIOS.length} scenarios × ${RUNS} runs (seed ${SEED}), node ${process.version}, ${cores} cores`);
console.log(`  pricing every bid for the comparison (one cohort per run, each bid priced on it): median ${(median(together) / 1000).toFixed(2)} s (target < 3 s; runs: ${together.map((x) => (x / 1000).toFixed(2)).join(", ")} s)`);
console.log(`  reference, each bid forecast on its own: median ${(median(oneThread) / 1000).toFixed(2)} s (${(median(oneThread) / median(together)).toFixed(1)}× longer); the figures are identical`);
console.log(`  the comparison view once priced (rows, prices, ranking): median ${median(view).toFixed(2)} ms`);
console.log(`  check: bid ${BIDS} costs the commissioners ${Math.round(sample.scenarios[0]!.commissionerCostPence.p50 / 100)} pounds at the median in “${sample.scenarios[0]!.scenario}”`);

// The real page, on a real server with the demo seeded (needs a build).
const server = await startServer();
try {
  const evaluator = new Browser(server.url);
  await evaluator.login("commissioner@merton.example");
  const ws = /href="\/workspaces\/([^"/]+)"[^>]*>Edge of Care tender/.exec((await evaluator.page("/workspaces")).html)![1]!;
  const page = async () => {
    const t = performance.now();
    const { status, html } = await evaluator.page(`/workspaces/${ws}/procurement/evaluation`);
    if (status !== 200 || !html.includes("Bids compared") || (html.match(/data-testid="cost-/g) ?? []).length !== 2 * PFP_SCENARIOS.length) throw new Error("the evaluation page did not show both bids priced");
    return performance.now() - t;
  };
  const cold = await page();
  const warm: number[] = [];
  for (let r = 0; r < 10; r++) warm.push(await page());
  console.log(`  the demo tender's evaluation page (2 bids, priced side by side): cold ${cold.toFixed(0)} ms (pricing both in the compute worker), warm median ${median(warm).toFixed(0)} ms`);
} finally {
  await server.stop();
}
