// Editing the payment model's prices, caps and timing. Each field keeps what is typed
// and commits it only when it reads as a valid value for the whole model, so a
// half-typed amount shows its error and never reaches anyone else.
import { useEffect, useId, useRef, useState } from "react";
import { COUNTING_CONVENTIONS } from "~/domain/payment/periods";
import { PaymentModelSchema, type Component, type PaymentModel } from "~/domain/payment/model";
import { formatPounds, parsePounds, poundsText } from "~/domain/payment/money";
import { IsoDateSchema } from "~/domain/payment/dates";
import { EventKeySchema } from "~/domain/payment/model";
import { AddPaymentForm, RemovePaymentButton } from "./payment-components";

const inputClass = "mt-1 block w-full rounded border border-slate-500 bg-white px-3 py-2";

export type Parse<T> = (text: string) => { ok: true; value: T } | { ok: false; error: string };

const money: Parse<number> = (t) => {
  const v = parsePounds(t);
  return v === null ? { ok: false, error: "Enter an amount in pounds, e.g. 225 or 240.50." } : { ok: true, value: v };
};
const optionalMoney: Parse<number | null> = (t) => (t.trim() === "" ? { ok: true, value: null } : money(t));
export const whole = (min: number, max: number): Parse<number> => (t) => {
  const n = Number(t.trim());
  return t.trim() !== "" && Number.isInteger(n) && n >= min && n <= max ? { ok: true, value: n } : { ok: false, error: `Enter a whole number from ${min} to ${max}.` };
};
export const percent: Parse<number> = (t) => {
  const m = /^(\d{1,3})(?:\.(\d{1,2}))?%?$/.exec(t.trim());
  const bps = m ? Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0")) : NaN;
  return m && bps <= 10_000 ? { ok: true, value: bps } : { ok: false, error: "Enter a percentage from 0 to 100, e.g. 18.5." };
};
export const percentText = (bps: number) => String(bps / 100);
const text = (max: number): Parse<string> => (t) => (t.trim() && t.trim().length <= max ? { ok: true, value: t.trim() } : { ok: false, error: `Enter 1 to ${max} characters.` });
const eventKey: Parse<string> = (t) => (EventKeySchema.safeParse(t.trim()).success ? { ok: true, value: t.trim() } : { ok: false, error: "Use lower-case words joined by -, e.g. plan-agreed." });
const isoDate: Parse<string> = (t) => (IsoDateSchema.safeParse(t.trim()).success ? { ok: true, value: t.trim() } : { ok: false, error: "Enter a date as YYYY-MM-DD, e.g. 2018-02-01." });

/** A field that keeps its text while typed, and commits when it reads as valid. */
export function DraftField<T>({ label, hint, value, format, parse, commit, disabled }: { label: string; hint?: string; value: T; format: (v: T) => string; parse: Parse<T>; commit: (v: T) => string | null; disabled: boolean }) {
  const id = useId();
  const [text, setText] = useState(format(value));
  const [error, setError] = useState<string | null>(null);
  const focused = useRef(false);
  const shown = format(value);
  // Someone else's change shows at once unless this field is being edited.
  useEffect(() => {
    if (!focused.current) {
      setText(shown);
      setError(null);
    }
  }, [shown]);
  const described = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div>
      <label htmlFor={id} className="block font-medium">{label}</label>
      {hint ? <p id={`${id}-hint`} className="text-sm text-slate-700">{hint}</p> : null}
      <input
        id={id}
        value={text}
        disabled={disabled}
        inputMode="decimal"
        aria-invalid={error ? true : undefined}
        aria-describedby={described}
        onFocus={() => (focused.current = true)}
        onBlur={() => {
          focused.current = false;
          if (!error) setText(shown);
        }}
        onChange={(e) => {
          setText(e.target.value);
          const parsed = parse(e.target.value);
          setError(parsed.ok ? commit(parsed.value) : parsed.error);
        }}
        className={inputClass}
      />
      {error ? <p id={`${id}-error`} className="mt-1 text-sm font-medium text-red-800">{error}</p> : null}
    </div>
  );
}

