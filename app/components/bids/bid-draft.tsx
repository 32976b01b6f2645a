// The consortium's view of its bid: the shared draft (live, with presence), the
// payment proposal checked against the bid rules as it is typed and priced under the
// tender's scenarios, the risk across the supply chain, the quality answers, the terms
// with partners, and submission.
import { useMemo } from "react";
import { SharedInput } from "~/components/shared-text";
import { PaymentEditor } from "~/components/payment-editor";
import { ForecastTable } from "~/components/payment-tables";
import { PresenceList, SyncStatusBadge } from "~/components/sync-status";
import { applyModelChange } from "~/domain/payment/design";
import type { Scenario } from "~/domain/payment/forecast";
import { totalCapPence } from "~/domain/payment/forecast";
import type { PaymentModel } from "~/domain/payment/model";
import { readBid, setAnswer, setBidName, setTerms, type BidContent } from "~/domain/procurement/bid-document";
import { bidBreaches } from "~/domain/procurement/bid-rules";
import { smallProviderBreaches, supplyChainRisk, type ConsortiumParty } from "~/domain/procurement/supply-chain";
import type { BidRules, QualityQuestion } from "~/domain/procurement/tender";
import { useForecast } from "~/payment/use-forecast";
import { useYDoc } from "~/sync/use-ydoc";
import { useStable } from "~/utils/use-stable";
import { AnswersPanel } from "./answers-panel";
import { BreachList } from "./breach-list";
import { SupplyChainTable } from "./supply-chain-table";
import { TermsPanel } from "./terms-panel";

export type DraftProps = {
  workspaceId: string;
  bidId: string;
  colour: string;
  canWrite: boolean;
  stored: BidContent;
  partners: ConsortiumParty[];
  tender: { model: PaymentModel; scenarios: Scenario[]; versionName: string } | null;
  rules: BidRules;
  questions: QualityQuestion[];
  runs: number;
  seed: number;
};

export function BidDraft(p: DraftProps) {
  const { doc, status, synced, ready, saving, peers } = useYDoc(p.workspaceId, `bid/${p.bidId}`, p.colour);
  const live = doc !== null && ready;
  const content = live ? readBid(doc) : p.stored;
  const writable = p.canWrite && live;
  const model = useStable(content.proposal);
  const input = useMemo(() => (model && p.tender?.scenarios.length ? { model, scenarios: p.tender.scenarios, runs: p.runs, seed: p.seed } : null), [model, p.tender, p.runs, p.seed]);
  const forecast = useForecast(live ? input : null);
  const terms = useStable(content.terms);
  const risk = useMemo(() => (forecast.result && model ? supplyChainRisk(forecast.result.scenarios, p.partners, terms, totalCapPence(model)) : null), [forecast.result, model, p.partners, terms]);
  const breaches = useMemo(
    () =>
      p.tender
        ? bidBreaches({
            base: p.tender.model,
            rules: p.rules,
            proposal: model,
            proposalProblems: content.proposalProblems,
            forecast: forecast.result?.scenarios ?? null,
            smallProviderBreaches: risk ? smallProviderBreaches(risk, p.partners, p.rules.maxSmallProviderAtRiskBps) : [],
            questions: p.questions,
            answers: content.answers,
            name: content.name,
            complete: false,
          }).map((b) => b.message)
        : [],
    [p.tender, p.rules, p.questions, p.partners, model, forecast.result, risk, content.answers, content.proposalProblems, content.name],
  );
  const delivery = p.partners.filter((x) => x.role === "delivery");
  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div className="min-w-0 flex-1">
          <label htmlFor="bid-name" className="block font-medium">Bid name</label>
          <SharedInput id="bid-name" value={content.name} readOnly={!writable} onValueChange={(v) => doc && setBidName(doc, v)} className="mt-1 block w-full max-w-xl rounded border border-slate-500 bg-white px-3 py-2" />
        </div>
        <SyncStatusBadge status={status} synced={synced} saving={saving} />
      </div>
      <noscript>
        <p className="font-medium">Drafting the bid together needs JavaScript; below is the draft as last saved. The consortium, attachments, versions and submission work without it.</p>
      </noscript>
      <PresenceList peers={peers} />
      {!p.canWrite ? <p className="text-slate-700">The draft cannot be changed now.</p> : null}

      <section aria-labelledby="proposal-heading">
        <h3 id="proposal-heading" className="text-lg font-semibold">Payment proposal</h3>
        <p className="text-slate-700">Made from the commissioner's published model{p.tender ? ` (“${p.tender.versionName}”)` : ""}; the tender's bid rules say what may change.</p>
        <BreachList breaches={breaches} checking={p.rules.minAtRiskBps !== null && !forecast.result} />
        {model ? <PaymentEditor model={model} readOnly={!writable} defaultStart={p.tender?.scenarios[0]?.start ?? "2027-04-01"} onChange={(next) => doc && applyModelChange(doc, model, next)} /> : null}
        <p className="mt-2 text-slate-700" aria-live="polite">{forecast.running ? "Pricing under the tender's scenarios…" : forecast.result ? `Priced under the tender's scenarios: ${p.runs} runs each (seed ${p.seed}).` : ""}</p>
        {forecast.result ? <ForecastTable forecast={forecast.result} /> : null}
      </section>

      <section aria-labelledby="risk-heading">
        <h3 id="risk-heading" className="text-lg font-semibold">Risk across the supply chain</h3>
        <TermsPanel partners={delivery} terms={terms} readOnly={!writable} onChange={(org, next) => doc && setTerms(doc, org, next)} />
        {risk ? <SupplyChainTable risk={risk} /> : <p className="mt-2 text-slate-700">Shown once the proposal has been priced.</p>}
      </section>

      <section aria-labelledby="answers-heading">
        <h3 id="answers-heading" className="text-lg font-semibold">Quality answers</h3>
        <AnswersPanel questions={p.questions} answers={content.answers} readOnly={!writable} onChange={(id, text) => doc && setAnswer(doc, id, text)} />
      </section>
    </>
  );
}
