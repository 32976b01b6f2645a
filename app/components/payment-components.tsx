// Adding and removing payments in the model (fees, milestones, outcome payments), so
// a commissioner builds a hybrid rather than only tuning the PFP's one outcome. The
// new payment gets defaults the editor above then refines.
import { useId, useState, type FormEvent } from "react";
import { COMPONENT_KINDS, COMPONENT_LABELS, newComponent, NewComponentSchema } from "~/domain/payment/components";
import type { Component, PaymentModel } from "~/domain/payment/model";

const inputClass = "mt-1 block w-full rounded border border-slate-500 bg-white px-3 py-2";
const buttonClass = "inline-flex min-h-11 items-center rounded border border-slate-600 bg-white px-3 disabled:opacity-60";
type Edit = (change: (m: PaymentModel) => void) => string | null;

export function AddPaymentForm({ model, edit, defaultStart, disabled }: { model: PaymentModel; edit: Edit; defaultStart: string; disabled: boolean }) {
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
  const field = (name: string) => ({ id: `${id}-${name}`, name, disabled, "aria-invalid": errors[name] ? true : undefined, "aria-describedby": errors[name] ? `${id}-${name}-error` : undefined });
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
            <option value="monthly">Monthly</option>
            <option value="quarterly">Quarterly</option>
            <option value="one-off">Once</option>
          </select>
        </div>
      ) : null}
      <div className="sm:col-span-2">
        <button type="submit" disabled={disabled} className={buttonClass}>Add payment</button>
        {errors.form ? <p className="mt-1 text-sm font-medium text-red-800">{errors.form}</p> : null}
        <p role="status" className="mt-1 text-sm text-green-800">{added ? `Added “${added}”. Set its details above.` : ""}</p>
      </div>
    </form>
  );
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
