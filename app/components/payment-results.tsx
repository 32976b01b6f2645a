// What the payment model means, recomputed on every change: the options appraisal in
// words and as a table, and the actuals of a synthetic cohort with its invoices (the
// forecast's tables: payment-tables.tsx; its charts: payment-charts.tsx).
import { useMemo, useState } from "react";
import type { Actuals } from "~/domain/payment/actuals";
import { explainAppraisal, OPTION_LABELS, OPTION_RISKS } from "~/domain/payment/appraisal";
import type { Forecast } from "~/domain/payment/forecast";
import { formatPounds } from "~/domain/payment/money";
import { pounds } from "./payment-tables";

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
                {o.needs ? (
                  <td colSpan={2} className="py-1 pr-3" data-testid="option-cost">Not priced: needs {o.needs}</td>
                ) : (
                  <>
                    <td className="py-1 pr-3" data-testid="option-cost">{pounds(o.commissionerCostPence.p50)} <span className="text-slate-700">({pounds(o.commissionerCostPence.p10)} to {pounds(o.commissionerCostPence.p90)})</span></td>
                    <td className="py-1 pr-3">{pounds(o.costPerSuccessPence.p50)}</td>
                  </>
                )}
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
