// Starting a model, and adding and removing payments in it (fees, milestones, outcome
// payments), so a commissioner builds a hybrid rather than only tuning the PFP's one
// outcome. A new payment gets defaults the editor above then refines.
import { useId, useState, type FormEvent } from "react";
import { COMPONENT_KINDS, COMPONENT_LABELS, newComponent, NewComponentSchema, SCHEDULE_LABELS, type Schedule } from "~/domain/payment/components";
import type { Component, PaymentModel } from "~/domain/payment/model";
import { buttonClass, inputClass } from "./draft-field";
import { STARTERS, starterPayment, StarterFormSchema, type PartnerVolume } from "~/domain/payment/starter";

type Edit = (change: (m: PaymentModel) => void) => string | null;

/** Shown only to people who may change the model. */
export function AddPaymentForm({ model, edit, defaultStart }: { model: PaymentModel; edit: Edit; defaultStart: string }) {
  const id = useId();
  const [kind, setKind] = useState<Component["kind"]>("milestone");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [added, setAdded] = useState<string | null>(null);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const parsed = NewComponentSchema.safeParse(Object.fromEntries(new FormData(form)));
    setAdded(null);
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0] ?? "form"), i.message])));
      return;
    }
    const component = newComponent(parsed.data, model, defaultStart);
    const problem = edit((m) => void m.components.push(component));
    if (problem) return setErrors({ form: problem });
    setErrors({});
    setAdded(component.name);
    form.reset();
    setKind("milestone");
  };
  const field = (name: string) => ({ id: `${id}-${name}`, name, "aria-invalid": errors[name] ? true : undefined, "aria-describedby": errors[name] ? `${id}-${name}-error` : undefined });
  const error = (name: string) => (errors[name] ? <p id={`${id}-${name}-error`} className="mt-1 text-sm font-medium text-red-800">{errors[name]}</p> : null);
  const onEvent = kind === "per-participant-fee" || kind === "milestone" || kind === "outcome-event";
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby={`${id}-title`} className="grid gap-3 rounded border border-dashed border-slate-400 p-3 sm:grid-cols-2">
      <h4 id={`${id}-title`} className="font-medium sm:col-span-2">Add a payment</h4>
      <div>
        <label htmlFor={`${id}-kind`} className="block font-medium">Kind of payment</label>
        <select {...field("kind")} value={kind} onChange={(e) => setKind(e.target.value as Component["kind"])} className={inputClass}>
          {COMPONENT_KINDS.map((k) => <option key={k} value={k}>{COMPONENT_LABELS[k]}</option>)}
        </select>
      </div>
      <div>
        <label htmlFor={`${id}-name`} className="block font-medium">Name</label>
        <input {...field("name")} className={inputClass} />
        {error("name")}
      </div>
      <div>
        <label htmlFor={`${id}-amount`} className="block font-medium">{kind.startsWith("outcome") ? "Tariff (£)" : "Amount (£)"}</label>
        <input {...field("amount")} inputMode="decimal" className={inputClass} />
        {error("amount")}
      </div>
      {onEvent ? (
        <div>
          <label htmlFor={`${id}-event`} className="block font-medium">Paid on the event</label>
          <input {...field("event")} list={`${id}-events`} placeholder="e.g. plan-agreed" className={inputClass} />
          <datalist id={`${id}-events`}>
            {["referral-accepted", "first-meeting", "engagement-started", ...new Set(model.components.flatMap((c) => ("event" in c ? [c.event] : [])))].map((e) => <option key={e} value={e} />)}
          </datalist>
          {error("event")}
        </div>
      ) : kind === "fixed-fee" ? (
        <div>
          <label htmlFor={`${id}-schedule`} className="block font-medium">Paid</label>
          <select {...field("schedule")} defaultValue="monthly" className={inputClass}>
            <ScheduleOptions />
          </select>
        </div>
      ) : null}
      <div className="sm:col-span-2">
        <button type="submit" className={buttonClass}>Add payment</button>
        {errors.form ? <p className="mt-1 text-sm font-medium text-red-800">{errors.form}</p> : null}
        <p role="status" className="mt-1 text-sm text-green-800">{added ? `Added “${added}”. Set its details above.` : ""}</p>
      </div>
    </form>
  );
}

export function ScheduleOptions() {
  return (Object.keys(SCHEDULE_LABELS) as Schedule[]).map((s) => <option key={s} value={s}>{SCHEDULE_LABELS[s]}</option>);
}

export function RemovePaymentButton({ component, index, edit, disabled }: { component: Component; index: number; edit: Edit; disabled: boolean }) {
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <div className="sm:col-span-2">
      <button type="button" disabled={disabled} onClick={() => setProblem(edit((m) => void m.components.splice(index, 1)))} className={buttonClass}>
        Remove “{component.name}”
      </button>
      {problem ? <p role="alert" className="mt-1 text-sm font-medium text-red-800">Cannot remove it: {problem}</p> : null}
    </div>
  );
}

/** A workspace without a payment model: its payers (from the referral partners) and a starting point. */
export function StartPaymentModel({ partners, onStart }: { partners: PartnerVolume[]; onStart: (start: ReturnType<typeof starterPayment>) => void }) {
  const id = useId();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = StarterFormSchema.safeParse(Object.fromEntries(new FormData(event.currentTarget)));
    if (!parsed.success) return setErrors(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0] ?? "form"), i.message])));
    setErrors({});
    onStart(starterPayment(parsed.data, partners));
  };
  const field = (name: string) => ({ id: `${id}-${name}`, name, "aria-invalid": errors[name] ? true : undefined, "aria-describedby": [`${id}-${name}-hint`, errors[name] ? `${id}-${name}-error` : ""].filter(Boolean).join(" ") });
  const error = (name: string) => (errors[name] ? <p id={`${id}-${name}-error`} className="mt-1 text-sm font-medium text-red-800">{errors[name]}</p> : null);
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby={`${id}-title`} className="mt-3 max-w-2xl space-y-3 rounded border border-slate-300 bg-white p-3">
      <h4 id={`${id}-title`} className="font-semibold">Start the payment model</h4>
      <div>
        <label htmlFor={`${id}-payers`} className="block font-medium">Outcome payers, one per line</label>
        <p id={`${id}-payers-hint`} className="text-sm text-slate-700">{partners.length ? "From the commissioning partners in the referral criteria; their expected referrals become the forecast's." : "Each body that pays for outcomes, e.g. each borough."}</p>
        <textarea {...field("payers")} rows={Math.max(3, partners.length + 1)} defaultValue={partners.map((p) => p.name).join("\n")} className={inputClass} />
        {error("payers")}
      </div>
      <fieldset aria-describedby={`${id}-template-hint`}>
        <legend className="font-medium">Start from</legend>
        <p id={`${id}-template-hint`} className="text-sm text-slate-700">Everything can be changed afterwards.</p>
        {(Object.keys(STARTERS) as (keyof typeof STARTERS)[]).map((key, i) => (
          <label key={key} className="mt-1 flex min-h-11 items-center gap-2">
            <input type="radio" name="template" value={key} defaultChecked={i === 0} />
            {STARTERS[key]}
          </label>
        ))}
      </fieldset>
      <div>
        <label htmlFor={`${id}-start`} className="block font-medium">Referrals start on</label>
        <p id={`${id}-start-hint`} className="text-sm text-slate-700">The forecast's first day, as YYYY-MM-DD.</p>
        <input {...field("start")} type="date" defaultValue={new Date().toISOString().slice(0, 10)} className={inputClass} />
        {error("start")}
      </div>
      <button type="submit" className={buttonClass}>Start the payment model</button>
    </form>
  );
}
