// What changed between two payment models, in the words people use about them
// ("Tariff of 'Seven consecutive days not in care' changed from £225.00 to £240.00."),
// for version comparisons and the activity feed. Pure: no I/O.
import type { ActivityChange } from "../activity";
import type { Component, PaymentModel } from "./model";
import { formatPounds } from "./money";

export type PaymentChange = ActivityChange & { sentence: string };

const money = (p: number | null | undefined) => (p === null || p === undefined ? "none" : formatPounds(p));
const pct = (bps: number) => `${bps / 100}%`;
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Field-by-field description of a component's changes. */
function componentChanges(a: Component, b: Component): PaymentChange[] {
  const subject = `component:${b.id}`;
  const label = `'${b.name}'`;
  const out: PaymentChange[] = [];
  const add = (what: string, from: string, to: string) => out.push({ subject, verb: `changed the ${what} of`, label, from, to, sentence: `${what.charAt(0).toUpperCase()}${what.slice(1)} of ${label} changed from ${from} to ${to}.` });
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  if (x.tariffPence !== y.tariffPence) add("tariff", money(x.tariffPence as number), money(y.tariffPence as number));
  if (x.amountPence !== y.amountPence) add("amount", money(x.amountPence as number), money(y.amountPence as number));
  if (a.name !== b.name) out.push({ subject, verb: "renamed", label: "a payment", from: `'${a.name}'`, to: label, sentence: `'${a.name}' renamed ${label}.` });
  if (a.kind === "outcome-period" && b.kind === "outcome-period") {
    if (a.periodDays !== b.periodDays) add("period", `${a.periodDays} days`, `${b.periodDays} days`);
    if (a.window.lengthDays !== b.window.lengthDays) add("tracking window", `${a.window.lengthDays} days`, `${b.window.lengthDays} days`);
    for (const key of new Set([...Object.keys(a.window.offsetDaysByIntervention), ...Object.keys(b.window.offsetDaysByIntervention)])) {
      const from = a.window.offsetDaysByIntervention[key] ?? a.window.defaultOffsetDays;
      const to = b.window.offsetDaysByIntervention[key] ?? b.window.defaultOffsetDays;
      if (from !== to) add(`window start for ${key.toUpperCase()}`, `${from} days`, `${to} days`);
    }
    if (a.minEngagementDays !== b.minEngagementDays) add("minimum engagement", `${a.minEngagementDays} days`, `${b.minEngagementDays} days`);
    if (a.counting !== b.counting) add("counting", a.counting, b.counting);
  }
  if (out.length === 0 && !same(a, b)) out.push({ subject, verb: "changed", label, sentence: `${label} changed.` });
  return out;
}

export function paymentChanges(before: PaymentModel, after: PaymentModel): PaymentChange[] {
  const out: PaymentChange[] = [];
  const old = new Map(before.components.map((c) => [c.id, c]));
  for (const c of before.components) if (!after.components.some((x) => x.id === c.id)) out.push({ subject: `component:${c.id}`, verb: "removed", label: `payment '${c.name}'`, sentence: `Payment '${c.name}' removed.` });
  for (const c of after.components) {
    const was = old.get(c.id);
    if (!was) out.push({ subject: `component:${c.id}`, verb: "added", label: `payment '${c.name}'`, sentence: `Payment '${c.name}' added.` });
    else out.push(...componentChanges(was, c));
  }
  const setting = (subject: string, what: string, from: string, to: string) => {
    if (from !== to) out.push({ subject, verb: `changed the ${what}`, label: "", from, to, sentence: `${what.charAt(0).toUpperCase()}${what.slice(1)} changed from ${from} to ${to}.` });
  };
  const [ca, cb] = [before.caps, after.caps];
  setting("caps.total", "total cap", money(ca.totalPence), money(cb.totalPence));
  setting("caps.participant", "cap per participant", money(ca.perParticipantPence), money(cb.perParticipantPence));
  const rate = (c: PaymentModel["caps"]) => (c.totalFromSuccessRate ? `${pct(c.totalFromSuccessRate.successRateBps)} of the first ${c.totalFromSuccessRate.cases} cases` : "none");
  setting("caps.rate", "success-rate cap", rate(ca), rate(cb));
  const basis = (c: PaymentModel["caps"]) => (c.basis === "commissioners-share" ? "what the commissioners pay (the co-funder's top-up on top)" : "all outcome payments (the co-funder's top-up included)");
  setting("caps.basis", "what the total cap limits", basis(ca), basis(cb));
  const capMap = (caps: Record<string, number> | undefined, names: Map<string, string>) => {
    const entries = Object.entries(caps ?? {}).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
    return entries.length ? entries.map(([id, pence]) => `${names.get(id) ?? id} ${money(pence)}`).join(", ") : "none";
  };
  const payerNames = new Map([...before.payers, ...after.payers].map((p) => [p.id, p.name]));
  const outcomeNames = new Map([...before.components, ...after.components].map((c) => [c.id, c.name]));
  setting("caps.payer", "caps per payer", capMap(ca.perPayerPence, payerNames), capMap(cb.perPayerPence, payerNames));
  setting("caps.outcome", "caps per outcome", capMap(ca.perOutcomePence, outcomeNames), capMap(cb.perOutcomePence, outcomeNames));
  setting("coFunder.share", "co-funder's share", before.coFunder ? pct(before.coFunder.topUpBps) : "none", after.coFunder ? pct(after.coFunder.topUpBps) : "none");
  setting("coFunder.cap", "co-funder's cap", money(before.coFunder?.capPence), money(after.coFunder?.capPence));
  const when = (s: { frequency?: string; lagWeeks: number } | null | undefined) =>
    s ? `${s.frequency ?? "monthly"}, ${s.lagWeeks} week${s.lagWeeks === 1 ? "" : "s"} after each ${s.frequency === "quarterly" ? "quarter" : "month"} ends` : "as the default";
  setting("invoicing", "default invoicing", when(before.invoicing), when(after.invoicing));
  setting("invoicing.coFunder", "co-funder's claims", when(before.invoicing.coFunder), when(after.invoicing.coFunder));
  for (const p of after.payers) setting(`invoicing.${p.id}`, `invoicing of ${p.name}`, when(before.invoicing.byPayer?.[p.id]), when(after.invoicing.byPayer?.[p.id]));
  const names = (m: PaymentModel) => m.payers.map((p) => p.name).join(", ") || "none";
  if (!same(before.payers, after.payers)) out.push({ subject: "payers", verb: "changed", label: "the outcome payers", from: names(before), to: names(after), sentence: `Outcome payers now: ${names(after)}.` });
  const sharing = (m: PaymentModel) =>
    m.costSharing.kind === "fixed-shares"
      ? `fixed shares (${Object.entries(m.costSharing.sharesBps).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)).map(([id, bps]) => `${payerNames.get(id) ?? id} ${pct(bps)}`).join(", ")})`
      : "by each payer's own participants";
  if (!same(before.costSharing, after.costSharing)) out.push({ subject: "costSharing", verb: "changed", label: "how costs are shared", from: sharing(before), to: sharing(after), sentence: `Costs are now shared ${sharing(after)}.` });
  return out;
}

/** Version comparisons: one sentence per change. */
export function diffPaymentModels(before: PaymentModel | null, after: PaymentModel | null): string[] {
  if (!before || !after) return before === after ? [] : [after ? "A payment model was set up." : "The payment model no longer validates."];
  return paymentChanges(before, after).map((c) => c.sentence);
}
