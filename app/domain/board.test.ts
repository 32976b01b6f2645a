import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { addNote, deleteNote, editNote, moveNote, readNotes } from "./board";

function sync(a: Y.Doc, b: Y.Doc) {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
}

describe("board", () => {
  it("adds, edits, moves and deletes notes", () => {
    const doc = new Y.Doc();
    const a = addNote(doc, "Stay at home", "yellow", "a");
    addNote(doc, "Go to school", "blue", "b");
    addNote(doc, "Feel safe", "pink", "c");
    editNote(doc, a, "Stay safely at home");
    moveNote(doc, "c", -2);
    expect(readNotes(doc).map((n) => n.id)).toEqual(["c", "a", "b"]);
    moveNote(doc, "c", 1);
    expect(readNotes(doc).map((n) => n.id)).toEqual(["a", "c", "b"]);
    moveNote(doc, "b", 5);
    expect(readNotes(doc).map((n) => n.id)).toEqual(["a", "c", "b"]);
    deleteNote(doc, "c");
    expect(readNotes(doc)).toEqual([
      { id: "a", text: "Stay safely at home", colour: "yellow" },
      { id: "b", text: "Go to school", colour: "blue" },
    ]);
  });

  it("converges when two people move the same note at once, showing it once", () => {
    const a = new Y.Doc();
    addNote(a, "x", "yellow", "x");
    addNote(a, "y", "yellow", "y");
    addNote(a, "z", "yellow", "z");
    const b = new Y.Doc();
    sync(a, b);
    moveNote(a, "z", -2);
    moveNote(b, "z", -1);
    sync(a, b);
    expect(readNotes(a)).toEqual(readNotes(b));
    expect(readNotes(a).filter((n) => n.id === "z")).toHaveLength(1);
  });

  it("caps note length", () => {
    const doc = new Y.Doc();
    const id = addNote(doc, "x".repeat(600));
    expect(readNotes(doc)[0]!.text).toHaveLength(500);
    editNote(doc, id, "y".repeat(700));
    expect(readNotes(doc)[0]!.text).toHaveLength(500);
  });
});
