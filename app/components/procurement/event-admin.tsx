// The facilitator's side of a market-warming day (presenter controls, agenda, pinned
// versions, new polls) and the attendee's registration and attendance.
import { IntentFields } from "~/components/procurement/intent-fields";
import { Form } from "@remix-run/react";
import { Button, Field, FormErrors, SelectField, TextAreaField } from "~/components/forms";
import { POLL_KIND_LABELS, POLL_KINDS } from "~/domain/procurement/polls";
import { PIN_SECTION_LABELS, PIN_SECTIONS, showingValue, type AgendaItem, type PinnedVersions, type Showing } from "~/domain/procurement/record";
import { ORGANISATION_TYPE_LABELS, type OrganisationType } from "~/domain/roles";
import { panelClass } from "./record-panels";

type Failure = { errors: Record<string, string[] | undefined>; formErrors: string[]; values: Record<string, string> } | undefined;


export function RegistrationPanel({ registration, live }: { registration: { attended: boolean } | null; live: boolean }) {
  return (
    <div className="flex flex-wrap items-center gap-2">
      {registration ? (
        <p>{registration.attended ? "You are checked in." : "You are registered."}</p>
      ) : (
        <Form method="post"><IntentFields intent="register" /><Button>Register for this event</Button></Form>
      )}
      {live && !registration?.attended ? <Form method="post"><IntentFields intent="check-in" /><Button variant="secondary">I am here: check me in</Button></Form> : null}
      {registration && !registration.attended ? <Form method="post"><IntentFields intent="cancel" /><Button variant="secondary">Cancel my registration</Button></Form> : null}
    </div>
  );
}

export function PresenterControls({ event, showing, status, versions, pinFailure }: { event: { agenda: AgendaItem[]; pinned: PinnedVersions }; showing: Showing | null; status: string; versions: Record<string, string[]>; pinFailure: Failure }) {
  const current = showingValue(showing);
  const options = [
    ...event.agenda.map((a) => ({ value: `agenda:${a.id}`, label: `Agenda: ${a.time} ${a.title}` })),
    ...PIN_SECTIONS.map((s) => ({ value: `section:${s}`, label: PIN_SECTION_LABELS[s] })),
    { value: "forecast", label: "Payment forecast" },
    { value: "nothing", label: "Nothing" },
  ];
  return (
    <section aria-labelledby="presenter-heading" className={panelClass}>
      <h3 id="presenter-heading" className="text-lg font-semibold">Presenter</h3>
      <div className="mt-2 flex flex-wrap gap-2">
        {status !== "live" ? <Form method="post"><IntentFields intent="status" fields={{ status: "live" }} /><Button>Start the event</Button></Form> : <Form method="post"><IntentFields intent="status" fields={{ status: "ended" }} /><Button variant="danger">End the event</Button></Form>}
      </div>
      <Form method="post" className="mt-3 flex flex-wrap items-end gap-2">
        <IntentFields intent="show" />
        <SelectField label="Show on every screen" name="showing" defaultValue={current} options={options} key={current} />
        <div className="mb-4"><Button>Show it</Button></div>
      </Form>
      <Form method="post" className="mt-2 max-w-2xl">
        <IntentFields intent="pin" />
        <p className="font-medium">Versions being discussed</p>
        <FormErrors errors={pinFailure?.formErrors} />
        {PIN_SECTIONS.map((s) => (
          <SelectField key={s} label={PIN_SECTION_LABELS[s]} name={s} defaultValue={event.pinned[s] ?? ""} errors={pinFailure?.errors[s]} options={[{ value: "", label: "None" }, ...(versions[s] ?? []).map((n) => ({ value: n, label: n }))]} />
        ))}
        <Button variant="secondary">Pin these versions</Button>
      </Form>
      <details className="mt-3">
        <summary className="cursor-pointer font-medium">New poll</summary>
        <Form method="post" className="mt-2 max-w-2xl">
          <IntentFields intent="poll-create" />
          <Field label="Question" name="question" />
          <SelectField label="Kind" name="kind" defaultValue="single" options={POLL_KINDS.map((k) => ({ value: k, label: POLL_KIND_LABELS[k] }))} />
          <TextAreaField label="Options, one a line (not for a scale)" name="options" rows={4} />
          <div className="mb-3 flex items-center gap-2">
            <input id="poll-anonymous" type="checkbox" name="anonymous" defaultChecked className="h-5 w-5" />
            <label htmlFor="poll-anonymous">Anonymous: keep no names</label>
          </div>
          <Button variant="secondary">Add the poll</Button>
        </Form>
      </details>
    </section>
  );
}

export function AgendaEditor({ agenda, failure }: { agenda: AgendaItem[]; failure: Failure }) {
  const v = failure?.values ?? {};
  return (
    <section aria-labelledby="agenda-edit-heading" className={panelClass}>
      <h3 id="agenda-edit-heading" className="text-lg font-semibold">Agenda</h3>
      <ul className="mt-2 space-y-1">
        {agenda.map((a) => (
          <li key={a.id} className="flex flex-wrap items-center justify-between gap-2">
            <span><span className="tabular-nums">{a.time}</span> {a.title}{a.presenter ? ` · ${a.presenter}` : ""}</span>
            <Form method="post"><IntentFields intent="agenda-remove" fields={{ itemId: a.id }} /><Button variant="danger">Remove<span className="sr-only"> {a.title}</span></Button></Form>
          </li>
        ))}
      </ul>
      <Form method="post" className="mt-3 max-w-2xl">
        <IntentFields intent="agenda-add" />
        <FormErrors errors={failure?.formErrors} />
        <Field label="Time" name="time" type="time" defaultValue={v.time ?? ""} errors={failure?.errors.time} />
        <Field label="Item" name="title" defaultValue={v.title ?? ""} errors={failure?.errors.title} />
        <Field label="Who presents (optional)" name="presenter" defaultValue={v.presenter ?? ""} errors={failure?.errors.presenter} />
        <TextAreaField label="Notes shown with it (optional)" name="notes" rows={2} defaultValue={v.notes ?? ""} errors={failure?.errors.notes} />
        <Button variant="secondary">Add to the agenda</Button>
      </Form>
    </section>
  );
}

export function AttendancePanel({ byType, registrations }: { byType: { type: string; registered: number; attended: number }[]; registrations: { id: string; name: string; organisationName: string; organisationType: string; attended: boolean }[] }) {
  const label = (t: string) => ORGANISATION_TYPE_LABELS[t as OrganisationType] ?? t;
  return (
    <section aria-labelledby="attendance-heading" className={panelClass}>
      <h3 id="attendance-heading" className="text-lg font-semibold">Attendance</h3>
      <table className="mt-2 w-full text-left">
        <caption className="sr-only">Registered and attended, by organisation type</caption>
        <thead><tr><th scope="col">Organisation type</th><th scope="col">Registered</th><th scope="col">Attended</th></tr></thead>
        <tbody>
          {byType.map((t) => <tr key={t.type} className="border-t border-slate-200"><td>{label(t.type)}</td><td>{t.registered}</td><td>{t.attended}</td></tr>)}
        </tbody>
      </table>
      {registrations.length ? (
        <details className="mt-2">
          <summary className="cursor-pointer">Everyone registered ({registrations.length})</summary>
          <ul className="mt-1 text-sm">{registrations.map((r) => <li key={r.id}>{r.name}, {r.organisationName} ({label(r.organisationType)}){r.attended ? " · attended" : ""}</li>)}</ul>
        </details>
      ) : null}
    </section>
  );
}
