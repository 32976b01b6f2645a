import { isRole, ROLE_LABELS } from "~/domain/roles";
import type { Presence, SyncStatus } from "~/sync/use-ydoc";

const LABELS: Record<SyncStatus, { text: string; className: string }> = {
  connecting: { text: "Connecting…", className: "border-slate-500 bg-white text-slate-800" },
  live: { text: "Live: changes are shared as you type", className: "border-green-700 bg-green-50 text-green-900" },
  offline: { text: "Offline: your changes are kept on this device and shared when you reconnect", className: "border-amber-700 bg-amber-50 text-amber-900" },
  denied: { text: "You no longer have access to this workspace", className: "border-red-700 bg-red-50 text-red-800" },
};
const SAVING_OFFLINE = { text: "Offline: keeping your change on this device…", className: LABELS.offline.className };

/**
 * The connection state, announced politely when it changes. Offline, it says the
 * changes are kept only once this device has written them (`saving` false).
 */
export function SyncStatusBadge({ status, synced, saving = false }: { status: SyncStatus; synced: boolean; saving?: boolean }) {
  const label = status === "live" && !synced ? LABELS.connecting : status === "offline" && saving ? SAVING_OFFLINE : LABELS[status];
  return (
    <p role="status" className={`inline-block rounded border px-2 py-1 text-sm ${label.className}`}>
      {label.text}
    </p>
  );
}

/** Who else is here now. */
export function PresenceList({ peers }: { peers: Presence[] }) {
  if (peers.length === 0) return <p className="text-sm text-slate-700">Nobody else is here right now.</p>;
  return (
    <div>
      <h3 className="sr-only">Here now</h3>
      <ul aria-label="Here now" className="flex flex-wrap gap-2">
        {peers.map((p) => (
          <li key={p.clientId} className="flex items-center gap-1 rounded-full border border-slate-300 bg-white py-0.5 pl-0.5 pr-2 text-sm">
            <span aria-hidden="true" className="inline-flex h-6 w-6 items-center justify-center rounded-full text-xs font-bold text-white" style={{ backgroundColor: p.color }}>
              {p.name.slice(0, 1).toUpperCase()}
            </span>
            {p.name}
            {p.role ? <span className="text-slate-700"> · {isRole(p.role) ? ROLE_LABELS[p.role] : p.role}</span> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The peers whose cursor says they are at `value` (e.g. `peersAt(peers, "noteId", note.id)`). */
export function peersAt(peers: Presence[], key: string, value: string): Presence[] {
  return peers.filter((p) => (p.cursor as Record<string, unknown> | null)?.[key] === value);
}

/** "Grace Adeyemi is editing", for each person working on an item. */
export function EditorsBadge({ editors }: { editors: Presence[] }) {
  if (editors.length === 0) return null;
  return (
    <p className="mb-1 flex flex-wrap gap-x-2 text-sm font-medium text-slate-900">
      {editors.map((p) => (
        <span key={p.clientId} className="inline-flex items-center gap-1">
          <span aria-hidden="true" className="inline-block h-2.5 w-2.5 rounded-full" style={{ backgroundColor: p.color }} />
          {p.name} is editing
        </span>
      ))}
    </p>
  );
}
