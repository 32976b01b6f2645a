// The tender's terms: the published payment model bids are made from and the bid rules
// (what bidders may change, within which bounds), the quality questions with word
// limits and weights, the scoring scale and the price–quality split. Everyone in the
// procurement reads them; the commissioning team sets them until the tender notice.
import { IntentFields } from "~/components/procurement/intent-fields";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Button, Field, FormErrors, Notice, SelectField, TextAreaField } from "~/components/forms";
import { formatPounds, poundsText } from "~/domain/payment/money";
import { isOutcome } from "~/domain/payment/model";
import { can } from "~/domain/permissions";
import { reached } from "~/domain/procurement/stages";
import { COMPONENT_KIND_LABELS, NEW_COMPONENT_KINDS, parseRulesForm, QuestionFormSchema, SplitFormSchema, termsProblems, toBps } from "~/domain/procurement/tender";
import { saveTerms } from "~/models/procurement.server";
import { listVersions } from "~/models/version.server";
import { idSchema } from "~/domain/validation";
import { readForm } from "~/utils/csrf.server";
import { echoable, invalid, parseForm } from "~/utils/forms.server";
import { refusal, requireProcurement } from "~/utils/procurement.server";
import { tenderModel } from "~/utils/bids.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { procurement, membership, workspace } = await requireProcurement(request, params.workspaceId, "read:procurement");
  const manage = can(membership.role, "manage:procurement");
  const [versions, tender] = await Promise.all([listVersions(workspace.id, "payment"), tenderModel(procurement)]);
  return {
    terms: procurement.terms,
    problems: termsProblems(procurement.terms),
    canEdit: manage && !reached(procurement, procurement.stage, "tender-notice"),
    manage,
    versions: versions.map((v) => ({ value: v.id, label: v.name })),
    components: (tender?.model.components ?? []).map((c) => ({ id: c.id, name: c.name, kind: c.kind, price: "tariffPence" in c ? c.tariffPence : c.amountPence, outcome: isOutcome(c) })),
    versionName: tender?.versionName ?? null,
    scenarios: tender?.scenarios.map((s) => s.name) ?? [],
  };
}

const slug = (title: string, taken: string[]) => {
  const base = title.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 40) || "question";
  let id = base;
  for (let i = 2; taken.includes(id); i++) id = `${base}-${i}`;
  return id;
};

export async function action({ request, params }: ActionFunctionArgs) {
  const formData = await readForm(request);
  const intent = String(formData.get("intent") ?? "");
  const { procurement, user } = await requireProcurement(request, params.workspaceId, "manage:procurement");
  if (reached(procurement, procurement.stage, "tender-notice")) return data(refusal("The tender's terms are fixed once the tender notice is published.", intent), { status: 400 });
  const terms = procurement.terms;
  const done = (message: string) => data({ ok: true as const, intent, message });
  if (intent === "rules") {
    const values = echoable(formData);
    const version = String(formData.get("paymentVersionId") ?? "");
    if (version && !idSchema("Choose a published payment version.").safeParse(version).success) return invalid({ errors: { paymentVersionId: ["Choose a published payment version that has a complete model."] }, values }, intent);
    const tender = await tenderModel({ ...procurement, terms: { ...terms, rules: { ...terms.rules, paymentVersionId: version || null } } });
    if (version && !tender) return invalid({ errors: { paymentVersionId: ["Choose a published payment version that has a complete model."] }, values }, intent);
    // The bounds are for the chosen version's payments; a new version starts from its own.
    const sameVersion = version === terms.rules.paymentVersionId;
    const ids = sameVersion ? (tender?.model.components.map((c) => c.id) ?? []) : [];
    const parsed = parseRulesForm(values, formData.getAll("newKinds").map(String), ids);
    if (!parsed.ok) return invalid({ errors: parsed.errors, values }, intent);
    await saveTerms(procurement, { ...terms, rules: parsed.rules }, user);
    return done(sameVersion ? "Bid rules saved." : "Payment model chosen. Now set the bounds for its payments.");
  }
  if (intent === "add-question") {
    const form = parseForm(formData, QuestionFormSchema);
    if (!form.ok) return invalid(form, intent);
    const id = slug(form.data.title, terms.criteria.questions.map((q) => q.id));
    await saveTerms(procurement, { ...terms, criteria: { ...terms.criteria, questions: [...terms.criteria.questions, { id, title: form.data.title, guidance: form.data.guidance, wordLimit: form.data.wordLimit, weightBps: toBps(form.data.weight) }] } }, user);
    return done("Question added.");
  }
  if (intent === "remove-question") {
    const id = String(formData.get("questionId") ?? "");
    if (!terms.criteria.questions.some((q) => q.id === id)) return data(refusal("That question is not in this tender.", intent), { status: 400 });
    await saveTerms(procurement, { ...terms, criteria: { ...terms.criteria, questions: terms.criteria.questions.filter((q) => q.id !== id) } }, user);
    return done("Question removed.");
  }
  if (intent === "split") {
    const form = parseForm(formData, SplitFormSchema);
    if (!form.ok) return invalid(form, intent);
    await saveTerms(procurement, { ...terms, criteria: { ...terms.criteria, qualityWeightBps: form.data.quality * 100, priceWeightBps: form.data.price * 100 } }, user);
    return done("Weights saved.");
  }
  return invalid({ formErrors: ["Unknown action. Reload the page and try again."] });
}

