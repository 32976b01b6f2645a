import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { splitUpdate } from "./split-update";

/** A small deterministic PRNG, so a failing case can be replayed from its seed. */
function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ["outcome", "referral", "payment", "😀", "tariff", "é", "young person", "🇬🇧", "rate card"];

/** Several clients editing text, arrays, maps and nested types, with deletions, synced as they go. */
function randomDocument(seed: number, edits: number): Y.Doc {
  const random = prng(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)]!;
  const docs = Array.from({ length: 3 }, () => new Y.Doc());
  for (let i = 0; i < edits; i++) {
    const doc = pick(docs);
    const text = doc.getText("notes");
    const list = doc.getArray<unknown>("items");
    const map = doc.getMap<unknown>("fields");
    const r = random();
    if (r < 0.4) text.insert(Math.floor(random() * (text.length + 1)), pick(WORDS) + " ");
    else if (r < 0.5 && text.length > 2) text.delete(Math.floor(random() * (text.length - 1)), 1 + Math.floor(random() * 2));
    else if (r < 0.7) list.insert(Math.floor(random() * (list.length + 1)), [{ n: i, w: pick(WORDS) }]);
    else if (r < 0.75 && list.length > 0) list.delete(Math.floor(random() * list.length), 1);
    else if (r < 0.9) map.set(pick(["a", "b", "c", "d"]), pick(WORDS) + i);
    else {
      const nested = new Y.Map<unknown>();
      nested.set("label", pick(WORDS));
      list.push([nested]);
    }
    if (random() < 0.3) {
      // Exchange everything, as connected clients would.
      const merged = Y.mergeUpdates(docs.map((d) => Y.encodeStateAsUpdate(d)));
      for (const d of docs) Y.applyUpdate(d, merged);
    }
  }
  const merged = Y.mergeUpdates(docs.map((d) => Y.encodeStateAsUpdate(d)));
  const result = new Y.Doc();
  Y.applyUpdate(result, merged);
  return result;
}

function contentOf(doc: Y.Doc) {
  return { notes: doc.getText("notes").toString(), items: doc.getArray("items").toJSON(), fields: doc.getMap("fields").toJSON() };
}

function expectSameDocument(actual: Y.Doc, expected: Y.Doc) {
  expect(contentOf(actual)).toEqual(contentOf(expected));
  expect(Y.encodeStateVector(actual)).toEqual(Y.encodeStateVector(expected));
  expect(Y.equalSnapshots(Y.snapshot(actual), Y.snapshot(expected))).toBe(true);
}

describe("splitUpdate", () => {
  it("returns an update that fits unchanged", () => {
    const doc = randomDocument(1, 20);
    const update = Y.encodeStateAsUpdate(doc);
    const parts = splitUpdate(update, update.length);
    expect(parts).toHaveLength(1);
    expect(parts[0]).toBe(update);
  });

  for (const seed of [2, 3, 4, 5, 6, 7]) {
    for (const maxBytes of [120, 400, 2000]) {
      it(`seed ${seed}, ${maxBytes} bytes: every part fits and the parts rebuild the document, in order or reversed`, () => {
        const doc = randomDocument(seed, 400);
        const update = Y.encodeStateAsUpdate(doc);
        const parts = splitUpdate(update, maxBytes);
        expect(parts.length).toBeGreaterThan(1);
        for (const part of parts) expect(part.length).toBeLessThanOrEqual(maxBytes);

        const inOrder = new Y.Doc();
        for (const part of parts) Y.applyUpdate(inOrder, part);
        expectSameDocument(inOrder, doc);

        const reversed = new Y.Doc();
        for (const part of [...parts].reverse()) Y.applyUpdate(reversed, part);
        expectSameDocument(reversed, doc);
      });
    }
  }

  it("cuts one long typed item (Yjs merges consecutive typing) without breaking emoji", () => {
    const doc = new Y.Doc();
    const text = doc.getText("notes");
    // Typed a character at a time: Yjs merges these into one item.
    const typed = "Payment for sustained school attendance 😀 ".repeat(300);
    for (const ch of typed) text.insert(text.length, ch);
    const update = Y.encodeStateAsUpdate(doc);
    expect(Y.decodeUpdate(update).structs.length).toBeLessThan(5);
    const parts = splitUpdate(update, 1000);
    expect(parts.length).toBeGreaterThan(10);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(1000);
    const rebuilt = new Y.Doc();
    for (const part of parts) Y.applyUpdate(rebuilt, part);
    expect(rebuilt.getText("notes").toString()).toBe(typed);
    expectSameDocument(rebuilt, doc);
  });

  it("splits what a client lacks (a diff against its state vector) onto the state it has", () => {
    const doc = randomDocument(8, 300);
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(doc));
    const before = Y.encodeStateVector(client);
    // The document moves on while the client is away.
    const more = randomDocument(9, 300);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(more));
    doc.getText("notes").delete(0, Math.min(10, doc.getText("notes").length));
    const diff = Y.encodeStateAsUpdate(doc, before);
    const parts = splitUpdate(diff, 300);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) Y.applyUpdate(client, part);
    expectSameDocument(client, doc);
  });

  it("splits a large set of deletions", () => {
    const doc = new Y.Doc();
    const list = doc.getArray<number>("items");
    list.insert(0, Array.from({ length: 4000 }, (_, i) => i));
    // Every other element deleted: 2,000 separate deleted ranges.
    for (let i = 3999; i >= 0; i -= 2) list.delete(i, 1);
    const update = Y.encodeStateAsUpdate(doc);
    const parts = splitUpdate(update, 500);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(500);
    const rebuilt = new Y.Doc();
    for (const part of parts) Y.applyUpdate(rebuilt, part);
    expect(rebuilt.getArray("items").toJSON()).toEqual(Array.from({ length: 2000 }, (_, i) => i * 2));
    expectSameDocument(rebuilt, doc);
  });
});
