// Each theme and what became of it, in words a young person reads (COPY).
import { COPY } from "~/domain/workshop/copy";
import type { ThemeOutcome } from "~/utils/you-said.server";

function fateWords(t: ThemeOutcome): string {
  const f = t.fate.fate;
  if (f.kind === "adopted") return f.as === "outcome" ? COPY.adoptedOutcome(f.number) : f.as === "indicator" ? COPY.adoptedIndicator(f.outcomeNumber) : COPY.adoptedQuality;
  if (f.kind === "removed") return COPY.takenOut;
  if (f.kind === "not-adopted") return COPY.notAdopted;
  return COPY.thinking;
}

export function YouSaidList({ themes, headingLevel = 2 }: { themes: ThemeOutcome[]; headingLevel?: 2 | 3 }) {
  const H = headingLevel === 2 ? "h2" : "h3";
  if (!themes.length) return <p className="mt-4">{COPY.saidNothing}</p>;
  return (
    <ul className="mt-4 space-y-3">
      {themes.map((t) => (
        <li key={t.id} className="rounded-lg border-2 border-slate-300 bg-white p-4">
          <H className="text-xl font-bold">{t.title}</H>
          {t.cardCount ? <p className="text-base text-slate-700">{COPY.ideas(t.cardCount)}</p> : null}
          <p className={`mt-2 font-semibold ${t.fate.fate.kind === "adopted" ? "text-green-900" : ""}`}>{fateWords(t)}</p>
          {t.fate.changedTo ? <p className="mt-1">{COPY.changedTo}: “{t.fate.changedTo}”</p> : null}
          {t.fate.reason ? <p className="mt-1">{t.fate.fate.kind === "adopted" ? COPY.changedBecause : COPY.because} {t.fate.reason}</p> : null}
          {t.fate.inContract ? <p className="mt-1">{COPY.inContract}</p> : t.fate.inTender ? <p className="mt-1">{COPY.inTender}</p> : null}
        </li>
      ))}
    </ul>
  );
}
