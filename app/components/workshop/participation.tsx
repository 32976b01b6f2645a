// A workshop's rung on the ladder of participation, tokenistic ones said plainly.
import { PARTICIPATION, type ParticipationLevel } from "~/domain/workshop/workshop";

export function ParticipationBadge({ level, reason }: { level: ParticipationLevel | null; reason: string }) {
  if (!level) return <p className="mt-1 text-sm text-slate-700">Level of participation: not recorded yet.</p>;
  const p = PARTICIPATION[level];
  return (
    <p className="mt-1 text-sm">
      <span className={`mr-1 rounded px-2 py-0.5 font-semibold ${p.tokenistic ? "bg-amber-100 text-amber-950" : "bg-green-100 text-green-950"}`}>{p.label}{p.tokenistic ? " (tokenistic)" : ""}</span>
      {p.description} {reason ? <span className="text-slate-700">Why: {reason}</span> : null}
    </p>
  );
}
