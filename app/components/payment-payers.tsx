// Who pays: the outcome payers (named, capped, added, removed), how they share each
// outcome payment (each its own participants, or fixed shares), and a co-funder's
// top-up. Every change goes through the editor's whole-model check.
import { useId, useState, type FormEvent } from "react";
import { uniqueId } from "~/domain/payment/components";
import { allocate, poundsText } from "~/domain/payment/money";
import type { PaymentModel } from "~/domain/payment/model";
import { buttonClass, DraftField, inputClass, optionalMoney, percent, percentText, text } from "./draft-field";
import { InvoiceScheduleFields } from "./invoice-schedule";

type Edit = (change: (m: PaymentModel) => void) => string | null;
type Props = { model: PaymentModel; edit: Edit; readOnly: boolean };

/** Equal shares that add up to exactly 100% (largest remainder). */
const equalShares = (m: PaymentModel) => Object.fromEntries(allocate(10_000, m.payers.map(() => 1)).map((bps, i) => [m.payers[i]!.id, bps]));

export function PayersEditor({ model, edit, readOnly }: Props) {
  const id = useId();
  const [problem, setProblem] = useState<string | null>(null);
  const sharing = model.costSharing;
  const removePayer = (payerId: string) =>
    setProblem(
      edit((m) => {
        m.payers = m.payers.filter((p) => p.id !== payerId);
        delete m.caps.perPayerPence[payerId];
        delete m.invoicing.byPayer[payerId];
        // The others share what this payer paid, equally again.
        if (m.costSharing.kind === "fixed-shares" && m.payers.length) m.costSharing.sharesBps = equalShares(m);
      }),
    );
  return (
    <fieldset className="grid gap-3 rounded border border-slate-300 p-3 sm:grid-cols-2">
      <legend className="px-1 font-medium">Outcome payers</legend>
      <div className="sm:col-span-2">
        <label htmlFor={`${id}-sharing`} className="block font-medium">How each outcome payment is shared</label>
        <select
          id={`${id}-sharing`}
          value={sharing.kind}
          disabled={readOnly}
          onChange={(e) => setProblem(edit((m) => void (m.costSharing = e.target.value === "fixed-shares" ? { kind: "fixed-shares", sharesBps: equalShares(m) } : { kind: "own-participants" })))}
          className={inputClass}
        >
          <option value="own-participants">Each payer pays for its own participants</option>
          <option value="fixed-shares">Fixed shares of every payment</option>
        </select>
      </div>
      {model.payers.map((p, i) => (
        <div key={p.id} className="grid gap-2 rounded border border-slate-200 p-2 sm:col-span-2 sm:grid-cols-3">
          <DraftField label={`Payer ${i + 1}: name`} value={p.name} format={String} parse={text(200)} disabled={readOnly} commit={(v) => edit((m) => void (m.payers[i]!.name = v))} />
          <DraftField
            label={`${p.name}: cap on its outcome payments (£, blank for none)`}
            value={model.caps.perPayerPence[p.id] ?? null}
            format={(v) => (v === null ? "" : poundsText(v))}
            parse={optionalMoney}
            disabled={readOnly}
            commit={(v) => edit((m) => void (v === null ? delete m.caps.perPayerPence[p.id] : (m.caps.perPayerPence[p.id] = v)))}
          />
          <InvoiceScheduleFields
            who={p.name}
            value={model.invoicing.byPayer[p.id] ?? null}
            fallback={{ frequency: model.invoicing.frequency, lagWeeks: model.invoicing.lagWeeks }}
            disabled={readOnly}
            commit={(next) => edit((m) => void (next === null ? delete m.invoicing.byPayer[p.id] : (m.invoicing.byPayer[p.id] = next)))}
          />
          <div className="sm:col-span-3">
            <button type="button" disabled={readOnly} onClick={() => removePayer(p.id)} className={buttonClass}>
              Remove “{p.name}”
            </button>
          </div>
        </div>
      ))}
      {sharing.kind === "fixed-shares" ? <SharesForm key={JSON.stringify(sharing.sharesBps)} model={model} sharesBps={sharing.sharesBps} edit={edit} readOnly={readOnly} /> : null}
      {problem ? <p role="alert" className="text-sm font-medium text-red-800 sm:col-span-2">{problem}</p> : null}
      {readOnly ? null : <AddPayerForm model={model} edit={edit} />}
    </fieldset>
  );
}

