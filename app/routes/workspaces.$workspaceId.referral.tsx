// Referral criteria designer and eligibility tester, on the workspace's `referral`
// document: the rules in plain language (as the referral form will say them), the
// rules themselves for those who may change them (write:referral), partner
// commitments, and anonymised vignettes tested against the rules live, criterion by
// criterion. Without JavaScript the page shows the stored criteria, read-only.
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { keepDataWhenOffline, useKeepLoaderData } from "~/utils/offline-data";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useWorkspaceEvents } from "~/utils/use-workspace-events";
import { AddForm, AddRuleForm, ExclusionsEditor, LivingSituationsField, PathwayEditor, TextField } from "~/components/referral-lists";
import { RecentActivity } from "~/components/activity";
import { Versions } from "~/components/versions";
import { listActivity } from "~/models/activity.server";
import { diffReferralDesigns } from "~/domain/referral-diff";
import { comparisonFor, listVersions } from "~/models/version.server";
import { CsrfInput } from "~/components/forms";
import { partnerAgreement, type Judgement, type Vote } from "~/domain/agreement";
import { JudgementFormSchema } from "~/domain/validation";
import { commissioningPartners, listVotes, recordJudgement, UNAFFILIATED } from "~/models/judgement.server";
import { readForm } from "~/utils/csrf.server";
import { invalid, parseForm } from "~/utils/forms.server";
import { useState, type FormEvent, type ReactNode } from "react";
import type * as Y from "yjs";
import { PresenceList, SyncStatusBadge } from "~/components/sync-status";
import { can } from "~/domain/permissions";
import { presenceColour } from "~/domain/presence";
import { summariseCommitments } from "~/domain/referral-commitments";
import { describeCriteria, evaluateVignette, LIVING_SITUATION_LABELS, LIVING_SITUATIONS, RISK_LEVELS, VignetteSchema, type LivingSituation, type RiskLevel } from "~/domain/referral-criteria";
import { addItem, readRawItems, readReferralDesign, ReferralDesignSchema, removeItem, setCommitmentSettings, updateItem, writeReferralDesign, type RawItem, type ReferralDesign } from "~/domain/referral-design";
import { readStoredDocument } from "~/models/document.server";
import { requireWorkspaceMember } from "~/utils/permissions.server";
import { publishFromForm } from "~/utils/versions.server";
import { useYDoc } from "~/sync/use-ydoc";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { workspace, membership, user } = await requireWorkspaceMember(request, params.workspaceId, "read:workspace");
  const { design } = readReferralDesign(await readStoredDocument(`${workspace.id}/referral`));
  const { votes, mine } = await listVotes(workspace.id);
  const canJudge = can(membership.role, "judge:vignettes");
  const versions = await listVersions(workspace.id, "referral");
  const parse = (model: unknown) => ReferralDesignSchema.safeParse(model).data ?? null;
  return {
    versions: versions.map((v) => ({ ...v, createdAt: v.createdAt.toISOString() })),
    comparison: await comparisonFor(request, workspace.id, "referral", parse, design, diffReferralDesigns),
    workspaceId: workspace.id,
    activity: await listActivity(workspace.id, { section: "referral", limit: 5 }),
    canWrite: can(membership.role, "write:referral"),
    colour: presenceColour(user.id),
    stored: design,
    judging: { canJudge, partner: user.organisation?.name ?? UNAFFILIATED, partners: await commissioningPartners(workspace.id), votes, mine: canJudge ? mine(user.id) : {} },
  };
}

/**
 * intent=publish: publish the criteria as a named version (write:referral).
 * Otherwise a commissioning partner member says whether their authority would refer a test case.
 */
// A failed reload on a dropped network keeps the page as it is (utils/offline-data.ts).
export const clientLoader = keepDataWhenOffline;

