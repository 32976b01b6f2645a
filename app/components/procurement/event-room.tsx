// What every attendee's screen shows at a market-warming day: the presenter's "now
// showing" (or what they chose to look at instead), polls with live results, and the Q&A.
import { IntentFields } from "~/components/procurement/intent-fields";
import { Link } from "@remix-run/react";
import { OfflineSafeForm } from "~/components/offline-safe-form";
import { ForecastTable } from "~/components/payment-tables";
import { Button, FormErrors, TextAreaField } from "~/components/forms";
import type { Forecast } from "~/domain/payment/forecast";
import { POLL_KIND_LABELS, SCALE } from "~/domain/procurement/polls";
import type { AgendaItem, Showing } from "~/domain/procurement/record";
import type { LiveRoom } from "~/models/market-event.server";
import { panelClass } from "./record-panels";

type Failure = { errors: Record<string, string[] | undefined>; formErrors: string[]; values: Record<string, string> } | undefined;
type Pinned = {
  outcomes: { version: string; goal: string; outcomes: { id: string; title: string; definition: string; linkedToPayment: boolean }[] } | null;
  referral: { version: string; inclusions: string[]; exclusions: string[] } | null;
  payment: { version: string; lines: string[] } | null;
};

const VIEWS = [
  { key: "agenda", label: "Agenda" },
  { key: "outcomes", label: "Outcome framework" },
  { key: "referral", label: "Referral criteria" },
  { key: "payment", label: "Payment model" },
  { key: "forecast", label: "Payment forecast" },
] as const;


/** Look away from the presenter (agenda, a pinned section) and come back with one click. */
export function ViewSwitcher({ view, showing, live }: { view: string | null; showing: Showing | null; live: boolean }) {
  return (
    <nav aria-label="What you are looking at" className="flex flex-wrap items-center gap-2">
      {view && live ? (
        <Link to="?" className="inline-flex min-h-11 items-center rounded bg-brand-700 px-4 font-medium text-white">Back to the presenter</Link>
      ) : live && showing ? (
        <p className="font-medium" role="status">Following the presenter</p>
      ) : null}
      {VIEWS.map((v) => (
        <Link key={v.key} to={`?view=${v.key}`} aria-current={view === v.key ? "page" : undefined} className={`inline-flex min-h-11 items-center rounded border px-3 ${view === v.key ? "border-brand-700 font-semibold" : "border-slate-400"}`}>
          {v.label}
        </Link>
      ))}
    </nav>
  );
}

function AgendaList({ agenda, current }: { agenda: AgendaItem[]; current?: string | undefined }) {
  if (!agenda.length) return <p className="text-slate-700">No agenda yet.</p>;
  return (
    <ol className="space-y-2">
      {agenda.map((a) => (
        <li key={a.id} aria-current={a.id === current ? "true" : undefined} className={a.id === current ? "font-semibold" : ""}>
          <span className="tabular-nums">{a.time}</span> {a.title}
          {a.presenter ? <span className="font-normal text-slate-700"> · {a.presenter}</span> : null}
        </li>
      ))}
    </ol>
  );
}

