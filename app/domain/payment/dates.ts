// Dates as whole days: an ISO date "2018-03-05" is day number 17595 (days since
// 1970-01-01, UTC), so windows, runs and periods are integer arithmetic with no time
// zones or daylight saving. Intervals are half-open: [start, end). Pure: no I/O.
import { z } from "zod";

export type Day = number;
const MS_PER_DAY = 86_400_000;

/** A calendar date "YYYY-MM-DD" that exists (no month 13, no 30 February); the error names the field. */
export const IsoDateSchema = z
  .string({ error: "Use a date like 2018-03-05." })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "Use a date like 2018-03-05.", abort: true })
  .refine(isRealDate, { error: (issue) => `${String(issue.input)} is not a date that exists (months run 01–12, days to the end of the month).` });

/** Whether "YYYY-MM-DD" names a real calendar day (never throws). */
export function isRealDate(iso: string): boolean {
  const day = toDay(iso);
  return Number.isFinite(day) && toIso(day) === iso;
}

export function toDay(iso: string): Day {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / MS_PER_DAY);
}

/**
 * The ISO date of a day number, by arithmetic (Hinnant's civil-from-days): the engines
 * turn days into dates for every payment line, and a Date per call was most of the
 * page's actuals time. The same as `new Date(day * 86400000).toISOString().slice(0, 10)`
 * for years 0000–9999 (a test checks every day of them).
 */
export function toIso(day: Day): string {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, "0")}-${m < 10 ? "0" : ""}${m}-${d < 10 ? "0" : ""}${d}`;
}

/** "2018-03" for the month `day` falls in. */
export function monthOf(day: Day): string {
  return toIso(day).slice(0, 7);
}

/** The last day of the month `day` falls in. */
export function endOfMonth(day: Day): Day {
  const d = new Date(day * MS_PER_DAY);
  return Math.round(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0) / MS_PER_DAY);
}

/** The last day of the calendar quarter (Jan–Mar, Apr–Jun, Jul–Sep, Oct–Dec) `day` falls in. */
export function endOfQuarter(day: Day): Day {
  const d = new Date(day * MS_PER_DAY);
  const lastMonth = Math.floor(d.getUTCMonth() / 3) * 3 + 2;
  return Math.round(Date.UTC(d.getUTCFullYear(), lastMonth + 1, 0) / MS_PER_DAY);
}

/** The first day of the month after `day`'s. */
export function startOfNextMonth(day: Day): Day {
  return endOfMonth(day) + 1;
}

export type Interval = { start: Day; end: Day };

/** `intervals` merged and clipped to [from, to); sorted, non-overlapping. */
export function normalise(intervals: Interval[], from: Day, to: Day): Interval[] {
  const clipped = intervals
    .map((i) => ({ start: Math.max(i.start, from), end: Math.min(i.end, to) }))
    .filter((i) => i.end > i.start)
    .sort((a, b) => a.start - b.start);
  const out: Interval[] = [];
  for (const i of clipped) {
    const last = out.at(-1);
    if (last && i.start <= last.end) last.end = Math.max(last.end, i.end);
    else out.push({ ...i });
  }
  return out;
}

/** The gaps of `covered` (normalised) inside [from, to). */
export function complement(covered: Interval[], from: Day, to: Day): Interval[] {
  const out: Interval[] = [];
  let at = from;
  for (const c of covered) {
    if (c.start > at) out.push({ start: at, end: c.start });
    at = Math.max(at, c.end);
  }
  if (to > at) out.push({ start: at, end: to });
  return out;
}
