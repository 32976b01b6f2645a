// The outcome framework editor: goal → outcomes → indicators on the workspace's
// `outcomes` document, edited live by everyone allowed to (write:outcomes), with
// who-is-where presence, per-person undo and the framework's problems listed as
// they arise. Without JavaScript the page shows the stored framework, read-only.
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { keepDataWhenOffline, useKeepLoaderData } from "~/utils/offline-data";
import { useActionData, useLoaderData } from "@remix-run/react";
import { CommentPanel, type CommentResult } from "~/components/comments";
import { Priorities } from "~/components/priorities";
import { COMMENT_INTENTS, describeTarget, targetsOf } from "~/domain/comments";
import { listThreads, type ThreadView } from "~/models/comment.server";
import { commentFromForm } from "~/utils/comments.server";
import { useRevalidatedWhileVisible } from "~/utils/use-revalidate";
import { useWorkspaceEvents } from "~/utils/use-workspace-events";

const OUTCOMES_EVENTS = ["comments", "priorities"] as const;
import { DomainsAndQualities } from "~/components/framework-qualities";
import { SharedInput, SharedTextarea } from "~/components/shared-text";
import { RecentActivity } from "~/components/activity";
import { Versions } from "~/components/versions";
import { listActivity } from "~/models/activity.server";
import { prioritiesByGroup, RATING_GROUP_LABELS, RATING_GROUPS, type RatingGroup } from "~/domain/priorities";
import { listRatings, saveRatings } from "~/models/rating.server";
import { diffFrameworks } from "~/domain/framework-diff";
import { comparisonFor, listVersions } from "~/models/version.server";
import { readForm } from "~/utils/csrf.server";
import { invalid } from "~/utils/forms.server";
import { useEffect, useMemo, useState, type ReactNode } from "react";
import * as Y from "yjs";
import { EditorsBadge, peersAt, PresenceList, SyncStatusBadge } from "~/components/sync-status";
import {
  addIndicator,
  addOutcome,
  MEASURE_TYPE_LABELS,
  MEASURE_TYPES,
  moveOutcome,
  OutcomeFrameworkSchema,
  readFramework,
  removeIndicator,
  removeOutcome,
  setGoal,
  updateOutcome,
  validateFramework,
  writeFramework,
  type MeasureType,
  type Outcome,
  type OutcomeFramework,
} from "~/domain/outcome-framework";
import { can } from "~/domain/permissions";
import { presenceColour } from "~/domain/presence";
import { readStoredDocument } from "~/models/document.server";
import { requireWorkspaceMember } from "~/utils/permissions.server";
import { publishFromForm } from "~/utils/versions.server";
import { useYDoc, type Presence } from "~/sync/use-ydoc";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { workspace, membership, user } = await requireWorkspaceMember(request, params.workspaceId, "read:workspace");
  const framework = readFramework(await readStoredDocument(`${workspace.id}/outcomes`));
  const versions = await listVersions(workspace.id, "outcomes");
  const parse = (model: unknown) => OutcomeFrameworkSchema.safeParse(model).data ?? null;
  const { ratings, mine } = await listRatings(workspace.id, user.id);
  const canRate = can(membership.role, "rate:outcomes") && (RATING_GROUPS as readonly string[]).includes(membership.role);
  return {
    priorities: prioritiesByGroup(framework.outcomes.map((o) => o.id), ratings),
    rating: canRate ? { mine, groupLabel: RATING_GROUP_LABELS[membership.role as RatingGroup].toLowerCase() } : null,
    readerRole: membership.role,
    workspaceId: workspace.id,
    threads: await listThreads(workspace.id, "outcomes", user.id),
    canComment: can(membership.role, "comment:co-design"),
    focusThread: new URL(request.url).searchParams.get("thread"),
    activity: await listActivity(workspace.id, { section: "outcomes", limit: 5 }),
    canWrite: can(membership.role, "write:outcomes"),
    colour: presenceColour(user.id),
    stored: framework,
    versions: versions.map((v) => ({ ...v, createdAt: v.createdAt.toISOString() })),
    comparison: await comparisonFor(request, workspace.id, "outcomes", parse, framework, diffFrameworks),
  };
}

// A failed reload on a dropped network keeps the page as it is (utils/offline-data.ts).
export const clientLoader = keepDataWhenOffline;

