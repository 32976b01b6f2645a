// Invariants of the actuals engine over random models and cohorts (fast-check):
// caps are never exceeded, totals equal the sum of their parts, invoices are the
// payments shifted by the lag, aligned counting never pays more than runs, and more
// days in care never pay more.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PFP_PAYMENT_MODEL } from "../examples/pfp-payment";
import { evaluateActuals } from "./actuals";
import { endOfMonth, endOfQuarter, monthOf, toDay, toIso } from "./dates";
import { sum } from "./money";
import type { Participant, PaymentModel } from "./model";
import { sustainedPeriods } from "./periods";

const PAYERS = PFP_PAYMENT_MODEL.payers.map((p) => p.id);
const START = toDay("2018-01-01");

const careSpell = fc.record({ from: fc.integer({ min: 0, max: 1200 }), length: fc.integer({ min: 1, max: 200 }), open: fc.boolean() });
const participantArb = (i: number) =>
  fc.record({
    payerId: fc.constantFrom(...PAYERS),
    intervention: fc.constantFrom("fft", "mst", "other"),
    meeting: fc.integer({ min: 0, max: 700 }),
    engagementDays: fc.integer({ min: 0, max: 120 }),
    care: fc.array(careSpell, { maxLength: 4 }),
  }).map(
    (p): Participant => ({
      id: `case-${String(i).padStart(3, "0")}`,
      payerId: p.payerId,
      intervention: p.intervention,
      events: { "first-meeting": toIso(START + p.meeting), "referral-accepted": toIso(START + Math.max(0, p.meeting - 14)) },
      engagementDays: p.engagementDays,
      care: p.care.map((c) => ({ start: toIso(START + c.from), end: c.open ? null : toIso(START + c.from + c.length) })),
    }),
  );
const cohortArb = fc.integer({ min: 0, max: 12 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => participantArb(i))));

const modelArb = fc
  .record({
    tariff: fc.integer({ min: 1, max: 50_000 }),
    counting: fc.constantFrom("aligned" as const, "runs" as const),
    topUp: fc.integer({ min: 0, max: 10_000 }),
    coCap: fc.option(fc.integer({ min: 0, max: 2_000_000 })),
    total: fc.option(fc.integer({ min: 0, max: 5_000_000 })),
    perParticipant: fc.option(fc.integer({ min: 0, max: 1_000_000 })),
    perPayer: fc.option(fc.integer({ min: 0, max: 2_000_000 })),
    lagWeeks: fc.integer({ min: 0, max: 12 }),
    suttonQuarterly: fc.option(fc.integer({ min: 0, max: 12 })),
    coFunderSchedule: fc.option(fc.record({ frequency: fc.constantFrom("monthly" as const, "quarterly" as const), lagWeeks: fc.integer({ min: 0, max: 12 }) })),
    shares: fc.boolean(),
    basis: fc.constantFrom("all-outcome-payments" as const, "commissioners-share" as const),
    fee: fc.integer({ min: 0, max: 100_000 }),
  })
  .map(
    (m): PaymentModel => ({
      ...PFP_PAYMENT_MODEL,
      costSharing: m.shares ? { kind: "fixed-shares", sharesBps: { sutton: 3000, merton: 2500, bexley: 2000, newham: 1500, "tower-hamlets": 1000 } } : { kind: "own-participants" },
      coFunder: { name: "Fund", topUpBps: m.topUp, capPence: m.coCap },
      components: [
        { ...(PFP_PAYMENT_MODEL.components[0] as Extract<PaymentModel["components"][number], { kind: "outcome-period" }>), tariffPence: m.tariff, counting: m.counting },
        { kind: "per-participant-fee", id: "start-fee", name: "Start fee", amountPence: m.fee, event: "referral-accepted" },
      ],
      caps: { perParticipantPence: m.perParticipant, perOutcomePence: {}, perPayerPence: m.perPayer === null ? {} : { sutton: m.perPayer }, totalPence: m.total, totalFromSuccessRate: null, basis: m.basis },
      invoicing: {
        frequency: "monthly",
        lagWeeks: m.lagWeeks,
        byPayer: m.suttonQuarterly === null ? {} : { sutton: { frequency: "quarterly", lagWeeks: m.suttonQuarterly } },
        coFunder: m.coFunderSchedule,
      },
    }),
  );
const asOfArb = fc.integer({ min: 0, max: 1600 }).map((d) => toIso(START + d));

