// One audit chain on screen: whether it verifies, its head (in full and as printed),
// and its newest entries. Sealed values show as "sealed (hash …)".
import { formatInstant } from "~/domain/procurement/stages";

export type AuditChainView = {
  chain: string;
  title: string;
  verified: boolean;
  problem: string | null;
  head: string;
  printed: string;
  total: number;
  entries: { id: string; seq: number; at: string; actorName: string; label: string; subject: string; before: string | null; after: string | null; hash: string }[];
};

function shown(value: string | null): string {
  if (value === null) return "";
  const sealed = /^\{"sha256":"([0-9a-f]{64})"\}$/.exec(value);
  if (sealed) return `sealed (hash ${sealed[1]!.slice(0, 12)}…)`;
  return value.length > 160 ? `${value.slice(0, 160)}…` : value;
}

export function AuditChain({ view }: { view: AuditChainView }) {
  const id = `chain-${view.chain.replace(/[^a-z0-9]/gi, "-")}`;
  return (
    <section aria-labelledby={id} className="mt-4">
      <h4 id={id} className="font-semibold">{view.title}</h4>
      <p role="status" className={view.verified ? "text-green-800" : "font-semibold text-red-800"}>
        {view.verified ? `The chain verifies: ${view.total} entries, none edited, deleted or reordered.` : `The chain does not verify. ${view.problem ?? ""}`}
      </p>
      <p className="text-sm">
        Head: <span className="font-mono">{view.printed}</span> <span className="sr-only">(in full:</span>
        <span className="block break-all font-mono text-xs text-slate-700">{view.head}</span>
        <span className="sr-only">)</span>
      </p>
      {view.entries.length ? (
        <div className="mt-2 overflow-x-auto" role="region" aria-label={`Entries of ${view.title}`} tabIndex={0}>
          <table className="w-full min-w-[40rem] text-left text-sm">
            <caption className="text-left text-slate-700">{view.total > view.entries.length ? `The newest ${view.entries.length} of ${view.total} entries; download for all of them.` : `All ${view.total} entries, newest first.`}</caption>
            <thead>
              <tr><th scope="col">#</th><th scope="col">When</th><th scope="col">Who</th><th scope="col">What</th><th scope="col">Before → after</th><th scope="col">Hash</th></tr>
            </thead>
            <tbody>
              {view.entries.map((e) => (
                <tr key={e.id} className="border-t border-slate-200 align-top">
                  <td>{e.seq}</td>
                  <td className="whitespace-nowrap">{formatInstant(e.at)}</td>
                  <td>{e.actorName}</td>
                  <td>{e.label}<span className="block text-xs text-slate-700">{e.subject}</span></td>
                  <td className="break-all font-mono text-xs">{[shown(e.before), shown(e.after)].filter(Boolean).join(" → ")}</td>
                  <td className="font-mono text-xs">{e.hash.slice(0, 12)}…</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>No entries yet.</p>
      )}
    </section>
  );
}