export async function action({ request, params }: ActionFunctionArgs) {
  const formData = await readForm(request);
  const intent = String(formData.get("intent"));
  if (intent === "rate") return rate(request, params.workspaceId, formData);
  if ((COMMENT_INTENTS as readonly string[]).includes(intent)) {
    const describe = async (target: string) => describeTarget(readFramework(await readStoredDocument(`${params.workspaceId}/outcomes`)), target);
    return commentFromForm(request, params.workspaceId, "outcomes", formData, describe);
  }
  if (intent === "publish") return publishFromForm(request, params.workspaceId, "outcomes", formData);
  return invalid({ formErrors: ["Unknown action. Reload the page and try again."] });
}

/** Saves the rater's scores (`score:<outcomeId>` = 1–5, blank = not rated) for outcomes that exist. */
async function rate(request: Request, workspaceId: string | undefined, formData: FormData) {
  const { workspace, user, membership } = await requireWorkspaceMember(request, workspaceId, "rate:outcomes");
  const known = new Set(readFramework(await readStoredDocument(`${workspace.id}/outcomes`)).outcomes.map((o) => o.id));
  const scores: Record<string, number> = {};
  let unknown = 0;
  for (const [key, value] of formData) {
    if (!key.startsWith("score:") || value === "") continue;
    const score = Number(value);
    const outcomeId = key.slice("score:".length);
    if (!Number.isInteger(score) || score < 1 || score > 5) return invalid({ formErrors: ["Ratings are whole numbers from 1 to 5."] }, "rate");
    // An outcome removed while the form was open is skipped; the rest are saved.
    if (known.has(outcomeId)) scores[outcomeId] = score;
    else unknown++;
  }
  if (unknown > 0 && Object.keys(scores).length === 0) return invalid({ formErrors: ["None of the outcomes you rated is in the framework any more. Reload the page and rate again."] }, "rate");
  await saveRatings({ workspaceId: workspace.id, userId: user.id, group: membership.role as RatingGroup, scores });
  throw redirect(`/workspaces/${workspace.id}/outcomes#priorities-heading`);
}

const inputClass = "mt-1 block w-full rounded border border-slate-500 bg-white px-3 py-2";

