// What changed between two versions of the referral design, in the words of the
// referral form ("Exclusion added: …", "Aged 11 to 16 (10 and 17 by exception).
// became Aged 11 to 16 (17 by exception)."). Test cases are working material and are
// not compared. Pure: no I/O.
import { describeCriteria, type ReferralCriteria } from "./referral-criteria";
import type { ReferralDesign } from "./referral-design";

const quote = (text: string) => `'${text}'`;

/** Each inclusion rule's wording, by rule id. */
function wordings(criteria: ReferralCriteria): Map<string, string> {
  const { inclusions } = describeCriteria(criteria);
  return new Map(criteria.inclusions.map((r, i) => [r.id, inclusions[i]!]));
}

function diffById<T extends { id: string }>(before: T[], after: T[], describe: (item: T) => string, noun: string, changed: (a: T, b: T) => string | null): string[] {
  const old = new Map(before.map((x) => [x.id, x]));
  const now = new Map(after.map((x) => [x.id, x]));
  return [
    ...before.filter((x) => !now.has(x.id)).map((x) => `${noun} removed: ${describe(x)}`),
    ...after.flatMap((x) => {
      const was = old.get(x.id);
      if (!was) return [`${noun} added: ${describe(x)}`];
      const change = changed(was, x);
      return change ? [change] : [];
    }),
  ];
}

/** Changes from `before` to `after`, one sentence each. */
export function diffReferralDesigns(before: ReferralDesign, after: ReferralDesign): string[] {
  const wasWords = wordings(before.criteria);
  const nowWords = wordings(after.criteria);
  return [
    ...diffById(before.criteria.inclusions, after.criteria.inclusions, (r) => (wasWords.get(r.id) ?? nowWords.get(r.id))!, "Inclusion", (a, b) => {
      const was = wasWords.get(a.id)!;
      const now = nowWords.get(b.id)!;
      return was !== now ? `Inclusion changed: ${quote(was)} is now ${quote(now)}` : null;
    }),
    ...diffById(before.criteria.exclusions, after.criteria.exclusions, (r) => `${r.label}.`, "Exclusion", (a, b) => (a.label !== b.label ? `Exclusion changed: ${quote(a.label)} is now ${quote(b.label)}` : null)),
    ...diffById(before.pathway, after.pathway, (s) => s.title, "Pathway step", (a, b) =>
      a.title !== b.title || a.owner !== b.owner ? `Pathway step changed: ${quote(a.title)} is now ${quote(b.title)}${b.owner ? ` (${b.owner})` : ""}` : null,
    ),
    ...diffById(before.commitments.partners, after.commitments.partners, (p) => `${p.partner}, minimum ${p.minimumPerYear} a year`, "Partner", (a, b) => {
      const parts = [
        a.minimumPerYear !== b.minimumPerYear ? `minimum ${a.minimumPerYear} → ${b.minimumPerYear} a year` : null,
        a.expectedPerYear !== b.expectedPerYear ? `expected ${a.expectedPerYear} → ${b.expectedPerYear} a year` : null,
      ].filter(Boolean);
      return parts.length ? `${b.partner}: ${parts.join(", ")}` : null;
    }),
    ...(before.commitments.rolloverPercent !== after.commitments.rolloverPercent ? [`Rollover allowance ${before.commitments.rolloverPercent}% → ${after.commitments.rolloverPercent}%`] : []),
    ...(before.commitments.balanceAcrossPartners !== after.commitments.balanceAcrossPartners
      ? [after.commitments.balanceAcrossPartners ? "Partners' surpluses now balance others' shortfalls" : "Partners' surpluses no longer balance others' shortfalls"]
      : []),
  ].map((line) => (line.endsWith(".") ? line : `${line}.`));
}