type Props = { model: PaymentModel; onChange: (next: PaymentModel) => void; readOnly: boolean; defaultStart: string };

export function PaymentEditor({ model, onChange, readOnly, defaultStart }: Props) {
  /** Applies `change` to a copy; commits it if the whole model is still valid, else returns why not. */
  const edit = (change: (m: PaymentModel) => void): string | null => {
    const next = structuredClone(model);
    change(next);
    const parsed = PaymentModelSchema.safeParse(next);
    if (!parsed.success) return parsed.error.issues[0]?.message ?? "That value does not fit the model.";
    onChange(parsed.data);
    return null;
  };
  const component = (i: number) => (m: PaymentModel) => m.components[i] as Component & Record<string, unknown>;
  const interventions = model.interventions;
  const rate = model.caps.totalFromSuccessRate;
  return (
    <div className="space-y-4">
      {model.components.map((c, i) => (
        <fieldset key={c.id} className="grid gap-3 rounded border border-slate-300 p-3 sm:grid-cols-2">
          <legend className="px-1 font-medium">{c.name}</legend>
          <DraftField label="Name" value={c.name} format={String} parse={text(200)} disabled={readOnly} commit={(v) => edit((m) => void (component(i)(m).name = v))} />
          {c.kind === "outcome-period" ? (
            <>
              <DraftField label="Tariff per period (£)" value={c.tariffPence} format={poundsText} parse={money} disabled={readOnly} commit={(v) => edit((m) => void (component(i)(m).tariffPence = v))} />
              <DraftField label="Period (days)" value={c.periodDays} format={String} parse={whole(1, 366)} disabled={readOnly} commit={(v) => edit((m) => void (component(i)(m).periodDays = v))} />
              <DraftField label="Tracking window (days)" hint="730 days is two years." value={c.window.lengthDays} format={String} parse={whole(1, 36_500)} disabled={readOnly} commit={(v) => edit((m) => void ((m.components[i] as typeof c).window.lengthDays = v))} />
              <DraftField label="Paid only if engaged at least (days)" value={c.minEngagementDays} format={String} parse={whole(0, 3650)} disabled={readOnly} commit={(v) => edit((m) => void (component(i)(m).minEngagementDays = v))} />
              {interventions.map((iv) => (
                <DraftField
                  key={iv.id}
                  label={`Window starts after the ${c.window.anchor.replace(/-/g, " ")}: ${iv.name} (days)`}
                  value={c.window.offsetDaysByIntervention[iv.id] ?? c.window.defaultOffsetDays}
                  format={String}
                  parse={whole(0, 3650)}
                  disabled={readOnly}
                  commit={(v) => edit((m) => void ((m.components[i] as typeof c).window.offsetDaysByIntervention[iv.id] = v))}
                />
              ))}
              <CountingField value={c.counting} disabled={readOnly} onChange={(v) => edit((m) => void (component(i)(m).counting = v))} />
            </>
          ) : (
            <>
              <DraftField
                label={c.kind === "outcome-event" ? "Tariff per outcome (£)" : "Amount (£)"}
                value={c.kind === "outcome-event" ? c.tariffPence : c.amountPence}
                format={poundsText}
                parse={money}
                disabled={readOnly}
                commit={(v) => edit((m) => void (component(i)(m)[c.kind === "outcome-event" ? "tariffPence" : "amountPence"] = v))}
              />
              {c.kind === "fixed-fee" ? (
                <>
                  <ScheduleField value={c.schedule} disabled={readOnly} onChange={(v) => edit((m) => void (component(i)(m).schedule = v))} />
                  <DraftField label="First payment on" value={c.start} format={String} parse={isoDate} disabled={readOnly} commit={(v) => edit((m) => void (component(i)(m).start = v))} />
                </>
              ) : (
                <DraftField label="Paid on the event" value={c.event} format={String} parse={eventKey} disabled={readOnly} commit={(v) => edit((m) => void (component(i)(m).event = v))} />
              )}
            </>
          )}
          <RemovePaymentButton component={c} index={i} edit={edit} disabled={readOnly} />
        </fieldset>
      ))}
      {readOnly ? null : <AddPaymentForm model={model} edit={edit} defaultStart={defaultStart} disabled={readOnly} />}
      <fieldset className="grid gap-3 rounded border border-slate-300 p-3 sm:grid-cols-2">
        <legend className="px-1 font-medium">Caps</legend>
        {rate ? (
          <>
            <DraftField label="Cap: success rate (%)" hint={`The cap is what a ${rate.successRateBps / 100}% success rate on the first ${rate.cases} cases would earn.`} value={rate.successRateBps} format={percentText} parse={percent} disabled={readOnly} commit={(v) => edit((m) => void (m.caps.totalFromSuccessRate!.successRateBps = v))} />
            <DraftField label="Cap: on the first (cases)" value={rate.cases} format={String} parse={whole(0, 1_000_000)} disabled={readOnly} commit={(v) => edit((m) => void (m.caps.totalFromSuccessRate!.cases = v))} />
          </>
        ) : null}
        <DraftField label="Total cap on outcome payments (£, blank for none)" value={model.caps.totalPence} format={(v) => (v === null ? "" : poundsText(v))} parse={optionalMoney} disabled={readOnly} commit={(v) => edit((m) => void (m.caps.totalPence = v))} />
        <DraftField label="Cap per participant (£, blank for none)" value={model.caps.perParticipantPence} format={(v) => (v === null ? "" : poundsText(v))} parse={optionalMoney} disabled={readOnly} commit={(v) => edit((m) => void (m.caps.perParticipantPence = v))} />
      </fieldset>
      <fieldset className="grid gap-3 rounded border border-slate-300 p-3 sm:grid-cols-2">
        <legend className="px-1 font-medium">Co-funder and invoicing</legend>
        {model.coFunder ? (
          <>
            <DraftField label={`${model.coFunder.name}: share of each outcome payment (%)`} value={model.coFunder.topUpBps} format={percentText} parse={percent} disabled={readOnly} commit={(v) => edit((m) => void (m.coFunder!.topUpBps = v))} />
            <DraftField label="Co-funder's cap (£, blank for none)" value={model.coFunder.capPence} format={(v) => (v === null ? "" : poundsText(v))} parse={optionalMoney} disabled={readOnly} commit={(v) => edit((m) => void (m.coFunder!.capPence = v))} />
          </>
        ) : null}
        <DraftField label="Invoiced after the month ends (weeks)" value={model.invoicing.lagWeeks} format={String} parse={whole(0, 52)} disabled={readOnly} commit={(v) => edit((m) => void (m.invoicing.lagWeeks = v))} />
      </fieldset>
      {rate ? <p className="text-sm text-slate-700">Amounts are exact to the penny; percentages of a payment round half up to the penny. {model.coFunder?.capPence ? `Co-funder cap: ${formatPounds(model.coFunder.capPence)}.` : ""}</p> : null}
    </div>
  );
}

