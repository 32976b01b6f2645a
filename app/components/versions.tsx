// Named versions of a shared document: publish it as it stands (a plain form that
// works without JavaScript), compare any two versions (or a version with now) in the
// document's own words, and restore one as a new edit.
import { Form, useSearchParams } from "@remix-run/react";
import { Button, CsrfInput, Field, FormErrors } from "./forms";

export type VersionRow = { id: string; name: string; createdByName: string; createdAt: string };
export type Comparison = { from: string; to: string; fromName: string; toName: string; changes: string[] };
type PublishResult = { formErrors?: string[] | undefined; errors?: Partial<Record<string, string[]>> | undefined; values?: Record<string, string> | undefined } | undefined;

const when = (iso: string) => new Date(iso).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/London" });

export function Versions({ subject, versions, comparison, canPublish, result, onRestore }: {
  /** What is versioned, for labels: "framework", "criteria". */
  subject: string;
  versions: VersionRow[];
  comparison: Comparison | null;
  canPublish: boolean;
  result: PublishResult;
  onRestore: ((id: string) => Promise<void>) | null;
}) {
  const [params] = useSearchParams();
  const published = versions.find((v) => v.id === params.get("published"));
  return (
    <section aria-labelledby="versions-heading" className="mt-8 rounded border border-slate-300 bg-white p-3 print:hidden">
      <h3 id="versions-heading" className="text-lg font-semibold">Versions</h3>
      {published ? (
        <p role="status" className="mt-1 font-medium text-green-800">
          Published “{published.name}”.
          {params.get("announced") ? " The tender notice is out, so every registered party has been sent it with what changed. If bidders need more time for it, extend the bid deadline on the procurement page." : ""}
        </p>
      ) : null}
      {versions.length === 0 ? <p className="mt-1">No versions published yet.</p> : null}
      <ul aria-label="Published versions" className="mt-2 space-y-2">
        {versions.map((v) => (
          <li key={v.id} className="flex flex-wrap items-center gap-2">
            <span className="flex-1"><strong>{v.name}</strong> · {v.createdByName}, {when(v.createdAt)}</span>
            {onRestore ? (
              <button type="button" onClick={() => void onRestore(v.id)} className="min-h-11 rounded border border-slate-600 bg-white px-3 text-sm">
                Restore “{v.name}” as a new edit
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {versions.length > 0 ? (
        <Form method="get" className="mt-3 flex flex-wrap items-end gap-2">
          <div>
            <label htmlFor="compare-from" className="block font-medium">Compare</label>
            <select key={versions[0]?.id} id="compare-from" name="from" defaultValue={comparison?.from} className="mt-1 rounded border border-slate-500 bg-white px-2 py-2">
              {versions.map((v) => <option key={v.id} value={v.id}>{v.name}</option>)}
            </select>
          </div>
          <div>
            <label htmlFor="compare-to" className="block font-medium">with</label>
            <select id="compare-to" name="to" defaultValue={comparison?.to ?? "now"} className="mt-1 rounded border border-slate-500 bg-white px-2 py-2">
              <option value="now">the {subject} now</option>
              {versions.map((v) => <option key={v.id} value={v.id}>{v.name}</option>)}
            </select>
          </div>
          <button type="submit" className="min-h-11 rounded border border-slate-600 bg-white px-3">Show changes</button>
        </Form>
      ) : null}
      {comparison ? (
        <div className="mt-3">
          <h4 className="font-medium">Changes from “{comparison.fromName}” to {comparison.to === "now" ? `the ${subject} now` : `“${comparison.toName}”`}</h4>
          {comparison.changes.length === 0 ? <p>No changes.</p> : <ul className="mt-1 list-disc pl-5">{comparison.changes.map((c) => <li key={c}>{c}</li>)}</ul>}
        </div>
      ) : null}
      {canPublish ? (
        <Form method="post" noValidate className="mt-4 max-w-md">
          <CsrfInput />
          <input type="hidden" name="intent" value="publish" />
          <FormErrors errors={result?.formErrors} />
          <Field label={`Publish the ${subject} as it stands, named`} name="name" defaultValue={result?.values?.name} required errors={result?.errors?.name} />
          <Button>Publish version</Button>
        </Form>
      ) : null}
    </section>
  );
}