export default function OutcomeFrameworkPage() {
  const data = useLoaderData<typeof loader>();
  useKeepLoaderData(data);
  const { threads, canComment, focusThread, workspaceId, activity, canWrite, colour, stored, versions, comparison, priorities, rating, readerRole } = data;
  const result = useActionData<typeof action>();
  const { doc, status, synced, ready, saving, peers, setCursor } = useYDoc(workspaceId, "outcomes", colour);
  // Comments and ratings are not in the shared document: reload when the server says they
  // changed, and every minute in case its event stream is down.
  useWorkspaceEvents(workspaceId, OUTCOMES_EVENTS);
  useRevalidatedWhileVisible(60_000);
  const comments = { canComment, focusThread, result: result as CommentResult };
  // Editable once loaded, from the server or this device's copy: offline is a state to keep working in.
  const live = doc !== null && ready;
  const framework: OutcomeFramework = live ? readFramework(doc) : stored;
  const problems = validateFramework(framework);
  const editable = canWrite && live;

  // Undo and redo this person's own edits only (Yjs tracks local transactions).
  const undo = useMemo(() => (doc ? new Y.UndoManager([doc.getMap("framework"), doc.getArray("outcomeOrder"), doc.getMap("outcomes"), doc.getArray("domainOrder"), doc.getMap("domains"), doc.getArray("qualityOrder"), doc.getMap("qualities")]) : null), [doc]);
  useEffect(() => () => undo?.destroy(), [undo]);
  // A discrete change (add, remove, move, a checkbox) is its own undo step; typing
  // within half a second is merged into one.
  const discrete = (change: () => void) => {
    undo?.stopCapturing();
    change();
    undo?.stopCapturing();
  };
  const [newTitle, setNewTitle] = useState("");

  return (
    <section aria-labelledby="outcomes-heading">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="outcomes-heading" className="text-xl font-semibold">Outcome framework</h2>
        <SyncStatusBadge status={status} synced={synced} saving={saving} />
      </div>
      <p className="mt-1 text-slate-700">
        The goal, the outcomes that show it is being reached, and how each is measured. Everyone in the workspace sees changes live.
        {canWrite ? "" : " Your role can read the framework but not change it."}
      </p>
      <noscript>
        <p className="mt-2 font-medium">Editing needs JavaScript; this is the framework as last saved.</p>
      </noscript>
      <div className="mt-3 flex flex-wrap gap-x-4 gap-y-1 print:hidden">
        <a href={`/workspaces/${workspaceId}/outcomes.csv`} className="inline-flex min-h-11 items-center text-brand-800 underline">Download CSV</a>
        <a href={`/workspaces/${workspaceId}/outcomes.json`} className="inline-flex min-h-11 items-center text-brand-800 underline">Download JSON</a>
        <button type="button" onClick={() => window.print()} className="inline-flex min-h-11 items-center text-brand-800 underline">Print or save as PDF</button>
      </div>
      <div className="mt-3 print:hidden">
        <PresenceList peers={peers} />
      </div>
      {editable && undo ? (
        <div className="mt-3 flex gap-2 print:hidden">
          <button type="button" onClick={() => undo.undo()} disabled={undo.undoStack.length === 0} className="min-h-11 rounded border border-slate-600 bg-white px-3 disabled:opacity-50">
            Undo my last change
          </button>
          <button type="button" onClick={() => undo.redo()} disabled={undo.redoStack.length === 0} className="min-h-11 rounded border border-slate-600 bg-white px-3 disabled:opacity-50">
            Redo
          </button>
        </div>
      ) : null}

      <ProblemList problems={problems} />

      <div className="mt-6">
        {editable ? (
          <label className="block font-medium">
            Goal
            <SharedTextarea rows={2} value={framework.goal} onValueChange={(v) => setGoal(doc!, v)} onFocus={() => setCursor({ outcomeId: "goal" })} onBlur={() => setCursor(null)} className={inputClass} />
          </label>
        ) : (
          <>
            <h3 className="font-medium">Goal</h3>
            <p className="mt-1 whitespace-pre-wrap">{framework.goal || "No goal yet."}</p>
          </>
        )}
      </div>

      <h3 className="mt-6 text-lg font-semibold">Outcomes</h3>
      {framework.outcomes.length === 0 ? <p className="mt-2">No outcomes yet.</p> : null}
      <ol aria-label="Outcomes" className="mt-2 space-y-3">
        {framework.outcomes.map((outcome, i) => (
          <OutcomeItem
            key={outcome.id}
            outcome={outcome}
            index={i}
            count={framework.outcomes.length}
            editors={peersAt(peers, "outcomeId", outcome.id)}
            doc={editable ? doc : null}
            discrete={discrete}
            threads={threads.filter((t) => t.target === `outcome:${outcome.id}` || t.target.startsWith(`indicator:${outcome.id}:`))}
            comments={comments}
            onFocusWithin={(inside) => setCursor(inside ? { outcomeId: outcome.id } : null)}
          />
        ))}
      </ol>

      {editable ? (
        <form
          aria-label="Add an outcome"
          className="mt-4 flex flex-wrap items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            if (!newTitle.trim()) return;
            discrete(() => addOutcome(doc!, { title: newTitle.trim() }));
            setNewTitle("");
          }}
        >
          <label className="min-w-0 flex-1 basis-64 font-medium">
            New outcome
            <input value={newTitle} onChange={(e) => setNewTitle(e.target.value)} maxLength={200} className={inputClass} />
          </label>
          <button type="submit" className="inline-flex min-h-11 items-center rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">
            Add outcome
          </button>
        </form>
      ) : null}

      <DomainsAndQualities framework={framework} doc={editable ? doc : null} discrete={discrete} />

      <Priorities outcomes={framework.outcomes} priorities={priorities} mine={rating?.mine ?? null} groupLabel={rating?.groupLabel ?? null} readerRole={readerRole} />

      <Versions
        subject="framework"
        versions={versions}
        comparison={comparison}
        canPublish={canWrite}
        result={result}
        onRestore={
          editable
            ? async (id) => {
                const res = await fetch(`/workspaces/${workspaceId}/outcomes.json?version=${encodeURIComponent(id)}`);
                const parsed = OutcomeFrameworkSchema.safeParse(await res.json());
                if (res.ok && parsed.success) discrete(() => writeFramework(doc!, parsed.data));
              }
            : null
        }
      />

      <RecentActivity workspaceId={workspaceId} section="outcomes" initial={activity} doc={live ? doc : null} />
    </section>
  );
}

