// "You said, we did": what became of each theme, worked out from the framework as it
// stands now (not a copy kept in step), so the page follows the framework, the tender
// and the contract as they move on. Pure.
import type { OutcomeFramework } from "../outcome-framework";

export type ThemeLink = {
  id: string;
  title: string;
  promotedAs: "outcome" | "indicator" | "service-quality" | null;
  promotedId: string | null;
  promotedOutcomeId: string | null;
  decision: "changed" | "not-adopted" | null;
  decisionReason: string;
};

export type Fate =
  | { kind: "adopted"; as: "outcome"; number: number; title: string }
  | { kind: "adopted"; as: "indicator"; outcomeNumber: number; title: string }
  | { kind: "adopted"; as: "service-quality"; title: string }
  | { kind: "removed" }
  | { kind: "not-adopted" }
  | { kind: "considering" };

export type ThemeFate = {
  fate: Fate;
  /** The words it has now, when they differ from what young people's theme said. */
  changedTo: string | null;
  /** Why it was changed or not adopted, as the facilitator wrote it. */
  reason: string;
  inTender: boolean;
  inContract: boolean;
};

/** Where the promoted item is in `framework`, or null when it is not there. */
function find(theme: ThemeLink, framework: OutcomeFramework): Fate | null {
  if (!theme.promotedId) return null;
  if (theme.promotedAs === "outcome") {
    const i = framework.outcomes.findIndex((o) => o.id === theme.promotedId);
    return i < 0 ? null : { kind: "adopted", as: "outcome", number: i + 1, title: framework.outcomes[i]!.title };
  }
  if (theme.promotedAs === "indicator") {
    const i = framework.outcomes.findIndex((o) => o.indicators.some((ind) => ind.id === theme.promotedId));
    if (i < 0) return null;
    return { kind: "adopted", as: "indicator", outcomeNumber: i + 1, title: framework.outcomes[i]!.indicators.find((ind) => ind.id === theme.promotedId)!.title };
  }
  if (theme.promotedAs === "service-quality") {
    const q = framework.serviceQualities.find((s) => s.id === theme.promotedId);
    return q ? { kind: "adopted", as: "service-quality", title: q.title } : null;
  }
  return null;
}

const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, " ");

/**
 * What became of `theme`: adopted (and as what, and where it is now), taken out again,
 * not adopted, or still being considered; and whether the tender (the framework version
 * the tender was published with) and the contract carry it.
 */
export function fateOf(theme: ThemeLink, now: OutcomeFramework, context: { tender: OutcomeFramework | null; contracted: boolean }): ThemeFate {
  const found = find(theme, now);
  const inTender = context.tender ? find(theme, context.tender) !== null : false;
  const fate: Fate = found ?? (theme.promotedId ? { kind: "removed" } : theme.decision === "not-adopted" ? { kind: "not-adopted" } : { kind: "considering" });
  const changedTo = found && "title" in found && norm(found.title) !== norm(theme.title) ? found.title : null;
  return { fate, changedTo, reason: theme.decisionReason.trim(), inTender, inContract: inTender && context.contracted };
}

/** Themes in the order young people should read them: adopted first, then the rest as sorted. */
export function byFate<T extends { fate: ThemeFate }>(themes: T[]): T[] {
  const rank = (f: Fate) => (f.kind === "adopted" ? 0 : f.kind === "considering" ? 1 : 2);
  return themes.map((t, i) => ({ t, i })).sort((a, b) => rank(a.t.fate.fate) - rank(b.t.fate.fate) || a.i - b.i).map(({ t }) => t);
}
