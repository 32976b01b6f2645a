// The PFP review's published money figures (seed 003, section 3.3 and its notes) beside
// what the template forecasts for each, and why they differ where they do. The README's
// table is written from this by `npm run docs:payment`; a test fails when it drifts. Pure.
import { formatPounds } from "../payment/money";
import { forecast as runForecast, type Forecast, type ScenarioForecast, type Spread } from "../payment/forecast";
import { PAGE_FORECAST } from "../payment/workbook";
import { PFP_HIGH_SCENARIO, PFP_MEDIAN_SCENARIO, PFP_PAYMENT_MODEL, PFP_SCENARIOS } from "./pfp-payment";

/** The template's forecast as the demo's payment page shows it (same runs and seed). */
export const reviewForecast = () => runForecast({ model: PFP_PAYMENT_MODEL, scenarios: PFP_SCENARIOS, ...PAGE_FORECAST });

export type ReviewRow = { figure: string; review: string; forecast: string; why: string };

const m = (pence: number) => `£${(pence / 100_000_000).toFixed(2)}m`;
const range = (s: Spread) => `${m(s.p50)} (P10–P90 ${m(s.p10)}–${m(s.p90)})`;

export function reviewComparison(forecast: Forecast): ReviewRow[] {
  const find = (name: string): ScenarioForecast => {
    const s = forecast.scenarios.find((x) => x.scenario === name);
    if (!s) throw new Error(`The forecast has no scenario "${name}"`);
    return s;
  };
  const median = find(PFP_MEDIAN_SCENARIO.name);
  const high = find(PFP_HIGH_SCENARIO.name);
  const commitment = PFP_MEDIAN_SCENARIO.finance.capitalCommitmentPence ?? 0;
  const [placements, wider] = high.costsAvoidedByWho;
  return [
    {
      figure: "Investors' working capital (3.3)",
      review: "over £4.5m",
      forecast: `${m(commitment)} committed (an input); peak capital drawn ${range(median.investor.peakCapitalPence)}, median scenario`,
      why: "The £4.5m is what the investors made available; the forecast draws only what delivery needs before outcome income arrives. The review gives no delivery costs: the template's (£250k set-up, £20k a month, £11k per MST family, £8k per FFT family) are assumptions, and the capital drawn follows from them.",
    },
    {
      figure: "The five boroughs' outcome payments, base/median (3.3)",
      review: "up to £6.4m (revised to £5.6m, November 2019)",
      forecast: `${range(median.commissionerCostPence)}; at most £6.74m (the cap)`,
      why: "Inputs from the review: £225 a week (the middle of £200–£250), 384 committed cases over 3½ years, success rising 65% → 75%, the cap of 75% of 384 cases. Engagement (85%) and a failing case's time in care are assumptions. The review's £6.4m is an upper figure (\"up to\"); its revised £5.6m is within 10% of the forecast's median.",
    },
    {
      figure: "The fund's (CBO) outcome payments (3.3)",
      review: "£1.5m",
      forecast: `${range(median.coFunderCostPence)}, median scenario; at most £1.5m (its cap)`,
      why: "The £1.5m is the fund's commitment, its cap; at 18.5% of each payment the fund reaches it only when outcome payments reach £8.1m, which no scenario does.",
    },
    {
      figure: "All outcome payments, high scenario (note 17)",
      review: "£7.1m",
      forecast: range(high.providerIncomePence),
      why: "Demand 15% above commitments and success averaging 75% from year 2, as the review says; the boroughs' cap binds in a quarter of runs. The review does not give this scenario's tariff (the range is £200–£250) or year 1's success (70% here): both are assumptions, and outcome payments move in proportion to the tariff (£200 would take about 11% off).",
    },
    {
      figure: "Placement costs the boroughs avoid, high scenario (3.4, note 18)",
      review: "£26.5m (re-profiled to £24.4m)",
      forecast: range(placements!.pence),
      why: "The forecast counts only the weeks a case stays out of care within its two-year window, at £1,000 a week with a 40% chance it would otherwise have been in care (both assumptions). The review's figure rests on the cost of a typical care journey (Table 3.2), which runs for years beyond the window.",
    },
    {
      figure: "Wider public-sector costs avoided: health, justice, education, DWP (3.4)",
      review: "£3.4m",
      forecast: wider ? range(wider.pence) : "not modelled",
      why: "Derived from the review: £3.4m over the high scenario's ~276 successful cases is £12,300 each, the template's input. The review does not say which body saves what, so the template has one line for them all.",
    },
  ];
}

const cell = (t: string) => t.replace(/\|/g, "\\|");

export function reviewTableMarkdown(forecast: Forecast): string {
  const rows = reviewComparison(forecast);
  return [
    `The template's forecast (${forecast.runs} runs, seed ${forecast.seed}; money in pounds, ${formatPounds(22_500)} a week) beside the review's figures:`,
    "",
    "| figure | the review | the template's forecast | why they differ |",
    "|---|---|---|---|",
    ...rows.map((r) => `| ${cell(r.figure)} | ${cell(r.review)} | ${cell(r.forecast)} | ${cell(r.why)} |`),
  ].join("\n");
}

export const REVIEW_TABLE_START = "<!-- pfp-review-table: written by npm run docs:payment -->";
export const REVIEW_TABLE_END = "<!-- /pfp-review-table -->";

/** `readme` with the table between its markers replaced; throws when the markers are missing. */
export function withReviewTable(readme: string, forecast: Forecast): string {
  const a = readme.indexOf(REVIEW_TABLE_START);
  const b = readme.indexOf(REVIEW_TABLE_END);
  if (a < 0 || b < a) throw new Error("README.md has no review-table markers");
  return `${readme.slice(0, a + REVIEW_TABLE_START.length)}\n${reviewTableMarkdown(forecast)}\n${readme.slice(b)}`;
}
