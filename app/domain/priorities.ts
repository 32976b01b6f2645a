// Prioritisation by stakeholder group: each member rates how much each outcome
// matters (1–5); the view shows each group's ranking side by side and where the
// groups disagree most. Pure: no I/O.
import type { Role } from "./roles";

export const RATING_GROUPS = ["commissioner", "provider", "investor", "service-user"] as const satisfies readonly Role[];
export type RatingGroup = (typeof RATING_GROUPS)[number];
export const RATING_GROUP_LABELS: Record<RatingGroup, string> = {
  commissioner: "Commissioners",
  provider: "Providers",
  investor: "Investors",
  "service-user": "Service users",
};
export const SCORES = [1, 2, 3, 4, 5] as const;

export type Rating = { outcomeId: string; group: RatingGroup; score: number };
export type GroupView = { mean: number | null; raters: number; rank: number | null };
export type OutcomePriority = { outcomeId: string; groups: Record<RatingGroup, GroupView>; spread: number | null };

/**
 * Per outcome and group: mean score, number of raters and rank within the group
 * (1 = most important; ties share a rank). `spread` is the gap between the highest
 * and lowest group means, over groups that rated it; outcomes come back ordered by
 * spread, largest first (where groups disagree most).
 */
export function prioritiesByGroup(outcomeIds: string[], ratings: Rating[]): OutcomePriority[] {
  const views = outcomeIds.map((outcomeId) => {
    const groups = Object.fromEntries(
      RATING_GROUPS.map((g) => {
        const scores = ratings.filter((r) => r.outcomeId === outcomeId && r.group === g).map((r) => r.score);
        return [g, { mean: scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : null, raters: scores.length, rank: null }];
      }),
    ) as Record<RatingGroup, GroupView>;
    return { outcomeId, groups, spread: null as number | null };
  });
  for (const g of RATING_GROUPS) {
    const means = views.map((v) => v.groups[g].mean).filter((m): m is number => m !== null);
    for (const v of views) {
      const mean = v.groups[g].mean;
      if (mean !== null) v.groups[g].rank = 1 + means.filter((m) => m > mean).length;
    }
  }
  for (const v of views) {
    const means = RATING_GROUPS.map((g) => v.groups[g].mean).filter((m): m is number => m !== null);
    v.spread = means.length >= 2 ? Math.max(...means) - Math.min(...means) : null;
  }
  return [...views].sort((a, b) => (b.spread ?? -1) - (a.spread ?? -1));
}

/** The groups in the order a reader sees them: their own group first, then the rest as usual. */
export function groupsFor(readerRole: string | null): RatingGroup[] {
  const own = RATING_GROUPS.find((g) => g === readerRole);
  return own ? [own, ...RATING_GROUPS.filter((g) => g !== own)] : [...RATING_GROUPS];
}

/** One group's view of an outcome in words: "3.5 from 2 raters, ranked 1st". */
export function describeGroupView(v: GroupView): string {
  if (v.mean === null) return "Not rated yet";
  return `${v.mean.toFixed(1)} from ${v.raters} rater${v.raters === 1 ? "" : "s"}, ranked ${ordinal(v.rank ?? 0)}`;
}

function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? "th" : n % 10 === 1 ? "st" : n % 10 === 2 ? "nd" : n % 10 === 3 ? "rd" : "th";
  return `${n}${suffix}`;
}
