// The framework's outcome domains (clusters, e.g. Lambeth's well-being model) and its
// service qualities (how the service must be delivered), edited live on the outcomes
// page like everything else in the shared document. Each service quality says where it
// came from ("proposed by young people, workshop of 12 March 2026").
import { useState } from "react";
import type * as Y from "yjs";
import { inputClass } from "~/components/draft-field";
import { SharedInput } from "~/components/shared-text";
import { addDomain, addServiceQuality, removeDomain, removeServiceQuality, updateDomain, updateOutcome, updateServiceQuality, WELL_BEING_DOMAINS, type OutcomeFramework } from "~/domain/outcome-framework";

type Props = { framework: OutcomeFramework; doc: Y.Doc | null; discrete: (change: () => void) => void };

export function DomainsAndQualities({ framework, doc, discrete }: Props) {
  const [domain, setDomain] = useState("");
  const [quality, setQuality] = useState("");
  return (
    <>
      <section aria-labelledby="qualities-heading" className="mt-6">
        <h3 id="qualities-heading" className="text-lg font-semibold">Service qualities</h3>
        <p className="text-sm text-slate-700">How the service must be delivered, evaluated alongside the outcomes.</p>
        {framework.serviceQualities.length === 0 ? <p className="mt-2">No service qualities yet.</p> : null}
        <ol aria-label="Service qualities" className="mt-2 space-y-2">
          {framework.serviceQualities.map((q, i) => (
            <li key={q.id} className="rounded border border-slate-300 bg-white p-3">
              {doc ? (
                <label className="block font-medium">
                  Service quality {i + 1}
                  <SharedInput value={q.title} onValueChange={(v) => updateServiceQuality(doc, q.id, { title: v })} className={inputClass} />
                </label>
              ) : (
                <p className="font-semibold">{q.title}</p>
              )}
              {q.source ? <p className="mt-1 text-sm text-slate-700">Source: {q.source}</p> : null}
              {doc ? (
                <button type="button" onClick={() => discrete(() => removeServiceQuality(doc, q.id))} className="mt-2 min-h-11 rounded border border-red-700 px-3 text-red-800">
                  Remove<span className="sr-only"> service quality {i + 1}</span>
                </button>
              ) : null}
            </li>
          ))}
        </ol>
        {doc ? (
          <form aria-label="Add a service quality" className="mt-2 flex flex-wrap items-end gap-2" onSubmit={(e) => { e.preventDefault(); if (!quality.trim()) return; discrete(() => addServiceQuality(doc, { title: quality.trim() })); setQuality(""); }}>
            <label className="min-w-0 flex-1 basis-64 font-medium">New service quality<input value={quality} onChange={(e) => setQuality(e.target.value)} maxLength={300} className={inputClass} /></label>
            <button type="submit" className="inline-flex min-h-11 items-center rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">Add service quality</button>
          </form>
        ) : null}
      </section>

      <section aria-labelledby="domains-heading" className="mt-6">
        <h3 id="domains-heading" className="text-lg font-semibold">Outcome domains</h3>
        <p className="text-sm text-slate-700">Clusters of outcomes, such as the well-being model Lambeth used: {WELL_BEING_DOMAINS.join(", ")}.</p>
        {framework.domains.length ? (
          <ul className="mt-2 space-y-2">
            {framework.domains.map((d, i) => (
              <li key={d.id} className="rounded border border-slate-300 bg-white p-3">
                {doc ? (
                  <label className="block font-medium">Domain {i + 1}<SharedInput value={d.title} onValueChange={(v) => updateDomain(doc, d.id, { title: v })} className={inputClass} /></label>
                ) : (
                  <p className="font-semibold">{d.title}</p>
                )}
                <p className="mt-1 text-sm text-slate-700">Outcomes: {framework.outcomes.filter((o) => o.domainId === d.id).map((o) => o.title).join("; ") || "none yet"}</p>
                {doc ? <button type="button" onClick={() => discrete(() => removeDomain(doc, d.id))} className="mt-2 min-h-11 rounded border border-red-700 px-3 text-red-800">Remove<span className="sr-only"> domain {i + 1}</span></button> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-2">No domains yet.</p>
        )}
        {doc ? (
          <>
            <form aria-label="Add an outcome domain" className="mt-2 flex flex-wrap items-end gap-2" onSubmit={(e) => { e.preventDefault(); if (!domain.trim()) return; discrete(() => addDomain(doc, { title: domain.trim() })); setDomain(""); }}>
              <label className="min-w-0 flex-1 basis-64 font-medium">New domain<input value={domain} onChange={(e) => setDomain(e.target.value)} maxLength={200} className={inputClass} /></label>
              <button type="submit" className="inline-flex min-h-11 items-center rounded border border-slate-600 bg-white px-4 py-2 font-medium">Add domain</button>
              {framework.domains.length === 0 ? <button type="button" onClick={() => discrete(() => WELL_BEING_DOMAINS.forEach((title) => addDomain(doc, { title })))} className="inline-flex min-h-11 items-center rounded border border-slate-600 bg-white px-4 py-2 font-medium">Use the well-being model</button> : null}
            </form>
            {framework.domains.length && framework.outcomes.length ? (
              <fieldset className="mt-3">
                <legend className="font-medium">Which domain each outcome is in</legend>
                {framework.outcomes.map((o, i) => (
                  <label key={o.id} className="mt-1 flex flex-wrap items-center gap-2">
                    <span className="min-w-0 flex-1">{i + 1}. {o.title}</span>
                    <select value={o.domainId} onChange={(e) => discrete(() => updateOutcome(doc, o.id, { domainId: e.target.value }))} className="rounded border border-slate-500 px-2 py-2">
                      <option value="">No domain</option>
                      {framework.domains.map((d) => <option key={d.id} value={d.id}>{d.title}</option>)}
                    </select>
                  </label>
                ))}
              </fieldset>
            ) : null}
          </>
        ) : null}
      </section>
    </>
  );
}
