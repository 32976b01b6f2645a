// The actuals engine: participants' timelines → every payment, exact to the penny,
// per participant, component, payer and invoice month. Reproducible: the same input
// always gives the same lines in the same order.
//
// Order of work (docs/decisions/0008-payment-engine.md):
// 1. Every component earns lines up to `asOf`: fees on their schedule or event, outcome
//    events on their date, sustained periods at the end of each complete period.
// 2. Lines are taken in date order (then participant id by code point, never by the
//    machine's locale, then component order), and caps apply to outcome lines first
//    come, first paid: per participant, per outcome, total (including a cap defined
//    from a success rate), then per payer. Fees are not capped. The total caps limit
//    either every outcome payment or only the commissioners' part of them (`caps.basis`),
//    the co-funder's top-up then coming on top. Each cap counts what was actually paid.
// 3. A paid outcome line is split between payers (the participant's own, or fixed
//    shares by largest remainder); the co-funder pays up to its percentage of each part
//    (rounded down to the penny: "up to 18.5%" is never 18.502%) until its own cap; the
//    payer pays the rest.
// 4. Each payer's part of a line is invoiced on the payer's schedule: `lagWeeks` weeks
//    after the end of the month (or calendar quarter) it was earned in; the co-funder's
//    part is claimed on the co-funder's schedule (PFP: the boroughs monthly, the fund
//    quarterly).
// Pure: no I/O.
import { endOfMonth, endOfQuarter, monthOf, toDay, toIso, type Day } from "./dates";
import { compareCodePoints } from "../order";
import { allocate, percentOf, percentOfAtMost, plus, sum, type Pence } from "./money";
import { coFunderSchedule, isOutcome, payerSchedule, type ActualsInput, type Component, type InvoiceSchedule, type OutcomePeriodComponent, type Participant, type PaymentModel } from "./model";
import { sustainedPeriods } from "./periods";

export type PaymentShare = {
  payerId: string;
  payerPence: Pence;
  coFunderPence: Pence;
  /** When this payer is invoiced for its part, on its schedule. */
  invoiceMonth: string;
  /** When the co-funder is claimed from for its part, on its schedule. */
  coFunderClaimMonth: string;
};
export type PaymentLine = {
  participantId: string | null;
  componentId: string;
  kind: Component["kind"];
  earnedOn: string;
  /** When this line is invoiced on the model's default schedule (a payer or the co-funder may have its own: see `shares`). */
  invoiceMonth: string;
  grossPence: Pence;
  paidPence: Pence;
  /** The caps that cut this line, if any. */
  cappedBy: string[];
  shares: PaymentShare[];
};
export type CapUse = { cap: string; limitPence: Pence; usedPence: Pence; reachedOn: string | null };
export type Actuals = {
  asOf: string;
  lines: PaymentLine[];
  totals: { grossPence: Pence; paidPence: Pence; payersPence: Pence; coFunderPence: Pence; cappedPence: Pence };
  byPayer: Record<string, { payerPence: Pence; coFunderPence: Pence }>;
  byComponent: Record<string, Pence>;
  byParticipant: Record<string, Pence>;
  /** What each payer is invoiced per month (its own share, after the co-funder's). */
  invoices: { month: string; payerId: string; pence: Pence }[];
  coFunderInvoices: { month: string; pence: Pence }[];
  caps: CapUse[];
  /** Participants whose outcome payments reached the per-participant cap. */
  participantsAtCap: number;
  /** What a reader should know about these figures, in words (e.g. that no window has opened yet). */
  notes: string[];
};

type Raw = { participant: Participant | null; rank: number; component: Component; order: number; day: Day; gross: Pence };

/** The month a payment earned on `day` is invoiced in, on `schedule`. */
export function invoiceMonthOf(day: Day, schedule: InvoiceSchedule): string {
  const periodEnd = schedule.frequency === "quarterly" ? endOfQuarter(day) : endOfMonth(day);
  return monthOf(periodEnd + schedule.lagWeeks * 7);
}

/** `invoiceMonthOf` on one schedule, remembered per day. */
function monthsOn(schedule: InvoiceSchedule): (day: Day) => string {
  const seen = new Map<Day, string>();
  return (day) => {
    let month = seen.get(day);
    if (month === undefined) seen.set(day, (month = invoiceMonthOf(day, schedule)));
    return month;
  };
}

