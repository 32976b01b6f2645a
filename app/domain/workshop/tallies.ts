// Counting votes: dots, rankings (Borda points), a 1–5 scale and emoji reactions. Each
// phone's ballot for a round replaces its last one, so a ballot sent twice (offline,
// then again on reconnect) counts once. Pure.
import { z } from "zod";
import { COPY } from "./copy";
import { REACTIONS, type Activity } from "./workshop";

const id = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/);

export const DotsBallotSchema = z.record(id, z.number().int().min(0).max(10));
export const RankBallotSchema = z.array(id).max(100);
export const ScaleBallotSchema = z.record(id, z.number().int().min(1).max(5));
export const ReactBallotSchema = z.record(id, z.enum(REACTIONS));
export const SortBallotSchema = z.record(id, id);

export type Ballot = { kind: "dots"; dots: Record<string, number> } | { kind: "rank"; order: string[] } | { kind: "scale"; scores: Record<string, number> } | { kind: "react"; reactions: Record<string, string> } | { kind: "sort"; themes: Record<string, string> };

/**
 * Checks a phone's ballot against the activity and what may be voted on: the dots add up
 * to no more than the activity gives, every target exists, a ranking names each at most
 * once. Returns the problem in plain words, or null.
 */
export function ballotProblem(activity: Activity, ballot: Ballot, targets: ReadonlySet<string>, themes: ReadonlySet<string> = new Set()): string | null {
  if (activity.kind !== ballot.kind) return COPY.voteOver;
  const keys = ballot.kind === "dots" ? Object.keys(ballot.dots) : ballot.kind === "rank" ? ballot.order : ballot.kind === "scale" ? Object.keys(ballot.scores) : ballot.kind === "react" ? Object.keys(ballot.reactions) : Object.keys(ballot.themes);
  if (keys.some((k) => !targets.has(k))) return COPY.voteGone;
  if (ballot.kind === "sort" && Object.values(ballot.themes).some((t) => !themes.has(t))) return COPY.voteGone;
  if (ballot.kind === "dots" && activity.kind === "dots") {
    const used = Object.values(ballot.dots).reduce((a, b) => a + b, 0);
    if (used > activity.dots) return COPY.tooManyDots(activity.dots);
  }
  if (ballot.kind === "rank" && new Set(ballot.order).size !== ballot.order.length) return COPY.rankTwice;
  return null;
}

export type Row = { targetId: string; value: number };

/** Dots per target. */
export function dotsTally(ballots: Row[][]): Map<string, number> {
  const out = new Map<string, number>();
  for (const b of ballots) for (const r of b) out.set(r.targetId, (out.get(r.targetId) ?? 0) + r.value);
  return out;
}

/**
 * Borda points per target: in a ranking of n, the first gets n − 1 points, the last 0;
 * a target a phone left out gets nothing from it. Ballots are `{targetId, value: position}`.
 */
export function bordaTally(ballots: Row[][]): Map<string, number> {
  const out = new Map<string, number>();
  for (const b of ballots) {
    const n = b.length;
    for (const r of b) out.set(r.targetId, (out.get(r.targetId) ?? 0) + (n - 1 - r.value));
  }
  return out;
}

export type ScaleResult = { count: number; /** mean × 100, rounded half up */ meanHundredths: number; counts: [number, number, number, number, number] };

/** Per target: how many scored it, the mean (in hundredths, exact integer arithmetic) and the spread 1–5. */
export function scaleTally(ballots: Row[][]): Map<string, ScaleResult> {
  const sums = new Map<string, { sum: number; counts: [number, number, number, number, number] }>();
  for (const b of ballots)
    for (const r of b) {
      const s = sums.get(r.targetId) ?? { sum: 0, counts: [0, 0, 0, 0, 0] };
      s.sum += r.value;
      s.counts[r.value - 1]! += 1;
      sums.set(r.targetId, s);
    }
  const out = new Map<string, ScaleResult>();
  for (const [k, s] of sums) {
    const count = s.counts.reduce((a, b) => a + b, 0);
    out.set(k, { count, meanHundredths: Math.floor((s.sum * 200 + count) / (2 * count)), counts: s.counts });
  }
  return out;
}

/** Per target, per emoji, how many phones reacted so. Ballot rows carry the emoji's index. */
export function reactTally(ballots: Row[][]): Map<string, Record<string, number>> {
  const out = new Map<string, Record<string, number>>();
  for (const b of ballots)
    for (const r of b) {
      const emoji = REACTIONS[r.value];
      if (!emoji) continue;
      const t = out.get(r.targetId) ?? {};
      t[emoji] = (t[emoji] ?? 0) + 1;
      out.set(r.targetId, t);
    }
  return out;
}

/** A ballot as rows to store: dots and scores as values, a ranking as positions, a reaction as its emoji's index. */
export function ballotRows(ballot: Ballot): Row[] {
  switch (ballot.kind) {
    case "dots":
      return Object.entries(ballot.dots).filter(([, v]) => v > 0).map(([targetId, value]) => ({ targetId, value }));
    case "rank":
      return ballot.order.map((targetId, value) => ({ targetId, value }));
    case "scale":
      return Object.entries(ballot.scores).map(([targetId, value]) => ({ targetId, value }));
    case "react":
      return Object.entries(ballot.reactions).map(([targetId, emoji]) => ({ targetId, value: REACTIONS.indexOf(emoji as (typeof REACTIONS)[number]) }));
    case "sort":
      // One row per card and the theme it was put in (a theme id is not a number).
      return Object.entries(ballot.themes).map(([cardId, themeId]) => ({ targetId: `${cardId}:${themeId}`, value: 1 }));
  }
}

/** Per card, how many phones put it in each theme. */
export function sortTally(ballots: Row[][]): Map<string, Record<string, number>> {
  const out = new Map<string, Record<string, number>>();
  for (const b of ballots)
    for (const r of b) {
      const [cardId, themeId] = r.targetId.split(":");
      if (!cardId || !themeId) continue;
      const t = out.get(cardId) ?? {};
      t[themeId] = (t[themeId] ?? 0) + 1;
      out.set(cardId, t);
    }
  return out;
}

/** The theme most phones chose for a card, if one leads (ties: no suggestion). */
export function suggestedTheme(counts: Record<string, number> | undefined): { themeId: string; votes: number; of: number } | null {
  if (!counts) return null;
  const sorted = Object.entries(counts).sort((a, b) => b[1] - a[1]);
  const of = sorted.reduce((n, [, v]) => n + v, 0);
  if (!sorted[0] || (sorted[1] && sorted[1][1] === sorted[0][1])) return null;
  return { themeId: sorted[0][0], votes: sorted[0][1], of };
}
