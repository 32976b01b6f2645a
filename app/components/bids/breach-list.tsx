// What keeps a bid outside the tender's rules, announced as it changes.
export function BreachList({ breaches, checking }: { breaches: string[]; checking: boolean }) {
  return (
    <div aria-live="polite" className="mt-2">
      {breaches.length ? (
        <div className="rounded border border-red-700 bg-red-50 p-3 text-red-800">
          <p className="font-medium">Outside the bid rules ({breaches.length}):</p>
          <ul className="list-disc pl-5">{breaches.map((b) => <li key={b}>{b}</li>)}</ul>
        </div>
      ) : (
        <p className="rounded border border-green-700 bg-green-50 p-3 text-green-900">{checking ? "Inside the bid rules so far; the share at risk is checked once the forecast has run." : "Inside the bid rules."}</p>
      )}
    </div>
  );
}
