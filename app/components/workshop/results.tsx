// The current round's results, on the console and the projector: dots, ranking
// points, the 1-5 scale and reactions, biggest first, with bars.
import { COPY } from "~/domain/workshop/copy";
import { ACTIVITY_LABELS } from "~/domain/workshop/workshop";
import type { WallRoom } from "~/utils/workshop.server";

export function ResultsList({ room, large = false }: { room: WallRoom; large?: boolean }) {
  const kind = room.activity.activity.kind;
  if (kind === "waiting" || kind === "cards") return null;
  if (kind === "sort") {
    const themeTitle = new Map(room.themes.map((t) => [t.id, t.title]));
    return (
      <section aria-label={`Results: ${ACTIVITY_LABELS[kind]}`} className="mt-4">
        <p className={large ? "text-3xl" : "text-sm text-slate-700"}>{COPY.wallSorted(room.results.voters)}</p>
        <ul className={`mt-2 space-y-1 ${large ? "text-3xl" : ""}`} data-testid="results">
          {room.cards.map((c) => {
            const counts = Object.entries(room.results.byTarget[c.id]?.sort ?? {}).sort((a, b) => b[1] - a[1]);
            return (
              <li key={c.id}>
                {c.text}: <span className="font-bold">{counts.length ? counts.map(([t, n]) => `${themeTitle.get(t) ?? "?"} ${n}`).join(", ") : COPY.wallNotSorted}</span>
              </li>
            );
          })}
        </ul>
      </section>
    );
  }
  const rows =
    kind === "react"
      ? room.cards.map((c) => ({ id: c.id, title: c.text, value: Object.values(room.results.byTarget[c.id]?.reactions ?? {}).reduce((a, b) => a + b, 0), label: Object.entries(room.results.byTarget[c.id]?.reactions ?? {}).map(([e, n]) => `${e} ${n}`).join("  ") }))
      : room.themes.map((t) => {
          const r = room.results.byTarget[t.id];
          const value = kind === "dots" ? r?.dots ?? 0 : kind === "rank" ? r?.borda ?? 0 : r?.scale?.meanHundredths ?? 0;
          const label = kind === "dots" ? COPY.wallDots(value) : kind === "rank" ? COPY.wallPoints(value) : r?.scale ? COPY.wallScale((r.scale.meanHundredths / 100).toFixed(1), r.scale.count) : COPY.wallNoScores;
          return { id: t.id, title: t.title, value, label };
        });
  const max = Math.max(1, ...rows.map((r) => r.value));
  const sorted = [...rows].sort((a, b) => b.value - a.value || (a.title < b.title ? -1 : 1));
  return (
    <section aria-label={`Results: ${ACTIVITY_LABELS[kind]}`} className="mt-4">
      <p className={large ? "text-3xl" : "text-sm text-slate-700"}>{COPY.wallVoted(room.results.voters)}</p>
      <ol className="mt-2 space-y-2" data-testid="results">
        {sorted.map((r) => (
          <li key={r.id} data-result={r.title}>
            <div className={`flex justify-between gap-4 ${large ? "text-4xl" : ""}`}><span>{r.title}</span><span className="font-bold">{r.label}</span></div>
            <div aria-hidden="true" className={`mt-1 rounded bg-brand-700 ${large ? "h-6" : "h-2"}`} style={{ width: `${Math.round((r.value / max) * 100)}%` }} />
          </li>
        ))}
      </ol>
    </section>
  );
}
