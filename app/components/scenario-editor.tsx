// Editing the forecast scenarios: referrals a year by payer, engagement, success rates
// by contract year and the placement cost avoided. Same draft-then-commit fields as
// the model editor.
import { ScenarioSchema, type Scenario } from "~/domain/payment/forecast";
import type { PaymentModel } from "~/domain/payment/model";
import { parsePounds, poundsText } from "~/domain/payment/money";
import { DraftField, percent, percentText, whole } from "./draft-field";

type Props = { scenarios: Scenario[]; payers: PaymentModel["payers"]; events: { event: string; payments: string[] }[]; readOnly: boolean; onChange: (index: number, next: Scenario) => void };

const referrals = (t: string) => {
  const n = Number(t.trim());
  return t.trim() !== "" && Number.isFinite(n) && n >= 0 && n <= 100_000 ? ({ ok: true, value: n } as const) : ({ ok: false, error: "Enter referrals a year, e.g. 22 or 25.5." } as const);
};
const ratesText = (bps: number[]) => bps.map(percentText).join(", ");
const rates = (t: string) => {
  const parts = t.split(",").map((x) => percent(x));
  const bad = parts.find((p) => !p.ok);
  if (bad || parts.length === 0 || t.trim() === "") return { ok: false, error: "Enter one percentage per contract year, separated by commas, e.g. 65, 70, 75." } as const;
  return { ok: true, value: parts.map((p) => (p as { value: number }).value) } as const;
};

export function ScenarioEditor({ scenarios, payers, events, readOnly, onChange }: Props) {
  const edit = (i: number, change: (s: Scenario) => void): string | null => {
    const next = structuredClone(scenarios[i]!);
    change(next);
    const parsed = ScenarioSchema.safeParse(next);
    if (!parsed.success) return parsed.error.issues[0]?.message ?? "That value does not fit the scenario.";
    onChange(i, parsed.data);
    return null;
  };
  return (
    <div className="space-y-4">
      {scenarios.map((s, i) => (
        <details key={s.name} className="rounded border border-slate-300 bg-white p-3">
          <summary className="min-h-11 cursor-pointer py-2 font-medium text-brand-800">Scenario: {s.name}</summary>
          <div className="mt-2 grid gap-3 sm:grid-cols-2">
            {payers.map((p) => (
              <DraftField key={p.id} label={`${p.name}: referrals a year`} value={s.referralsPerYear[p.id] ?? 0} format={String} parse={referrals} disabled={readOnly} commit={(v) => edit(i, (x) => void (x.referralsPerYear[p.id] = v))} />
            ))}
            <DraftField label="Referrals arrive for (months)" value={s.referralMonths} format={String} parse={whole(1, 240)} disabled={readOnly} commit={(v) => edit(i, (x) => void (x.referralMonths = v))} />
            <DraftField label="Engaged long enough to count (%)" value={s.engagementRateBps} format={percentText} parse={percent} disabled={readOnly} commit={(v) => edit(i, (x) => void (x.engagementRateBps = v))} />
            <DraftField label="Success rate by contract year (%)" hint="Cases that stay out of care for the whole window; the last year repeats." value={s.successRateBpsByYear} format={ratesText} parse={rates} disabled={readOnly} commit={(v) => edit(i, (x) => void (x.successRateBpsByYear = v))} />
            <DraftField
              label="Placement cost avoided per week (£)"
              value={s.costsAvoided.placementPerWeekPence}
              format={poundsText}
              parse={(t) => {
                const v = parsePounds(t);
                return v === null ? { ok: false, error: "Enter an amount in pounds, e.g. 1000." } : { ok: true, value: v };
              }}
              disabled={readOnly}
              commit={(v) => edit(i, (x) => void (x.costsAvoided.placementPerWeekPence = v))}
            />
            {events.map(({ event, payments }) => {
              // Unlisted events happen to every engaged case at the first meeting (see the forecast engine).
              const timing = s.events[event] ?? { daysAfterFirstMeeting: 0, reachedBps: 10_000 };
              const what = `“${event.replace(/-/g, " ")}” (${payments.join(", ")})`;
              return (
                <fieldset key={event} className="grid gap-3 sm:col-span-2 sm:grid-cols-2">
                  <legend className="font-medium">When engaged cases reach {what}</legend>
                  <DraftField label={`${what}: days after the first meeting`} value={timing.daysAfterFirstMeeting} format={String} parse={whole(0, 3650)} disabled={readOnly} commit={(v) => edit(i, (x) => void (x.events[event] = { ...timing, daysAfterFirstMeeting: v }))} />
                  <DraftField label={`${what}: engaged cases reaching it (%)`} value={timing.reachedBps} format={percentText} parse={percent} disabled={readOnly} commit={(v) => edit(i, (x) => void (x.events[event] = { ...timing, reachedBps: v }))} />
                </fieldset>
              );
            })}
          </div>
        </details>
      ))}
    </div>
  );
}