/** Fixed shares change together (they must add up to 100%), so they are saved as one. */
function SharesForm({ model, sharesBps, edit, readOnly }: { model: PaymentModel; sharesBps: Record<string, number>; edit: Edit; readOnly: boolean }) {
  const id = useId();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const next: Record<string, number> = {};
    const bad: Record<string, string> = {};
    for (const p of model.payers) {
      const parsed = percent(String(data.get(p.id) ?? ""));
      if (parsed.ok) next[p.id] = parsed.value;
      else bad[p.id] = parsed.error;
    }
    const total = Object.values(next).reduce((a, b) => a + b, 0);
    if (!Object.keys(bad).length && total !== 10_000) bad.form = `The shares add up to ${total / 100}%; they must add up to 100%.`;
    if (Object.keys(bad).length) return setErrors(bad);
    const problem = edit((m) => void (m.costSharing = { kind: "fixed-shares", sharesBps: next }));
    setErrors(problem ? { form: problem } : {});
  };
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Fixed shares" className="grid gap-2 rounded border border-slate-200 p-2 sm:col-span-2 sm:grid-cols-3">
      {model.payers.map((p) => (
        <div key={p.id}>
          <label htmlFor={`${id}-${p.id}`} className="block font-medium">{p.name}: share (%)</label>
          <input id={`${id}-${p.id}`} name={p.id} defaultValue={percentText(sharesBps[p.id] ?? 0)} disabled={readOnly} inputMode="decimal" aria-invalid={errors[p.id] ? true : undefined} aria-describedby={errors[p.id] ? `${id}-${p.id}-error` : undefined} className={inputClass} />
          {errors[p.id] ? <p id={`${id}-${p.id}-error`} className="mt-1 text-sm font-medium text-red-800">{errors[p.id]}</p> : null}
        </div>
      ))}
      <div className="sm:col-span-3">
        <button type="submit" disabled={readOnly} className={buttonClass}>Save shares</button>
        {errors.form ? <p role="alert" className="mt-1 text-sm font-medium text-red-800">{errors.form}</p> : null}
      </div>
    </form>
  );
}

function AddPayerForm({ model, edit }: { model: PaymentModel; edit: Edit }) {
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const name = String(new FormData(form).get("name") ?? "").trim();
    if (!name || name.length > 200) return setError("Name the payer (up to 200 characters), e.g. London Borough of Merton.");
    if (model.payers.some((p) => p.name.toLowerCase() === name.toLowerCase())) return setError(`${name} is already a payer.`);
    const problem = edit((m) => {
      const payerId = uniqueId(name, m.payers.map((p) => p.id));
      m.payers.push({ id: payerId, name });
      if (m.costSharing.kind === "fixed-shares") m.costSharing.sharesBps[payerId] = 0;
    });
    setError(problem);
    if (!problem) form.reset();
  };
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-wrap items-end gap-2 sm:col-span-2" aria-label="Add an outcome payer">
      <div className="min-w-0 flex-1">
        <label htmlFor={`${id}-name`} className="block font-medium">New payer's name</label>
        <input id={`${id}-name`} name="name" aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} className={inputClass} />
      </div>
      <button type="submit" className={buttonClass}>Add payer</button>
      {error ? <p id={`${id}-error`} className="w-full text-sm font-medium text-red-800">{error}</p> : null}
    </form>
  );
}

export function CoFunderEditor({ model, edit, readOnly }: Props) {
  const co = model.coFunder;
  if (!co)
    return (
      <div className="sm:col-span-2">
        <p>No co-funder tops up the outcome payments.</p>
        <button type="button" disabled={readOnly} onClick={() => edit((m) => void (m.coFunder = { name: "Co-funder", topUpBps: 0, capPence: null }))} className={`${buttonClass} mt-1`}>
          Add a co-funder
        </button>
      </div>
    );
  return (
    <>
      <DraftField label="Co-funder's name" value={co.name} format={String} parse={text(200)} disabled={readOnly} commit={(v) => edit((m) => void (m.coFunder!.name = v))} />
      <DraftField label={`${co.name}: share of each outcome payment (%)`} value={co.topUpBps} format={percentText} parse={percent} disabled={readOnly} commit={(v) => edit((m) => void (m.coFunder!.topUpBps = v))} />
      <DraftField label="Co-funder's cap (£, blank for none)" value={co.capPence} format={(v) => (v === null ? "" : poundsText(v))} parse={optionalMoney} disabled={readOnly} commit={(v) => edit((m) => void (m.coFunder!.capPence = v))} />
      <div>
        <button type="button" disabled={readOnly} onClick={() => edit((m) => void (m.coFunder = null))} className={`${buttonClass} mt-7`}>
          Remove the co-funder
        </button>
      </div>
    </>
  );
}
