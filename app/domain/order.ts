// Ordering that never depends on the machine: strings compared by Unicode code point,
// not by `localeCompare` (which follows LANG/LC_ALL: Danish sorts "aa" after "z").
// Anything whose order decides an outcome (who is paid first at a cap) or an output
// (lines, invoices, exports) uses this. Pure: no I/O.

/** Negative, zero or positive as `a` sorts before, with or after `b`, by code point. */
export function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  const x = a[Symbol.iterator]();
  const y = b[Symbol.iterator]();
  for (;;) {
    const p = x.next();
    const q = y.next();
    if (p.done) return q.done ? 0 : -1;
    if (q.done) return 1;
    const d = p.value.codePointAt(0)! - q.value.codePointAt(0)!;
    if (d !== 0) return d;
  }
}