/** Adds calendar months, keeping the day of the month (clamped to the month's end). */
function addMonths(day: Day, months: number): Day {
  const d = new Date(day * 86_400_000);
  const target = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1) / 86_400_000;
  return Math.min(target + d.getUTCDate() - 1, endOfMonth(target));
}

/** Where a per-period component's tracking window lies for a participant; null without the anchor date. */
export function trackingWindow(component: OutcomePeriodComponent, participant: Participant): { start: Day; end: Day } | null {
  const anchor = participant.events[component.window.anchor];
  if (!anchor) return null;
  const offset = component.window.offsetDaysByIntervention[participant.intervention] ?? component.window.defaultOffsetDays;
  const start = toDay(anchor) + offset;
  return { start, end: start + component.window.lengthDays };
}

/** The most a per-period component can pay one participant: every period of a full window. */
export function maxPerParticipant(component: OutcomePeriodComponent): Pence {
  return Math.floor(component.window.lengthDays / component.periodDays) * component.tariffPence;
}

// Keys need non-negative days: day 0 is 1970-01-01, and this reaches back to the year 0.
const DAY_OFFSET = 720_000;

/** A growable array of doubles: a hundred thousand participants earn millions of lines. */
class Keys {
  data = new Float64Array(1024);
  length = 0;
  push(x: number) {
    if (this.length === this.data.length) {
      const next = new Float64Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = x;
  }
}

/**
 * Every line earned, in paying order, as one number each: (day, participant rank by id
 * by code point, component order) packed so that sorting the numbers sorts the lines.
 * A line's amount follows from its component, so nothing else needs keeping; this is
 * what lets 100,000 participants' seven million lines fit in a few tens of megabytes.
 */
function earn(model: PaymentModel, participants: Participant[], asOf: Day) {
  const C = Math.max(1, model.components.length);
  const P = participants.length + 1; // rank 0: no participant (fixed fees)
  const byId = participants.map((_, i) => i).sort((a, b) => compareCodePoints(participants[a]!.id, participants[b]!.id));
  const rank = new Int32Array(participants.length);
  byId.forEach((i, r) => (rank[i] = r + 1));
  const keys = new Keys();
  const emit = (day: Day, who: number, order: number) => {
    const key = ((day + DAY_OFFSET) * P + who) * C + order;
    if (!Number.isSafeInteger(key) || day + DAY_OFFSET < 0) throw new RangeError(`too many participants or too distant a date to order exactly (day ${day})`);
    keys.push(key);
  };
  model.components.forEach((component, order) => {
    if (component.kind === "fixed-fee") {
      const start = toDay(component.start);
      const last = Math.min(asOf, component.schedule === "one-off" ? start : component.end ? toDay(component.end) : asOf);
      const step = component.schedule === "monthly" ? 1 : 3;
      for (let k = 0; ; k++) {
        const day = component.schedule === "one-off" ? start : addMonths(start, k * step);
        if (day > last) break;
        emit(day, 0, order);
        if (component.schedule === "one-off") break;
      }
      return;
    }
    participants.forEach((p, i) => {
      if (component.kind === "outcome-period") {
        if ((p.engagementDays ?? 0) < component.minEngagementDays) return;
        const window = trackingWindow(component, p);
        if (!window) return;
        const care = p.care.map((c) => ({ start: toDay(c.start), end: c.end === null ? Number.MAX_SAFE_INTEGER : toDay(c.end) }));
        for (const end of sustainedPeriods(window, care, component.periodDays, component.counting, asOf + 1)) emit(end - 1, rank[i]!, order);
        return;
      }
      const date = p.events[component.event];
      if (date && toDay(date) <= asOf) emit(toDay(date), rank[i]!, order);
    });
  });
  const sorted = keys.data.subarray(0, keys.length).sort();
  const people = byId.map((i) => participants[i]!); // by rank - 1
  return {
    count: keys.length,
    /** The participants by rank: `people[rank - 1]`. */
    people,
    /** The `n`th line in paying order. */
    at(n: number): Raw {
      const key = sorted[n]!;
      const order = key % C;
      const rest = (key - order) / C;
      const who = rest % P;
      const day = (rest - who) / P - DAY_OFFSET;
      const component = model.components[order]!;
      const gross = component.kind === "outcome-period" || component.kind === "outcome-event" ? component.tariffPence : component.amountPence;
      return { participant: who === 0 ? null : people[who - 1]!, rank: who, component, order, day, gross };
    },
  };
}

/** A running limit: how much is left, and when it was reached. */
class Limit {
  used = 0;
  reachedOn: Day | null = null;
  constructor(
    readonly name: string,
    readonly limit: Pence,
  ) {}
  get left() {
    return this.limit - this.used;
  }
  take(amount: Pence, day: Day) {
    this.used += amount;
    if (this.left === 0 && this.reachedOn === null) this.reachedOn = day;
  }
}

/** Splits an amount between payers: the participant's own, or fixed shares (largest remainder). */
function payerParts(model: PaymentModel, amount: Pence, participant: Participant | null, payerId?: string): { payerId: string; pence: Pence }[] {
  if (payerId) return [{ payerId, pence: amount }];
  if (model.costSharing.kind === "own-participants" && participant) return [{ payerId: participant.payerId, pence: amount }];
  const weights = model.costSharing.kind === "fixed-shares" ? model.payers.map((p) => (model.costSharing as { sharesBps: Record<string, number> }).sharesBps[p.id] ?? 0) : model.payers.map(() => 1);
  return allocate(amount, weights).map((pence, i) => ({ payerId: model.payers[i]!.id, pence })).filter((x) => x.pence > 0);
}

/** The summary of the actuals; the lines themselves go to `sink` one by one, in paying order. */
export type ActualsSummary = Omit<Actuals, "lines">;

/** Which lines to return: `limit` of them from the `offset`th, in paying order. */
export type LinesPage = { offset: number; limit: number };
export type PagedActuals = Actuals & { linesPage: { offset: number; limit: number; total: number; nextOffset: number | null } };

/** The actuals with only one page of their lines kept (the API pages them: a big cohort has millions). */
export function pagedActuals(input: ActualsInput, page: LinesPage): PagedActuals {
  const lines: PaymentLine[] = [];
  let n = 0;
  const summary = streamActuals(input, (line) => {
    if (n >= page.offset && n < page.offset + page.limit) lines.push(line);
    n++;
  });
  const { asOf, ...rest } = summary;
  return { asOf, lines, ...rest, linesPage: { offset: page.offset, limit: page.limit, total: n, nextOffset: page.offset + page.limit < n ? page.offset + page.limit : null } };
}

/** Every payment, exact to the penny, with the lines collected (see `streamActuals` for cohorts too large to hold). */
export function evaluateActuals(input: ActualsInput): Actuals {
  const lines: PaymentLine[] = [];
  const summary = streamActuals(input, (line) => void lines.push(line));
  const { asOf, ...rest } = summary;
  return { asOf, lines, ...rest };
}

/**
 * The actuals engine, streaming: each line is handed to `sink` as it is decided and
 * not kept, so memory follows the cohort, not its millions of lines; the summary
 * (totals, invoices, caps) is built on the way.
 */
export function streamActuals(input: ActualsInput, sink: (line: PaymentLine) => void): ActualsSummary {
  const { model, participants } = input;
  const asOf = toDay(input.asOf);
  const caps = model.caps;
  const perParticipant = new Map<string, Limit>();
  const perOutcome = new Map(Object.entries(caps.perOutcomePence).map(([id, limit]) => [id, new Limit(`outcome ${id}`, limit)]));
  const perPayer = new Map(Object.entries(caps.perPayerPence).map(([id, limit]) => [id, new Limit(`payer ${id}`, limit)]));
  const totals: Limit[] = [];
  if (caps.totalPence !== null) totals.push(new Limit("total", caps.totalPence));
  if (caps.totalFromSuccessRate) {
    const { componentId, successRateBps, cases } = caps.totalFromSuccessRate;
    const component = model.components.find((c): c is OutcomePeriodComponent => c.id === componentId && c.kind === "outcome-period")!;
    totals.push(new Limit(`success-rate cap (${successRateBps / 100}% of ${cases} cases)`, percentOf(cases * maxPerParticipant(component), successRateBps)));
  }
  const coFunder = model.coFunder ? new Limit("co-funder", model.coFunder.capPence ?? Number.MAX_SAFE_INTEGER) : null;

  const commissionersBasis = caps.basis === "commissioners-share";
  // Dates repeat across millions of lines: each day's words and invoice months are worked out once.
  const claimMonth = monthsOn(coFunderSchedule(model));
  const defaultMonth = monthsOn({ frequency: model.invoicing.frequency ?? "monthly", lagWeeks: model.invoicing.lagWeeks });
  const payerMonth = new Map(model.payers.map((p) => [p.id, monthsOn(payerSchedule(model, p.id))]));
  const isoDays = new Map<Day, string>();
  const iso = (day: Day) => isoDays.get(day) ?? (isoDays.set(day, toIso(day)), isoDays.get(day)!);

  /**
   * How `amount` of a line would be shared: payers' parts (after their own caps) and
   * the co-funder's top-up of each. With `commit` the per-payer caps and the co-funder's
   * cap are used up; without, nothing changes (for finding how much fits under a cap).
   */
  const NONE: string[] = [];
  const topUpBps = model.coFunder?.topUpBps ?? 0;
  const split = (r: Raw, amount: Pence, outcome: boolean, commit: boolean) => {
    let coLeft = coFunder?.left ?? 0;
    let payerCapped = NONE;
    const shares: PaymentShare[] = [];
    let paid = 0;
    let commissioners = 0;
    // A plain loop, no intermediate arrays: this runs for every one of millions of lines.
    for (const part of payerParts(model, amount, r.participant, r.component.kind === "fixed-fee" ? r.component.payerId : undefined)) {
      const cap = outcome ? perPayer.get(part.payerId) : undefined;
      let pence = part.pence;
      if (cap) {
        if (cap.left < pence) {
          pence = cap.left;
          if (payerCapped === NONE) payerCapped = [];
          payerCapped.push(cap.name);
        }
        if (commit) cap.take(pence, r.day);
      }
      let coFunderPence = 0;
      if (outcome && coFunder) {
        coFunderPence = Math.min(percentOfAtMost(pence, topUpBps), coLeft);
        coLeft -= coFunderPence;
        if (commit) coFunder.take(coFunderPence, r.day);
      }
      const invoiceMonth = (payerMonth.get(part.payerId) ?? defaultMonth)(r.day);
      shares.push({ payerId: part.payerId, payerPence: pence - coFunderPence, coFunderPence, invoiceMonth, coFunderClaimMonth: claimMonth(r.day) });
      paid = plus(paid, pence);
      commissioners = plus(commissioners, pence - coFunderPence);
    }
    return { shares, paid, commissioners, payerCapped };
  };

  const earned = earn(model, participants, asOf);
  const tally = new Tally(model, earned.people);
  for (let n = 0; n < earned.count; n++) {
    const r = earned.at(n);
    let amount = r.gross;
    const cappedBy: string[] = [];
    const outcome = isOutcome(r.component);
    const own: Limit[] = [];
    if (outcome) {
      if (caps.perParticipantPence !== null && r.participant) {
        const key = r.participant.id;
        if (!perParticipant.has(key)) perParticipant.set(key, new Limit("per participant", caps.perParticipantPence));
        own.push(perParticipant.get(key)!);
      }
      const o = perOutcome.get(r.component.id);
      if (o) own.push(o);
      for (const l of own) {
        if (l.left < amount) {
          amount = Math.max(0, l.left);
          cappedBy.push(l.name);
        }
      }
      for (const t of totals) {
        if (!commissionersBasis) {
          if (t.left < amount) {
            amount = Math.max(0, t.left);
            cappedBy.push(t.name);
          }
        } else if (t.left <= 0) {
          // Reached: nothing more is paid, and no search is needed (most lines, in a big cohort).
          if (amount > 0) cappedBy.push(t.name);
          amount = 0;
        } else if (t.left < amount && split(r, amount, true, false).commissioners > t.left) {
          // The most this line can pay with the commissioners' part within the cap; the
          // co-funder's top-up comes on top. Their part grows with the amount, so halve.
          let lo = 0;
          let hi = amount;
          while (lo < hi) {
            const mid = Math.ceil((lo + hi) / 2);
            if (split(r, mid, true, false).commissioners <= t.left) lo = mid;
            else hi = mid - 1;
          }
          amount = lo;
          cappedBy.push(t.name);
        }
      }
    }
    const { shares, paid, commissioners, payerCapped } = split(r, amount, outcome, true);
    for (const name of payerCapped) if (!cappedBy.includes(name)) cappedBy.push(name);
    if (outcome) {
      for (const l of own) l.take(paid, r.day);
      for (const t of totals) t.take(commissionersBasis ? commissioners : paid, r.day);
    }
    const line: PaymentLine = {
      participantId: r.participant?.id ?? null,
      componentId: r.component.id,
      kind: r.component.kind,
      earnedOn: iso(r.day),
      invoiceMonth: defaultMonth(r.day),
      grossPence: r.gross,
      paidPence: paid,
      cappedBy,
      shares,
    };
    tally.add(line, r.rank);
    sink(line);
  }
  const limits = [...perOutcome.values(), ...totals, ...perPayer.values(), ...(coFunder && model.coFunder?.capPence != null ? [coFunder] : [])];
  return { ...tally.summary(input.asOf, limits), participantsAtCap: [...perParticipant.values()].filter((l) => l.reachedOn !== null).length, notes: notesOn(model, participants, asOf) };
}

/** Says so when the data end before any tracking window opens: £0 then means "not yet", not "failed". */
function notesOn(model: PaymentModel, participants: Participant[], asOf: Day): string[] {
  let first = Number.POSITIVE_INFINITY;
  for (const component of model.components) {
    if (component.kind !== "outcome-period") continue;
    for (const p of participants) {
      const window = trackingWindow(component, p);
      if (window && window.start < first) first = window.start;
    }
  }
  if (!Number.isFinite(first) || asOf >= first) return [];
  return [`The data run to ${toIso(asOf)}, before any participant's tracking window opens (the first opens on ${toIso(first)}): no payment for outcomes sustained is due yet.`];
}

/** Totals, per payer, component and participant, and invoices, added up line by line. */
class Tally {
  private readonly byPayer: Actuals["byPayer"];
  private readonly byComponent: Record<string, Pence>;
  // By participant rank (1-based; 0 is no participant): typed arrays, not a map of ids, for millions of lines.
  private readonly byRank: Float64Array;
  private readonly seen: Uint8Array;
  private readonly invoices = new Map<string, Map<string, Pence>>();
  private readonly coFunderInvoices = new Map<string, Pence>();
  private gross = 0;
  private paid = 0;

