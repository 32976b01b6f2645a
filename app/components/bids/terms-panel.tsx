// The terms between the prime and each delivery partner, in the bid's shared document:
// a fee per family delivered, the partner's share of the families, and its share of the
// outcome income. Percentages are typed as percentages and kept in basis points.
import { parsePounds, poundsText } from "~/domain/payment/money";
import { NO_TERMS, type PartnerTerms } from "~/domain/procurement/supply-chain";

type Partner = { organisationId: string; name: string };

function NumberInput({ id, label, value, suffix, readOnly, onValue }: { id: string; label: string; value: string; suffix: string; readOnly: boolean; onValue: (v: string) => void }) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">{label}</label>
      <div className="flex items-center gap-1">
        <input id={id} inputMode="decimal" className="w-28 rounded border border-slate-500 bg-white px-2 py-2" defaultValue={value} readOnly={readOnly} onChange={(e) => onValue(e.currentTarget.value)} />
        <span>{suffix}</span>
      </div>
    </div>
  );
}

const percentText = (bps: number) => String(bps / 100);
const toBps = (v: string) => {
  const n = Number(v);
  return Number.isFinite(n) && n >= 0 && n <= 100 ? Math.round(n * 100) : null;
};

export function TermsPanel({ partners, terms, readOnly, onChange }: { partners: Partner[]; terms: Record<string, PartnerTerms>; readOnly: boolean; onChange: (organisationId: string, next: PartnerTerms) => void }) {
  if (!partners.length) return <p className="mt-2 text-slate-700">Add delivery partners to the consortium to set what the prime pays them.</p>;
  return (
    <ul className="mt-2 space-y-3">
      {partners.map((p) => {
        const t = terms[p.organisationId] ?? NO_TERMS;
        const set = (patch: Partial<PartnerTerms>) => onChange(p.organisationId, { ...t, ...patch });
        return (
          <li key={p.organisationId}>
            <fieldset className="rounded border border-slate-300 p-3">
              <legend className="font-medium">{p.name}</legend>
              <div className="flex flex-wrap gap-4">
                <NumberInput id={`fee-${p.organisationId}`} label="Fee per family (£)" suffix="" value={poundsText(t.feePerFamilyPence)} readOnly={readOnly} onValue={(v) => { const x = parsePounds(v); if (x !== null) set({ feePerFamilyPence: x }); }} />
                <NumberInput id={`cases-${p.organisationId}`} label="Share of the families" suffix="%" value={percentText(t.caseShareBps)} readOnly={readOnly} onValue={(v) => { const x = toBps(v); if (x !== null) set({ caseShareBps: x }); }} />
                <NumberInput id={`outcomes-${p.organisationId}`} label="Share of outcome income" suffix="%" value={percentText(t.outcomeShareBps)} readOnly={readOnly} onValue={(v) => { const x = toBps(v); if (x !== null) set({ outcomeShareBps: x }); }} />
              </div>
            </fieldset>
          </li>
        );
      })}
    </ul>
  );
}
