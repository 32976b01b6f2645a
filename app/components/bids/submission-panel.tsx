// Submitting: the receipt (time and SHA-256 of the exact content), submit and withdraw
// for the prime, named versions, and the attachments. Plain forms: no JavaScript needed.
import { Form } from "@remix-run/react";
import { useState, type ReactNode } from "react";
import { Button, Field, FormErrors } from "~/components/forms";
import { IntentFields } from "~/components/procurement/intent-fields";
import { formatInstant } from "~/domain/procurement/stages";

type Snapshot = { id: string; kind: "version" | "submission"; label: string; byName: string; sha256: string; at: string; withdrawnAt: string | null };
type Attachment = { id: string; name: string; size: number; byName: string; at: string };

/**
 * Submitting is never queued for later: the server's clock at arrival is what counts, so
 * offline the form says it was not sent instead of sending it when the network returns.
 */
function OnlineOnlyForm({ children }: { children: ReactNode }) {
  const [offline, setOffline] = useState(false);
  return (
    <Form
      method="post"
      encType="multipart/form-data"
      className="mt-3"
      onSubmit={(event) => {
        const isOffline = typeof navigator !== "undefined" && !navigator.onLine;
        setOffline(isOffline);
        if (isOffline) event.preventDefault();
      }}
    >
      {children}
      {offline ? <p role="alert" className="mt-2 font-medium text-red-800">You are offline: nothing was sent. Your draft is kept on this device; submit again once you are back online, before the deadline.</p> : null}
    </Form>
  );
}

export function SubmissionPanel(props: {
  base: string;
  isPrime: boolean;
  canWrite: boolean;
  windowOpen: boolean;
  windowReason: string;
  submission: { id: string; sha256: string; at: string } | null;
  snapshots: Snapshot[];
  attachments: Attachment[];
  failure?: { intent?: string; formErrors: string[]; breaches?: string[] } | undefined;
}) {
  const { base, submission, failure } = props;
  return (
    <section aria-labelledby="submission-heading" className="rounded border border-slate-300 bg-white p-4">
      <h3 id="submission-heading" className="text-lg font-semibold">Submission</h3>
      {submission ? (
        <div className="mt-2 rounded border border-green-700 bg-green-50 p-3" data-testid="receipt">
          <p className="font-medium">Submitted {formatInstant(submission.at)}.</p>
          <p>Receipt: SHA-256 <code className="break-all">{submission.sha256}</code></p>
          <a className="underline" href={`${base}/snapshots/${submission.id}`} download>Download exactly what was submitted (JSON)</a>
        </div>
      ) : <p className="mt-2">Not submitted.</p>}
      {failure?.intent === "submit" || failure?.intent === "withdraw" ? <FormErrors errors={[...failure.formErrors, ...(failure.breaches ?? [])]} /> : null}
      {props.windowOpen ? (
        props.isPrime ? (
          <OnlineOnlyForm>
            <IntentFields intent={submission ? "withdraw" : "submit"} />
            <Button variant={submission ? "danger" : "primary"}>{submission ? "Withdraw the submission" : "Submit the bid"}</Button>
          </OnlineOnlyForm>
        ) : <p className="mt-2 text-slate-700">The prime submits the bid for the consortium.</p>
      ) : <p className="mt-2 text-slate-700">{props.windowReason}</p>}

      <h4 className="mt-4 font-semibold">Attachments</h4>
      {props.attachments.length ? (
        <ul className="mt-1 space-y-1">
          {props.attachments.map((a) => (
            <li key={a.id} className="flex flex-wrap items-center gap-2">
              <a className="underline" href={`${base}/attachments/${a.id}`} download>{a.name}</a>
              <span className="text-sm text-slate-700">{Math.ceil(a.size / 1024)} KB · {a.byName}</span>
              {props.canWrite ? (
                <Form method="post" encType="multipart/form-data">
                  <IntentFields intent="remove-attachment" fields={{ attachmentId: a.id }} />
                  <Button variant="secondary" aria-label={`Remove ${a.name}`}>Remove</Button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
      ) : <p className="mt-1">None.</p>}
      {props.canWrite ? (
        <Form method="post" encType="multipart/form-data" className="mt-2">
          <IntentFields intent="attach" />
          <Field type="file" label="Attach a file (up to 8 MB)" name="file" errors={failure?.intent === "attach" ? failure.formErrors : undefined} />
          <Button variant="secondary">Attach</Button>
        </Form>
      ) : null}

      <h4 className="mt-4 font-semibold">Versions</h4>
      <ul className="mt-1 space-y-1">
        {props.snapshots.map((s) => (
          <li key={s.id} className="text-sm">
            <a className="underline" href={`${base}/snapshots/${s.id}`} download>{s.kind === "submission" ? "Submission" : s.label}</a> · {formatInstant(s.at)} · {s.byName}
            {s.withdrawnAt ? ` · withdrawn ${formatInstant(s.withdrawnAt)}` : ""} · <code className="break-all">{s.sha256.slice(0, 16)}…</code>
          </li>
        ))}
      </ul>
      <Form method="post" encType="multipart/form-data" className="mt-2 max-w-md">
        <IntentFields intent="save-version" />
        <Field label="Save the draft as a version named" name="label" />
        <Button variant="secondary">Save a version</Button>
      </Form>
    </section>
  );
}
