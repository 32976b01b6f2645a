// The forecast's tables, one view each: the headline by scenario, the investors' view,
// the provider's margin, the costs avoided by who saves them, and each payer's bill.
// A figure whose input is missing says which input, never £0 (see `gaps`).
import type { ReactNode } from "react";
import { pricesCostsAvoided, pricesDelivery } from "~/domain/payment/appraisal";
import type { Forecast, ScenarioForecast, Spread } from "~/domain/payment/forecast";
import { formatWholePounds } from "~/domain/payment/money";

export const pounds = formatWholePounds;
const percent = (x: number) => `${(x * 100).toFixed(1)}%`;
const range = (s: Spread, show: (v: number) => string = pounds) => (
  <>
    {show(s.p50)} <span className="text-slate-700">({show(s.p10)} to {show(s.p90)})</span>
  </>
);
const NEEDS_COSTS = "Needs the delivery costs";

function Table({ label, caption, head, children }: { label: string; caption: string; head: string[]; children: ReactNode }) {
  return (
    <div className="mt-3 overflow-x-auto" tabIndex={0} role="region" aria-label={label}>
      <table className="min-w-full text-left text-sm">
        <caption className="text-left text-slate-700">{caption}</caption>
        <thead>
          <tr>
            {head.map((h) => (
              <th key={h} scope="col" className="py-1 pr-3">{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

const Row = ({ s, children }: { s: ScenarioForecast; children: ReactNode }) => (
  <tr className="border-t border-slate-200 align-top">
    <th scope="row" className="py-1 pr-3 font-medium">{s.scenario}</th>
    {children}
  </tr>
);
const Cell = ({ children, testId }: { children: ReactNode; testId?: string }) => <td className="py-1 pr-3" data-testid={testId}>{children}</td>;

/** What the forecast cannot say yet, scenario by scenario, and which input would let it. */
export function ForecastGaps({ forecast }: { forecast: Forecast }) {
  const gaps = forecast.scenarios.flatMap((s) => s.gaps.map((g) => ({ scenario: s.scenario, ...g })));
  if (gaps.length === 0) return null;
  return (
    <div className="mt-3 rounded border border-amber-700 bg-amber-50 p-3" data-testid="forecast-gaps">
      <p className="font-medium">Some figures need an input the scenarios do not give yet:</p>
      <ul className="mt-1 list-disc pl-5">
        {gaps.map((g) => (
          <li key={`${g.scenario}${g.input}`}>
            “{g.scenario}”: {g.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function ForecastTable({ forecast }: { forecast: Forecast }) {
  return (
    <Table
      label="Forecast by scenario, table"
      caption="Forecast by scenario: medians (P50) with P10 to P90 over the runs"
      head={["Scenario", "Commissioners pay, in all", "Co-funder pays", "Provider receives", "Outcome payments per successful case, commissioners' and co-funder's", "Costs the public sector avoids", "Cap reached"]}
    >
      {forecast.scenarios.map((s) => (
        <Row key={s.scenario} s={s}>
          <Cell testId="commissioner-p50">{range(s.commissionerCostPence)}</Cell>
          <Cell>{pounds(s.coFunderCostPence.p50)}</Cell>
          <Cell>{pounds(s.providerIncomePence.p50)}</Cell>
          <Cell>{pounds(s.costPerSuccessPence.p50)}</Cell>
          <Cell>{pricesCostsAvoided(s) ? range(s.costsAvoidedPence) : "Needs the costs avoided (see above)"}</Cell>
          <td className="py-1">{Math.round(s.capReachedProbability * 100)}% of runs</td>
        </Row>
      ))}
    </Table>
  );
}

/**
 * The investors' view, per scenario: the return (IRR a year and money multiple), the
 * most capital they have in at once, what they could lose, and how often.
 */
export function InvestorTable({ forecast }: { forecast: Forecast }) {
  return (
    <Table
      label="Investors' view"
      caption="The investors' money: return, capital and risk (P50, with P10 to P90 over the runs)"
      head={["Scenario", "Investors' IRR a year", "Investors' money multiple", "Investors' peak capital in", "Investors' capital at risk (lost in the worst tenth of runs)", "Chance the investors lose money"]}
    >
      {forecast.scenarios.map((s) => {
        const v = s.investor;
        if (!pricesDelivery(s)) {
          return (
            <Row key={s.scenario} s={s}>
              <td colSpan={5} className="py-1">{NEEDS_COSTS}: the investors fund delivery until outcome income arrives, so their capital and return follow from it.</td>
            </Row>
          );
        }
        const atRisk = Math.max(0, -v.netCashPence.p10);
        return (
          <Row key={s.scenario} s={s}>
            <Cell testId="investor-irr">{range(v.irr, percent)}</Cell>
            <Cell testId="investor">{range(v.multiple, (x) => `${x.toFixed(2)}×`)}</Cell>
            <Cell testId="investor-peak">
              {range(v.peakCapitalPence)}
              {v.overCommitmentProbability ? <span className="block text-slate-700">over the commitment in {Math.round(v.overCommitmentProbability * 100)}% of runs</span> : null}
              {v.shortfallProbability ? <span className="block text-slate-700">cash short between tranches in {Math.round(v.shortfallProbability * 100)}% of runs, the provider covering {pounds(v.shortfallPence.p50)} at the median</span> : null}
            </Cell>
            <Cell testId="investor-at-risk">{atRisk > 0 ? pounds(atRisk) : "None: even the worst tenth of runs returns their capital"}</Cell>
            <td className="py-1">{Math.round(v.lossProbability * 100)}% of runs</td>
          </Row>
        );
      })}
    </Table>
  );
}

/** The provider's view: what it receives, what delivery costs, the margin left, and how much of its income is at risk. */
export function ProviderTable({ forecast }: { forecast: Forecast }) {
  return (
    <Table
      label="Provider's view"
      caption="The provider's money: income, delivery cost and margin before the investors' return (P50, with P10 to P90)"
      head={["Scenario", "Provider receives", "Provider's delivery cost", "Provider's margin (income less delivery cost)", "Margin as a share of income", "Provider's income at risk"]}
    >
      {forecast.scenarios.map((s) => (
        <Row key={s.scenario} s={s}>
          <Cell>{range(s.providerIncomePence)}</Cell>
          {pricesDelivery(s) ? (
            <>
              <Cell>{range(s.provider.deliveryCostPence)}</Cell>
              <Cell testId="provider-margin">{range(s.provider.marginPence)}</Cell>
              <Cell>{range(s.provider.marginShare, percent)}</Cell>
            </>
          ) : (
            <td colSpan={3} className="py-1 pr-3" data-testid="provider-margin">{NEEDS_COSTS}: set-up, per family or running a month.</td>
          )}
          <td className="py-1">{Math.round(s.atRiskShare.p50 * 100)}%</td>
        </Row>
      ))}
    </Table>
  );
}

/** Costs avoided by who saves them: the saving does not always fall to the payer. */
export function CostsAvoidedTable({ forecast }: { forecast: Forecast }) {
  const who = [...new Set(forecast.scenarios.flatMap((s) => s.costsAvoidedByWho.map((w) => w.who)))];
  return (
    <Table label="Costs avoided by who saves them" caption="Costs avoided, by who saves them (P50, with P10 to P90)" head={["Who saves", ...forecast.scenarios.map((s) => s.scenario)]}>
      {who.map((w) => (
        <tr key={w} className="border-t border-slate-200 align-top">
          <th scope="row" className="py-1 pr-3 font-medium">{w}</th>
          {forecast.scenarios.map((s) => {
            const x = s.costsAvoidedByWho.find((c) => c.who === w);
            return <Cell key={s.scenario}>{x && x.pence.p90 > 0 ? range(x.pence) : "Not given"}</Cell>;
          })}
        </tr>
      ))}
    </Table>
  );
}

/** What each payer pays, scenario by scenario (in all, and for outcomes): the boroughs' own budget lines. */
export function ForecastByPayer({ forecast, payerNames }: { forecast: Forecast; payerNames: Record<string, string> }) {
  const payers = forecast.scenarios[0]?.byPayer.map((p) => p.payerId) ?? [];
  return (
    <Table
      label="Forecast cost to each payer"
      caption="What each payer pays in all (P50, P10 to P90): outcome payments after the co-funder's share, with fees and milestones"
      head={["Payer", ...forecast.scenarios.map((s) => s.scenario)]}
    >
      {payers.map((id, i) => (
        <tr key={id} className="border-t border-slate-200 align-top">
          <th scope="row" className="py-1 pr-3 font-medium">{payerNames[id] ?? id}</th>
          {forecast.scenarios.map((s) => {
            const { totalCostPence: c, outcomeCostPence: o } = s.byPayer[i]!;
            return (
              <Cell key={s.scenario}>
                {pounds(c.p50)} <span className="text-slate-700">({pounds(c.p10)} to {pounds(c.p90)}; outcomes {pounds(o.p50)})</span>
              </Cell>
            );
          })}
        </tr>
      ))}
    </Table>
  );
}