describe("actuals invariants", () => {
  it("never exceeds a cap, and totals equal the sum of their parts", () => {
    fc.assert(
      fc.property(modelArb, cohortArb, asOfArb, (model, participants, asOf) => {
        const a = evaluateActuals({ model, participants, asOf });
        const outcomeLines = a.lines.filter((l) => l.kind === "outcome-period");
        const outcomePaid = sum(outcomeLines.map((l) => l.paidPence));
        // The total cap limits every outcome payment, or only the commissioners' part of them.
        const commissionersPart = sum(outcomeLines.flatMap((l) => l.shares.map((s) => s.payerPence)));
        if (model.caps.totalPence !== null) expect(model.caps.basis === "commissioners-share" ? commissionersPart : outcomePaid).toBeLessThanOrEqual(model.caps.totalPence);
        if (model.caps.perParticipantPence !== null)
          for (const p of participants) expect(sum(outcomeLines.filter((l) => l.participantId === p.id).map((l) => l.paidPence))).toBeLessThanOrEqual(model.caps.perParticipantPence);
        const sutton = model.caps.perPayerPence.sutton;
        if (sutton !== undefined) expect(sum(outcomeLines.flatMap((l) => l.shares.filter((s) => s.payerId === "sutton").map((s) => s.payerPence + s.coFunderPence)))).toBeLessThanOrEqual(sutton);
        if (model.coFunder?.capPence != null) expect(a.totals.coFunderPence).toBeLessThanOrEqual(model.coFunder.capPence);
        for (const l of a.lines) {
          expect(l.paidPence).toBeLessThanOrEqual(l.grossPence);
          expect(sum(l.shares.map((s) => s.payerPence + s.coFunderPence))).toBe(l.paidPence);
          for (const s of l.shares) expect(Number.isSafeInteger(s.payerPence) && s.payerPence >= 0 && s.coFunderPence >= 0).toBe(true);
        }
        expect(a.totals.paidPence).toBe(sum(a.lines.map((l) => l.paidPence)));
        expect(a.totals.paidPence).toBe(sum(Object.values(a.byComponent)));
        expect(a.totals.payersPence).toBe(sum(Object.values(a.byPayer).map((p) => p.payerPence)));
        expect(a.totals.coFunderPence).toBe(sum(Object.values(a.byPayer).map((p) => p.coFunderPence)));
        expect(a.totals.payersPence).toBe(sum(a.invoices.map((i) => i.pence)));
        expect(a.totals.coFunderPence).toBe(sum(a.coFunderInvoices.map((i) => i.pence)));
      }),
      { numRuns: 300 },
    );
  });

  it("invoices each payer's part on its schedule and claims the co-funder's on the co-funder's: `lagWeeks` after the month or quarter it was earned in", () => {
    const due = (earned: string, s: { frequency: "monthly" | "quarterly"; lagWeeks: number }) => monthOf((s.frequency === "quarterly" ? endOfQuarter(toDay(earned)) : endOfMonth(toDay(earned))) + s.lagWeeks * 7);
    fc.assert(
      fc.property(modelArb, cohortArb, asOfArb, (model, participants, asOf) => {
        const fallback = { frequency: model.invoicing.frequency, lagWeeks: model.invoicing.lagWeeks };
        for (const l of evaluateActuals({ model, participants, asOf }).lines) {
          expect(l.invoiceMonth).toBe(due(l.earnedOn, fallback));
          for (const s of l.shares) {
            expect(s.invoiceMonth).toBe(due(l.earnedOn, model.invoicing.byPayer[s.payerId] ?? fallback));
            expect(s.coFunderClaimMonth).toBe(due(l.earnedOn, model.invoicing.coFunder ?? fallback));
            expect(s.invoiceMonth >= monthOf(toDay(l.earnedOn))).toBe(true);
          }
          expect(toDay(l.earnedOn)).toBeLessThanOrEqual(toDay(asOf));
        }
      }),
      { numRuns: 200 },
    );
  });

  const spells = fc.array(fc.record({ start: fc.integer({ min: -30, max: 800 }), length: fc.integer({ min: 1, max: 120 }) }), { maxLength: 8 });
  const toIntervals = (s: { start: number; length: number }[]) => s.map((x) => ({ start: x.start, end: x.start + x.length }));

  it("aligned counting never pays more periods than runs", () => {
    fc.assert(
      fc.property(spells, fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 800 }), (care, period, known) => {
        const w = { start: 0, end: 730 };
        expect(sustainedPeriods(w, toIntervals(care), period, "aligned", known).length).toBeLessThanOrEqual(sustainedPeriods(w, toIntervals(care), period, "runs", known).length);
      }),
      { numRuns: 500 },
    );
  });

  it("adding days in care never increases payments, under either convention", () => {
    fc.assert(
      fc.property(modelArb, participantArb(0), careSpell, asOfArb, (model, p, extra, asOf) => {
        const more: Participant = { ...p, care: [...p.care, { start: toIso(START + extra.from), end: extra.open ? null : toIso(START + extra.from + extra.length) }] };
        const noCaps = { ...model, caps: { ...model.caps, totalPence: null, perParticipantPence: null, perPayerPence: {} } };
        const before = evaluateActuals({ model: noCaps, participants: [p], asOf }).totals.paidPence;
        const after = evaluateActuals({ model: noCaps, participants: [more], asOf }).totals.paidPence;
        expect(after).toBeLessThanOrEqual(before);
      }),
      { numRuns: 300 },
    );
  });

  it("is reproducible: the same input gives the same lines", () => {
    fc.assert(
      fc.property(modelArb, cohortArb, asOfArb, (model, participants, asOf) => {
        expect(evaluateActuals({ model, participants: [...participants].reverse(), asOf })).toEqual(evaluateActuals({ model, participants, asOf }));
      }),
      { numRuns: 100 },
    );
  });
});