  constructor(
    model: PaymentModel,
    private readonly people: Participant[],
  ) {
    this.byRank = new Float64Array(people.length + 1);
    this.seen = new Uint8Array(people.length + 1);
    this.byPayer = Object.fromEntries(model.payers.map((p) => [p.id, { payerPence: 0, coFunderPence: 0 }]));
    this.byComponent = Object.fromEntries(model.components.map((c) => [c.id, 0]));
  }

  add(line: PaymentLine, rank: number): void {
    this.gross = plus(this.gross, line.grossPence);
    this.paid = plus(this.paid, line.paidPence);
    this.byComponent[line.componentId] = plus(this.byComponent[line.componentId]!, line.paidPence);
    if (rank > 0) {
      this.byRank[rank] = plus(this.byRank[rank]!, line.paidPence);
      this.seen[rank] = 1;
    }
    for (const s of line.shares) {
      const payer = (this.byPayer[s.payerId] ??= { payerPence: 0, coFunderPence: 0 });
      payer.payerPence = plus(payer.payerPence, s.payerPence);
      payer.coFunderPence = plus(payer.coFunderPence, s.coFunderPence);
      let month = this.invoices.get(s.invoiceMonth);
      if (!month) this.invoices.set(s.invoiceMonth, (month = new Map()));
      month.set(s.payerId, plus(month.get(s.payerId) ?? 0, s.payerPence));
      if (s.coFunderPence) this.coFunderInvoices.set(s.coFunderClaimMonth, plus(this.coFunderInvoices.get(s.coFunderClaimMonth) ?? 0, s.coFunderPence));
    }
  }

