// A what-if shown to the room, beside the shared model: how its model differs, in
// words, and the headline figures of each scenario side by side with the difference.
import { pricesDelivery } from "~/domain/payment/appraisal";
import type { Forecast, Scenario, ScenarioForecast } from "~/domain/payment/forecast";
import { scenarioDifferences, shownBy, type WhatIfView } from "~/domain/payment/what-if";
import { pounds } from "./payment-tables";

type Measure = { label: string; value: (s: ScenarioForecast) => number | null; show: (v: number) => string };
const percent = (x: number) => `${(x * 100).toFixed(1)}%`;
const MEASURES: Measure[] = [
  { label: "Commissioners pay, in all (P50)", value: (s) => s.commissionerCostPence.p50, show: pounds },
  { label: "Co-funder pays (P50)", value: (s) => s.coFunderCostPence.p50, show: pounds },
  { label: "Provider receives (P50)", value: (s) => s.providerIncomePence.p50, show: pounds },
  { label: "Provider's margin (P50)", value: (s) => (pricesDelivery(s) ? s.provider.marginPence.p50 : null), show: pounds },
  { label: "Investors' IRR a year (P50)", value: (s) => (pricesDelivery(s) ? s.investor.irr.p50 : null), show: percent },
  { label: "Investors' peak capital in (P50)", value: (s) => (pricesDelivery(s) ? s.investor.peakCapitalPence.p50 : null), show: pounds },
  { label: "Cap reached (share of runs)", value: (s) => s.capReachedProbability, show: percent },
];

function signed(v: number, show: (v: number) => string) {
  if (v === 0) return "no change";
  return `${v > 0 ? "+" : "−"}${show(Math.abs(v))}`;
}

export function WhatIfBeside({ whatIf, shared, sharedScenarios, theirs, differences }: { whatIf: WhatIfView; shared: Forecast; sharedScenarios: Scenario[]; theirs: Forecast | null; differences: string[] }) {
  const scenarioChanges = scenarioDifferences(sharedScenarios, whatIf.scenarios);
  return (
    <section aria-labelledby="beside-heading" className="mt-4 rounded border-2 border-brand-800 bg-white p-3" data-testid="what-if-beside">
      <h4 id="beside-heading" className="font-semibold">
        “{whatIf.name}”, {whatIf.mine ? "yours" : `shown by ${shownBy(whatIf)}`}, beside the shared model
      </h4>
      <p className="mt-1 font-medium">How it differs from the shared model:</p>
      {differences.length || scenarioChanges.length ? (
        <ul className="list-disc pl-5">
          {differences.map((d) => <li key={d}>{d}</li>)}
          {scenarioChanges.map((d) => <li key={d}>{d}</li>)}
        </ul>
      ) : (
        <p>Nothing: its payment model and scenarios are the shared ones.</p>
      )}
      {theirs ? (
        shared.scenarios.map((s) => {
          const other = theirs.scenarios.find((x) => x.scenario === s.scenario);
          return (
            <div key={s.scenario} className="mt-3 overflow-x-auto" tabIndex={0} role="region" aria-label={`${s.scenario}: shared model and “${whatIf.name}”`}>
              <table className="min-w-full text-left text-sm">
                <caption className="text-left font-medium">{s.scenario}</caption>
                <thead>
                  <tr>
                    <th scope="col" className="py-1 pr-3">Measure</th>
                    <th scope="col" className="py-1 pr-3">Shared model</th>
                    <th scope="col" className="py-1 pr-3">“{whatIf.name}”</th>
                    <th scope="col" className="py-1">Difference</th>
                  </tr>
                </thead>
                <tbody>
                  {MEASURES.map((m) => {
                    const a = m.value(s);
                    const b = other ? m.value(other) : null;
                    return (
                      <tr key={m.label} className="border-t border-slate-200">
                        <th scope="row" className="py-1 pr-3 font-medium">{m.label}</th>
                        <td className="py-1 pr-3">{a === null ? "Needs the delivery costs" : m.show(a)}</td>
                        <td className="py-1 pr-3">{other ? (b === null ? "Needs the delivery costs" : m.show(b)) : "No scenario of this name"}</td>
                        <td className="py-1">{a !== null && b !== null ? signed(b - a, m.show) : "–"}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          );
        })
      ) : (
        <p className="mt-2" aria-live="polite">Computing its forecast…</p>
      )}
    </section>
  );
}