function ScheduleField({ value, disabled, onChange }: { value: "monthly" | "quarterly" | "one-off"; disabled: boolean; onChange: (v: "monthly" | "quarterly" | "one-off") => void }) {
  const id = useId();
  return (
    <div>
      <label htmlFor={id} className="block font-medium">Paid</label>
      <select id={id} value={value} disabled={disabled} onChange={(e) => onChange(e.target.value as typeof value)} className={inputClass}>
        <option value="monthly">Monthly</option>
        <option value="quarterly">Quarterly</option>
        <option value="one-off">Once</option>
      </select>
    </div>
  );
}

function CountingField({ value, disabled, onChange }: { value: (typeof COUNTING_CONVENTIONS)[number]; disabled: boolean; onChange: (v: (typeof COUNTING_CONVENTIONS)[number]) => void }) {
  const id = useId();
  return (
    <div className="sm:col-span-2">
      <label htmlFor={id} className="block font-medium">How periods are counted</label>
      <select id={id} value={value} disabled={disabled} onChange={(e) => onChange(e.target.value as typeof value)} className={inputClass}>
        <option value="aligned">Aligned: weekly blocks from the window's start; a block pays if no day of it is in care</option>
        <option value="runs">Runs: each spell out of care pays one period per full 7 days</option>
      </select>
    </div>
  );
}