  summary(asOf: string, limits: Limit[]): Omit<ActualsSummary, "participantsAtCap" | "notes"> {
    const coFunderPence = sum(Object.values(this.byPayer).map((p) => p.coFunderPence));
    return {
      asOf,
      totals: { grossPence: this.gross, paidPence: this.paid, payersPence: this.paid - coFunderPence, coFunderPence, cappedPence: this.gross - this.paid },
      byPayer: this.byPayer,
      byComponent: this.byComponent,
      byParticipant: Object.fromEntries(this.people.flatMap((p, i) => (this.seen[i + 1] ? [[p.id, this.byRank[i + 1]!] as const] : []))),
      invoices: [...this.invoices]
        .flatMap(([month, byPayer]) => [...byPayer].map(([payerId, pence]) => ({ month, payerId, pence })))
        .sort((a, b) => compareCodePoints(a.month, b.month) || compareCodePoints(a.payerId, b.payerId)),
      coFunderInvoices: [...this.coFunderInvoices].map(([month, pence]) => ({ month, pence })).sort((a, b) => compareCodePoints(a.month, b.month)),
      caps: limits.map((l) => ({ cap: l.name, limitPence: l.limit, usedPence: l.used, reachedOn: l.reachedOn === null ? null : toIso(l.reachedOn) })),
    };
  }
}