export function NowShowing({ view, showing, agenda, pinned, forecast, polls }: { view: string | null; showing: Showing | null; agenda: AgendaItem[]; pinned: Pinned; forecast: Forecast | null; polls: LiveRoom["polls"] }) {
  const what: string | null = view ?? (showing ? (showing.kind === "section" ? showing.section : showing.kind) : null);
  const heading = view ? "You are looking at" : "Now showing";
  let body: React.ReactNode = <p className="text-slate-700">The presenter is not showing anything yet. Look at the agenda or the designs above while you wait.</p>;
  if (what === "agenda" && showing?.kind === "agenda" && !view) {
    const item = agenda.find((a) => a.id === showing.itemId);
    body = item ? (
      <div>
        <p className="text-2xl font-semibold">{item.title}</p>
        <p className="text-slate-700">{item.time}{item.presenter ? ` · presented by ${item.presenter}` : ""}</p>
        {item.notes ? <p className="mt-2 whitespace-pre-wrap">{item.notes}</p> : null}
      </div>
    ) : <AgendaList agenda={agenda} />;
  } else if (what === "agenda") body = <AgendaList agenda={agenda} current={showing?.kind === "agenda" ? showing.itemId : undefined} />;
  else if (what === "outcomes") {
    body = pinned.outcomes ? (
      <div>
        <p className="text-sm text-slate-700">Version “{pinned.outcomes.version}”</p>
        <p className="mt-1 font-medium">{pinned.outcomes.goal}</p>
        <ul className="mt-2 space-y-2">
          {pinned.outcomes.outcomes.map((o) => (
            <li key={o.id}><span className="font-semibold">{o.title}</span>{o.linkedToPayment ? " (paid for)" : " (tracked)"}{o.definition ? <span className="block text-slate-800">{o.definition}</span> : null}</li>
          ))}
        </ul>
      </div>
    ) : <p>No version of the outcome framework is pinned for this event.</p>;
  } else if (what === "referral") {
    body = pinned.referral ? (
      <div>
        <p className="text-sm text-slate-700">Version “{pinned.referral.version}”</p>
        <h4 className="mt-2 font-semibold">Who can be referred</h4>
        <ul className="list-disc pl-5">{pinned.referral.inclusions.map((r) => <li key={r}>{r}</li>)}</ul>
        <h4 className="mt-2 font-semibold">Who cannot</h4>
        <ul className="list-disc pl-5">{pinned.referral.exclusions.map((r) => <li key={r}>{r}</li>)}</ul>
      </div>
    ) : <p>No version of the referral criteria is pinned for this event.</p>;
  } else if (what === "payment") {
    body = pinned.payment ? (
      <div>
        <p className="text-sm text-slate-700">Version “{pinned.payment.version}”</p>
        <ul className="mt-2 list-disc pl-5">{pinned.payment.lines.map((l) => <li key={l}>{l}</li>)}</ul>
      </div>
    ) : <p>No version of the payment model is pinned for this event.</p>;
  } else if (what === "forecast") {
    body = !pinned.payment ? <p>No version of the payment model is pinned for this event.</p> : forecast ? (
      <div><p className="text-sm text-slate-700">Forecast of version “{pinned.payment.version}” under the workspace's scenarios</p><ForecastTable forecast={forecast} /></div>
    ) : <p role="status">Working out the forecast…</p>;
  } else if (what === "poll" && showing?.kind === "poll") {
    const poll = polls.find((p) => p.id === showing.pollId);
    body = poll ? <p className="text-2xl font-semibold">Poll: {poll.question} <a href={`#poll-${poll.id}`} className="block text-base font-normal underline">Answer it below</a></p> : null;
  }
  return (
    <section aria-labelledby="showing-heading" aria-live="polite" className={`${panelClass} border-brand-700`}>
      <h3 id="showing-heading" className="text-sm font-semibold uppercase tracking-wide text-slate-700">{heading}</h3>
      <div className="mt-2">{body}</div>
    </section>
  );
}

