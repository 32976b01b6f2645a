// A bidder's assessment summary after the award: its scores beside the winner's, with
// the reasons, its rank, and the standstill during which it may challenge the decision.
import { formatPoints } from "~/domain/procurement/evaluation";
import { formatInstant } from "~/domain/procurement/stages";
import type { AssessmentView } from "~/utils/assessment.server";
import { AuditStamp } from "~/components/open-data/audit-stamp";

export function AssessmentSummary({ summary: s }: { summary: AssessmentView }) {
  return (
    <section aria-labelledby={`assessment-${s.bidId}`} className="rounded border border-slate-300 bg-white p-4">
      <h3 id={`assessment-${s.bidId}`} className="text-lg font-semibold">Assessment summary: {s.name}</h3>
      <p className="mt-1 font-medium">{s.won ? "Your bid has been selected for award." : "Your bid was not selected."}</p>
      <p className="mt-1">Reasons for the decision: {s.reasons}</p>
      <p className="mt-1 text-slate-700">The standstill period runs until {formatInstant(s.standstillEndsAt)} (8 working days); the contract is not signed before then.</p>
      {s.recorded ? <AuditStamp record={s.recorded} what="The award decision" /> : null}
      <div className="mt-3 overflow-x-auto" role="region" aria-label="Points" tabIndex={0}>
        <table className="min-w-full text-left text-sm">
          <caption className="text-left text-slate-700">Points out of 100</caption>
          <thead><tr><th scope="col" className="pr-3">Bid</th><th scope="col" className="pr-3">Rank</th><th scope="col" className="pr-3">Quality</th><th scope="col" className="pr-3">Price</th><th scope="col" className="pr-3">Total</th></tr></thead>
          <tbody>
            {s.ranks.map((r) => (
              <tr key={r.label} className="border-t border-slate-200">
                <th scope="row" className="pr-3 font-medium">{r.label}</th>
                <td className="pr-3">{r.rank}</td>
                <td className="pr-3">{formatPoints(r.qualityPoints)}</td>
                <td className="pr-3">{formatPoints(r.pricePoints)}</td>
                <td className="pr-3">{formatPoints(r.totalPoints)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h4 className="mt-3 font-semibold">Scores by question (0 to {s.scaleMax})</h4>
      <ul className="mt-1 space-y-2">
        {s.questions.map((q) => (
          <li key={q.title}>
            <p className="font-medium">{q.title}</p>
            <p>Your bid: {q.ours ? `${q.ours.score}. ${q.ours.reasons}` : "not scored"}</p>
            {s.won ? null : <p>The winning bid: {q.winner ? `${q.winner.score}. ${q.winner.reasons}` : "not scored"}</p>}
          </li>
        ))}
      </ul>
    </section>
  );
}
