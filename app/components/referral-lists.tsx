// Editors for the referral design's ordered lists: exclusions and pathway steps.
// Each field writes straight into the shared document (last writer wins per field);
// an item being corrected stays on screen with its field error.
import { useState, type FormEvent, type ReactNode } from "react";
import type * as Y from "yjs";
import { INCLUSION_KIND_LABELS, INCLUSION_KINDS, LIVING_SITUATION_LABELS, LIVING_SITUATIONS, newInclusionRule, type InclusionKind } from "~/domain/referral-criteria";
import { addItem, concernKey, moveItem, readRawItems, removeItem, updateItem, type RawItem } from "~/domain/referral-design";
import { SharedInput } from "./shared-text";

const inputClass = "mt-1 block w-full rounded border border-slate-500 bg-white px-3 py-2";
const buttonClass = "min-h-11 rounded border border-slate-600 bg-white px-3 disabled:opacity-50";
const removeClass = "min-h-11 rounded border border-red-700 bg-white px-3 text-red-800";

function FieldError({ id, error }: { id: string; error: string | undefined }) {
  return error ? <p id={id} className="mt-1 text-sm font-medium text-red-800">{error}</p> : null;
}

export function TextField({ item, field, label, onValueChange }: { item: RawItem; field: string; label: string; onValueChange: (value: string) => void }) {
  const id = `${item.id}-${field}`;
  const error = item.errors[field];
  return (
    <div className="min-w-0 flex-1 basis-56">
      <label htmlFor={id} className="block font-medium">{label}</label>
      <SharedInput id={id} value={String(item.values[field] ?? "")} maxLength={300} onValueChange={onValueChange} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} className={inputClass} />
      <FieldError id={`${id}-error`} error={error} />
    </div>
  );
}

/** A one-field "add" form; refuses a blank entry with a message. */
export function AddForm({ id, label, button, onAdd, children }: { id: string; label: string; button: string; onAdd: (value: string) => void; children?: ReactNode }) {
  const [value, setValue] = useState("");
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!value.trim()) return setError(`Write the ${label.toLowerCase()} first.`);
    onAdd(value.trim());
    setValue("");
    setError(null);
  };
  return (
    <form onSubmit={submit} aria-label={button} className="mt-3 flex flex-wrap items-end gap-2" noValidate>
      {children}
      <div className="min-w-0 flex-1 basis-56">
        <label htmlFor={id} className="block font-medium">{label}</label>
        <input id={id} value={value} maxLength={300} onChange={(e) => setValue(e.target.value)} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} className={inputClass} />
        <FieldError id={`${id}-error`} error={error ?? undefined} />
      </div>
      <button type="submit" className="inline-flex min-h-11 items-center rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">{button}</button>
    </form>
  );
}

/** Exclusions: their wording changes freely; the concern a test case records keeps its key. */
export function ExclusionsEditor({ doc }: { doc: Y.Doc }) {
  const items = readRawItems(doc, "exclusions");
  return (
    <div>
      <h4 className="font-medium">Exclusions</h4>
      {items.length === 0 ? <p className="text-slate-700">No exclusions yet.</p> : null}
      <ul aria-label="Exclusions" className="mt-1 space-y-2">
        {items.map((item, i) => (
          <li key={item.id} className="flex flex-wrap items-end gap-2">
            <TextField item={item} field="label" label={`Exclusion ${i + 1}`} onValueChange={(label) => updateItem(doc, "exclusions", item.id, { label })} />
            <button type="button" onClick={() => removeItem(doc, "exclusions", item.id)} aria-label={`Remove exclusion ${i + 1}`} className={removeClass}>Remove</button>
          </li>
        ))}
      </ul>
      <AddForm
        id="new-exclusion"
        label="New exclusion"
        button="Add exclusion"
        onAdd={(label) => addItem(doc, "exclusions", { id: crypto.randomUUID(), kind: "exclusion", label, concern: concernKey(label, items.map((x) => String(x.values.concern ?? ""))) })}
      />
    </div>
  );
}

/** The referral pathway's steps, in order, each with who owns it. */
export function PathwayEditor({ doc }: { doc: Y.Doc }) {
  const steps = readRawItems(doc, "pathway");
  return (
    <div className="mt-3">
      <ol aria-label="Pathway steps" className="space-y-3">
        {steps.map((step, i) => (
          <li key={step.id} className="rounded border border-slate-300 p-3">
            <div className="flex flex-wrap gap-2">
              <TextField item={step} field="title" label={`Step ${i + 1}`} onValueChange={(title) => updateItem(doc, "pathway", step.id, { title })} />
              <TextField item={step} field="owner" label={`Step ${i + 1}: who owns it`} onValueChange={(owner) => updateItem(doc, "pathway", step.id, { owner })} />
            </div>
            <div className="mt-2 flex flex-wrap gap-2 text-sm">
              <button type="button" disabled={i === 0} onClick={() => moveItem(doc, "pathway", step.id, -1)} aria-label={`Move step ${i + 1} earlier`} className={buttonClass}>Earlier</button>
              <button type="button" disabled={i === steps.length - 1} onClick={() => moveItem(doc, "pathway", step.id, 1)} aria-label={`Move step ${i + 1} later`} className={buttonClass}>Later</button>
              <button type="button" onClick={() => removeItem(doc, "pathway", step.id)} aria-label={`Remove step ${i + 1}`} className={removeClass}>Remove</button>
            </div>
          </li>
        ))}
      </ol>
      <AddForm id="new-step" label="New step" button="Add step" onAdd={(title) => addItem(doc, "pathway", { id: crypto.randomUUID(), title, owner: "" })} />
    </div>
  );
}

/** Adds an inclusion rule of a chosen kind, starting from sensible settings. */
export function AddRuleForm({ doc }: { doc: Y.Doc }) {
  const [kind, setKind] = useState<InclusionKind>("age-range");
  return (
    <AddForm id="new-rule" label="Label for the new rule" button="Add rule" onAdd={(label) => addItem(doc, "inclusions", newInclusionRule(kind, label, crypto.randomUUID()))}>
      <div className="min-w-0 flex-1 basis-56">
        <label htmlFor="new-rule-kind" className="block font-medium">Kind of rule</label>
        <select id="new-rule-kind" value={kind} onChange={(e) => setKind(e.target.value as InclusionKind)} className={inputClass}>
          {INCLUSION_KINDS.map((k) => <option key={k} value={k}>{INCLUSION_KIND_LABELS[k]}</option>)}
        </select>
      </div>
    </AddForm>
  );
}

/** Which living situations a living-situation rule accepts outright. */
export function LivingSituationsField({ doc, rule }: { doc: Y.Doc; rule: RawItem }) {
  const allowed = Array.isArray(rule.values.allowed) ? (rule.values.allowed as string[]) : [];
  return (
    <fieldset className="mt-3">
      <legend className="font-medium">Accepted outright when living</legend>
      <div className="mt-1 grid gap-1 sm:grid-cols-2">
        {LIVING_SITUATIONS.map((situation) => (
          <label key={situation} className="flex min-h-11 items-center gap-2">
            <input
              type="checkbox"
              checked={allowed.includes(situation)}
              onChange={(e) => updateItem(doc, "inclusions", rule.id, { allowed: e.target.checked ? [...allowed, situation] : allowed.filter((a) => a !== situation) })}
              className="h-5 w-5"
            />
            {LIVING_SITUATION_LABELS[situation]}
          </label>
        ))}
      </div>
      {rule.errors.allowed ? <p className="mt-1 text-sm font-medium text-red-800">{rule.errors.allowed}</p> : null}
    </fieldset>
  );
}
