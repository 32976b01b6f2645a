// The engagement record, printable (the browser's print gives the document) and as
// data at record.json. It names no party: askers as pseudonyms, attendance by type.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PIN_SECTION_LABELS } from "~/domain/procurement/record";
import { formatInstant } from "~/domain/procurement/stages";
import { ORGANISATION_TYPE_LABELS, type OrganisationType } from "~/domain/roles";
import { engagementRecord } from "~/utils/engagement-record.server";
import { requireProcurement } from "~/utils/procurement.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { procurement, workspace } = await requireProcurement(request, params.workspaceId, "read:procurement");
  return { workspaceId: workspace.id, record: await engagementRecord(procurement) };
}

const when = (iso: string | null) => (iso ? formatInstant(iso) : "not yet");

export default function EngagementRecordPage() {
  const { record, workspaceId } = useLoaderData<typeof loader>();
  const n = record.notice;
  return (
    <article aria-labelledby="record-heading" className="space-y-6 print:text-black">
      <header>
        <h2 id="record-heading" className="text-xl font-semibold">Preliminary market engagement: record</h2>
        <p className="print:hidden">
          Print this page for the document, or <a className="underline" href={`/workspaces/${workspaceId}/procurement/record.json`}>download it as data (JSON)</a>.
        </p>
      </header>
      <section aria-labelledby="notice-heading">
        <h3 id="notice-heading" className="text-lg font-semibold">Notice</h3>
        <dl className="mt-2 grid gap-x-4 gap-y-1 sm:grid-cols-[12rem_1fr]">
          <dt className="font-medium">Contracting authority</dt><dd>{n.authority}</dd>
          <dt className="font-medium">Title</dt><dd>{n.title}</dd>
          <dt className="font-medium">Reference</dt><dd>{n.reference || "none"}</dd>
          <dt className="font-medium">Subject</dt><dd className="whitespace-pre-wrap">{n.subject || "not given"}</dd>
          <dt className="font-medium">Procedure</dt><dd>{n.procedure} · now: {n.stage}</dd>
          <dt className="font-medium">Engagement dates</dt><dd>{when(n.engagement.from)} to {when(n.engagement.to)}</dd>
          <dt className="font-medium">Process</dt><dd>{n.engagement.process}</dd>
        </dl>
      </section>
      {record.events.map((e) => (
        <section key={e.id} aria-labelledby={`event-${e.id}`}>
          <h3 id={`event-${e.id}`} className="text-lg font-semibold">{e.title}</h3>
          <p>{formatInstant(e.startsAt)} to {formatInstant(e.endsAt)} · {[e.place, e.online ? "online" : ""].filter(Boolean).join(" and ")}</p>
          {e.agenda.length ? <ol className="mt-1 list-inside list-decimal">{e.agenda.map((a) => <li key={`${a.time}${a.title}`}>{a.time} {a.title}{a.presenter ? ` (${a.presenter})` : ""}</li>)}</ol> : null}
          <table className="mt-2 w-full max-w-xl text-left">
            <caption className="text-left font-medium">Attendance by organisation type</caption>
            <thead><tr><th scope="col">Type</th><th scope="col">Registered</th><th scope="col">Attended</th></tr></thead>
            <tbody>{e.attendance.map((a) => <tr key={a.organisationType} className="border-t border-slate-200"><td>{ORGANISATION_TYPE_LABELS[a.organisationType as OrganisationType] ?? a.organisationType}</td><td>{a.registered}</td><td>{a.attended}</td></tr>)}</tbody>
          </table>
          <p className="mt-2 font-medium">Shared: {Object.entries(e.shared).map(([s, v]) => `${PIN_SECTION_LABELS[s as keyof typeof PIN_SECTION_LABELS]} “${v}”`).join("; ") || "no pinned versions"}</p>
          {e.polls.map((poll) => (
            <div key={poll.question} className="mt-2">
              <p className="font-medium">Poll: {poll.question} ({poll.responses} answers{poll.meanTenths !== null ? `, average ${(poll.meanTenths / 10).toFixed(1)}` : ""})</p>
              <ul className="list-inside list-disc">{poll.results.map((r) => <li key={r.label}>{r.label}: {r.count}</li>)}</ul>
            </div>
          ))}
        </section>
      ))}
      <section aria-labelledby="qa-record-heading">
        <h3 id="qa-record-heading" className="text-lg font-semibold">Questions asked and answered ({record.questions.length})</h3>
        <ol className="mt-2 space-y-2">
          {record.questions.map((q, i) => (
            <li key={i}>
              <p className="font-medium whitespace-pre-wrap">{q.question}</p>
              <p className="text-sm text-slate-700">{q.askedBy}, {formatInstant(q.askedAt)}</p>
              <p className="whitespace-pre-wrap">{q.answer}</p>
            </li>
          ))}
        </ol>
      </section>
      <section aria-labelledby="audit-head-heading">
        <h3 id="audit-head-heading" className="text-lg font-semibold">Audit trail</h3>
        <p>
          When this record was made, the workspace's audit trail (<span className="break-all font-mono">{record.audit.chain}</span>) had {record.audit.entries} entries and its head was{" "}
          <span className="font-mono">{record.audit.short}</span>:
        </p>
        <p className="break-all font-mono text-sm">{record.audit.head}</p>
        <p className="text-sm text-slate-700">To check later that nothing recorded up to then was changed or removed: <code className="break-all">npm run admin -- audit:verify --chain {record.audit.chain} --head {record.audit.head}</code></p>
      </section>
      <section aria-labelledby="changes-heading">
        <h3 id="changes-heading" className="text-lg font-semibold">What changed in the design afterwards</h3>
        {record.changes.length === 0 ? <p>No new versions published since the engagement began.</p> : (
          <ul className="mt-2 list-inside list-disc">
            {record.changes.map((c) => <li key={`${c.section}${c.version}`}>{PIN_SECTION_LABELS[c.section]}: <Link className="underline" to={c.compare}>version “{c.version}”</Link>, {formatInstant(c.publishedAt)}</li>)}
          </ul>
        )}
      </section>
    </article>
  );
}

export const meta: MetaFunction = () => [{ title: "Engagement record · Outcome Commons" }];
