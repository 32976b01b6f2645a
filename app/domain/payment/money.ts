// Money is integer minor units (pence) everywhere. Percentages are basis points
// (1850 = 18.5%). Rounding rules, stated once:
// - a percentage of an amount rounds half up to the penny (`percentOf`);
// - a share that is a ceiling ("up to 18.5%": the co-funder's top-up) rounds down
//   (`percentOfAtMost`), so it never exceeds its percentage; the penny left over
//   stays with the commissioners;
// - an amount split in shares is allocated by largest remainder, ties to the earlier
//   share, so the parts always add up to the whole (`allocate`).
// Every result is checked to be a safe integer: a model that would overflow is refused
// rather than silently rounded. Pure: no I/O.

export type Pence = number;
export const BPS = 10_000;

export class MoneyOverflow extends Error {}

function safe(n: number): number {
  if (!Number.isSafeInteger(n)) throw new MoneyOverflow(`amount out of range: ${n}`);
  return n;
}

/** `bps` basis points of `amount`, rounded half up to the penny (amount ≥ 0). */
export function percentOf(amount: Pence, bps: number): Pence {
  safe(amount * bps);
  return safe(Math.floor((amount * bps + BPS / 2) / BPS));
}

/** At most `bps` basis points of `amount`: rounded down, so a ceiling is never passed by rounding. */
export function percentOfAtMost(amount: Pence, bps: number): Pence {
  safe(amount * bps);
  return safe(Math.floor((amount * bps) / BPS));
}

/** Splits `amount` by `weights` (non-negative integers, not all zero); the parts sum to `amount`. */
export function allocate(amount: Pence, weights: number[]): Pence[] {
  const total = weights.reduce((a, b) => a + b, 0);
  if (total <= 0) throw new Error("allocate needs a positive total weight");
  safe(amount * total);
  const parts = weights.map((w) => Math.floor((amount * w) / total));
  let left = amount - parts.reduce((a, b) => a + b, 0);
  const order = weights.map((w, i) => ({ i, rem: (amount * w) % total })).sort((a, b) => b.rem - a.rem || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    parts[i]! += 1;
    left -= 1;
  }
  return parts;
}

/** `a + b`, checked to stay a safe integer (for hot loops: no array). */
export function plus(a: Pence, b: Pence): Pence {
  return safe(a + b);
}

export function sum(values: Pence[]): Pence {
  let total = 0;
  for (const v of values) total = safe(total + v);
  return total;
}

/** "£1,234.56" (for messages and exports; computation never uses it). */
/** Rounded to the pound, for summaries and tables: "£5,324,477". */
export const formatWholePounds = (amount: Pence): string => formatPounds(Math.round(amount / 100) * 100).replace(/\.00$/, "");

export function formatPounds(amount: Pence): string {
  const sign = amount < 0 ? "-" : "";
  const abs = Math.abs(amount);
  // Thousands grouped by hand: locale-free, and toLocaleString was most of a page redraw.
  return `${sign}£${String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${String(abs % 100).padStart(2, "0")}`;
}

/** "225", "225.5", "£1,234.56" → pence; null when it is not an amount of money. Exact: no floating point. */
export function parsePounds(text: string): Pence | null {
  const m = /^£?\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!m) return null;
  const pounds = Number(m[1]!.replace(/,/g, ""));
  const pence = pounds * 100 + Number((m[2] ?? "").padEnd(2, "0"));
  return Number.isSafeInteger(pence) ? pence : null;
}

/** Pence as an editable amount: "225", "225.50". */
export function poundsText(amount: Pence): string {
  return amount % 100 === 0 ? String(amount / 100) : `${Math.floor(amount / 100)}.${String(amount % 100).padStart(2, "0")}`;
}