export default function TenderPage() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failure = result && !result.ok ? result : undefined;
  const err = (intent: string, name: string) => (failure?.intent === intent && "errors" in failure ? failure.errors[name] : undefined);
  const { rules, criteria } = d.terms;
  const ruleOf = (id: string) => rules.components.find((r) => r.componentId === id);
  return (
    <div className="space-y-6">
      <h2 className="text-xl font-semibold">The tender: bid rules and evaluation</h2>
      {result?.ok ? <Notice><p>{result.message}</p></Notice> : null}
      {failure ? <FormErrors errors={failure.formErrors} /> : null}
      {d.manage && d.problems.length ? <div className="rounded border border-amber-700 bg-amber-50 p-3"><p className="font-medium">Before bids can be made:</p><ul className="list-disc pl-5">{d.problems.map((p) => <li key={p}>{p}</li>)}</ul></div> : null}
      {d.manage && !d.canEdit ? <p className="text-slate-700">The terms are fixed: the tender notice has been published.</p> : null}

      <section aria-labelledby="rules-heading" className="rounded border border-slate-300 bg-white p-4">
        <h3 id="rules-heading" className="text-lg font-semibold">Bid rules</h3>
        <p className="text-slate-700">Bids are made from {d.versionName ? `the published payment model “${d.versionName}”` : "a published payment model (not chosen yet)"} and priced under its scenarios{d.scenarios.length ? ` (${d.scenarios.join(", ")})` : ""}. The payers, the cost sharing and the co-funder are always the tender's.</p>
        {d.canEdit ? (
          <Form method="post" className="mt-3">
            <IntentFields intent="rules" />
            <SelectField label="Published payment model" name="paymentVersionId" defaultValue={rules.paymentVersionId ?? ""} options={[{ value: "", label: "Choose a version" }, ...d.versions]} errors={err("rules", "paymentVersionId")} />
            {d.components.map((c) => (
              <fieldset key={c.id} className="mb-3 rounded border border-slate-300 p-3">
                <legend className="font-medium">{c.name} ({formatPounds(c.price)} published)</legend>
                <div className="flex flex-wrap gap-4">
                  <Field label={`Lowest ${c.outcome ? "tariff" : "amount"} (£)`} name={`min-${c.id}`} defaultValue={ruleOf(c.id)?.minPence != null ? poundsText(ruleOf(c.id)!.minPence!) : ""} hint="Empty: no lower bound" errors={err("rules", `min-${c.id}`)} />
                  <Field label={`Highest ${c.outcome ? "tariff" : "amount"} (£)`} name={`max-${c.id}`} defaultValue={ruleOf(c.id)?.maxPence != null ? poundsText(ruleOf(c.id)!.maxPence!) : ""} hint="Empty: no upper bound" errors={err("rules", `max-${c.id}`)} />
                </div>
                <div className="flex items-center gap-2"><input id={`optional-${c.id}`} type="checkbox" name={`optional-${c.id}`} defaultChecked={ruleOf(c.id)?.optional ?? false} className="h-5 w-5" /><label htmlFor={`optional-${c.id}`}>Bidders may leave it out</label></div>
              </fieldset>
            ))}
            <fieldset className="mb-3">
              <legend className="font-medium">Payments bidders may add</legend>
              {NEW_COMPONENT_KINDS.map((k) => (
                <div key={k} className="flex items-center gap-2"><input id={`kind-${k}`} type="checkbox" name="newKinds" value={k} defaultChecked={rules.newKinds.includes(k)} className="h-5 w-5" /><label htmlFor={`kind-${k}`}>{COMPONENT_KIND_LABELS[k]}</label></div>
              ))}
            </fieldset>
            <Field label="At least this share of income at risk on outcomes (%)" name="minAtRisk" defaultValue={rules.minAtRiskBps === null ? "" : String(rules.minAtRiskBps / 100)} errors={err("rules", "minAtRisk")} />
            <Field label="A small provider carries at most this share of its income at risk (%)" name="maxSmallAtRisk" defaultValue={rules.maxSmallProviderAtRiskBps === null ? "" : String(rules.maxSmallProviderAtRiskBps / 100)} errors={err("rules", "maxSmallAtRisk")} />
            <div className="mb-4 flex items-center gap-2"><input id="cap-fixed" type="checkbox" name="capFixed" defaultChecked={rules.capFixed} className="h-5 w-5" /><label htmlFor="cap-fixed">The caps are fixed</label></div>
            <Button>Save the bid rules</Button>
          </Form>
        ) : (
          <ul className="mt-2 list-disc pl-5">
            {d.components.map((c) => {
              const r = ruleOf(c.id);
              return <li key={c.id}>{c.name}: {r ? `${r.minPence !== null ? `from ${formatPounds(r.minPence)}` : "no minimum"}, ${r.maxPence !== null ? `up to ${formatPounds(r.maxPence)}` : "no maximum"}${r.optional ? ", may be left out" : ""}` : `fixed at ${formatPounds(c.price)}`}.</li>;
            })}
            <li>New payments allowed: {rules.newKinds.length ? rules.newKinds.map((k) => COMPONENT_KIND_LABELS[k]).join(", ") : "none"}.</li>
            {rules.minAtRiskBps !== null ? <li>At least {rules.minAtRiskBps / 100}% of income at risk on outcomes.</li> : null}
            {rules.maxSmallProviderAtRiskBps !== null ? <li>A small provider carries at most {rules.maxSmallProviderAtRiskBps / 100}% of its income at risk.</li> : null}
            <li>{rules.capFixed ? "The caps are fixed." : "Bidders may propose caps."}</li>
          </ul>
        )}
      </section>

      <section aria-labelledby="criteria-heading" className="rounded border border-slate-300 bg-white p-4">
        <h3 id="criteria-heading" className="text-lg font-semibold">Evaluation</h3>
        <p>Quality {criteria.qualityWeightBps / 100}%, price {criteria.priceWeightBps / 100}%. Price: each bid's median cost to the commissioners, averaged over the tender's scenarios; the lowest gets all the price points, others in proportion.</p>
        <h4 className="mt-3 font-semibold">Quality questions</h4>
        <ol className="mt-1 list-decimal space-y-2 pl-5">
          {criteria.questions.map((q) => (
            <li key={q.id}>
              <span className="font-medium">{q.title}</span> · {q.wordLimit} words · {q.weightBps / 100}% of quality
              {q.guidance ? <p className="text-sm text-slate-700">{q.guidance}</p> : null}
              {d.canEdit ? (
                <Form method="post" className="inline"><IntentFields intent="remove-question" fields={{ questionId: q.id }} /><Button variant="secondary" aria-label={`Remove question: ${q.title}`}>Remove</Button></Form>
              ) : null}
            </li>
          ))}
        </ol>
        <h4 className="mt-3 font-semibold">Scoring scale</h4>
        <ul className="mt-1 list-disc pl-5">{criteria.descriptors.map((x) => <li key={x}>{x}</li>)}</ul>
        {d.canEdit ? (
          <div className="mt-4 grid gap-4 md:grid-cols-2">
            <Form method="post">
              <IntentFields intent="add-question" />
              <h4 className="font-semibold">Add a quality question</h4>
              <Field label="Question" name="title" errors={err("add-question", "title")} />
              <TextAreaField label="Guidance for bidders" name="guidance" rows={2} errors={err("add-question", "guidance")} />
              <Field label="Word limit" name="wordLimit" inputMode="numeric" errors={err("add-question", "wordLimit")} />
              <Field label="Weight within quality (%)" name="weight" inputMode="decimal" errors={err("add-question", "weight")} />
              <Button variant="secondary">Add the question</Button>
            </Form>
            <Form method="post">
              <IntentFields intent="split" />
              <h4 className="font-semibold">Price–quality split</h4>
              <Field label="Quality (%)" name="quality" defaultValue={String(criteria.qualityWeightBps / 100)} errors={err("split", "quality")} />
              <Field label="Price (%)" name="price" defaultValue={String(criteria.priceWeightBps / 100)} errors={err("split", "price")} />
              <Button variant="secondary">Save the split</Button>
            </Form>
          </div>
        ) : null}
      </section>
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Tender · Outcome Commons" }];