function Bars({ poll }: { poll: LiveRoom["polls"][number] }) {
  if (!poll.tally) return null;
  const max = Math.max(1, ...poll.tally.counts.map((c) => c.count));
  return (
    <div className="mt-2">
      <p>{poll.tally.responses} {poll.tally.responses === 1 ? "answer" : "answers"}{poll.tally.meanTenths !== null ? ` · average ${(poll.tally.meanTenths / 10).toFixed(1)} of 5` : ""}{poll.kind === "ranking" ? " · points: first place scores most" : ""}</p>
      <ul className="mt-1 space-y-1" aria-label={`Results: ${poll.question}`}>
        {poll.tally.counts.map((c) => (
          <li key={c.label} className="grid grid-cols-[minmax(6rem,12rem)_1fr_auto] items-center gap-2">
            <span className="truncate">{c.label}</span>
            <span aria-hidden="true" className="h-4 rounded bg-brand-700" style={{ width: `${(100 * c.count) / max}%` }} />
            <span className="tabular-nums" data-testid="poll-count">{c.count}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function PollForm({ poll, failure }: { poll: LiveRoom["polls"][number]; failure: Failure }) {
  const errors = failure?.errors[`poll-${poll.id}`];
  const mine = poll.mine ?? [];
  return (
    <OfflineSafeForm method="post" className="mt-2">
      <IntentFields intent="respond" fields={{ pollId: poll.id }} />
      <fieldset>
        <legend className="font-medium">{POLL_KIND_LABELS[poll.kind]}{poll.anonymous ? " · anonymous" : " · named: the commissioning team sees who answered"}</legend>
        {errors ? <p className="text-sm font-medium text-red-700" role="alert">{errors.join(" ")}</p> : null}
        {poll.kind === "scale"
          ? <div className="flex flex-wrap gap-3">{SCALE.map((n) => (
              <label key={n} className="inline-flex min-h-11 items-center gap-2"><input type="radio" name="choice" value={String(n)} defaultChecked={mine[0] === n} className="h-5 w-5" />{n}</label>
            ))}</div>
          : poll.kind === "ranking"
            ? poll.options.map((o, i) => (
                <label key={o} className="flex min-h-11 items-center gap-2">
                  <select name={`rank-${i}`} defaultValue={mine.length ? String(mine.indexOf(i) + 1) : String(i + 1)} className="rounded border border-slate-500 px-2 py-1">
                    {poll.options.map((_, p) => <option key={p} value={String(p + 1)}>{p + 1}</option>)}
                  </select>
                  {o}
                </label>
              ))
            : poll.options.map((o, i) => (
                <label key={o} className="flex min-h-11 items-center gap-2">
                  <input type={poll.kind === "single" ? "radio" : "checkbox"} name="choice" value={String(i)} defaultChecked={mine.includes(i)} className="h-5 w-5" />
                  {o}
                </label>
              ))}
      </fieldset>
      <Button>{poll.mine ? "Change my answer" : "Send my answer"}<span className="sr-only"> to {poll.question}</span></Button>
    </OfflineSafeForm>
  );
}

export function PollsPanel({ polls, manage, canAnswer, failure }: { polls: LiveRoom["polls"]; manage: boolean; canAnswer: boolean; failure: Failure }) {
  return (
    <section aria-labelledby="polls-heading" className={panelClass}>
      <h3 id="polls-heading" className="text-lg font-semibold">Polls</h3>
      {polls.length === 0 ? <p className="text-slate-700">No polls yet.</p> : null}
      <ul className="space-y-4">
        {polls.map((poll) => (
          <li key={poll.id} id={`poll-${poll.id}`} className="border-t border-slate-200 pt-3">
            <h4 className="font-semibold">{poll.question} <span className="text-sm font-normal text-slate-700">({poll.status === "open" ? "open" : poll.status === "closed" ? "closed" : "draft, not shown"})</span></h4>
            {poll.status === "open" && canAnswer ? <PollForm poll={poll} failure={failure} /> : null}
            {poll.mine || poll.status === "closed" || manage ? <Bars poll={poll} /> : poll.status === "open" ? <p className="text-slate-700">Results show once you have answered.</p> : null}
            {manage && poll.named.length ? (
              <details className="mt-2"><summary className="cursor-pointer">Who answered (named poll)</summary>
                <ul className="text-sm">{poll.named.map((n, i) => <li key={i}>{n.voterName}{n.organisationName ? ` (${n.organisationName})` : ""}: {n.choice.map((c) => (poll.kind === "scale" ? String(c) : poll.options[c])).join(", ")}</li>)}</ul>
              </details>
            ) : null}
            {manage ? (
              <div className="mt-2 flex flex-wrap gap-2">
                {poll.status !== "open" ? <OfflineSafeForm method="post"><IntentFields intent="poll-status" fields={{ pollId: poll.id, status: "open" }} /><Button variant="secondary">Open<span className="sr-only"> {poll.question}</span></Button></OfflineSafeForm> : null}
                {poll.status === "open" ? <OfflineSafeForm method="post"><IntentFields intent="poll-status" fields={{ pollId: poll.id, status: "closed" }} /><Button variant="secondary">Close<span className="sr-only"> {poll.question}</span></Button></OfflineSafeForm> : null}
              </div>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

type Q = LiveRoom["questions"][number];

function AnswerForm({ q, failure }: { q: Q; failure: Failure }) {
  const mine = failure?.values.questionId === q.id ? failure : undefined;
  return (
    <OfflineSafeForm method="post" className="mt-2">
      <IntentFields intent="answer" fields={{ questionId: q.id }} />
      <FormErrors errors={mine?.formErrors} />
      <TextAreaField label={q.answer ? "Change the answer" : "Answer for every party"} name="answer" rows={3} defaultValue={mine?.values.answer ?? q.answer ?? ""} errors={mine?.errors.answer} />
      <Button>{q.answer ? "Save the changed answer" : "Publish the answer"}</Button>
    </OfflineSafeForm>
  );
}

export function QuestionsPanel({ questions, manage, canAnswer, canAsk, askFailure, answerFailure }: { questions: Q[]; manage: boolean; canAnswer: boolean; canAsk: boolean; askFailure: Failure; answerFailure: Failure }) {
  const queue = questions.filter((q) => q.status === "pending");
  const room = questions.filter((q) => q.status === "approved" || q.status === "answered");
  return (
    <section aria-labelledby="qa-heading" className={panelClass}>
      <h3 id="qa-heading" className="text-lg font-semibold">Questions</h3>
      {canAsk && !manage ? (
        <OfflineSafeForm method="post" className="mt-2 max-w-2xl">
          <IntentFields intent="ask" />
          <FormErrors errors={askFailure?.formErrors} />
          <TextAreaField label="Ask the commissioners" name="body" rows={3} defaultValue={askFailure?.values.body ?? ""} errors={askFailure?.errors.body} />
          <div className="mb-3 flex items-center gap-2">
            <input id="ask-anonymous" type="checkbox" name="anonymous" defaultChecked className="h-5 w-5" />
            <label htmlFor="ask-anonymous">Hide my organisation from other parties (the commissioning team always sees who asked)</label>
          </div>
          <Button>Send the question</Button>
        </OfflineSafeForm>
      ) : null}
      {manage && queue.length ? (
        <div className="mt-3">
          <h4 className="font-semibold">Waiting for you ({queue.length})</h4>
          <ul className="space-y-2">
            {queue.map((q) => (
              <li key={q.id} className="rounded border border-amber-700 p-2">
                <p className="whitespace-pre-wrap">{q.body}</p>
                <p className="text-sm text-slate-700">From {q.askedBy}</p>
                <div className="mt-1 flex flex-wrap gap-2">
                  <OfflineSafeForm method="post"><IntentFields intent="approve" fields={{ questionId: q.id }} /><Button variant="secondary">Show to the room</Button></OfflineSafeForm>
                  <OfflineSafeForm method="post"><IntentFields intent="hide" fields={{ questionId: q.id }} /><Button variant="danger">Hide</Button></OfflineSafeForm>
                </div>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <h4 className="mt-3 font-semibold">In the room ({room.length})</h4>
      {room.length === 0 ? <p className="text-slate-700">No questions shown yet.</p> : null}
      <ul className="space-y-3" aria-label="Questions in the room">
        {room.map((q) => (
          <li key={q.id} id={`q-${q.id}`} className="border-t border-slate-200 pt-2">
            <p className="whitespace-pre-wrap font-medium">{q.body}</p>
            <p className="text-sm text-slate-700">{q.askedBy} · {q.votes} {q.votes === 1 ? "vote" : "votes"}</p>
            {q.answer ? <div className="mt-1 rounded bg-slate-50 p-2"><p className="text-sm font-semibold">Answer</p><p className="whitespace-pre-wrap">{q.answer}</p></div> : null}
            {q.status === "approved" && !manage ? (
              <OfflineSafeForm method="post" className="mt-1">
                <IntentFields intent={q.votedByMe ? "unvote" : "vote"} fields={{ questionId: q.id }} />
                <Button variant="secondary">{q.votedByMe ? "Take my vote back" : "Vote up"}<span className="sr-only">: {q.body.slice(0, 60)}</span></Button>
              </OfflineSafeForm>
            ) : null}
            {canAnswer ? <AnswerForm q={q} failure={answerFailure} /> : null}
          </li>
        ))}
      </ul>
      {questions.some((q) => q.mine && q.status === "pending") ? (
        <div className="mt-3">
          <h4 className="font-semibold">Your questions waiting for the facilitator</h4>
          <ul>{questions.filter((q) => q.mine && q.status === "pending").map((q) => <li key={q.id} className="whitespace-pre-wrap">{q.body}</li>)}</ul>
        </div>
      ) : null}
    </section>
  );
}
