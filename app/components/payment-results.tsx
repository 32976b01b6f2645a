// What the payment model means, recomputed on every change: forecasts by scenario
// (a chart and the table behind it), cash flow over time, the options appraisal in
// words, and the actuals of a synthetic cohort with its invoices. Charts are drawn
// from the same figures as the tables beside them.
import { useMemo, useState } from "react";
import type { Actuals } from "~/domain/payment/actuals";
import { explainAppraisal, OPTION_LABELS, OPTION_RISKS } from "~/domain/payment/appraisal";
import type { Forecast, ScenarioForecast } from "~/domain/payment/forecast";
import { formatPounds } from "~/domain/payment/money";

const pounds = (pence: number) => formatPounds(Math.round(pence / 100) * 100).replace(/\.00$/, "");
const compact = (pence: number) => (Math.abs(pence) >= 100_000_000 ? `£${(pence / 100_000_000).toFixed(2)}m` : `£${Math.round(pence / 100_000)}k`);

export function ForecastTable({ forecast }: { forecast: Forecast }) {
  return (
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Forecast by scenario, table">
      <table className="min-w-full text-left text-sm">
        <caption className="sr-only">Forecast by scenario: medians with P10 to P90 ranges</caption>
        <thead>
          <tr>
            <th scope="col" className="py-1 pr-3">Scenario</th>
            <th scope="col" className="py-1 pr-3">Commissioners pay, in all (P50, P10–P90)</th>
            <th scope="col" className="py-1 pr-3">Co-funder pays (P50)</th>
            <th scope="col" className="py-1 pr-3">Provider receives (P50)</th>
            <th scope="col" className="py-1 pr-3">Outcome payments per successful case, commissioners' and co-funder's (P50)</th>
            <th scope="col" className="py-1 pr-3">Costs the public sector avoids (P50)</th>
            <th scope="col" className="py-1 pr-3">Provider's income at risk (P50)</th>
            <th scope="col" className="py-1 pr-3">Investors' money multiple (P50)</th>
            <th scope="col" className="py-1">Cap reached</th>
          </tr>
        </thead>
        <tbody>
          {forecast.scenarios.map((s) => (
            <tr key={s.scenario} className="border-t border-slate-200 align-top">
              <th scope="row" className="py-1 pr-3 font-medium">{s.scenario}</th>
              <td className="py-1 pr-3" data-testid="commissioner-p50">{pounds(s.commissionerCostPence.p50)} <span className="text-slate-700">({pounds(s.commissionerCostPence.p10)}–{pounds(s.commissionerCostPence.p90)})</span></td>
              <td className="py-1 pr-3">{pounds(s.coFunderCostPence.p50)}</td>
              <td className="py-1 pr-3">{pounds(s.providerIncomePence.p50)}</td>
              <td className="py-1 pr-3">{pounds(s.costPerSuccessPence.p50)}</td>
              <td className="py-1 pr-3">{pounds(s.costsAvoidedPence.p50)}</td>
              <td className="py-1 pr-3">{Math.round(s.atRiskShare.p50 * 100)}%</td>
              <td className="py-1 pr-3" data-testid="investor">{s.investor.multiple.p50.toFixed(2)}× <span className="text-slate-700">(loss in {Math.round(s.investor.lossProbability * 100)}% of runs{s.investor.overCommitmentProbability !== null ? `; capital over commitment in ${Math.round(s.investor.overCommitmentProbability * 100)}%` : ""}{s.investor.shortfallProbability !== null ? `; cash short between tranches in ${Math.round(s.investor.shortfallProbability * 100)}%, the provider covering ${pounds(s.investor.shortfallPence.p50)} at the median` : ""})</span></td>
              <td className="py-1">{Math.round(s.capReachedProbability * 100)}% of runs</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const percent = (x: number) => `${(x * 100).toFixed(1)}%`;

/**
 * The investors' view, per scenario: the return (IRR a year and money multiple, P10 to
 * P90), the most capital they have in at once, what they could lose, and how often.
 */
export function InvestorTable({ forecast }: { forecast: Forecast }) {
  return (
    <div className="mt-3 overflow-x-auto" tabIndex={0} role="region" aria-label="Investors' view">
      <table className="min-w-full text-left text-sm">
        <caption className="text-left text-slate-700">The investors' money: return, capital and risk (P50, with P10–P90 over the runs)</caption>
        <thead>
          <tr>
            <th scope="col" className="py-1 pr-3">Scenario</th>
            <th scope="col" className="py-1 pr-3">Investors' IRR a year</th>
            <th scope="col" className="py-1 pr-3">Investors' money multiple</th>
            <th scope="col" className="py-1 pr-3">Investors' peak capital in</th>
            <th scope="col" className="py-1 pr-3">Investors' capital at risk (lost in the worst tenth of runs)</th>
            <th scope="col" className="py-1">Chance the investors lose money</th>
          </tr>
        </thead>
        <tbody>
          {forecast.scenarios.map((s) => {
            const v = s.investor;
            const atRisk = Math.max(0, -v.netCashPence.p10);
            return (
              <tr key={s.scenario} className="border-t border-slate-200 align-top">
                <th scope="row" className="py-1 pr-3 font-medium">{s.scenario}</th>
                <td className="py-1 pr-3" data-testid="investor-irr">{percent(v.irr.p50)} <span className="text-slate-700">({percent(v.irr.p10)} to {percent(v.irr.p90)})</span></td>
                <td className="py-1 pr-3">{v.multiple.p50.toFixed(2)}× <span className="text-slate-700">({v.multiple.p10.toFixed(2)}× to {v.multiple.p90.toFixed(2)}×)</span></td>
                <td className="py-1 pr-3">{pounds(v.peakCapitalPence.p50)} <span className="text-slate-700">({pounds(v.peakCapitalPence.p10)}–{pounds(v.peakCapitalPence.p90)})</span></td>
                <td className="py-1 pr-3">{atRisk > 0 ? pounds(atRisk) : "None: even the worst tenth of runs returns their capital"}</td>
                <td className="py-1">{Math.round(v.lossProbability * 100)}% of runs</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** What each payer pays, scenario by scenario (in all, and for outcomes): the boroughs' own budget lines. */
export function ForecastByPayer({ forecast, payerNames }: { forecast: Forecast; payerNames: Record<string, string> }) {
  const payers = forecast.scenarios[0]?.byPayer.map((p) => p.payerId) ?? [];
  return (
    <div className="mt-3 overflow-x-auto" tabIndex={0} role="region" aria-label="Forecast cost to each payer">
      <table className="min-w-full text-left text-sm">
        <caption className="text-left text-slate-700">What each payer pays in all (P50, P10–P90): outcome payments after the co-funder's share, with fees and milestones</caption>
        <thead>
          <tr>
            <th scope="col" className="py-1 pr-3">Payer</th>
            {forecast.scenarios.map((s) => <th key={s.scenario} scope="col" className="py-1 pr-3">{s.scenario}</th>)}
          </tr>
        </thead>
        <tbody>
          {payers.map((id, i) => (
            <tr key={id} className="border-t border-slate-200 align-top">
              <th scope="row" className="py-1 pr-3 font-medium">{payerNames[id] ?? id}</th>
              {forecast.scenarios.map((s) => {
                const { totalCostPence: c, outcomeCostPence: o } = s.byPayer[i]!;
                return (
                  <td key={s.scenario} className="py-1 pr-3">
                    {pounds(c.p50)} <span className="text-slate-700">({pounds(c.p10)}–{pounds(c.p90)}; outcomes {pounds(o.p50)})</span>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Horizontal P10–P90 bars with the P50 marked, one per scenario. */
export function CostChart({ forecast }: { forecast: Forecast }) {
  const max = Math.max(1, ...forecast.scenarios.map((s) => s.commissionerCostPence.p90));
  const row = 34;
  const width = 600;
  const left = 10;
  const scale = (v: number) => left + (v / max) * (width - 2 * left);
  const summary = forecast.scenarios.map((s) => `${s.scenario}: ${pounds(s.commissionerCostPence.p50)}`).join("; ");
  return (
    <figure className="mt-3">
      <svg viewBox={`0 0 ${width} ${forecast.scenarios.length * row * 2}`} role="img" aria-label={`Cost to the commissioners by scenario, medians: ${summary}`} className="w-full max-w-2xl">
        {forecast.scenarios.map((s, i) => {
          const y = i * row * 2;
          return (
            <g key={s.scenario}>
              <text x={left} y={y + 14} fontSize="13" fill="#0f172a">{s.scenario}</text>
              <rect x={scale(s.commissionerCostPence.p10)} y={y + 22} width={Math.max(2, scale(s.commissionerCostPence.p90) - scale(s.commissionerCostPence.p10))} height="16" fill="#93c5fd" />
              <rect x={scale(s.commissionerCostPence.p50) - 2} y={y + 18} width="4" height="24" fill="#1d4e89" />
              <text x={Math.min(width - 120, scale(s.commissionerCostPence.p90) + 6)} y={y + 35} fontSize="12" fill="#0f172a">{compact(s.commissionerCostPence.p50)}</text>
            </g>
          );
        })}
      </svg>
      <figcaption className="text-sm text-slate-700">Bars span P10 to P90 over the runs; the dark mark is the median.</figcaption>
    </figure>
  );
}

/** The investor's cumulative cash position over time (P10–P90 band, median line). */
export function CashFlowChart({ scenario }: { scenario: ScenarioForecast }) {
  const points = scenario.monthly.investorCumulativePence;
  const width = 600;
  const height = 200;
  const lo = Math.min(0, ...points.map((p) => p.p10));
  const hi = Math.max(1, ...points.map((p) => p.p90));
  const x = (i: number) => (i / Math.max(1, points.length - 1)) * width;
  const y = (v: number) => height - ((v - lo) / (hi - lo)) * height;
  const band = [...points.map((p, i) => `${x(i)},${y(p.p90)}`), ...points.map((p, i) => `${x(i)},${y(p.p10)}`).reverse()].join(" ");
  const median = points.map((p, i) => `${x(i)},${y(p.p50)}`).join(" ");
  const last = points.at(-1);
  const trough = Math.min(...points.map((p) => p.p50));
  return (
    <figure className="mt-3">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`Investor's cumulative cash in ${scenario.scenario}: at its lowest ${pounds(trough)} (median), ending at ${pounds(last?.p50 ?? 0)} (median), between ${pounds(last?.p10 ?? 0)} and ${pounds(last?.p90 ?? 0)}.`} className="w-full max-w-2xl">
        <polygon points={band} fill="#bfdbfe" />
        <line x1="0" x2={width} y1={y(0)} y2={y(0)} stroke="#64748b" strokeDasharray="4 4" />
        <polyline points={median} fill="none" stroke="#1d4e89" strokeWidth="2" />
      </svg>
      <figcaption className="text-sm text-slate-700">
        Investor's cumulative cash, {scenario.monthly.months[0]} to {scenario.monthly.months.at(-1)}: the line is the median, the band P10 to P90; below the dashed line the investor is out of pocket.
      </figcaption>
    </figure>
  );
}

export function Appraisal({ forecast }: { forecast: Forecast }) {
  const [index, setIndex] = useState(0);
  const s = forecast.scenarios[Math.min(index, forecast.scenarios.length - 1)]!;
  const words = useMemo(() => explainAppraisal(s), [s]);
  return (
    <div>
      <label htmlFor="appraisal-scenario" className="block font-medium">Scenario</label>
      <select id="appraisal-scenario" value={index} onChange={(e) => setIndex(Number(e.target.value))} className="mt-1 block w-full max-w-full rounded border border-slate-500 bg-white px-3 py-2 sm:w-auto">
        {forecast.scenarios.map((x, i) => <option key={x.scenario} value={i}>{x.scenario}</option>)}
      </select>
      <div className="mt-2 space-y-1">{words.map((w) => <p key={w}>{w}</p>)}</div>
      <div className="mt-3 overflow-x-auto" tabIndex={0} role="region" aria-label="Options appraisal table">
        <table className="min-w-full text-left text-sm">
          <thead>
            <tr>
              <th scope="col" className="py-1 pr-3">Option</th>
              <th scope="col" className="py-1 pr-3">Commissioners pay, in all (P50, P10–P90)</th>
              <th scope="col" className="py-1 pr-3">Commissioners pay per successful case (P50)</th>
              <th scope="col" className="py-1">Who carries the risk</th>
            </tr>
          </thead>
          <tbody>
            {s.options.map((o) => (
              <tr key={o.option} className="border-t border-slate-200 align-top">
                <th scope="row" className="py-1 pr-3 font-medium">{OPTION_LABELS[o.option]}</th>
                <td className="py-1 pr-3">{pounds(o.commissionerCostPence.p50)} <span className="text-slate-700">({pounds(o.commissionerCostPence.p10)}–{pounds(o.commissionerCostPence.p90)})</span></td>
                <td className="py-1 pr-3">{pounds(o.costPerSuccessPence.p50)}</td>
                <td className="py-1">{OPTION_RISKS[o.option]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

export function ActualsSummary({ actuals, payerNames }: { actuals: Actuals; payerNames: Record<string, string> }) {
  const months = [...new Set(actuals.invoices.map((i) => i.month))];
  return (
    <div>
      <p>
        {actuals.lines.length.toLocaleString("en-GB")} payments to {actuals.asOf}: {pounds(actuals.totals.paidPence)} in all; the boroughs pay {pounds(actuals.totals.payersPence)}, the co-funder {pounds(actuals.totals.coFunderPence)}
        {actuals.totals.cappedPence ? `; ${pounds(actuals.totals.cappedPence)} was not paid because a cap was reached` : ""}.
      </p>
      <div className="mt-2 overflow-x-auto" tabIndex={0} role="region" aria-label="Outcome payments by payer">
        <table className="min-w-full text-left text-sm">
          <thead>
            <tr>
              <th scope="col" className="py-1 pr-3">Payer</th>
              <th scope="col" className="py-1 pr-3">Pays</th>
              <th scope="col" className="py-1">Co-funder adds</th>
            </tr>
          </thead>
          <tbody>
            {Object.entries(actuals.byPayer).map(([id, p]) => (
              <tr key={id} className="border-t border-slate-200">
                <th scope="row" className="py-1 pr-3 font-medium">{payerNames[id] ?? id}</th>
                <td className="py-1 pr-3">{formatPounds(p.payerPence)}</td>
                <td className="py-1">{formatPounds(p.coFunderPence)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="mt-2 text-sm text-slate-700">Invoices run from {months[0] ?? "–"} to {months.at(-1) ?? "–"}; download them for every month.</p>
    </div>
  );
}
