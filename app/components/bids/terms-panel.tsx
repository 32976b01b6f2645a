// The terms between the prime and each delivery partner, in the bid's shared document:
// a fee per family delivered, the partner's share of the families, and its share of the
// outcome income. Each field shows a partner's change at once unless it is being edited
// (DraftField); percentages are typed as percentages and kept in basis points.
import { DraftField, money, percent, percentText } from "~/components/draft-field";
import { poundsText } from "~/domain/payment/money";
import { NO_TERMS, type PartnerTerms } from "~/domain/procurement/supply-chain";

type Partner = { organisationId: string; name: string };

export function TermsPanel({ partners, terms, readOnly, onChange }: { partners: Partner[]; terms: Record<string, PartnerTerms>; readOnly: boolean; onChange: (organisationId: string, next: PartnerTerms) => void }) {
  if (!partners.length) return <p className="mt-2 text-slate-700">Add delivery partners to the consortium to set what the prime pays them.</p>;
  return (
    <ul className="mt-2 space-y-3">
      {partners.map((p) => {
        const t = terms[p.organisationId] ?? NO_TERMS;
        const set = (patch: Partial<PartnerTerms>) => {
          onChange(p.organisationId, { ...t, ...patch });
          return null;
        };
        return (
          <li key={p.organisationId}>
            <fieldset className="rounded border border-slate-300 p-3">
              <legend className="font-medium">{p.name}</legend>
              <div className="grid gap-3 sm:grid-cols-3">
                <DraftField label="Fee per family (£)" value={t.feePerFamilyPence} format={poundsText} parse={money} disabled={readOnly} commit={(v) => set({ feePerFamilyPence: v })} />
                <DraftField label="Share of the families (%)" value={t.caseShareBps} format={percentText} parse={percent} disabled={readOnly} commit={(v) => set({ caseShareBps: v })} />
                <DraftField label="Share of outcome income (%)" value={t.outcomeShareBps} format={percentText} parse={percent} disabled={readOnly} commit={(v) => set({ outcomeShareBps: v })} />
              </div>
            </fieldset>
          </li>
        );
      })}
    </ul>
  );
}
