// Editing the payment model's prices, caps and timing. Each field keeps what is typed
// and commits it only when it reads as a valid value for the whole model, so a
// half-typed amount shows its error and never reaches anyone else.
import { useId } from "react";
import { COUNTING_CONVENTIONS } from "~/domain/payment/periods";
import { PaymentModelSchema, type CapBasis, type Component, type PaymentModel } from "~/domain/payment/model";
import { formatPounds, poundsText } from "~/domain/payment/money";
import { DraftField, eventKey, inputClass, isoDate, money, optionalMoney, percent, percentText, text, whole } from "./draft-field";
import { AddPaymentForm, RemovePaymentButton, ScheduleOptions } from "./payment-components";
import type { Schedule } from "~/domain/payment/components";
import { InvoiceScheduleFields } from "./invoice-schedule";
import { CoFunderEditor, PayersEditor } from "./payment-payers";

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
          {c.kind === "outcome-period" || c.kind === "outcome-event" ? (
            <DraftField
              label="Cap on this outcome's payments in all (£, blank for none)"
              value={model.caps.perOutcomePence[c.id] ?? null}
              format={(v) => (v === null ? "" : poundsText(v))}
              parse={optionalMoney}
              disabled={readOnly}
              commit={(v) => edit((m) => void (v === null ? delete m.caps.perOutcomePence[c.id] : (m.caps.perOutcomePence[c.id] = v)))}
            />
          ) : null}
          <RemovePaymentButton component={c} index={i} edit={edit} disabled={readOnly} />
        </fieldset>
      ))}
      {readOnly ? null : <AddPaymentForm model={model} edit={edit} defaultStart={defaultStart} />}
      <fieldset className="grid gap-3 rounded border border-slate-300 p-3 sm:grid-cols-2">
        <legend className="px-1 font-medium">Caps</legend>
        {rate ? (
          <>
            <DraftField label="Cap: success rate (%)" hint={`The cap is what a ${rate.successRateBps / 100}% success rate on the first ${rate.cases} cases would earn.`} value={rate.successRateBps} format={percentText} parse={percent} disabled={readOnly} commit={(v) => edit((m) => void (m.caps.totalFromSuccessRate!.successRateBps = v))} />
            <DraftField label="Cap: on the first (cases)" value={rate.cases} format={String} parse={whole(0, 1_000_000)} disabled={readOnly} commit={(v) => edit((m) => void (m.caps.totalFromSuccessRate!.cases = v))} />
          </>
        ) : null}
        <CapBasisField value={model.caps.basis} coFunder={model.coFunder?.name ?? null} disabled={readOnly} onChange={(v) => edit((m) => void (m.caps.basis = v))} />
        <DraftField label="Total cap on outcome payments (£, blank for none)" value={model.caps.totalPence} format={(v) => (v === null ? "" : poundsText(v))} parse={optionalMoney} disabled={readOnly} commit={(v) => edit((m) => void (m.caps.totalPence = v))} />
        <DraftField label="Cap per participant (£, blank for none)" value={model.caps.perParticipantPence} format={(v) => (v === null ? "" : poundsText(v))} parse={optionalMoney} disabled={readOnly} commit={(v) => edit((m) => void (m.caps.perParticipantPence = v))} />
      </fieldset>
      <PayersEditor model={model} edit={edit} readOnly={readOnly} />
      <fieldset className="grid gap-3 rounded border border-slate-300 p-3 sm:grid-cols-2">
        <legend className="px-1 font-medium">Co-funder and invoicing</legend>
        <CoFunderEditor model={model} edit={edit} readOnly={readOnly} />
        <InvoiceScheduleFields
          who="Default"
          value={{ frequency: model.invoicing.frequency, lagWeeks: model.invoicing.lagWeeks }}
          disabled={readOnly}
          commit={(next) => edit((m) => void (next && Object.assign(m.invoicing, { frequency: next.frequency, lagWeeks: next.lagWeeks })))}
        />
        {model.coFunder ? (
          <InvoiceScheduleFields
            who={`Claims from ${model.coFunder.name}`}
            value={model.invoicing.coFunder}
            fallback={{ frequency: model.invoicing.frequency, lagWeeks: model.invoicing.lagWeeks }}
            disabled={readOnly}
            commit={(next) => edit((m) => void (m.invoicing.coFunder = next))}
          />
        ) : null}
      </fieldset>
      <p className="text-sm text-slate-700">
        Amounts are exact to the penny; a percentage of a payment rounds half up to the penny, except the co-funder's share, which is a ceiling and rounds down (the penny
        left over is the commissioners'). {model.coFunder?.capPence ? `Co-funder cap: ${formatPounds(model.coFunder.capPence)}.` : ""}
      </p>
    </div>
  );
}

/** What the total caps limit, in words (PFP: what the boroughs pay; the co-funder's top-up on top). */
function CapBasisField({ value, coFunder, disabled, onChange }: { value: CapBasis; coFunder: string | null; disabled: boolean; onChange: (v: CapBasis) => void }) {
  const id = useId();
  const who = coFunder ?? "a co-funder";
  return (
    <div className="sm:col-span-2">
      <label htmlFor={id} className="block font-medium">The total cap limits</label>
      <select id={id} value={value} disabled={disabled} onChange={(e) => onChange(e.target.value as CapBasis)} className={inputClass}>
        <option value="commissioners-share">What the commissioners pay; the top-up from {who} comes on top</option>
        <option value="all-outcome-payments">All outcome payments, the top-up from {who} included</option>
      </select>
    </div>
  );
}

function ScheduleField({ value, disabled, onChange }: { value: Schedule; disabled: boolean; onChange: (v: Schedule) => void }) {
  const id = useId();
  return (
    <div>
      <label htmlFor={id} className="block font-medium">Paid</label>
      <select id={id} value={value} disabled={disabled} onChange={(e) => onChange(e.target.value as Schedule)} className={inputClass}>
        <ScheduleOptions />
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
