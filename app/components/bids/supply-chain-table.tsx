// Risk across the supply chain, per scenario: each party's income (the commissioners'
// cost) at P10/P50/P90 and the share of it that depends on outcomes.
import { formatWholePounds } from "~/domain/payment/money";
import { CONSORTIUM_ROLE_LABELS, type ScenarioRisk } from "~/domain/procurement/supply-chain";

const share = (x: number | null) => (x === null ? "–" : `${Math.round(x * 100)}%`);

export function SupplyChainTable({ risk }: { risk: ScenarioRisk[] }) {
  return (
    <div className="mt-2 space-y-3">
      {risk.map((s) => (
        <div key={s.scenario} className="overflow-x-auto" role="region" aria-label={`Risk across the supply chain: ${s.scenario}`} tabIndex={0}>
          <table className="min-w-full text-left text-sm">
            <caption className="text-left font-medium">{s.scenario}</caption>
            <thead>
              <tr><th scope="col" className="pr-3">Party</th><th scope="col" className="pr-3">Income at the median (P10 to P90)</th><th scope="col" className="pr-3">Share at risk</th><th scope="col" className="pr-3">Note</th></tr>
            </thead>
            <tbody>
              {s.parties.map((p) => (
                <tr key={`${p.role}-${p.organisationId ?? "c"}`} className="border-t border-slate-200 align-top">
                  <th scope="row" className="pr-3 font-medium">{p.name}<span className="block font-normal text-slate-700">{p.role === "commissioners" ? "Commissioners (cost)" : CONSORTIUM_ROLE_LABELS[p.role]}</span></th>
                  <td className="pr-3">{formatWholePounds(p.income.p50)} <span className="text-slate-700">({formatWholePounds(p.income.p10)} to {formatWholePounds(p.income.p90)})</span></td>
                  <td className="pr-3" data-testid={`at-risk-${p.organisationId ?? "commissioners"}`}>{share(p.atRiskShare)}</td>
                  <td className="pr-3">{p.note}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
      <p className="text-sm text-slate-700">Approximate: at each percentile, the outcome part of the consortium's income is taken as that income times its median share at risk.</p>
    </div>
  );
}
