// Evaluation: individual scores, moderation to a consensus, and the ranking computed
// from the tender's weights. Quality points: each question's consensus score over the
// scale's maximum, times its weight within quality, times the quality weight. Price
// points: the lowest price over this bid's price, times the price weight, where a
// bid's price is its median cost to the commissioners averaged over the tender's
// scenarios. Points are kept in hundredths (integers), rounded half up; ties are broken
// by quality points, then by the bid's label in code-point order. Pure: no I/O.
import { compareCodePoints } from "../order";
import type { Criteria } from "./tender";

export type ConsensusScore = { questionId: string; score: number; reasons: string };
export type IndividualScore = { evaluatorId: string; questionId: string; score: number; justification: string };

export type RankedBid = {
  bidId: string;
  label: string;
  /** Points out of 100, in hundredths (6000 = 60.00 points). */
  qualityPoints: number;
  pricePoints: number;
  totalPoints: number;
  pricePence: number | null;
  /** Questions without a consensus score yet. */
  missing: string[];
  rank: number;
};

/** A bid's price for the price criterion: its median cost to the commissioners, averaged over the scenarios. */
export function bidPrice(p50CostsPence: number[]): number | null {
  if (p50CostsPence.length === 0) return null;
  return Math.round(p50CostsPence.reduce((a, b) => a + b, 0) / p50CostsPence.length);
}

export function rankBids(criteria: Criteria, bids: { bidId: string; label: string; consensus: ConsensusScore[]; pricePence: number | null }[]): RankedBid[] {
  const prices = bids.map((b) => b.pricePence).filter((p): p is number => p !== null && p > 0);
  const lowest = prices.length ? Math.min(...prices) : null;
  const scored = bids.map((b) => {
    const byQuestion = new Map(b.consensus.map((c) => [c.questionId, c.score]));
    const missing = criteria.questions.filter((q) => !byQuestion.has(q.id)).map((q) => q.title);
    // hundredths of a point = score/max × weight(bps) × qualityWeight(bps) / 10^4 / 10^4 × 100 × 100
    const qualityNumerator = criteria.questions.reduce((a, q) => a + (byQuestion.get(q.id) ?? 0) * q.weightBps * criteria.qualityWeightBps, 0);
    const qualityPoints = Math.round(qualityNumerator / (criteria.scaleMax * 10_000));
    const pricePoints = lowest !== null && b.pricePence !== null && b.pricePence > 0 ? Math.round((lowest * criteria.priceWeightBps) / b.pricePence) : 0;
    return { bidId: b.bidId, label: b.label, qualityPoints, pricePoints, totalPoints: qualityPoints + pricePoints, pricePence: b.pricePence, missing, rank: 0 };
  });
  scored.sort((a, b) => b.totalPoints - a.totalPoints || b.qualityPoints - a.qualityPoints || compareCodePoints(a.label, b.label));
  scored.forEach((s, i) => (s.rank = i > 0 && s.totalPoints === scored[i - 1]!.totalPoints && s.qualityPoints === scored[i - 1]!.qualityPoints ? scored[i - 1]!.rank : i + 1));
  return scored;
}

/** "60.00" from hundredths. */
export const formatPoints = (hundredths: number) => `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, "0")}`;
