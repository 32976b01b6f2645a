// The activity feed's words: what one person's change to a shared document did, as
// "added outcome 'Stays out of care'" or "edited the precise definition of outcome
// 'Stays out of care'", and how a stream of such changes (every keystroke is one) is
// folded into a few lines. The sync server attributes each change to the connection
// it came from (server/activity.ts); nothing here guesses who did what. Pure: no I/O.
import { FIELD_NAMES } from "./framework-diff";
import { OUTCOME_TEXT_FIELDS, type OutcomeFramework } from "./outcome-framework";
import type { ReferralDesign } from "./referral-design";

/** One thing changed: `verb` + `label` reads as a sentence after the person's name. */
export type ActivityChange = {
  /** What was changed (an outcome, a rule, …): changes to one subject fold together. */
  subject: string;
  verb: string;
  /** The subject as it is now called; refreshed as later changes rename it. */
  label: string;
};

const quote = (text: string, max = 60) => `'${text.length > max ? `${text.slice(0, max - 1)}…` : text || "untitled"}'`;
const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Compares two lists of items by id: removed, added, and pairs present in both. */
function byId<T extends { id: string }>(before: T[], after: T[]) {
  const old = new Map(before.map((x) => [x.id, x]));
  const now = new Set(after.map((x) => x.id));
  return {
    removed: before.filter((x) => !now.has(x.id)),
    added: after.filter((x) => !old.has(x.id)),
    kept: after.flatMap((x) => (old.has(x.id) ? [[old.get(x.id)!, x] as const] : [])),
    reordered: before.map((x) => x.id).filter((id) => now.has(id)).join() !== after.map((x) => x.id).filter((id) => old.has(id)).join(),
  };
}

/** What changed in an outcome framework, subject by subject. */
export function frameworkActivity(before: OutcomeFramework, after: OutcomeFramework): ActivityChange[] {
  const out: ActivityChange[] = [];
  if (before.goal !== after.goal) out.push({ subject: "goal", verb: "edited", label: "the goal" });
  const outcomes = byId(before.outcomes, after.outcomes);
  for (const o of outcomes.removed) out.push({ subject: `outcome:${o.id}`, verb: "removed", label: `outcome ${quote(o.title)}` });
  for (const o of outcomes.added) out.push({ subject: `outcome:${o.id}`, verb: "added", label: `outcome ${quote(o.title)}` });
  for (const [was, o] of outcomes.kept) {
    const subject = `outcome:${o.id}`;
    const label = `outcome ${quote(o.title)}`;
    for (const f of OUTCOME_TEXT_FIELDS) if (was[f] !== o[f]) out.push({ subject, verb: `edited the ${FIELD_NAMES[f]} of`, label });
    if (was.linkedToPayment !== o.linkedToPayment) out.push({ subject, verb: o.linkedToPayment ? "linked to payment" : "made tracked only (not paid)", label });
    if (was.measureType !== o.measureType) out.push({ subject, verb: "changed the measure type of", label });
    if (!sameJson(was.tags, o.tags)) out.push({ subject, verb: "changed the tags of", label });
    const indicators = byId(was.indicators, o.indicators);
    for (const i of indicators.removed) out.push({ subject, verb: `removed indicator ${quote(i.title)} from`, label });
    for (const i of indicators.added) out.push({ subject, verb: `added indicator ${quote(i.title)} to`, label });
    for (const [a, b] of indicators.kept) if (!sameJson(a, b)) out.push({ subject, verb: `edited indicator ${quote(b.title)} of`, label });
  }
  if (outcomes.reordered) out.push({ subject: "outcome-order", verb: "reordered", label: "the outcomes" });
  return out;
}

