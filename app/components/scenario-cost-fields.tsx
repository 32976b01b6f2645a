// A scenario's money inputs beyond the payments: what delivery costs (the commissioners'
// estimate in the shared model; the provider's own figures in its what-if copy), what
// buying the service by fee would cost instead, and the costs avoided, by who saves them.
import type { Scenario } from "~/domain/payment/forecast";
import type { PaymentModel } from "~/domain/payment/model";
import { parsePounds, poundsText } from "~/domain/payment/money";
import { DraftField, money, optionalMoney, percent, percentText, type Parse } from "./draft-field";

type Wider = Scenario["costsAvoided"]["wider"];
const widerText = (w: Wider) => w.map((x) => `${x.who}: ${poundsText(x.perSuccessPence)}`).join("; ");
export const widerSavings: Parse<Wider> = (t) => {
  const out: Wider = [];
  for (const part of t.split(/[;\n]/).map((x) => x.trim()).filter(Boolean)) {
    const m = /^(.{1,120}?)\s*:\s*([^:]+)$/.exec(part);
    const pence = m ? parsePounds(m[2]!) : null;
    if (!m || pence === null) return { ok: false, error: "Write each as who: pounds per successful case, separated by semicolons, e.g. Health: 4,000; Justice: 6,500." };
    out.push({ who: m[1]!.trim(), perSuccessPence: pence });
  }
  return out.length > 20 ? { ok: false, error: "At most 20 bodies." } : { ok: true, value: out };
};
const optionalText = (v: number | null | undefined) => (v == null ? "" : poundsText(v));

type Props = {
  s: Scenario;
  interventions: PaymentModel["interventions"];
  /** "estimate": the shared model's (the commissioners'); "own": a provider's what-if copy. */
  whose: "estimate" | "own";
  readOnly: boolean;
  edit: (change: (s: Scenario) => void) => string | null;
};

export function ScenarioCostFields({ s, interventions, whose, readOnly, edit }: Props) {
  const cost = whose === "own" ? "Your delivery cost" : "Delivery cost (the commissioners' estimate)";
  return (
    <>
      <fieldset className="grid gap-3 sm:col-span-2 sm:grid-cols-2">
        <legend className="font-medium">{whose === "own" ? "What delivery costs you" : "What delivery costs: the commissioners' estimate (providers enter their own in a what-if copy)"}</legend>
        <DraftField label={`${cost}: set-up (£)`} value={s.costs.setUpPence} format={poundsText} parse={money} disabled={readOnly} commit={(v) => edit((x) => void (x.costs.setUpPence = v))} />
        <DraftField label={`${cost}: running, a month (£)`} hint="Fixed costs while the service runs: staff, premises, licences." value={s.costs.runningPerMonthPence} format={poundsText} parse={money} disabled={readOnly} commit={(v) => edit((x) => void (x.costs.runningPerMonthPence = v))} />
        <DraftField
          label={`${cost}: per family taken on${interventions.length ? ", other interventions" : ""} (£)`}
          value={s.costs.deliveryPerParticipantPence}
          format={poundsText}
          parse={money}
          disabled={readOnly}
          commit={(v) => edit((x) => void (x.costs.deliveryPerParticipantPence = v))}
        />
        {interventions.map((i) => (
          <DraftField
            key={i.id}
            label={`${cost}: per family taken on, ${i.name} (£)`}
            hint="Blank: as other interventions."
            value={s.costs.deliveryPerCaseByInterventionPence?.[i.id] ?? null}
            format={optionalText}
            parse={optionalMoney}
            disabled={readOnly}
            commit={(v) =>
              edit((x) => {
                const by = { ...(x.costs.deliveryPerCaseByInterventionPence ?? {}) };
                if (v === null) delete by[i.id];
                else by[i.id] = v;
                x.costs.deliveryPerCaseByInterventionPence = by;
              })
            }
          />
        ))}
      </fieldset>
      <fieldset className="grid gap-3 sm:col-span-2 sm:grid-cols-2">
        <legend className="font-medium">Buying the same service by fee instead (the options appraisal)</legend>
        <DraftField
          label="Commissioners' price per family, bought by fee (£)"
          hint="E.g. a spot-purchase price. Blank: priced as the delivery cost plus the margin below."
          value={s.options.feeForServicePricePerCasePence ?? null}
          format={optionalText}
          parse={optionalMoney}
          disabled={readOnly}
          commit={(v) => edit((x) => void (x.options.feeForServicePricePerCasePence = v))}
        />
        <DraftField label="Provider's margin on delivery cost, bought by fee (%)" value={s.options.feeForServiceMarginBps} format={percentText} parse={percent} disabled={readOnly} commit={(v) => edit((x) => void (x.options.feeForServiceMarginBps = v))} />
      </fieldset>
      <fieldset className="grid gap-3 sm:col-span-2 sm:grid-cols-2">
        <legend className="font-medium">Costs avoided, by who saves them</legend>
        <DraftField label="What a week in care costs the commissioners (£)" value={s.costsAvoided.placementPerWeekPence} format={poundsText} parse={money} disabled={readOnly} commit={(v) => edit((x) => void (x.costsAvoided.placementPerWeekPence = v))} />
        <DraftField
          label="Chance a case would otherwise have been in care (%)"
          hint="For each week a case spends out of care: how likely it is that, without the service, it would have been in care."
          value={s.costsAvoided.counterfactualCareBps}
          format={percentText}
          parse={percent}
          disabled={readOnly}
          commit={(v) => edit((x) => void (x.costsAvoided.counterfactualCareBps = v))}
        />
        <DraftField label="Share of the placements avoided that is cashable (%)" hint="Budgets actually released, not only costs not incurred." value={s.costsAvoided.cashableBps} format={percentText} parse={percent} disabled={readOnly} commit={(v) => edit((x) => void (x.costsAvoided.cashableBps = v))} />
        <DraftField
          label="Other public bodies' costs avoided, per successful case (who: £)"
          hint="E.g. Health: 4,000; Justice: 6,500. Blank for none."
          value={s.costsAvoided.wider ?? []}
          format={widerText}
          parse={widerSavings}
          disabled={readOnly}
          commit={(v) => edit((x) => void (x.costsAvoided.wider = v))}
        />
      </fieldset>
    </>
  );
}
