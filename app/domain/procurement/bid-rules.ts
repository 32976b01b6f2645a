// A bid's payment proposal checked against the tender's bid rules: what bidders may
// change in the commissioner's published model, within which bounds. One pure function,
// run as the consortium types (in the browser), at submission (on the server) and in
// the comparison; each breach is a sentence a bidder can act on.
import { formatPounds } from "../payment/money";
import type { ScenarioForecast } from "../payment/forecast";
import { isOutcome, type Component, type PaymentModel } from "../payment/model";
import { canonicalJson } from "./bids";
import { COMPONENT_KIND_LABELS, type BidRules, type NewComponentKind, type QualityQuestion } from "./tender";

export type Breach = { path: string; message: string };

const priceOf = (c: Component) => ("tariffPence" in c ? c.tariffPence : c.amountPence);
const priceWord = (c: Component) => (isOutcome(c) ? "tariff" : "amount");

/** The component without its price: what must stay as published. */
function structure(c: Component): string {
  const { tariffPence: _t, amountPence: _a, name: _n, ...rest } = c as Component & { tariffPence?: number; amountPence?: number };
  return canonicalJson(rest);
}

/**
 * Breaches of the rules by `proposal`, made from `base` (the published model). With the
 * proposal's forecast under the tender's scenarios, the share-at-risk rule is checked too.
 */
export function checkProposal(base: PaymentModel, rules: BidRules, proposal: PaymentModel, forecast?: ScenarioForecast[] | null): Breach[] {
  const breaches: Breach[] = [];
  if (canonicalJson(proposal.payers) !== canonicalJson(base.payers)) breaches.push({ path: "payers", message: `The payers are the tender's (${base.payers.map((p) => p.name).join(", ")}); a bid cannot change them.` });
  if (canonicalJson(proposal.costSharing) !== canonicalJson(base.costSharing)) breaches.push({ path: "costSharing", message: "How payments are shared between the commissioners is set by the tender." });
  if (canonicalJson(proposal.coFunder) !== canonicalJson(base.coFunder)) breaches.push({ path: "coFunder", message: base.coFunder ? `The co-funder's top-up (${base.coFunder.name}, ${base.coFunder.topUpBps / 100}%) is set by the tender.` : "The tender has no co-funder; a bid cannot add one." });
  if (canonicalJson(proposal.invoicing) !== canonicalJson(base.invoicing)) breaches.push({ path: "invoicing", message: "When payments are invoiced is set by the tender; a bid cannot change it." });
  if (rules.capFixed && canonicalJson(proposal.caps) !== canonicalJson(base.caps)) breaches.push({ path: "caps", message: "The caps are fixed by the tender: put them back as published." });

  const ruleFor = new Map(rules.components.map((r) => [r.componentId, r]));
  const proposed = new Map(proposal.components.map((c) => [c.id, c]));
  for (const b of base.components) {
    const rule = ruleFor.get(b.id);
    const p = proposed.get(b.id);
    if (!p) {
      if (!rule?.optional) breaches.push({ path: `components.${b.id}`, message: `“${b.name}” must stay in the bid.` });
      continue;
    }
    if (p.kind !== b.kind || structure(p) !== structure(b)) {
      breaches.push({ path: `components.${b.id}`, message: `“${b.name}”: only its ${priceWord(b)} may change; the tender fixes the rest of it.` });
      continue;
    }
    const price = priceOf(p);
    const min = rule ? rule.minPence : priceOf(b);
    const max = rule ? rule.maxPence : priceOf(b);
    if (!rule && price !== priceOf(b)) breaches.push({ path: `components.${b.id}`, message: `“${b.name}”: the tender fixes the ${priceWord(b)} at ${formatPounds(priceOf(b))}; this bid has ${formatPounds(price)}.` });
    else if (min !== null && price < min) breaches.push({ path: `components.${b.id}`, message: `“${b.name}”: ${priceWord(b)} ${formatPounds(price)} is below the tender's minimum of ${formatPounds(min)}.` });
    else if (max !== null && price > max) breaches.push({ path: `components.${b.id}`, message: `“${b.name}”: ${priceWord(b)} ${formatPounds(price)} is above the tender's maximum of ${formatPounds(max)}.` });
  }
  const baseIds = new Set(base.components.map((c) => c.id));
  const allowed = new Set<NewComponentKind>(rules.newKinds);
  for (const p of proposal.components) {
    if (baseIds.has(p.id) || allowed.has(p.kind)) continue;
    breaches.push({
      path: `components.${p.id}`,
      message: allowed.size
        ? `“${p.name}” is a ${COMPONENT_KIND_LABELS[p.kind]}; the tender allows bids to add only: ${[...allowed].map((k) => COMPONENT_KIND_LABELS[k]).join(", ")}.`
        : `“${p.name}” is not in the published model, and the tender allows no new payments.`,
    });
  }
  if (rules.minAtRiskBps !== null && forecast) {
    for (const s of forecast) {
      const share = Math.round(s.atRiskShare.p50 * 10_000);
      if (share < rules.minAtRiskBps) breaches.push({ path: "atRisk", message: `In “${s.scenario}” ${share / 100}% of the consortium's income is at risk at the median; the tender asks for at least ${rules.minAtRiskBps / 100}%.` });
    }
  }
  return breaches;
}

/**
 * Everything keeping a bid outside the tender, in words: the proposal against the rules,
 * the small providers' share at risk (once priced), the answers' word limits; and, when
 * `complete` (at submission), unanswered questions and a missing name too. One function
 * for the page as it is typed and the server at submission.
 */
export function bidBreaches(input: {
  base: PaymentModel;
  rules: BidRules;
  proposal: PaymentModel | null;
  proposalProblems: string[];
  forecast: ScenarioForecast[] | null;
  smallProviderBreaches: Breach[];
  questions: QualityQuestion[];
  answers: Record<string, string>;
  name: string;
  complete: boolean;
}): Breach[] {
  if (!input.proposal) return [{ path: "proposal", message: `The payment proposal is not complete: ${input.proposalProblems.join("; ")}` }];
  const breaches = [...checkProposal(input.base, input.rules, input.proposal, input.forecast), ...input.smallProviderBreaches];
  for (const q of input.questions) {
    const words = wordCount(input.answers[q.id] ?? "");
    if (words === 0 && input.complete) breaches.push({ path: `answers.${q.id}`, message: `Answer “${q.title}”.` });
    else if (words > q.wordLimit) breaches.push({ path: `answers.${q.id}`, message: `The answer to “${q.title}” has ${words} words; the limit is ${q.wordLimit}.` });
  }
  if (input.complete && !input.name.trim()) breaches.push({ path: "name", message: "Give the bid a name (usually the consortium's)." });
  return breaches;
}

/** Words in an answer: runs of non-space characters. */
export function wordCount(text: string): number {
  const t = text.trim();
  return t ? t.split(/\s+/u).length : 0;
}
