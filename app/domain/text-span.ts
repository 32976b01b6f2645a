// Where a caret (or a selection end) belongs after someone else changes the text it
// sits in. Shared text fields are controlled inputs: when a remote edit arrives the
// browser would put the caret at the end. We find the one span that changed (the same
// smallest-span rule the Y.Text writes use) and move the caret only if the change was
// before it. Pure: no DOM.

/** The changed span: `start` in both texts, and where it ends in each. */
export function changedSpan(before: string, after: string): { start: number; endBefore: number; endAfter: number } {
  const max = Math.min(before.length, after.length);
  let start = 0;
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  while (end < max - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  return { start, endBefore: before.length - end, endAfter: after.length - end };
}

/** The position in `after` that corresponds to `position` in `before`. */
export function transformCaret(before: string, after: string, position: number): number {
  if (before === after) return position;
  const { start, endBefore, endAfter } = changedSpan(before, after);
  if (position <= start) return position;
  if (position >= endBefore) return position + (endAfter - endBefore);
  // Inside text someone else replaced: stay at the end of what replaced it.
  return endAfter;
}