export async function action({ request, params }: ActionFunctionArgs) {
  const formData = await readForm(request);
  const intent = formData.get("intent");
  if (intent === "publish") return publishFromForm(request, params.workspaceId, "referral", formData);
  if (intent !== "judge") return invalid({ formErrors: ["Unknown action. Reload the page and try again."] });
  const { workspace, user } = await requireWorkspaceMember(request, params.workspaceId, "judge:vignettes");
  const form = parseForm(formData, JudgementFormSchema);
  if (!form.ok) return invalid(form);
  // A judgement is of a test case the criteria hold now; none is stored for one that is not there.
  const { design } = readReferralDesign(await readStoredDocument(`${workspace.id}/referral`));
  if (!design.vignettes.some((v) => v.id === form.data.vignetteId)) throw new Response("That test case is not in the referral criteria (it may have just been removed). Reload the page.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  await recordJudgement({ workspaceId: workspace.id, vignetteId: form.data.vignetteId, userId: user.id, partner: user.organisation?.name ?? UNAFFILIATED, judgement: form.data.judgement });
  throw redirect(`/workspaces/${workspace.id}/referral#case-${form.data.vignetteId}`);
}

const inputClass = "mt-1 block w-full rounded border border-slate-500 bg-white px-3 py-2";
const OUTCOME_LABELS = { eligible: "Eligible", "eligible-by-exception": "Eligible by exception", "not-eligible": "Not eligible" } as const;

const REFERRAL_EVENTS = ["judgements"] as const;

export default function ReferralPage() {
  const data = useLoaderData<typeof loader>();
  useKeepLoaderData(data);
  const { workspaceId, activity, canWrite, colour, stored, judging, versions, comparison } = data;
  // Partners' judgements live in the database: reload when someone records one.
  useWorkspaceEvents(workspaceId, REFERRAL_EVENTS);
  const result = useActionData<typeof action>();
  const { doc, status, synced, ready, saving, peers } = useYDoc(workspaceId, "referral", colour);
  // Editable once loaded, from the server or this device's copy: offline is a state to keep working in.
  const live = doc !== null && ready;
  const { design, problems } = live ? readReferralDesign(doc) : { design: stored as ReferralDesign, problems: [] };
  const editable = canWrite && live;
  const wording = describeCriteria(design.criteria);
  const commitments = summariseCommitments(design.commitments);

  return (
    <section aria-labelledby="referral-heading">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="referral-heading" className="text-xl font-semibold">Referral criteria</h2>
        <SyncStatusBadge status={status} synced={synced} saving={saving} />
      </div>
      <p className="mt-1 text-slate-700">
        Who the service is for, how referrals flow and how many each partner commits to. Test the rules on anonymised cases before go-live.
        {canWrite ? "" : " Your role can read the criteria but not change them."}
      </p>
      <noscript>
        <p className="mt-2 font-medium">Editing and testing need JavaScript; these are the criteria as last saved.</p>
      </noscript>
      <div className="mt-3 flex flex-wrap gap-x-4 gap-y-1 print:hidden">
        <a href={`/workspaces/${workspaceId}/referral.csv`} className="inline-flex min-h-11 items-center text-brand-800 underline">Download CSV</a>
        <a href={`/workspaces/${workspaceId}/referral.json`} className="inline-flex min-h-11 items-center text-brand-800 underline">Download JSON</a>
        <button type="button" onClick={() => window.print()} className="inline-flex min-h-11 items-center text-brand-800 underline">Print or save as PDF</button>
      </div>
      <div className="mt-3 print:hidden">
        <PresenceList peers={peers} />
      </div>

      <Section id="wording" title="As the referral form says it">
        <h4 className="font-medium">A young person can be referred if they are:</h4>
        <ul className="mt-1 list-disc pl-5">{wording.inclusions.map((line) => <li key={line}>{line}</li>)}</ul>
        <h4 className="mt-3 font-medium">Not if:</h4>
        <ul className="mt-1 list-disc pl-5">{wording.exclusions.map((line) => <li key={line}>{line}</li>)}</ul>
        {problems.length > 0 ? (
          <ul className="mt-3 list-disc pl-5 text-red-800">{problems.map((p) => <li key={p.path}>{p.message}</li>)}</ul>
        ) : null}
      </Section>

      {editable ? <RuleEditor doc={doc!} /> : null}

      <Section id="pathway" title="Referral pathway">
        <ol className={editable ? "list-decimal pl-5 hidden print:block" : "list-decimal pl-5"}>
          {design.pathway.map((step) => (
            <li key={step.id}>
              {step.title}
              {step.owner ? <span className="text-slate-700"> · {step.owner}</span> : null}
            </li>
          ))}
        </ol>
        {editable ? <PathwayEditor doc={doc!} /> : null}
      </Section>

      <Section id="commitments" title="Partner commitments (referrals a year)">
        {/* Focusable so keyboard users can scroll it on a narrow screen. */}
        <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Partner commitments table">
          <table className="min-w-full text-left">
            <thead>
              <tr>
                <th scope="col" className="py-1 pr-3">Partner</th>
                <th scope="col" className="py-1 pr-3">Minimum</th>
                <th scope="col" className="py-1 pr-3">Expected</th>
                <th scope="col" className="py-1 pr-3">Shortfall</th>
                <th scope="col" className="py-1">Position</th>
              </tr>
            </thead>
            <tbody>
              {commitments.partners.map((p) => (
                <tr key={p.partner} className="border-t border-slate-200">
                  <th scope="row" className="py-1 pr-3 font-normal">{p.partner}</th>
                  <td className="py-1 pr-3">{p.minimum}</td>
                  <td className="py-1 pr-3">{p.expected}</td>
                  <td className="py-1 pr-3">{p.shortfall}</td>
                  <td className="py-1">{POSITION[p.status]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {editable ? <CommitmentsEditor doc={doc!} rolloverPercent={design.commitments.rolloverPercent} balance={design.commitments.balanceAcrossPartners} /> : null}
        <p className="mt-2">
          In all: {commitments.totalExpected} expected against {commitments.totalMinimum} committed.{" "}
          {design.commitments.balanceAcrossPartners ? `After balancing surpluses across partners, ${commitments.shortfallAfterBalancing} short` : "Partners' surpluses do not balance others' shortfalls"}; up to {design.commitments.rolloverPercent}% may roll over. Overall: <strong>{POSITION[commitments.status]}</strong>.
        </p>
      </Section>

      <EligibilityTester design={design} doc={editable ? doc : null} judging={judging} />

      <Versions
        subject="criteria"
        versions={versions}
        comparison={comparison}
        canPublish={canWrite}
        result={result}
        onRestore={
          editable
            ? async (id) => {
                const res = await fetch(`/workspaces/${workspaceId}/referral.json?version=${encodeURIComponent(id)}`);
                const parsed = ReferralDesignSchema.safeParse(await res.json());
                // Test cases are working material: restoring the criteria keeps today's cases.
                if (res.ok && parsed.success) writeReferralDesign(doc!, { ...parsed.data, vignettes: design.vignettes });
              }
            : null
        }
      />

      <RecentActivity workspaceId={workspaceId} section="referral" initial={activity} doc={live ? doc : null} />
    </section>
  );
}

const POSITION = { met: "Met", "within-rollover": "Short, within the rollover allowance", short: "Short" } as const;

/** Each partner's minimum and expected referrals, the rollover allowance and balancing. */
function CommitmentsEditor({ doc, rolloverPercent, balance }: { doc: Y.Doc; rolloverPercent: number; balance: boolean }) {
  const partners = readRawItems(doc, "partners");
  const whole = (v: string) => (v.trim() === "" ? Number.NaN : Number(v));
  return (
    <div className="mt-3 space-y-3">
      {partners.map((p, i) => (
        <fieldset key={p.id} className="grid gap-3 rounded border border-slate-300 p-3 sm:grid-cols-2">
          <legend className="px-1 font-medium">{String(p.values.partner || `Partner ${i + 1}`)}</legend>
          <div className="flex flex-wrap items-end gap-2 sm:col-span-2">
            <TextField item={p} field="partner" label={`Partner ${i + 1}: name`} onValueChange={(partner) => updateItem(doc, "partners", p.id, { partner })} />
            <button type="button" onClick={() => removeItem(doc, "partners", p.id)} aria-label={`Remove partner ${i + 1}`} className="min-h-11 rounded border border-red-700 bg-white px-3 text-red-800">Remove</button>
          </div>
          <NumberField rule={p} field="minimumPerYear" label="Minimum a year" onChange={(v) => updateItem(doc, "partners", p.id, { minimumPerYear: whole(v) })} />
          <NumberField rule={p} field="expectedPerYear" label="Expected a year" onChange={(v) => updateItem(doc, "partners", p.id, { expectedPerYear: whole(v) })} />
        </fieldset>
      ))}
      <AddForm id="new-partner" label="New commissioning partner" button="Add partner" onAdd={(partner) => addItem(doc, "partners", { id: crypto.randomUUID(), partner, minimumPerYear: 0, expectedPerYear: 0 })} />
      <div className="grid gap-3 sm:grid-cols-2">
        <div>
          <label htmlFor="rollover" className="block font-medium">Rollover allowance (% of a commitment)</label>
          <input id="rollover" type="number" inputMode="decimal" min={0} max={100} value={rolloverPercent} onChange={(e) => e.target.value !== "" && setCommitmentSettings(doc, { rolloverPercent: Math.min(100, Math.max(0, Number(e.target.value))) })} className={inputClass} />
        </div>
        <label className="flex min-h-11 items-center gap-2 pt-6 font-medium">
          <input type="checkbox" checked={balance} onChange={(e) => setCommitmentSettings(doc, { balanceAcrossPartners: e.target.checked })} className="h-5 w-5" />
          Partners' surpluses balance others' shortfalls
        </label>
      </div>
    </div>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-heading`} className="mt-6 rounded border border-slate-300 bg-white p-3">
      <h3 id={`${id}-heading`} className="text-lg font-semibold">{title}</h3>
      <div className="mt-2">{children}</div>
    </section>
  );
}

/** The inclusion rules' settings, edited in place; a rule being corrected shows its error and stays. */
function RuleEditor({ doc }: { doc: Y.Doc }) {
  const rules = readRawItems(doc, "inclusions");
  const num = (v: string) => (v.trim() === "" ? null : Number(v));
  return (
    <Section id="rules" title="Change the rules">
      <div className="space-y-4">
        {rules.map((rule, i) => (
          <fieldset key={rule.id} className="rounded border border-slate-300 p-3">
            <legend className="px-1 font-medium">{String(rule.values.label || `Rule ${i + 1}`)}</legend>
            <div className="mb-3 flex flex-wrap items-end gap-2">
              <TextField item={rule} field="label" label={`Rule ${i + 1}: label`} onValueChange={(label) => updateItem(doc, "inclusions", rule.id, { label })} />
              <button type="button" onClick={() => removeItem(doc, "inclusions", rule.id)} aria-label={`Remove rule ${i + 1}`} className="min-h-11 rounded border border-red-700 bg-white px-3 text-red-800">Remove</button>
            </div>
            {rule.values.kind === "age-range" ? (
              <div className="grid gap-3 sm:grid-cols-4">
                {(
                  [
                    ["min", "Youngest"],
                    ["max", "Oldest"],
                    ["exceptionMin", "Youngest by exception"],
                    ["exceptionMax", "Oldest by exception"],
                  ] as const
                ).map(([field, label]) => (
                  <NumberField key={field} rule={rule} field={field} label={label} onChange={(v) => updateItem(doc, "inclusions", rule.id, { [field]: field.startsWith("exception") ? num(v) : (num(v) ?? Number.NaN) })} />
                ))}
              </div>
            ) : null}
            {rule.values.kind === "living-situation" ? (
              <>
                <NumberField rule={rule} field="returnHomeWithinWeeks" label="In care: return home within (weeks)" onChange={(v) => updateItem(doc, "inclusions", rule.id, { returnHomeWithinWeeks: num(v) })} />
                <LivingSituationsField doc={doc} rule={rule} />
              </>
            ) : null}
            {rule.values.kind === "at-least-one-behaviour" ? (
              <BehavioursField key={JSON.stringify(rule.values.options)} rule={rule} onChange={(options) => updateItem(doc, "inclusions", rule.id, { options })} />
            ) : null}
            {rule.values.kind === "risk-of-care" ? (
              <div>
                <label htmlFor={`${rule.id}-atLeast`} className="block font-medium">Lowest risk of care accepted</label>
                <select id={`${rule.id}-atLeast`} value={String(rule.values.atLeast)} onChange={(e) => updateItem(doc, "inclusions", rule.id, { atLeast: e.target.value })} className={inputClass}>
                  {RISK_LEVELS.map((r) => <option key={r} value={r}>{r}</option>)}
                </select>
              </div>
            ) : null}
            {rule.errors._ ? <p className="mt-2 font-medium text-red-800">{rule.errors._}</p> : null}
          </fieldset>
        ))}
        <AddRuleForm doc={doc} />
        <ExclusionsEditor doc={doc} />
      </div>
    </Section>
  );
}

function NumberField({ rule, field, label, onChange }: { rule: RawItem; field: string; label: string; onChange: (value: string) => void }) {
  const id = `${rule.id}-${field}`;
  const error = rule.errors[field];
  const value = rule.values[field];
  const shown = typeof value === "number" && Number.isFinite(value) ? String(value) : "";
  return (
    <div>
      <label htmlFor={id} className="block font-medium">{label}</label>
      <input id={id} type="number" inputMode="numeric" value={shown} onChange={(e) => onChange(e.target.value)} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} className={inputClass} />
      {error ? <p id={`${id}-error`} className="mt-1 text-sm font-medium text-red-800">{error}</p> : null}
    </div>
  );
}

/** One behaviour per line; stored when the field is left (keyed by the list, so a remote change resets it). */
function BehavioursField({ rule, onChange }: { rule: RawItem; onChange: (options: string[]) => void }) {
  const options = Array.isArray(rule.values.options) ? (rule.values.options as string[]) : [];
  const [text, setText] = useState(options.join("\n"));
  const id = `${rule.id}-options`;
  return (
    <div>
      <label htmlFor={id} className="block font-medium">Referral behaviours (one per line)</label>
      <textarea id={id} rows={6} value={text} onChange={(e) => setText(e.target.value)} onBlur={() => onChange(text.split("\n").map((l) => l.trim()).filter(Boolean))} className={inputClass} />
      {rule.errors.options ? <p className="mt-1 text-sm font-medium text-red-800">{rule.errors.options}</p> : null}
    </div>
  );
}

type Judging = { canJudge: boolean; partner: string; partners: string[]; votes: Vote[]; mine: Record<string, Judgement> };
const DECISION = { refer: "would refer", "not-refer": "would not refer", split: "undecided" } as const;

/**
 * Anonymised cases tested against the rules as they stand, criterion by criterion,
 * and how each commissioning partner would judge them (agreement across partners).
 */
function EligibilityTester({ design, doc, judging }: { design: ReferralDesign; doc: Y.Doc | null; judging: Judging }) {
  const agreement = partnerAgreement(design.vignettes.map((v) => v.id), judging.partners, judging.votes);
  const byCase = new Map(agreement.vignettes.map((a) => [a.vignetteId, a]));
  const judged = design.vignettes.length - agreement.excluded.length;
  return (
    <Section id="tester" title="Eligibility tester">
      <p className="text-slate-700">Anonymised cases only: no names, dates of birth, addresses or contact details.</p>
      <p className="mt-2">
        {agreement.kappa === null
          ? `Agreement between partners appears once every partner (${judging.partners.length}) has judged a case.`
          : `Agreement between partners (Fleiss' kappa) over the ${judged} case${judged === 1 ? "" : "s"} every partner has judged: ${agreement.kappa.toFixed(2)}.`}
      </p>
      <ul aria-label="Test cases" className="mt-3 space-y-3">
        {design.vignettes.map((v) => {
          const result = evaluateVignette(design.criteria, v);
          return (
            <li key={v.id} id={`case-${v.id}`} className="rounded border border-slate-300 p-3">
              <h4 className="font-semibold">
                {v.title}: <span className={result.outcome === "not-eligible" ? "text-red-800" : "text-green-800"}>{OUTCOME_LABELS[result.outcome]}</span>
              </h4>
              <ul className="mt-1 text-sm">
                {result.criteria.map((c) => (
                  <li key={c.ruleId}>
                    <span className="font-medium">{c.result === "pass" ? "✓ Passes" : c.result === "exception" ? "≈ By exception" : "✗ Fails"}</span> · {c.label}: {c.reason}
                  </li>
                ))}
              </ul>
              <PartnerViews agreement={byCase.get(v.id)} />
              {judging.canJudge ? <JudgeForm vignetteId={v.id} title={v.title} partner={judging.partner} mine={judging.mine[v.id]} /> : null}
              {doc ? (
                <button type="button" onClick={() => removeItem(doc, "vignettes", v.id)} className="mt-2 min-h-11 rounded border border-red-700 bg-white px-3 text-sm text-red-800">
                  Remove this case
                </button>
              ) : null}
            </li>
          );
        })}
      </ul>
      {doc ? <VignetteForm design={design} doc={doc} /> : null}
    </Section>
  );
}

function PartnerViews({ agreement }: { agreement: ReturnType<typeof partnerAgreement>["vignettes"][number] | undefined }) {
  if (!agreement || agreement.partners.every((p) => p.refer + p.notRefer === 0)) return <p className="mt-2 text-sm text-slate-700">No partner has judged this case yet.</p>;
  return (
    <p className="mt-2 text-sm">
      <span className="font-medium">Partners:</span>{" "}
      {agreement.partners
        .filter((p) => p.refer + p.notRefer > 0)
        .map((p) => `${p.partner} ${DECISION[p.decision]} (${p.refer}–${p.notRefer})`)
        .join(" · ")}
      {agreement.agreement < 1 ? <strong className="ml-1 text-amber-900">Partners disagree on this case.</strong> : null}
    </p>
  );
}

/** Works without JavaScript: a plain form with two submit buttons. */
function JudgeForm({ vignetteId, title, partner, mine }: { vignetteId: string; title: string; partner: string; mine: Judgement | undefined }) {
  return (
    <Form method="post" className="mt-2 flex flex-wrap items-center gap-2">
      <CsrfInput />
      <input type="hidden" name="intent" value="judge" />
      <input type="hidden" name="vignetteId" value={vignetteId} />
      <span className="text-sm">
        Would {partner} refer this case?{mine ? ` You said it ${DECISION[mine]}.` : ""}
      </span>
      <button type="submit" name="judgement" value="refer" aria-label={`${title}: would refer`} aria-pressed={mine === "refer"} className="min-h-11 rounded border border-slate-600 bg-white px-3 text-sm aria-pressed:bg-brand-700 aria-pressed:text-white">
        Would refer
      </button>
      <button type="submit" name="judgement" value="not-refer" aria-label={`${title}: would not refer`} aria-pressed={mine === "not-refer"} className="min-h-11 rounded border border-slate-600 bg-white px-3 text-sm aria-pressed:bg-brand-700 aria-pressed:text-white">
        Would not refer
      </button>
    </Form>
  );
}

type Draft = { title: string; age: string; behaviours: string[]; livingSituation: LivingSituation; weeksToReturnHome: string; riskOfCare: RiskLevel; concerns: string[]; notes: string };
const EMPTY: Draft = { title: "", age: "", behaviours: [], livingSituation: "family-home", weeksToReturnHome: "", riskOfCare: "significant", concerns: [], notes: "" };

function VignetteForm({ design, doc }: { design: ReferralDesign; doc: Y.Doc }) {
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const behaviourOptions = design.criteria.inclusions.flatMap((r) => (r.kind === "at-least-one-behaviour" ? r.options : []));
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const candidate = {
      title: draft.title,
      age: draft.age.trim() === "" ? Number.NaN : Number(draft.age),
      behaviours: draft.behaviours,
      livingSituation: draft.livingSituation,
      weeksToReturnHome: draft.weeksToReturnHome.trim() === "" ? null : Number(draft.weeksToReturnHome),
      riskOfCare: draft.riskOfCare,
      concerns: draft.concerns,
      notes: draft.notes,
    };
    const parsed = VignetteSchema.safeParse(candidate);
    const titleError = draft.title.trim() ? null : "Give the case a short title";
    if (!parsed.success || titleError) {
      const next: Record<string, string> = {};
      if (titleError) next.title = titleError;
      for (const issue of parsed.error?.issues ?? []) next[String(issue.path[0])] ??= issue.message;
      setErrors(next);
      return;
    }
    addItem(doc, "vignettes", { ...parsed.data, id: crypto.randomUUID(), title: draft.title.trim() });
    setDraft(EMPTY);
    setErrors({});
  }

  const err = (field: string) => (errors[field] ? <p id={`vignette-${field}-error`} className="mt-1 text-sm font-medium text-red-800">{errors[field]}</p> : null);
  const described = (field: string) => (errors[field] ? { "aria-invalid": true, "aria-describedby": `vignette-${field}-error` } : {});
  return (
    <form onSubmit={onSubmit} noValidate className="mt-4 space-y-3 rounded border border-slate-300 p-3">
      <h4 className="font-semibold">Add a test case</h4>
      <div>
        <label htmlFor="vignette-title" className="block font-medium">Short title</label>
        <input id="vignette-title" value={draft.title} onChange={(e) => set({ title: e.target.value })} maxLength={200} className={inputClass} {...described("title")} />
        {err("title")}
      </div>
      <div className="grid gap-3 sm:grid-cols-3">
        <div>
          <label htmlFor="vignette-age" className="block font-medium">Age</label>
          <input id="vignette-age" type="number" inputMode="numeric" value={draft.age} onChange={(e) => set({ age: e.target.value })} className={inputClass} {...described("age")} />
          {err("age")}
        </div>
        <div>
          <label htmlFor="vignette-living" className="block font-medium">Living situation</label>
          <select id="vignette-living" value={draft.livingSituation} onChange={(e) => set({ livingSituation: e.target.value as LivingSituation })} className={inputClass}>
            {LIVING_SITUATIONS.map((s) => <option key={s} value={s}>{LIVING_SITUATION_LABELS[s]}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="vignette-weeks" className="block font-medium">If in care: weeks until return home</label>
          <input id="vignette-weeks" type="number" inputMode="numeric" value={draft.weeksToReturnHome} onChange={(e) => set({ weeksToReturnHome: e.target.value })} className={inputClass} {...described("weeksToReturnHome")} />
          {err("weeksToReturnHome")}
        </div>
      </div>
      <div>
        <label htmlFor="vignette-risk" className="block font-medium">Risk of care</label>
        <select id="vignette-risk" value={draft.riskOfCare} onChange={(e) => set({ riskOfCare: e.target.value as RiskLevel })} className={inputClass}>
          {RISK_LEVELS.map((r) => <option key={r} value={r}>{r}</option>)}
        </select>
      </div>
      <fieldset>
        <legend className="font-medium">Behaviours</legend>
        <div className="mt-1 grid gap-1 sm:grid-cols-2">
          {behaviourOptions.map((b) => (
            <label key={b} className="flex min-h-11 items-center gap-2">
              <input type="checkbox" checked={draft.behaviours.includes(b)} onChange={(e) => set({ behaviours: e.target.checked ? [...draft.behaviours, b] : draft.behaviours.filter((x) => x !== b) })} className="h-5 w-5" />
              {b}
            </label>
          ))}
        </div>
      </fieldset>
      {design.criteria.exclusions.length > 0 ? (
        <fieldset>
          <legend className="font-medium">Concerns recorded</legend>
          <div className="mt-1 grid gap-1">
            {design.criteria.exclusions.map((x) => (
              <label key={x.id} className="flex min-h-11 items-center gap-2">
                <input type="checkbox" checked={draft.concerns.includes(x.concern)} onChange={(e) => set({ concerns: e.target.checked ? [...draft.concerns, x.concern] : draft.concerns.filter((c) => c !== x.concern) })} className="h-5 w-5" />
                {x.label}
              </label>
            ))}
          </div>
        </fieldset>
      ) : null}
      <div>
        <label htmlFor="vignette-notes" className="block font-medium">Notes (no names or identifying details)</label>
        <textarea id="vignette-notes" rows={3} value={draft.notes} onChange={(e) => set({ notes: e.target.value })} maxLength={2000} className={inputClass} {...described("notes")} />
        {err("notes")}
      </div>
      <button type="submit" className="inline-flex min-h-11 items-center rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">
        Add and test
      </button>
    </form>
  );
}

export const meta: MetaFunction = () => [{ title: "Referral criteria · Outcome Commons" }];
