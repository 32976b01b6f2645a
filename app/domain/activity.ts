// The activity feed's words: what one person's change to a shared document did, as
// "added outcome 'Stays out of care'" or "edited the target of outcome 'Stays out of
// care': '80%' → '85%'" (a change of value always says what from and to), and how a
// stream of such changes (every keystroke is one) is folded into a few lines. The sync server attributes each change to the connection
// it came from (server/activity.ts); nothing here guesses who did what. Pure: no I/O.
import { FIELD_NAMES } from "./framework-diff";
import { MEASURE_TYPE_LABELS, OUTCOME_TEXT_FIELDS, type Indicator, type OutcomeFramework } from "./outcome-framework";
import { describeInclusion, type ExclusionRule, type InclusionRule } from "./referral-criteria";
import type { PartnerCommitment } from "./referral-commitments";
import type { PathwayStep, ReferralDesign } from "./referral-design";

/** One thing changed: `verb` + `label` reads as a sentence after the person's name. */
export type ActivityChange = {
  /** What was changed (an outcome, a rule, …): changes to one subject fold together. */
  subject: string;
  verb: string;
  /** The subject as it is now called; refreshed as later changes rename it. */
  label: string;
  /** For a change of value: what it was and what it became (whole values). */
  from?: string;
  to?: string;
  /** The values are free text: quoted, and cut to the part that changed when long. */
  text?: boolean;
};

const quote = (text: string, max = 60) => `'${text.length > max ? `${text.slice(0, max - 1)}…` : text || "untitled"}'`;
const INDICATOR_FIELDS = ["title", "definition", "dataSource", "baseline", "target"] as const satisfies readonly (keyof Indicator)[];
const INDICATOR_FIELD_NAMES: Record<(typeof INDICATOR_FIELDS)[number], string> = { title: "title", definition: "definition", dataSource: "data source", baseline: "baseline", target: "target" };
const payment = (linked: boolean) => (linked ? "linked to payment" : "tracked only (not paid)");
const tagList = (tags: string[]) => (tags.length ? tags.join(", ") : "none");

/** The line a feed shows for a change: "changed the tariff of 'X': £225.00 → £240.00". */
export function describeChange(c: ActivityChange): string {
  const what = [c.verb, c.label].filter(Boolean).join(" ");
  if (c.from === undefined || c.to === undefined) return what;
  const [from, to] = c.text ? excerptPair(c.from, c.to) : [c.from, c.to];
  return `${what}: ${from} → ${to}`;
}

/**
 * Two versions of a text as the feed shows them: quoted ("(blank)" when empty) and, when
 * either is long, cut to the stretch that differs with a little context either side,
 * so "…first 384 cases." → "…first 400 cases." shows the edit, not two equal prefixes.
 */
export function excerptPair(a: string, b: string, max = 60, context = 20): [string, string] {
  const show = (t: string[]) => (t.join("").trim() ? `'${t.join("")}'` : "(blank)");
  const [x, y] = [Array.from(a), Array.from(b)]; // code points: never cut an emoji in half
  if (x.length <= max && y.length <= max) return [show(x), show(y)];
  let p = 0;
  while (p < x.length && p < y.length && x[p] === y[p]) p++;
  let s = 0;
  while (s < x.length - p && s < y.length - p && x[x.length - 1 - s] === y[y.length - 1 - s]) s++;
  const start = Math.max(0, p - context);
  const excerpt = (t: string[]) => {
    if (t.length === 0) return "(blank)";
    const end = Math.min(t.length, t.length - s + context);
    let piece = t.slice(start, end);
    let tail = end < t.length;
    if (piece.length > max) {
      piece = piece.slice(0, max - 1);
      tail = true;
    }
    return `'${start > 0 ? "…" : ""}${piece.join("")}${tail ? "…" : ""}'`;
  };
  return [excerpt(x), excerpt(y)];
}
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
  if (before.goal !== after.goal) out.push({ subject: "goal", verb: "edited", label: "the goal", from: before.goal, to: after.goal, text: true });
  const outcomes = byId(before.outcomes, after.outcomes);
  for (const o of outcomes.removed) out.push({ subject: `outcome:${o.id}`, verb: "removed", label: `outcome ${quote(o.title)}` });
  for (const o of outcomes.added) out.push({ subject: `outcome:${o.id}`, verb: "added", label: `outcome ${quote(o.title)}` });
  for (const [was, o] of outcomes.kept) {
    const subject = `outcome:${o.id}`;
    const label = `outcome ${quote(o.title)}`;
    for (const f of OUTCOME_TEXT_FIELDS) if (was[f] !== o[f]) out.push({ subject, verb: `edited the ${FIELD_NAMES[f]} of`, label, from: was[f], to: o[f], text: true });
    if (was.linkedToPayment !== o.linkedToPayment) out.push({ subject, verb: "changed whether payment is linked to", label, from: payment(was.linkedToPayment), to: payment(o.linkedToPayment) });
    if (was.measureType !== o.measureType) out.push({ subject, verb: "changed the measure type of", label, from: MEASURE_TYPE_LABELS[was.measureType].toLowerCase(), to: MEASURE_TYPE_LABELS[o.measureType].toLowerCase() });
    if (!sameJson(was.tags, o.tags)) out.push({ subject, verb: "changed the tags of", label, from: tagList(was.tags), to: tagList(o.tags) });
    const indicators = byId(was.indicators, o.indicators);
    for (const i of indicators.removed) out.push({ subject, verb: `removed indicator ${quote(i.title)} from`, label });
    for (const i of indicators.added) out.push({ subject, verb: `added indicator ${quote(i.title)} to`, label });
    for (const [a, b] of indicators.kept) {
      for (const f of INDICATOR_FIELDS) {
        if (a[f] !== b[f]) out.push({ subject: `${subject}:indicator:${b.id}`, verb: `edited the ${INDICATOR_FIELD_NAMES[f]} of indicator ${quote(b.title)} of`, label, from: a[f], to: b[f], text: true });
      }
    }
  }
  if (outcomes.reordered) out.push({ subject: "outcome-order", verb: "reordered", label: "the outcomes" });
  for (const [was, o] of outcomes.kept) if (was.domainId !== o.domainId) out.push({ subject: `outcome:${o.id}`, verb: "changed the domain of", label: `outcome ${quote(o.title)}` });
  out.push(...listActivity(before.domains, after.domains, "domain", (d) => `outcome domain ${quote(d.title)}`, (d) => d.title));
  out.push(...listActivity(before.serviceQualities, after.serviceQualities, "quality", (q) => `service quality ${quote(q.title)}`, (q) => q.title));
  return out;
}

