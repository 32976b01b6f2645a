// The procurement record page's panels: stages, dates, lots, publication, parties, events.
import { IntentFields } from "./intent-fields";
import { Form, Link } from "@remix-run/react";
import { Button, Field, FormErrors, SelectField, TextAreaField } from "~/components/forms";
import { ORGANISATION_TYPE_LABELS, type OrganisationType } from "~/domain/roles";
import { PIN_SECTION_LABELS, PIN_SECTIONS, type Lot, type PinnedVersions } from "~/domain/procurement/record";
import { dateLabel, formatInstant, toLondonLocal, PROCEDURE_LABELS, SHAPE_LABELS, STAGE_LABELS, stagesOf, type FlexibleShape, type Procedure, type Stage, type Timeline } from "~/domain/procurement/stages";

type Failure = { errors: Record<string, string[] | undefined>; formErrors: string[]; values: Record<string, string> } | undefined;
type Clock = { id: string; title: string; reference: string; summary: string; procedure: Procedure; shape: FlexibleShape | null; lightTouch: boolean; stage: Stage; timeline: Timeline; published: PinnedVersions; publicSince: string | null };

export const panelClass = "rounded border border-slate-300 bg-white p-4";


/** An ISO instant as a `datetime-local` value (UK time, minutes). */
export function localValue(iso: string | undefined): string {
  return iso ? toLondonLocal(iso) : "";
}

export function DetailsForm({ procurement, failure }: { procurement: Clock | null; failure: Failure }) {
  const v = failure?.values ?? {};
  const value = (k: keyof Clock & string, fallback = "") => v[k] ?? (procurement ? String(procurement[k] ?? fallback) : fallback);
  return (
    <section aria-labelledby="details-heading" className={panelClass}>
      <h3 id="details-heading" className="text-lg font-semibold">{procurement ? "Details and procedure" : "Start the procurement"}</h3>
      {procurement ? null : <p className="mt-1 text-slate-700">One procurement per workspace, run on the framework, criteria and payment model designed here.</p>}
      <Form method="post" className="mt-3 max-w-2xl">
        <IntentFields intent="details" />
        <FormErrors errors={failure?.formErrors} />
        <Field label="Title" name="title" defaultValue={value("title")} errors={failure?.errors.title} required />
        <Field label="Reference (optional)" name="reference" defaultValue={value("reference")} errors={failure?.errors.reference} />
        <TextAreaField label="Summary" hint="What is being bought, for whom, and how it is paid for. It goes on the public opportunity page." name="summary" rows={4} defaultValue={value("summary")} errors={failure?.errors.summary} />
        <SelectField
          label="Procedure"
          name="procedure"
          defaultValue={value("procedure", "competitive-flexible")}
          errors={failure?.errors.procedure}
          options={(Object.keys(PROCEDURE_LABELS) as Procedure[]).map((p) => ({ value: p, label: PROCEDURE_LABELS[p] }))}
        />
        <SelectField
          label="Shape (competitive flexible only)"
          hint="Dialogue rounds give bidders the space to ask and understand the vision, which the PFP's bidders missed."
          name="shape"
          defaultValue={value("shape", "restricted")}
          errors={failure?.errors.shape}
          options={(Object.keys(SHAPE_LABELS) as FlexibleShape[]).map((s) => ({ value: s, label: SHAPE_LABELS[s] }))}
        />
        <div className="mb-4 flex items-center gap-2">
          <input id="light-touch" type="checkbox" name="lightTouch" defaultChecked={v.lightTouch ? v.lightTouch === "on" : (procurement?.lightTouch ?? true)} className="h-5 w-5" />
          <label htmlFor="light-touch">Light-touch contract (social and other specific services): shorter minimum periods</label>
        </div>
        <Button>{procurement ? "Save details" : "Start the procurement"}</Button>
      </Form>
    </section>
  );
}