function ProblemList({ problems }: { problems: ReturnType<typeof validateFramework> }) {
  return (
    <section aria-labelledby="problems-heading" className="mt-4 rounded border border-slate-300 bg-white p-3">
      <h3 id="problems-heading" className="font-semibold">
        {problems.length === 0 ? "Ready to contract on: no problems found" : `${problems.length} thing${problems.length === 1 ? "" : "s"} to resolve`}
      </h3>
      {problems.length > 0 ? (
        <ul className="mt-2 list-disc space-y-1 pl-5">
          {problems.map((p) => (
            <li key={`${p.path}:${p.message}`}>
              <span className={p.severity === "error" ? "font-semibold text-red-800" : "font-semibold text-amber-900"}>{p.severity === "error" ? "Must fix" : "Check"}:</span> {p.message}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

type Discrete = (change: () => void) => void;
type CommentsContext = { canComment: boolean; focusThread: string | null; result: CommentResult };
type ItemProps = { outcome: Outcome; index: number; count: number; editors: Presence[]; doc: Y.Doc | null; discrete: Discrete; onFocusWithin: (inside: boolean) => void; threads: ThreadView[]; comments: CommentsContext };

const TEXT_FIELDS: { field: "description" | "definition" | "dataSource" | "validationMethod" | "baseline" | "target" | "measurementTiming" | "ownerOrganisation"; label: string; rows: number }[] = [
  { field: "description", label: "Plain-language description", rows: 2 },
  { field: "definition", label: "Precise definition", rows: 3 },
  { field: "dataSource", label: "Data source and evidence", rows: 2 },
  { field: "validationMethod", label: "Validation method", rows: 2 },
  { field: "baseline", label: "Baseline", rows: 2 },
  { field: "target", label: "Target", rows: 2 },
  { field: "measurementTiming", label: "When it is measured", rows: 1 },
  { field: "ownerOrganisation", label: "Owner organisation", rows: 1 },
];

function OutcomeItem({ outcome, index, count, editors, doc, discrete, onFocusWithin, threads, comments }: ItemProps) {
  const n = index + 1;
  const idFor = (field: string) => `outcome-${outcome.id}-${field}`;
  return (
    <li
      className="rounded border border-slate-300 bg-white p-3"
      style={editors[0] ? { outline: `3px solid ${editors[0].color}`, outlineOffset: "2px" } : undefined}
      onFocus={() => onFocusWithin(true)}
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) onFocusWithin(false);
      }}
    >
      <EditorsBadge editors={editors} />
      <h4 className="font-semibold">
        {outcome.title || `Outcome ${n}`}
        <span className="ml-2 text-sm font-normal text-slate-700">
          {outcome.linkedToPayment ? "Linked to payment" : "Tracked only"} · {MEASURE_TYPE_LABELS[outcome.measureType]}
        </span>
      </h4>
      {outcome.tags.length ? <p className="mt-1 text-sm text-slate-700">Tags: {outcome.tags.join(", ")}</p> : null}
      {outcome.source ? <p className="mt-1 text-sm text-slate-700">Source: {outcome.source}</p> : null}
      {doc ? (
        <>
          <div className="hidden print:block">
            <ReadOnlyOutcome outcome={outcome} />
          </div>
          <details className="mt-2 print:hidden">
            <summary className="min-h-11 cursor-pointer py-2 font-medium text-brand-800">Edit outcome {n}</summary>
            <div className="mt-2 grid gap-3 md:grid-cols-2">
              <Field id={idFor("title")} label="Title">
                <SharedInput id={idFor("title")} value={outcome.title} maxLength={200} onValueChange={(v) => updateOutcome(doc, outcome.id, { title: v })} className={inputClass} />
              </Field>
              <Field id={idFor("measureType")} label="Measure type">
                <select id={idFor("measureType")} value={outcome.measureType} onChange={(e) => discrete(() => updateOutcome(doc, outcome.id, { measureType: e.target.value as MeasureType }))} className={inputClass}>
                  {MEASURE_TYPES.map((m) => <option key={m} value={m}>{MEASURE_TYPE_LABELS[m]}</option>)}
                </select>
              </Field>
              {TEXT_FIELDS.map(({ field, label, rows }) => (
                <Field key={field} id={idFor(field)} label={label}>
                  <SharedTextarea id={idFor(field)} rows={rows} value={outcome[field]} onValueChange={(v) => updateOutcome(doc, outcome.id, { [field]: v })} className={inputClass} />
                </Field>
              ))}
              <Field id={idFor("tags")} label="Stakeholder tags (separate with commas)">
                <TagsInput key={outcome.tags.join("\u0000")} id={idFor("tags")} tags={outcome.tags} onChange={(tags) => discrete(() => updateOutcome(doc, outcome.id, { tags }))} />
              </Field>
              <div className="flex items-center gap-2 pt-6">
                <input id={idFor("paid")} type="checkbox" checked={outcome.linkedToPayment} onChange={(e) => discrete(() => updateOutcome(doc, outcome.id, { linkedToPayment: e.target.checked }))} className="h-5 w-5" />
                <label htmlFor={idFor("paid")} className="font-medium">Linked to payment</label>
              </div>
            </div>
            <Indicators outcome={outcome} doc={doc} discrete={discrete} />
            <div className="mt-3 flex flex-wrap gap-2 text-sm">
              <button type="button" disabled={index === 0} onClick={() => discrete(() => moveOutcome(doc, outcome.id, -1))} aria-label={`Move outcome ${n} earlier`} className="min-h-11 rounded border border-slate-600 bg-white px-3 disabled:opacity-50">Earlier</button>
              <button type="button" disabled={index === count - 1} onClick={() => discrete(() => moveOutcome(doc, outcome.id, 1))} aria-label={`Move outcome ${n} later`} className="min-h-11 rounded border border-slate-600 bg-white px-3 disabled:opacity-50">Later</button>
              <button type="button" onClick={() => discrete(() => removeOutcome(doc, outcome.id))} aria-label={`Remove outcome ${n}`} className="min-h-11 rounded border border-red-700 bg-white px-3 text-red-800">Remove</button>
            </div>
          </details>
        </>
      ) : (
        <ReadOnlyOutcome outcome={outcome} />
      )}
      <CommentPanel subjectId={outcome.id} subjectName={`outcome ${n}`} targets={targetsOf(outcome)} threads={threads} {...comments} />
    </li>
  );
}

function Field({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div>
      <label htmlFor={id} className="block font-medium">{label}</label>
      {children}
    </div>
  );
}

/** Tags as comma-separated text, stored on leaving the field (keyed by the tags, so a remote change resets it). */
function TagsInput({ id, tags, onChange }: { id: string; tags: string[]; onChange: (tags: string[]) => void }) {
  const [text, setText] = useState(tags.join(", "));
  const commit = (value: string) => onChange(value.split(",").map((t) => t.trim()).filter(Boolean).slice(0, 20).map((t) => t.slice(0, 40)));
  return <input id={id} value={text} onChange={(e) => setText(e.target.value)} onBlur={(e) => commit(e.target.value)} className={inputClass} />;
}

function Indicators({ outcome, doc, discrete }: { outcome: Outcome; doc: Y.Doc; discrete: Discrete }) {
  const [title, setTitle] = useState("");
  const newId = `outcome-${outcome.id}-new-indicator`;
  return (
    <div className="mt-4">
      <h5 className="font-medium">Indicators</h5>
      {outcome.indicators.length === 0 ? <p className="text-sm text-slate-700">No indicators yet.</p> : null}
      <ul className="mt-1 space-y-1">
        {outcome.indicators.map((ind, j) => (
          <li key={ind.id} className="flex flex-wrap items-center gap-2">
            <span className="flex-1">{ind.title}{ind.definition ? `: ${ind.definition}` : ""}</span>
            <button type="button" onClick={() => discrete(() => removeIndicator(doc, outcome.id, ind.id))} aria-label={`Remove indicator ${j + 1} of ${outcome.title || "this outcome"}`} className="min-h-11 rounded border border-red-700 bg-white px-3 text-sm text-red-800">
              Remove
            </button>
          </li>
        ))}
      </ul>
      <div className="mt-2 flex flex-wrap items-end gap-2">
        <div className="min-w-0 flex-1 basis-48">
          <label htmlFor={newId} className="block text-sm font-medium">New indicator</label>
          <input id={newId} value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} className={inputClass} />
        </div>
        <button
          type="button"
          onClick={() => {
            if (!title.trim()) return;
            discrete(() => addIndicator(doc, outcome.id, { title: title.trim() }));
            setTitle("");
          }}
          className="min-h-11 rounded border border-slate-600 bg-white px-3"
        >
          Add indicator
        </button>
      </div>
    </div>
  );
}

function ReadOnlyOutcome({ outcome }: { outcome: Outcome }) {
  const rows = TEXT_FIELDS.filter(({ field }) => outcome[field]);
  return (
    <>
      <dl className="mt-2 grid gap-x-4 gap-y-1 sm:grid-cols-[12rem_1fr]">
        {rows.map(({ field, label }) => (
          <div key={field} className="contents">
            <dt className="font-medium">{label}</dt>
            <dd className="whitespace-pre-wrap">{outcome[field]}</dd>
          </div>
        ))}
      </dl>
      {outcome.indicators.length ? (
        <>
          <h5 className="mt-2 font-medium">Indicators</h5>
          <ul className="list-disc pl-5">
            {outcome.indicators.map((ind) => <li key={ind.id}>{ind.title}{ind.definition ? `: ${ind.definition}` : ""}</li>)}
          </ul>
        </>
      ) : null}
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Outcome framework · Outcome Commons" }];