/**
 * Adds/removes/edits of one list of the referral design; an edit says what the item
 * read before and after (`words`), or only that it changed when `words` is absent.
 */
function listActivity<T extends { id: string }>(before: T[], after: T[], kind: string, name: (x: T) => string, words?: (x: T) => string): ActivityChange[] {
  const { removed, added, kept, reordered } = byId(before, after);
  const changed = ([a, x]: readonly [T, T]): ActivityChange => {
    const from = words?.(a);
    const to = words?.(x);
    return { subject: `${kind}:${x.id}`, verb: "changed", label: name(x), ...(from !== undefined && to !== undefined && from !== to ? { from, to } : {}) };
  };
  return [
    ...removed.map((x) => ({ subject: `${kind}:${x.id}`, verb: "removed", label: name(x) })),
    ...added.map((x) => ({ subject: `${kind}:${x.id}`, verb: "added", label: name(x) })),
    ...kept.filter(([a, b]) => !sameJson(a, b)).map(changed),
    ...(reordered ? [{ subject: `${kind}-order`, verb: "reordered", label: `the ${kind === "pathway" ? "pathway steps" : kind === "quality" ? "service qualities" : `${kind}s`}` }] : []),
  ];
}

const ruleWords = (r: InclusionRule) => `${quote(r.label)} (${describeInclusion(r)})`;
const exclusionWords = (r: ExclusionRule) => `${quote(r.label)} (concern: ${r.concern})`;
const stepWords = (s: PathwayStep) => `${quote(s.title)}${s.owner ? ` by ${s.owner}` : ""}`;
const commitmentWords = (p: PartnerCommitment) => `at least ${p.minimumPerYear} a year, ${p.expectedPerYear} expected`;

/** What changed in the referral design (criteria, pathway, commitments, test cases). */
export function referralActivity(before: ReferralDesign, after: ReferralDesign): ActivityChange[] {
  const out = [
    ...listActivity(before.criteria.inclusions, after.criteria.inclusions, "rule", (r) => `the rule ${quote(r.label)}`, ruleWords),
    ...listActivity(before.criteria.exclusions, after.criteria.exclusions, "exclusion", (r) => `the exclusion ${quote(r.label)}`, exclusionWords),
    ...listActivity(before.pathway, after.pathway, "pathway", (s) => `pathway step ${quote(s.title)}`, stepWords),
    ...listActivity(before.commitments.partners, after.commitments.partners, "partner", (p) => `${p.partner}'s referral commitment`, commitmentWords),
    ...listActivity(before.vignettes, after.vignettes, "case", (v) => `test case ${quote(v.title)}`),
  ];
  const [b, a] = [before.commitments, after.commitments];
  if (b.rolloverPercent !== a.rolloverPercent) out.push({ subject: "rollover", verb: "changed", label: "the rollover allowance", from: `${b.rolloverPercent}%`, to: `${a.rolloverPercent}%` });
  if (b.balanceAcrossPartners !== a.balanceAcrossPartners) {
    const words = (on: boolean) => (on ? "on" : "off");
    out.push({ subject: "balance", verb: "changed", label: "balancing shortfalls across partners", from: words(b.balanceAcrossPartners), to: words(a.balanceAcrossPartners) });
  }
  return out;
}

/** More changes than this in one edit (a restore, an import) are told as one line. */
export const BULK_THRESHOLD = 5;

/** One edit's changes as feed lines: itself, or one summary line for a bulk edit. */
export function summariseEdit(changes: ActivityChange[], editId: string): ActivityChange[] {
  if (changes.length <= BULK_THRESHOLD) return changes;
  const first = changes.slice(0, 3).map(describeChange).join("; ");
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
      if (into) {
        into.at = now;
        // A run of edits to one value reads from where it started to where it ended.
        if (into.verb === change.verb && change.to !== undefined) {
          into.from ??= change.from;
          into.to = change.to;
        }
      } else this.open.push({ ...change, actorKey, startedAt: now, at: now });
    }
  }

  /**
   * Lines ready to record (all of them with `all`), oldest first; they leave the
   * buffer. A value edited and put back as it was (from = to) is no change: dropped.
   */
  take(now: number, all = false): ActivityEntry[] {
    const ready = (e: ActivityEntry) => all || now - e.at >= this.options.quietMs || now - e.startedAt >= this.options.maxMs;
    const out = this.open.filter(ready);
    this.open = this.open.filter((e) => !ready(e));
    return out.filter((e) => e.from === undefined || e.from !== e.to).sort((a, b) => a.at - b.at);
  }

  get size(): number {
    return this.open.length;
  }
}