export function StagesPanel({ workspaceId, procurement, next, moves, manage, failure }: { workspaceId: string; procurement: Clock; next: Stage | null; moves: { id: string; label: string; byName: string; at: string }[]; manage: boolean; failure: Failure }) {
  const stages = stagesOf(procurement);
  const current = stages.indexOf(procurement.stage);
  const base = `/workspaces/${workspaceId}/procurement`;
  return (
    <section aria-labelledby="stages-heading" className={panelClass}>
      <h3 id="stages-heading" className="text-lg font-semibold">{procurement.title}</h3>
      <p className="text-slate-700">
        {procurement.reference ? `${procurement.reference} · ` : ""}
        {PROCEDURE_LABELS[procurement.procedure]}
        {procurement.shape ? ` (${procurement.shape === "dialogue" ? "with dialogue" : "restricted shape"})` : ""}
        {procurement.lightTouch ? " · light-touch contract" : ""}
      </p>
      {procurement.summary ? <p className="mt-2 whitespace-pre-wrap">{procurement.summary}</p> : null}
      <nav aria-label="Procurement" className="mt-3">
        <ul className="flex flex-wrap gap-3">
          <li><Link className="underline" to={`${base}/tender`}>Tender</Link></li>
          <li><Link className="underline" to={`${base}/clarifications`}>Clarifications</Link></li>
          <li><Link className="underline" to={`${base}/bids`}>Bids</Link></li>
          {manage ? <li><Link className="underline" to={`${base}/evaluation`}>Evaluation</Link></li> : null}
          {procurement.shape === "dialogue" ? <li><Link className="underline" to={`${base}/dialogue`}>Dialogue</Link></li> : null}
          <li><Link className="underline" to={`${base}/record`}>Engagement record</Link></li>
          {manage ? <li><Link className="underline" to={`${base}/equal-treatment`}>Equal treatment</Link></li> : null}
          {procurement.publicSince ? <li><Link className="underline" to={`/opportunities/${procurement.id}`}>Public opportunity page</Link></li> : null}
        </ul>
      </nav>
      <h4 className="mt-4 font-semibold">Stages</h4>
      <ol className="mt-2 space-y-1">
        {stages.map((s, i) => (
          <li key={s} aria-current={i === current ? "step" : undefined} className={i === current ? "font-semibold" : i < current ? "text-slate-700" : ""}>
            <span aria-hidden="true">{i < current ? "✓ " : i === current ? "▶ " : "○ "}</span>
            {STAGE_LABELS[s]}
            {procurement.timeline[s] ? <span className="text-sm font-normal text-slate-700"> · {i <= current ? "started" : "planned"} {formatInstant(procurement.timeline[s]!)}</span> : null}
            {i === current ? <span className="sr-only"> (current stage)</span> : null}
          </li>
        ))}
      </ol>
      {manage && next ? (
        <Form method="post" className="mt-3">
          <IntentFields intent="move" />
          <input type="hidden" name="to" value={next} />
          <FormErrors errors={failure?.formErrors} />
          <Button>Move to “{STAGE_LABELS[next]}”</Button>
        </Form>
      ) : null}
      {moves.length ? (
        <details className="mt-3">
          <summary className="cursor-pointer">Every move ({moves.length})</summary>
          <ul className="mt-2 space-y-1 text-sm">
            {moves.map((m) => (
              <li key={m.id}>{formatInstant(m.at)}: {m.label}, by {m.byName}</li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}

export function TimelinePanel({ procurement, problems, failure, extendFailure }: { procurement: Clock; problems: string[]; failure: Failure; extendFailure: Failure }) {
  const keys: (keyof Timeline)[] = [...stagesOf(procurement).filter((s) => s !== "preliminary-market-engagement"), "enquiryEndsAt", "clarificationsUntil"];
  const bidsOpen = ["tender-notice", "participation", "shortlist", "dialogue", "clarification"].includes(procurement.stage);
  return (
    <section aria-labelledby="timeline-heading" className={panelClass}>
      <h3 id="timeline-heading" className="text-lg font-semibold">Dates</h3>
      <p className="text-slate-700">Times are UK time. Each stage's date is when it is planned to start; the bid deadline is when bids close.</p>
      {problems.length ? (
        <div className="mt-2 rounded border border-amber-700 bg-amber-50 p-3">
          <p className="font-medium">Check these before the tender notice:</p>
          <ul className="list-disc pl-5">{problems.map((p) => <li key={p}>{p}</li>)}</ul>
        </div>
      ) : null}
      <Form method="post" className="mt-3 grid max-w-2xl gap-x-4 sm:grid-cols-2">
        <IntentFields intent="timeline" />
        <div className="sm:col-span-2"><FormErrors errors={failure?.formErrors} /></div>
        {keys.map((k) => (
          <Field key={k} type="datetime-local" label={dateLabel(k)} name={k} defaultValue={failure?.values[k] ?? localValue(procurement.timeline[k])} errors={failure?.errors[k]} />
        ))}
        <div className="sm:col-span-2"><Button>Save dates</Button></div>
      </Form>
      {bidsOpen ? (
        <Form method="post" className="mt-4 max-w-2xl border-t border-slate-200 pt-3">
          <IntentFields intent="extend" />
          <h4 className="font-semibold">Extend the bid deadline</h4>
          <p className="text-slate-700">Every registered party is told at once; later dates move with it.</p>
          <Field type="datetime-local" label="New bid deadline" name="deadline" defaultValue={extendFailure?.values.deadline ?? ""} errors={extendFailure?.errors.deadline} required />
          <Field label="Reason (optional)" name="reason" defaultValue={extendFailure?.values.reason ?? ""} errors={extendFailure?.errors.reason} />
          <Button variant="secondary">Extend the deadline</Button>
        </Form>
      ) : null}
    </section>
  );
}

export function LotsPanel({ lots, manage, failure }: { lots: Lot[]; manage: boolean; failure: Failure }) {
  if (!manage && !lots.length) return null;
  return (
    <section aria-labelledby="lots-heading" className={panelClass}>
      <h3 id="lots-heading" className="text-lg font-semibold">Lots</h3>
      {lots.length ? (
        <ul className="mt-2 space-y-2">
          {lots.map((l) => (
            <li key={l.id} className="flex flex-wrap items-start justify-between gap-2">
              <div>
                <p className="font-medium">{l.title}</p>
                {l.description ? <p className="text-slate-700">{l.description}</p> : null}
              </div>
              {manage ? (
                <Form method="post">
                  <IntentFields intent="remove-lot" />
                  <input type="hidden" name="lotId" value={l.id} />
                  <Button variant="danger">Remove<span className="sr-only"> lot {l.title}</span></Button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-slate-700">One contract, no lots. Split it into lots (by intervention or by area) if bidders may bid for a part.</p>
      )}
      {manage ? (
        <Form method="post" className="mt-3 max-w-2xl">
          <IntentFields intent="add-lot" />
          <Field label="Lot title" name="title" defaultValue={failure?.values.title ?? ""} errors={failure?.errors.title} />
          <Field label="What the lot covers (optional)" name="description" defaultValue={failure?.values.description ?? ""} errors={failure?.errors.description} />
          <Button variant="secondary">Add a lot</Button>
        </Form>
      ) : null}
    </section>
  );
}

export function PublicationPanel({ procurement, versions, failure }: { procurement: Clock; versions: Record<string, string[]>; failure: Failure }) {
  return (
    <section aria-labelledby="publication-heading" className={panelClass}>
      <h3 id="publication-heading" className="text-lg font-semibold">Public opportunity page</h3>
      <p className="text-slate-700">Anyone can read it without signing in: the summary, the events, how to register, and the versions you choose here. Nothing else in the workspace is shown.</p>
      <Form method="post" className="mt-3 max-w-2xl">
        <IntentFields intent="publication" />
        <FormErrors errors={failure?.formErrors} />
        {PIN_SECTIONS.map((s) => (
          <SelectField
            key={s}
            label={PIN_SECTION_LABELS[s]}
            name={s}
            defaultValue={procurement.published[s] ?? ""}
            errors={failure?.errors[s]}
            options={[{ value: "", label: "Not published" }, ...(versions[s] ?? []).map((n) => ({ value: n, label: n }))]}
          />
        ))}
        <div className="mb-4 flex items-center gap-2">
          <input id="public" type="checkbox" name="public" defaultChecked={procurement.publicSince !== null} className="h-5 w-5" />
          <label htmlFor="public">Show the opportunity page to the public</label>
        </div>
        <Button variant="secondary">Save what is published</Button>
      </Form>
    </section>
  );
}

type PartyRow = { id: string; number: number; name: string; type: string; registeredAt: string; people: number };

export function PartiesPanel({ parties, count, myParty, canRegister, organisation, team, failure }: { parties: PartyRow[]; count: number; myParty: { number: number } | null; canRegister: boolean; organisation: string | null; team: boolean; failure: Failure }) {
  return (
    <section aria-labelledby="parties-heading" className={panelClass}>
      <h3 id="parties-heading" className="text-lg font-semibold">Registered parties ({count})</h3>
      <p className="text-slate-700">Organisations that registered interest. Each receives everything published, at the same moment.</p>
      {myParty ? <p className="mt-2">{organisation} is registered. Other parties see your questions as from <strong>Organisation {myParty.number}</strong>.</p> : null}
      {canRegister ? (
        <Form method="post" className="mt-2">
          <IntentFields intent="register" />
          <FormErrors errors={failure?.formErrors} />
          <Button>Register {organisation}'s interest</Button>
        </Form>
      ) : null}
      {team && parties.length ? (
        <div className="mt-3 overflow-x-auto" tabIndex={0} role="region" aria-label="Registered parties">
        <table className="w-full text-left">
          <caption className="sr-only">Registered parties, visible to the commissioning team only</caption>
          <thead>
            <tr><th scope="col">Pseudonym</th><th scope="col">Organisation</th><th scope="col">Type</th><th scope="col">People</th><th scope="col">Registered</th></tr>
          </thead>
          <tbody>
            {parties.map((p) => (
              <tr key={p.id} className="border-t border-slate-200">
                <td>Organisation {p.number}</td>
                <td>{p.name}</td>
                <td>{ORGANISATION_TYPE_LABELS[p.type as OrganisationType] ?? p.type}</td>
                <td>{p.people}</td>
                <td>{formatInstant(p.registeredAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </div>
      ) : null}
    </section>
  );
}

type EventRow = { id: string; title: string; startsAt: string; place: string; status: string; registrations: number };

export function EventsPanel({ workspaceId, events, manage, failure }: { workspaceId: string; events: EventRow[]; manage: boolean; failure: Failure }) {
  const v = failure?.values ?? {};
  return (
    <section aria-labelledby="events-heading" className={panelClass}>
      <h3 id="events-heading" className="text-lg font-semibold">Market-warming days and events</h3>
      {events.length ? (
        <ul className="mt-2 space-y-2">
          {events.map((e) => (
            <li key={e.id}>
              <Link className="font-medium underline" to={`/workspaces/${workspaceId}/procurement/events/${e.id}`}>{e.title}</Link>
              <span className="text-slate-700"> · {formatInstant(e.startsAt)}{e.place ? ` · ${e.place}` : ""} · {e.registrations} registered{e.status === "live" ? " · live now" : e.status === "ended" ? " · ended" : ""}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-slate-700">No events yet.</p>
      )}
      {manage ? (
        <details className="mt-3" open={!!failure}>
          <summary className="cursor-pointer font-medium">Plan an event</summary>
          <Form method="post" className="mt-2 max-w-2xl">
            <IntentFields intent="create-event" />
            <FormErrors errors={failure?.formErrors} />
            <Field label="Title" name="title" defaultValue={v.title ?? "Market-warming day"} errors={failure?.errors.title} />
            <Field type="datetime-local" label="Starts (UK time)" name="startsAt" defaultValue={v.startsAt ?? ""} errors={failure?.errors.startsAt} />
            <Field type="datetime-local" label="Ends (UK time)" name="endsAt" defaultValue={v.endsAt ?? ""} errors={failure?.errors.endsAt} />
            <Field label="Place" name="place" defaultValue={v.place ?? ""} errors={failure?.errors.place} />
            <Field label="Online link (optional)" name="onlineUrl" type="url" defaultValue={v.onlineUrl ?? ""} errors={failure?.errors.onlineUrl} />
            <TextAreaField label="Description (optional)" name="description" rows={3} defaultValue={v.description ?? ""} errors={failure?.errors.description} />
            <Button variant="secondary">Plan the event</Button>
          </Form>
        </details>
      ) : null}
    </section>
  );
}
