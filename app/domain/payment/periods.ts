// Counting "periods sustained" (e.g. every 7 consecutive days not in care) inside a
// tracking window. Two conventions, chosen explicitly in the model:
// - aligned: the window is cut into consecutive blocks of `periodDays` from its start;
//   a block pays when none of its days is in care;
// - runs: each maximal run of days not in care inside the window pays
//   floor(run length / periodDays), counted from the run's first day.
// Aligned never pays more than runs: a paying block lies inside one run, and a run of
// length L holds at most floor(L / periodDays) disjoint blocks.
// Only days known by `knownUntil` (exclusive) count, so a period pays once it is complete.
// Pure: no I/O.
import { complement, normalise, type Day, type Interval } from "./dates";

export const COUNTING_CONVENTIONS = ["aligned", "runs"] as const;
export type Counting = (typeof COUNTING_CONVENTIONS)[number];

/** Each paid period, as the exclusive day it ends on (its last day is `end - 1`). */
export function sustainedPeriods(window: Interval, care: Interval[], periodDays: number, counting: Counting, knownUntil: Day): Day[] {
  const limit = Math.min(window.end, knownUntil);
  if (limit <= window.start || periodDays <= 0) return [];
  const inCare = normalise(care, window.start, limit);
  const ends: Day[] = [];
  if (counting === "aligned") {
    let c = 0;
    for (let start = window.start; start + periodDays <= limit; start += periodDays) {
      const end = start + periodDays;
      while (c < inCare.length && inCare[c]!.end <= start) c++;
      const overlaps = c < inCare.length && inCare[c]!.start < end;
      if (!overlaps) ends.push(end);
    }
    return ends;
  }
  for (const run of complement(inCare, window.start, limit)) {
    for (let end = run.start + periodDays; end <= run.end; end += periodDays) ends.push(end);
  }
  return ends;
}
