// The evaluation page's panels: the declaration of interests, bids priced side by side,
// moderation (individual scores side by side, consensus with reasons) and the ranking.
import { Form } from "@remix-run/react";
import { Button, SelectField, TextAreaField } from "~/components/forms";
import { IntentFields } from "~/components/procurement/intent-fields";
import { CostChart } from "~/components/payment-charts";
import { ForecastTable, InvestorTable, ProviderTable } from "~/components/payment-tables";
import type { Forecast } from "~/domain/payment/forecast";
import { formatWholePounds } from "~/domain/payment/money";
import type { ComparisonRow } from "~/domain/procurement/comparison";
import { formatPoints, type RankedBid } from "~/domain/procurement/evaluation";
import type { Criteria } from "~/domain/procurement/tender";

type Errors = Record<string, string[] | undefined> | undefined;

export function DeclarationForm({ bids, errors }: { bids: { id: string; name: string; consortium: string[] }[]; errors: Errors }) {
  return (
    <Form method="post" className="rounded border border-amber-700 bg-amber-50 p-4">
      <IntentFields intent="declare" />
      <h3 className="text-lg font-semibold">Declare your interests</h3>
      <p>Before you see any bid, say for each bidder whether you have a conflict of interest (for example, you work for, advise or are related to someone in the consortium). Your declaration is dated and kept. A bid you declare a conflict with is hidden from you.</p>
      {bids.map((b) => (
        <fieldset key={b.id} className="mt-3 rounded border border-slate-300 bg-white p-3" aria-describedby={errors?.[`conflict-${b.id}`] ? `err-${b.id}` : undefined}>
          <legend className="font-medium">{b.name}: {b.consortium.join(", ")}</legend>
          <div className="flex flex-wrap gap-4">
            <div className="flex items-center gap-2"><input type="radio" id={`no-${b.id}`} name={`conflict-${b.id}`} value="no" className="h-5 w-5" /><label htmlFor={`no-${b.id}`}>No conflict</label></div>
            <div className="flex items-center gap-2"><input type="radio" id={`yes-${b.id}`} name={`conflict-${b.id}`} value="yes" className="h-5 w-5" /><label htmlFor={`yes-${b.id}`}>I have a conflict</label></div>
          </div>
          {errors?.[`conflict-${b.id}`] ? <p id={`err-${b.id}`} className="text-red-800">{errors[`conflict-${b.id}`]![0]}</p> : null}
          <TextAreaField label="Details (optional)" name={`note-${b.id}`} rows={2} errors={errors?.[`note-${b.id}`]} />
        </fieldset>
      ))}
      <div className="mt-3"><Button>Record my declaration</Button></div>
    </Form>
  );
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

export function ComparisonPanel({ rows, priced, workspaceId }: { rows: ComparisonRow[]; priced: { bidId: string; label: string; forecast: Forecast | null }[]; workspaceId: string }) {
  return (
    <section aria-labelledby="comparison-heading">
      <h3 id="comparison-heading" className="text-lg font-semibold">The bids priced side by side</h3>
      <p className="text-slate-700">Every proposal run through the same engine under the tender's scenarios, with the same runs and seed: the figures differ only because the bids do.</p>
      <div className="mt-2 overflow-x-auto" role="region" aria-label="Bids compared" tabIndex={0}>
        <table className="min-w-full text-left text-sm">
          <caption className="text-left text-slate-700">Medians, with P10 to P90 for the cost</caption>
          <thead>
            <tr>{["Bid", "Scenario", "Cost to the commissioners", "Per successful outcome", "Maximum exposure (cap)", "Co-funder", "Provider income at risk", "Investor net return", "Investor IRR"].map((h) => <th key={h} scope="col" className="pr-3">{h}</th>)}</tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.bidId}-${r.scenario}`} className="border-t border-slate-200">
                <th scope="row" className="pr-3 font-medium">{r.label}</th>
                <td className="pr-3">{r.scenario}</td>
                <td className="pr-3" data-testid={`cost-${r.bidId}-${r.scenario}`}>{formatWholePounds(r.commissionerCostPence.p50)} <span className="text-slate-700">({formatWholePounds(r.commissionerCostPence.p10)} to {formatWholePounds(r.commissionerCostPence.p90)})</span></td>
                <td className="pr-3">{formatWholePounds(r.costPerSuccessPence)}</td>
                <td className="pr-3">{r.maxExposurePence === null ? "uncapped" : formatWholePounds(r.maxExposurePence)}</td>
                <td className="pr-3">{formatWholePounds(r.coFunderPence)}</td>
                <td className="pr-3">{pct(r.providerAtRiskShare)}</td>
                <td className="pr-3">{formatWholePounds(r.investorNetPence)}</td>
                <td className="pr-3">{pct(r.investorIrr)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {priced.some((b) => !b.forecast) ? <p className="text-slate-700">Some bids are still being priced; reload in a moment.</p> : null}
      <a className="mt-2 inline-flex min-h-11 items-center underline" href={`/workspaces/${workspaceId}/procurement/evaluation.csv`} download>Download the comparison (CSV)</a>
      {priced.map((b) => (b.forecast ? (
        <details key={b.bidId} className="mt-2">
          <summary className="cursor-pointer underline">{b.label}: charts and tables</summary>
          <CostChart forecast={b.forecast} cap={null} />
          <ForecastTable forecast={b.forecast} />
          <InvestorTable forecast={b.forecast} />
          <ProviderTable forecast={b.forecast} />
        </details>
      ) : null))}
    </section>
  );
}

type Score = { evaluatorId: string; evaluatorName: string; bidId: string; questionId: string; score: number; justification: string };

export function ModerationPanel({ bids, criteria, scores, consensus, canModerate, errors }: { bids: { id: string; name: string }[]; criteria: Criteria; scores: Score[]; consensus: { bidId: string; questionId: string; score: number; reasons: string; byName: string }[]; canModerate: boolean; errors: Errors }) {
  return (
    <section aria-labelledby="moderation-heading">
      <h3 id="moderation-heading" className="text-lg font-semibold">Moderation</h3>
      {bids.map((b) => (
        <div key={b.id} className="mt-3 rounded border border-slate-300 bg-white p-4">
          <h4 className="font-semibold">{b.name}</h4>
          {criteria.questions.map((q) => {
            const agreed = consensus.find((c) => c.bidId === b.id && c.questionId === q.id);
            return (
              <div key={q.id} className="mt-3">
                <p className="font-medium">{q.title}</p>
                <ul className="list-disc pl-5 text-sm">
                  {scores.filter((s) => s.bidId === b.id && s.questionId === q.id).map((s) => <li key={s.evaluatorId}>{s.evaluatorName}: {s.score}. {s.justification}</li>)}
                </ul>
                {agreed ? <p className="text-sm">Consensus: <strong>{agreed.score}</strong>. {agreed.reasons} ({agreed.byName})</p> : null}
                {canModerate ? (
                  <Form method="post" className="mt-1 max-w-xl">
                    <IntentFields intent="consensus" fields={{ bidId: b.id, questionId: q.id }} />
                    <SelectField label={`Consensus score: ${b.name}, ${q.title}`} name="score" defaultValue={agreed ? String(agreed.score) : ""} options={[{ value: "", label: "Choose" }, ...criteria.descriptors.map((d, k) => ({ value: String(k), label: d }))]} errors={errors?.score} />
                    <TextAreaField label="Reasons" name="reasons" rows={2} defaultValue={agreed?.reasons ?? ""} />
                    <Button variant="secondary">Save the consensus</Button>
                  </Form>
                ) : null}
              </div>
            );
          })}
        </div>
      ))}
    </section>
  );
}

export function RankingTable({ ranking }: { ranking: RankedBid[] }) {
  return (
    <section aria-labelledby="ranking-heading">
      <h3 id="ranking-heading" className="text-lg font-semibold">Ranking</h3>
      <div className="mt-2 overflow-x-auto" role="region" aria-label="Points by bid" tabIndex={0}>
        <table className="min-w-full text-left text-sm">
          <caption className="text-left text-slate-700">Points out of 100, from the consensus scores and the tender's weights</caption>
          <thead><tr>{["Rank", "Bid", "Quality", "Price", "Total", "Still to moderate"].map((h) => <th key={h} scope="col" className="pr-3">{h}</th>)}</tr></thead>
          <tbody>
            {ranking.map((r) => (
              <tr key={r.bidId} className="border-t border-slate-200">
                <td className="pr-3">{r.rank}</td>
                <th scope="row" className="pr-3 font-medium">{r.label}</th>
                <td className="pr-3">{formatPoints(r.qualityPoints)}</td>
                <td className="pr-3">{formatPoints(r.pricePoints)}</td>
                <td className="pr-3" data-testid={`total-${r.bidId}`}>{formatPoints(r.totalPoints)}</td>
                <td className="pr-3">{r.missing.length ? r.missing.join(", ") : "none"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
