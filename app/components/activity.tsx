// Activity lines ("Grace Adeyemi added outcome 'Stays out of care'"), as a list with
// times, and a live "recent changes" panel for the editors that refetches the feed
// shortly after the document changes. The panel reads the JSON API with a plain fetch:
// offline or on a failing network it keeps what it shows and tries again later, and
// never touches the page (a Remix fetcher would throw to the error boundary, or reload
// the page to fetch a route module it has not loaded).
import { Link } from "@remix-run/react";
import { useEffect, useState } from "react";
import type * as Y from "yjs";
import type { ActivityLine } from "~/models/activity.server";

const SECTION_NAMES: Record<string, string> = { outcomes: "Outcomes", referral: "Referral", payment: "Payment" };

function when(iso: string): string {
  return new Date(iso).toLocaleString("en-GB", { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", timeZone: "Europe/London" });
}

export function ActivityList({ lines, showSection, empty }: { lines: ActivityLine[]; showSection: boolean; empty: string }) {
  if (lines.length === 0) return <p className="mt-3">{empty}</p>;
  return (
    <ol aria-label="Changes, newest first" className="mt-3 divide-y divide-slate-200 rounded border border-slate-300 bg-white">
      {lines.map((line) => (
        <li key={line.id} className="px-3 py-2">
          <span className="font-medium">{line.actorName}</span> {line.summary}
          <span className="block text-sm text-slate-700">
            <time dateTime={line.at}>{when(line.at)}</time>
            {showSection ? ` · ${SECTION_NAMES[line.section] ?? line.section}` : null}
          </span>
        </li>
      ))}
    </ol>
  );
}

/**
 * The last few changes to this section. Refetched when the shared document changes
 * (after the recorder's quiet period), every minute, and on coming back online.
 */
export function RecentActivity({ workspaceId, section, initial, doc }: { workspaceId: string; section: "outcomes" | "referral" | "payment"; initial: ActivityLine[]; doc: Y.Doc | null }) {
  const [lines, setLines] = useState(initial);
  useEffect(() => {
    const url = `/api/v1/workspaces/${encodeURIComponent(workspaceId)}/activity?section=${section}&limit=5`;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const load = async () => {
      if (!navigator.onLine) return; // the online event loads it
      try {
        const res = await fetch(url, { credentials: "same-origin" });
        if (!res.ok) return;
        const body = (await res.json()) as { activity: ActivityLine[] };
        if (!stopped) setLines(body.activity);
      } catch {
        // Offline or a failing network: keep what is shown; the next change or minute tries again.
      }
    };
    const soon = () => {
      clearTimeout(timer);
      timer = setTimeout(() => void load(), 3000);
    };
    doc?.on("update", soon);
    const every = setInterval(() => void load(), 60_000);
    window.addEventListener("online", soon);
    return () => {
      stopped = true;
      doc?.off("update", soon);
      window.removeEventListener("online", soon);
      clearTimeout(timer);
      clearInterval(every);
    };
  }, [workspaceId, section, doc]);
  return (
    <section aria-labelledby={`${section}-activity-heading`} className="mt-6 print:hidden">
      <h3 id={`${section}-activity-heading`} className="text-lg font-semibold">Recent changes</h3>
      <ActivityList lines={lines} showSection={false} empty="No changes recorded yet." />
      <p className="mt-2">
        <Link to={`/workspaces/${workspaceId}/activity?section=${section}`} className="inline-flex min-h-11 items-center text-brand-800 underline">All activity</Link>
      </p>
    </section>
  );
}