/** Adds/removes/edits of one list of the referral design. */
function listActivity<T extends { id: string }>(before: T[], after: T[], kind: string, name: (x: T) => string): ActivityChange[] {
  const { removed, added, kept, reordered } = byId(before, after);
  return [
    ...removed.map((x) => ({ subject: `${kind}:${x.id}`, verb: "removed", label: name(x) })),
    ...added.map((x) => ({ subject: `${kind}:${x.id}`, verb: "added", label: name(x) })),
    ...kept.filter(([a, b]) => !sameJson(a, b)).map(([, x]) => ({ subject: `${kind}:${x.id}`, verb: "changed", label: name(x) })),
    ...(reordered ? [{ subject: `${kind}-order`, verb: "reordered", label: `the ${kind === "pathway" ? "pathway steps" : `${kind}s`}` }] : []),
  ];
}

/** What changed in the referral design (criteria, pathway, commitments, test cases). */
export function referralActivity(before: ReferralDesign, after: ReferralDesign): ActivityChange[] {
  const out = [
    ...listActivity(before.criteria.inclusions, after.criteria.inclusions, "rule", (r) => `the rule ${quote(r.label)}`),
    ...listActivity(before.criteria.exclusions, after.criteria.exclusions, "exclusion", (r) => `the exclusion ${quote(r.label)}`),
    ...listActivity(before.pathway, after.pathway, "pathway", (s) => `pathway step ${quote(s.title)}`),
    ...listActivity(before.commitments.partners, after.commitments.partners, "partner", (p) => `${p.partner}'s referral commitment`),
    ...listActivity(before.vignettes, after.vignettes, "case", (v) => `test case ${quote(v.title)}`),
  ];
  const [b, a] = [before.commitments, after.commitments];
  if (b.rolloverPercent !== a.rolloverPercent) out.push({ subject: "rollover", verb: "set", label: `the rollover allowance to ${a.rolloverPercent}%` });
  if (b.balanceAcrossPartners !== a.balanceAcrossPartners)
    out.push({ subject: "balance", verb: a.balanceAcrossPartners ? "turned on" : "turned off", label: "balancing shortfalls across partners" });
  return out;
}

/** More changes than this in one edit (a restore, an import) are told as one line. */
export const BULK_THRESHOLD = 5;

/** One edit's changes as feed lines: itself, or one summary line for a bulk edit. */
export function summariseEdit(changes: ActivityChange[], editId: string): ActivityChange[] {
  if (changes.length <= BULK_THRESHOLD) return changes;
  const first = changes.slice(0, 3).map((c) => `${c.verb} ${c.label}`).join("; ");
  return [{ subject: `bulk:${editId}`, verb: `made ${changes.length} changes at once`, label: `(${first}; …)` }];
}

export type ActivityEntry = ActivityChange & { actorKey: string; startedAt: number; at: number };

/**
 * Folds one document's stream of changes into feed lines. A person's change to a
 * subject joins their open line for the same subject and verb (typing a definition
 * is one line, not one per keystroke); a change to something they added in the same
 * sitting joins the "added" line. A line is closed once `quietMs` pass without
 * another change to it, or `maxMs` after it opened.
 */
export class ActivityBuffer {
  private open: ActivityEntry[] = [];

  constructor(private readonly options: { quietMs: number; maxMs: number }) {}

  add(actorKey: string, changes: ActivityChange[], now: number): void {
    for (const change of changes) {
      const mine = this.open.filter((e) => e.actorKey === actorKey && e.subject === change.subject);
      for (const e of mine) e.label = change.label;
      const into = mine.find((e) => e.verb === change.verb) ?? (change.verb !== "removed" ? mine.find((e) => e.verb === "added") : undefined);
      if (into) into.at = now;
      else this.open.push({ ...change, actorKey, startedAt: now, at: now });
    }
  }

  /** Lines ready to record (all of them with `all`), oldest first; they leave the buffer. */
  take(now: number, all = false): ActivityEntry[] {
    const ready = (e: ActivityEntry) => all || now - e.at >= this.options.quietMs || now - e.startedAt >= this.options.maxMs;
    const out = this.open.filter(ready);
    this.open = this.open.filter((e) => !ready(e));
    return out.sort((a, b) => a.at - b.at);
  }

  get size(): number {
    return this.open.length;
  }
}
