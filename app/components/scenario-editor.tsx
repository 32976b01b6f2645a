// Editing the forecast scenarios: their names, referrals a year by payer, engagement,
// success rates by contract year, delivery costs and costs avoided (scenario-cost-fields),
// the investors' capital and when paid-for events happen; copying a scenario to vary it, and removing one. Same draft-then-commit
// fields as the model editor.
import { memo } from "react";
import { ScenarioSchema, type Scenario } from "~/domain/payment/forecast";
import type { PaymentModel } from "~/domain/payment/model";
import { parsePounds, poundsText } from "~/domain/payment/money";
import { buttonClass, DraftField, percent, percentText, text, whole } from "./draft-field";
import { copyName } from "~/domain/payment/design";
import { ScenarioCostFields } from "./scenario-cost-fields";

type Props = {
  scenarios: Scenario[];
  /** Stable keys, one per scenario (the shared document's ids; a what-if copy's positions). */
  keys: string[];
  payers: PaymentModel["payers"];
  interventions: PaymentModel["interventions"];
  /** Whose costs the scenario holds: the commissioners' estimate (shared) or a provider's own (what-if). */
  whose: "estimate" | "own";
  events: { event: string; payments: string[] }[];
  readOnly: boolean;
  onChange: (index: number, next: Scenario) => void;
  onAdd: (scenario: Scenario) => void;
  onRemove: (index: number) => void;
};

const referrals = (t: string) => {
  const n = Number(t.trim());
  return t.trim() !== "" && Number.isFinite(n) && n >= 0 && n <= 100_000 ? ({ ok: true, value: n } as const) : ({ ok: false, error: "Enter referrals a year, e.g. 22 or 25.5." } as const);
};
const ratesText = (bps: number[]) => bps.map(percentText).join(", ");
type Tranches = Scenario["finance"]["tranches"];
const tranchesText = (t: Tranches) => (t ? t.map((x) => `${x.month}: ${poundsText(x.amountPence)}`).join("; ") : "");
const tranches = (t: string): { ok: true; value: Tranches } | { ok: false; error: string } => {
  if (t.trim() === "") return { ok: true, value: null };
  const out: NonNullable<Tranches> = [];
  for (const part of t.split(/[;\n]/).map((x) => x.trim()).filter(Boolean)) {
    const m = /^(\d{1,3})\s*:\s*(.+)$/.exec(part);
    const pence = m ? parsePounds(m[2]!) : null;
    if (!m || pence === null) return { ok: false, error: "Write each tranche as month: pounds, separated by semicolons, e.g. 0: 1,500,000; 12: 1,500,000." };
    out.push({ month: Number(m[1]), amountPence: pence });
  }
  return { ok: true, value: out };
};
const optionalPounds = (t: string) => {
  if (t.trim() === "") return { ok: true, value: null } as const;
  const v = parsePounds(t);
  return v === null ? ({ ok: false, error: "Enter an amount in pounds, e.g. 4,500,000, or leave it blank." } as const) : ({ ok: true, value: v } as const);
};
const rates = (t: string) => {
  const parts = t.split(",").map((x) => percent(x));
  const bad = parts.find((p) => !p.ok);
  if (bad || parts.length === 0 || t.trim() === "") return { ok: false, error: "Enter one percentage per contract year, separated by commas, e.g. 65, 70, 75." } as const;
  return { ok: true, value: parts.map((p) => (p as { value: number }).value) } as const;
};

/** Memoised: the page redraws on every change in the room, and most do not touch the scenarios. */
export const ScenarioEditor = memo(function ScenarioEditor({ scenarios, keys, payers, interventions, whose, events, readOnly, onChange, onAdd, onRemove }: Props) {
  const edit = (i: number, change: (s: Scenario) => void): string | null => {
    const next = structuredClone(scenarios[i]!);
    change(next);
    const parsed = ScenarioSchema.safeParse(next);
    if (!parsed.success) return parsed.error.issues[0]?.message ?? "That value does not fit the scenario.";
    if (scenarios.some((other, k) => k !== i && other.name.toLowerCase() === parsed.data.name.toLowerCase())) return "Another scenario already has that name.";
    onChange(i, parsed.data);
    return null;
  };
  return (
    <div className="space-y-4">
      {scenarios.map((s, i) => (
        <details key={keys[i] ?? i} className="rounded border border-slate-300 bg-white p-3">
          <summary className="min-h-11 cursor-pointer py-2 font-medium text-brand-800">Scenario: {s.name}</summary>
          <div className="mt-2 grid gap-3 sm:grid-cols-2">
            <DraftField label="Scenario name" value={s.name} format={String} parse={text(120)} disabled={readOnly} commit={(v) => edit(i, (x) => void (x.name = v))} />
            {payers.map((p) => (
              <DraftField key={p.id} label={`${p.name}: referrals a year`} value={s.referralsPerYear[p.id] ?? 0} format={String} parse={referrals} disabled={readOnly} commit={(v) => edit(i, (x) => void (x.referralsPerYear[p.id] = v))} />
            ))}
            <DraftField label="Referrals arrive for (months)" value={s.referralMonths} format={String} parse={whole(1, 240)} disabled={readOnly} commit={(v) => edit(i, (x) => void (x.referralMonths = v))} />
            <DraftField label="Engaged long enough to count (%)" value={s.engagementRateBps} format={percentText} parse={percent} disabled={readOnly} commit={(v) => edit(i, (x) => void (x.engagementRateBps = v))} />
            <DraftField label="Success rate by contract year (%)" hint="Cases that stay out of care for the whole window; the last year repeats." value={s.successRateBpsByYear} format={ratesText} parse={rates} disabled={readOnly} commit={(v) => edit(i, (x) => void (x.successRateBpsByYear = v))} />
            <ScenarioCostFields s={s} interventions={interventions} whose={whose} readOnly={readOnly} edit={(change) => edit(i, change)} />
            <DraftField
              label="Investors' capital commitment (£, blank for none)"
              value={s.finance.capitalCommitmentPence}
              format={(v) => (v === null ? "" : poundsText(v))}
              parse={optionalPounds}
              disabled={readOnly}
              commit={(v) => edit(i, (x) => void (x.finance.capitalCommitmentPence = v))}
            />
            <DraftField
              label="Capital drawn in tranches (month: £; blank: drawn as needed)"
              hint="Months from the start, e.g. 0: 1,500,000; 12: 1,500,000. What is left comes back at the end; if cash runs out between tranches, the provider covers it."
              value={s.finance.tranches}
              format={tranchesText}
              parse={tranches}
              disabled={readOnly}
              commit={(v) => edit(i, (x) => void (x.finance.tranches = v))}
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
            <div className="flex flex-wrap gap-2 sm:col-span-2">
              <button type="button" disabled={readOnly} onClick={() => onAdd({ ...structuredClone(s), name: copyName(s.name, scenarios.map((x) => x.name)) })} className={buttonClass}>
                Copy “{s.name}” to vary it
              </button>
              <button type="button" disabled={readOnly || scenarios.length === 1} onClick={() => onRemove(i)} className={buttonClass}>
                Remove “{s.name}”
              </button>
            </div>
          </div>
        </details>
      ))}
    </div>
  );
});
