// Prioritisation by stakeholder group: your own ratings (a plain form that works
// without JavaScript) and each group's ranking side by side, the outcomes where the
// groups disagree most first. On a wide screen a table; on a phone each outcome is a
// card with the groups stacked, so no group's column is off-screen. Either way the
// reader's own group comes first.
import { Form } from "@remix-run/react";
import { describeGroupView, groupsFor, RATING_GROUP_LABELS, SCORES, type OutcomePriority } from "~/domain/priorities";
import { Button, CsrfInput } from "./forms";

type Props = {
  outcomes: { id: string; title: string }[];
  priorities: OutcomePriority[];
  /** The rater's own scores, when they may rate. */
  mine: Record<string, number> | null;
  groupLabel: string | null;
  /** The reader's role, so their own group is shown first. */
  readerRole: string | null;
};

export function Priorities({ outcomes, priorities, mine, groupLabel, readerRole }: Props) {
  const title = new Map(outcomes.map((o) => [o.id, o.title || "Untitled outcome"]));
  const rows = priorities.filter((p) => title.has(p.outcomeId));
  const groups = groupsFor(readerRole);
  const own = (g: string) => g === readerRole;
  const groupName = (g: (typeof groups)[number]) => `${RATING_GROUP_LABELS[g]}${own(g) ? " (your group)" : ""}`;
  return (
    <section aria-labelledby="priorities-heading" className="mt-8 rounded border border-slate-300 bg-white p-3">
      <h3 id="priorities-heading" className="text-lg font-semibold">Priorities by stakeholder group</h3>
      <p className="mt-1 text-slate-700">Each member rates how much each outcome matters, from 1 (least) to 5 (most). Ratings carry no names.</p>
      {/* Wide screens: the groups side by side. Focusable so keyboard users can scroll it. */}
      <div className="mt-3 hidden overflow-x-auto md:block" tabIndex={0} role="region" aria-label="Priorities table">
        <table className="min-w-full text-left">
          <caption className="sr-only">Average rating, number of raters and rank per group; where groups disagree most first</caption>
          <thead>
            <tr>
              <th scope="col" className="py-1 pr-3">Outcome</th>
              {groups.map((g) => <th key={g} scope="col" className="py-1 pr-3">{groupName(g)}</th>)}
              <th scope="col" className="py-1">Gap between groups</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((p) => (
              <tr key={p.outcomeId} className="border-t border-slate-200">
                <th scope="row" className="py-1 pr-3 font-normal">{title.get(p.outcomeId)}</th>
                {groups.map((g) => {
                  const v = p.groups[g];
                  return <td key={g} className="py-1 pr-3">{v.mean === null ? "–" : `${v.mean.toFixed(1)} (${v.raters}) · #${v.rank}`}</td>;
                })}
                <td className="py-1">{p.spread === null ? "–" : p.spread.toFixed(1)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {/* Phones: one card per outcome, the groups stacked. */}
      <ol className="mt-3 space-y-3 md:hidden" aria-label="Priorities by outcome">
        {rows.map((p) => (
          <li key={p.outcomeId} className="rounded border border-slate-300 p-3">
            <p className="font-medium">{title.get(p.outcomeId)}</p>
            <dl className="mt-2 space-y-1 text-sm">
              {groups.map((g) => (
                <div key={g} className={own(g) ? "rounded bg-brand-50 px-2 py-1" : "px-2 py-1"}>
                  <dt className="font-medium">{groupName(g)}</dt>
                  <dd>{describeGroupView(p.groups[g])}</dd>
                </div>
              ))}
              <div className="px-2 py-1">
                <dt className="font-medium">Gap between groups</dt>
                <dd>{p.spread === null ? "Fewer than two groups have rated it" : p.spread.toFixed(1)}</dd>
              </div>
            </dl>
          </li>
        ))}
      </ol>
      {mine && groupLabel ? (
        <Form method="post" className="mt-4">
          <CsrfInput />
          <input type="hidden" name="intent" value="rate" />
          <fieldset>
            <legend className="font-medium">Your ratings (counted with {groupLabel})</legend>
            <div className="mt-2 grid gap-3 sm:grid-cols-2">
              {outcomes.map((o) => (
                <div key={o.id}>
                  <label htmlFor={`score-${o.id}`} className="block">{o.title || "Untitled outcome"}</label>
                  <select id={`score-${o.id}`} name={`score:${o.id}`} defaultValue={mine[o.id] ?? ""} className="mt-1 block w-full rounded border border-slate-500 bg-white px-2 py-2">
                    <option value="">Not rated</option>
                    {SCORES.map((s) => <option key={s} value={s}>{s}{s === 1 ? " (matters least)" : s === 5 ? " (matters most)" : ""}</option>)}
                  </select>
                </div>
              ))}
            </div>
          </fieldset>
          <Button>Save my ratings</Button>
        </Form>
      ) : null}
    </section>
  );
}
