// The shared board: sticky notes in an order, on the `board` document. Notes carry
// no author, so a young person's card identifies nobody.
import * as Y from "yjs";
import { moveInOrder, removeFromOrder } from "./ydoc-fields";

export const NOTE_COLOURS = ["yellow", "pink", "blue", "green"] as const;
export type NoteColour = (typeof NOTE_COLOURS)[number];
export type Note = { id: string; text: string; colour: NoteColour };
export const MAX_NOTE_LENGTH = 500;

const order = (doc: Y.Doc) => doc.getArray<string>("noteOrder");
const notes = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>("notes");

/** The notes in board order (ids in the order without a note are skipped). */
export function readNotes(doc: Y.Doc): Note[] {
  const map = notes(doc);
  const seen = new Set<string>();
  const out: Note[] = [];
  for (const id of order(doc).toArray()) {
    const n = map.get(id);
    if (!n || seen.has(id)) continue;
    seen.add(id);
    const colour = n.get("colour");
    out.push({
      id,
      text: String(n.get("text") ?? ""),
      colour: NOTE_COLOURS.includes(colour as NoteColour) ? (colour as NoteColour) : "yellow",
    });
  }
  return out;
}

/** Adds a note at the end; returns its id. */
export function addNote(doc: Y.Doc, text: string, colour: NoteColour = "yellow", id: string = crypto.randomUUID()): string {
  doc.transact(() => {
    const n = new Y.Map<unknown>();
    n.set("text", text.slice(0, MAX_NOTE_LENGTH));
    n.set("colour", colour);
    notes(doc).set(id, n);
    order(doc).push([id]);
  });
  return id;
}

/** Changes a note's text. */
export function editNote(doc: Y.Doc, id: string, text: string): void {
  notes(doc).get(id)?.set("text", text.slice(0, MAX_NOTE_LENGTH));
}

/** Removes a note. */
export function deleteNote(doc: Y.Doc, id: string): void {
  doc.transact(() => {
    notes(doc).delete(id);
    removeFromOrder(order(doc), id);
  });
}

/** Moves a note `by` places (negative: earlier), within the board. */
export function moveNote(doc: Y.Doc, id: string, by: number): void {
  const visible = readNotes(doc).map((n) => n.id);
  doc.transact(() => moveInOrder(order(doc), visible, id, by));
}
