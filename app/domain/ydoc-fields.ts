// Small helpers for typed models over Yjs documents: text fields as Y.Text (so two
// people typing in one field merge character by character), ordered collections as
// an order array of ids plus a map by id (so moving an item never loses an edit made
// to it concurrently). Pure: no I/O.
import * as Y from "yjs";
import { changedSpan } from "./text-span";

/** The text of `map[key]` (a Y.Text, or a plain string from older data). */
export function textOf(map: Y.Map<unknown>, key: string): string {
  const v = map.get(key);
  if (v instanceof Y.Text) return v.toString();
  return typeof v === "string" ? v : "";
}

/**
 * Makes `map[key]` read `value`, changing only the span that differs (common prefix
 * and suffix kept), so a concurrent edit elsewhere in the same field survives.
 */
export function setText(map: Y.Map<unknown>, key: string, value: string): void {
  let t = map.get(key);
  if (!(t instanceof Y.Text)) {
    t = new Y.Text();
    map.set(key, t);
  }
  const ytext = t as Y.Text;
  const current = ytext.toString();
  if (current === value) return;
  const { start, endBefore, endAfter } = changedSpan(current, value);
  const removed = endBefore - start;
  const inserted = value.slice(start, endAfter);
  const apply = () => {
    if (removed > 0) ytext.delete(start, removed);
    if (inserted) ytext.insert(start, inserted);
  };
  if (ytext.doc) ytext.doc.transact(apply);
  else apply();
}

/** [id, map] pairs in the order of `order`, skipping ids without an entry or seen twice. */
export function readOrdered(order: unknown, items: unknown): [string, Y.Map<unknown>][] {
  if (!(order instanceof Y.Array) || !(items instanceof Y.Map)) return [];
  const seen = new Set<string>();
  const out: [string, Y.Map<unknown>][] = [];
  for (const id of order.toArray()) {
    if (typeof id !== "string" || seen.has(id)) continue;
    const m = items.get(id);
    if (!(m instanceof Y.Map)) continue;
    seen.add(id);
    out.push([id, m as Y.Map<unknown>]);
  }
  return out;
}

/** Removes every occurrence of `id` from an order array. */
export function removeFromOrder(order: Y.Array<string>, id: string): void {
  for (let i = order.length - 1; i >= 0; i--) if (order.get(i) === id) order.delete(i, 1);
}

/**
 * Moves `id` `by` places among `visible` (the ids as shown, which may skip stale
 * entries of the array); call inside a transaction.
 */
export function moveInOrder(order: Y.Array<string>, visible: string[], id: string, by: number): void {
  const from = visible.indexOf(id);
  const to = Math.max(0, Math.min(visible.length - 1, from + by));
  if (from < 0 || to === from) return;
  removeFromOrder(order, id);
  const anchor = visible.filter((x) => x !== id)[to - 1];
  order.insert(anchor === undefined ? 0 : order.toArray().indexOf(anchor) + 1, [id]);
}
