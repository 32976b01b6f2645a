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
import { allocate, percentOf, percentOfAtMost, sum, type Pence } from "./money";
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

type Raw = { participant: Participant | null; component: Component; order: number; day: Day; gross: Pence };

/** The month a payment earned on `day` is invoiced in, on `schedule`. */
export function invoiceMonthOf(day: Day, schedule: InvoiceSchedule): string {
  const periodEnd = schedule.frequency === "quarterly" ? endOfQuarter(day) : endOfMonth(day);
  return monthOf(periodEnd + schedule.lagWeeks * 7);
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

function earn(model: PaymentModel, participants: Participant[], asOf: Day): Raw[] {
  const raw: Raw[] = [];
  model.components.forEach((component, order) => {
    if (component.kind === "fixed-fee") {
      const start = toDay(component.start);
      const last = Math.min(asOf, component.schedule === "one-off" ? start : component.end ? toDay(component.end) : asOf);
      const step = component.schedule === "monthly" ? 1 : 3;
      for (let k = 0; ; k++) {
        const day = component.schedule === "one-off" ? start : addMonths(start, k * step);
        if (day > last) break;
        raw.push({ participant: null, component, order, day, gross: component.amountPence });
        if (component.schedule === "one-off") break;
      }
      return;
    }
    for (const p of participants) {
      if (component.kind === "outcome-period") {
        if ((p.engagementDays ?? 0) < component.minEngagementDays) continue;
        const window = trackingWindow(component, p);
        if (!window) continue;
        const care = p.care.map((c) => ({ start: toDay(c.start), end: c.end === null ? Number.MAX_SAFE_INTEGER : toDay(c.end) }));
        for (const end of sustainedPeriods(window, care, component.periodDays, component.counting, asOf + 1)) {
          raw.push({ participant: p, component, order, day: end - 1, gross: component.tariffPence });
        }
        continue;
      }
      const date = p.events[component.event];
      if (!date || toDay(date) > asOf) continue;
      raw.push({ participant: p, component, order, day: toDay(date), gross: component.kind === "outcome-event" ? component.tariffPence : component.amountPence });
    }
  });
  return raw.sort((a, b) => a.day - b.day || compareCodePoints(a.participant?.id ?? "", b.participant?.id ?? "") || a.order - b.order);
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

export function evaluateActuals(input: ActualsInput): Actuals {
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
  const claims = coFunderSchedule(model);

  /**
   * How `amount` of a line would be shared: payers' parts (after their own caps) and
   * the co-funder's top-up of each. With `commit` the per-payer caps and the co-funder's
   * cap are used up; without, nothing changes (for finding how much fits under a cap).
   */
  const split = (r: Raw, amount: Pence, outcome: boolean, commit: boolean) => {
    let coLeft = coFunder?.left ?? 0;
    const payerCapped: string[] = [];
    const shares = payerParts(model, amount, r.participant, r.component.kind === "fixed-fee" ? r.component.payerId : undefined).map((part) => {
      const cap = outcome ? perPayer.get(part.payerId) : undefined;
      let pence = part.pence;
      if (cap) {
        if (cap.left < pence) {
          pence = cap.left;
          payerCapped.push(cap.name);
        }
        if (commit) cap.take(pence, r.day);
      }
      let coFunderPence = 0;
      if (outcome && coFunder && model.coFunder) {
        coFunderPence = Math.min(percentOfAtMost(pence, model.coFunder.topUpBps), coLeft);
        coLeft -= coFunderPence;
        if (commit) coFunder.take(coFunderPence, r.day);
      }
      return { payerId: part.payerId, payerPence: pence - coFunderPence, coFunderPence, invoiceMonth: invoiceMonthOf(r.day, payerSchedule(model, part.payerId)), coFunderClaimMonth: invoiceMonthOf(r.day, claims) };
    });
    const paid = sum(shares.map((p) => p.payerPence + p.coFunderPence));
    return { shares, paid, commissioners: sum(shares.map((p) => p.payerPence)), payerCapped };
  };

  const lines: PaymentLine[] = earn(model, participants, asOf).map((r) => {
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
        } else if (split(r, amount, true, false).commissioners > t.left) {
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
    return {
      participantId: r.participant?.id ?? null,
      componentId: r.component.id,
      kind: r.component.kind,
      earnedOn: toIso(r.day),
      invoiceMonth: invoiceMonthOf(r.day, { frequency: model.invoicing.frequency ?? "monthly", lagWeeks: model.invoicing.lagWeeks }),
      grossPence: r.gross,
      paidPence: paid,
      cappedBy,
      shares,
    };
  });
  const limits = [...perOutcome.values(), ...totals, ...perPayer.values(), ...(coFunder && model.coFunder?.capPence != null ? [coFunder] : [])];
  return { ...summarise(input.asOf, model, lines, limits), participantsAtCap: [...perParticipant.values()].filter((l) => l.reachedOn !== null).length, notes: notesOn(model, participants, asOf) };
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

function summarise(asOf: string, model: PaymentModel, lines: PaymentLine[], limits: Limit[]): Omit<Actuals, "participantsAtCap" | "notes"> {
  const byPayer: Actuals["byPayer"] = Object.fromEntries(model.payers.map((p) => [p.id, { payerPence: 0, coFunderPence: 0 }]));
  const byComponent: Record<string, Pence> = Object.fromEntries(model.components.map((c) => [c.id, 0]));
  const byParticipant: Record<string, Pence> = {};
  const invoices = new Map<string, Pence>();
  const coFunderInvoices = new Map<string, Pence>();
  for (const line of lines) {
    byComponent[line.componentId] = sum([byComponent[line.componentId]!, line.paidPence]);
    if (line.participantId) byParticipant[line.participantId] = sum([byParticipant[line.participantId] ?? 0, line.paidPence]);
    for (const s of line.shares) {
      const payer = (byPayer[s.payerId] ??= { payerPence: 0, coFunderPence: 0 });
      payer.payerPence = sum([payer.payerPence, s.payerPence]);
      payer.coFunderPence = sum([payer.coFunderPence, s.coFunderPence]);
      const key = `${s.invoiceMonth}\u0000${s.payerId}`;
      invoices.set(key, sum([invoices.get(key) ?? 0, s.payerPence]));
      if (s.coFunderPence) coFunderInvoices.set(s.coFunderClaimMonth, sum([coFunderInvoices.get(s.coFunderClaimMonth) ?? 0, s.coFunderPence]));
    }
  }
  const grossPence = sum(lines.map((l) => l.grossPence));
  const paidPence = sum(lines.map((l) => l.paidPence));
  const coFunderPence = sum(Object.values(byPayer).map((p) => p.coFunderPence));
  return {
    asOf,
    lines,
    totals: { grossPence, paidPence, payersPence: paidPence - coFunderPence, coFunderPence, cappedPence: grossPence - paidPence },
    byPayer,
    byComponent,
    byParticipant,
    invoices: [...invoices].map(([key, pence]) => {
      const [month, payerId] = key.split("\u0000") as [string, string];
      return { month, payerId, pence };
    }).sort((a, b) => compareCodePoints(a.month, b.month) || compareCodePoints(a.payerId, b.payerId)),
    coFunderInvoices: [...coFunderInvoices].map(([month, pence]) => ({ month, pence })).sort((a, b) => compareCodePoints(a.month, b.month)),
    caps: limits.map((l) => ({ cap: l.name, limitPence: l.limit, usedPence: l.used, reachedOn: l.reachedOn === null ? null : toIso(l.reachedOn) })),
  };
}
