import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { keepDataWhenOffline, useKeepLoaderData } from "~/utils/offline-data";
import { useLoaderData } from "@remix-run/react";
import { useState, type FormEvent } from "react";
import { EditorsBadge, peersAt, PresenceList, SyncStatusBadge } from "~/components/sync-status";
import { addNote, deleteNote, editNote, MAX_NOTE_LENGTH, moveNote, NOTE_COLOURS, readNotes, type NoteColour } from "~/domain/board";
import { can } from "~/domain/permissions";
import { presenceColour } from "~/domain/presence";
import { requireWorkspaceMember } from "~/utils/permissions.server";
import { useYDoc } from "~/sync/use-ydoc";

const NOTE_STYLES: Record<NoteColour, string> = {
  yellow: "bg-yellow-100 border-yellow-600",
  pink: "bg-pink-100 border-pink-600",
  blue: "bg-sky-100 border-sky-600",
  green: "bg-green-100 border-green-700",
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { workspace, membership, user } = await requireWorkspaceMember(request, params.workspaceId, "read:workspace");
  return { workspaceId: workspace.id, canWrite: can(membership.role, "write:board"), colour: presenceColour(user.id) };
}

// A failed reload on a dropped network keeps the page as it is (utils/offline-data.ts).
export const clientLoader = keepDataWhenOffline;

export default function Board() {
  const data = useLoaderData<typeof loader>();
  useKeepLoaderData(data);
  const { workspaceId, canWrite, colour } = data;
  const { doc, status, synced, ready, saving, peers, setCursor } = useYDoc(workspaceId, "board", colour);
  const [draft, setDraft] = useState("");
  const [draftColour, setDraftColour] = useState<NoteColour>("yellow");
  const notes = doc ? readNotes(doc) : [];

  function onAdd(event: FormEvent) {
    event.preventDefault();
    if (!doc || !draft.trim()) return;
    addNote(doc, draft.trim(), draftColour);
    setDraft("");
  }

  return (
      <section aria-labelledby="board-heading">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="board-heading" className="text-xl font-semibold">Board</h2>
          <SyncStatusBadge status={status} synced={synced} saving={saving} />
        </div>
        <p className="mt-1 text-slate-700">
          Sticky notes everyone in the workspace sees live. Notes carry no names, and nobody sees which note a service user is writing.
          {canWrite ? "" : " Your role can read the board but not change it."}
        </p>
        <noscript>
          <p className="mt-2 font-medium">The live board needs JavaScript.</p>
        </noscript>
        <div className="mt-3">
          <PresenceList peers={peers} />
        </div>
        {canWrite ? (
          <form onSubmit={onAdd} className="mt-4 flex flex-wrap items-end gap-2">
            <div className="min-w-0 flex-1 basis-64">
              <label htmlFor="new-note" className="block font-medium">New note</label>
              <textarea
                id="new-note"
                rows={2}
                maxLength={MAX_NOTE_LENGTH}
                value={draft}
                onChange={(e) => setDraft(e.target.value)}
                className="mt-1 block w-full rounded border border-slate-500 bg-white px-3 py-2"
              />
            </div>
            <div>
              <label htmlFor="new-note-colour" className="block font-medium">Colour</label>
              <select id="new-note-colour" value={draftColour} onChange={(e) => setDraftColour(e.target.value as NoteColour)} className="mt-1 rounded border border-slate-500 bg-white px-2 py-2">
                {NOTE_COLOURS.map((c) => <option key={c} value={c}>{c[0]!.toUpperCase() + c.slice(1)}</option>)}
              </select>
            </div>
            <button type="submit" disabled={!doc} className="inline-flex min-h-11 items-center rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">
              Add note
            </button>
          </form>
        ) : null}
        {doc && ready && notes.length === 0 ? <p className="mt-6">No notes yet.</p> : null}
        <ol aria-label="Notes" className="mt-6 grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {notes.map((note, i) => {
            const editors = peersAt(peers, "noteId", note.id);
            return (
            <li key={note.id} className={`rounded border-2 p-3 ${NOTE_STYLES[note.colour]}`} style={editors[0] ? { outline: `3px solid ${editors[0].color}`, outlineOffset: "2px" } : undefined}>
              <EditorsBadge editors={editors} />
              {canWrite ? (
                <>
                  <label htmlFor={`note-${note.id}`} className="sr-only">Note {i + 1}</label>
                  <textarea
                    id={`note-${note.id}`}
                    rows={3}
                    maxLength={MAX_NOTE_LENGTH}
                    value={note.text}
                    onChange={(e) => doc && editNote(doc, note.id, e.target.value)}
                    onFocus={() => setCursor({ noteId: note.id })}
                    onBlur={() => setCursor(null)}
                    className="block w-full resize-y rounded border border-slate-400 bg-white/70 px-2 py-1"
                  />
                  <div className="mt-2 flex flex-wrap gap-2 text-sm">
                    <button type="button" disabled={i === 0} onClick={() => doc && moveNote(doc, note.id, -1)} aria-label={`Move note ${i + 1} earlier`} className="min-h-11 rounded border border-slate-600 bg-white px-3 disabled:opacity-50">
                      Earlier
                    </button>
                    <button type="button" disabled={i === notes.length - 1} onClick={() => doc && moveNote(doc, note.id, 1)} aria-label={`Move note ${i + 1} later`} className="min-h-11 rounded border border-slate-600 bg-white px-3 disabled:opacity-50">
                      Later
                    </button>
                    <button type="button" onClick={() => doc && deleteNote(doc, note.id)} aria-label={`Delete note ${i + 1}`} className="min-h-11 rounded border border-red-700 bg-white px-3 text-red-800">
                      Delete
                    </button>
                  </div>
                </>
              ) : (
                <p className="whitespace-pre-wrap">{note.text}</p>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

export const meta: MetaFunction = () => [{ title: "Board · Outcome Commons" }];
