// The evaluation's figures, worked out from the records: every opened bid priced by the
// engine under the tender's scenarios (in the compute worker, remembered per proposal),
// the consensus scores, the ranking from the tender's weights, and after the award each
// bidder's assessment summary (its scores and the winner's, with the reasons).
import type { AppLoadContext } from "@remix-run/node";
import { comparisonRows, pricesOf, type ComparisonRow, type PricedBid } from "~/domain/procurement/comparison";
import { rankBids, type RankedBid } from "~/domain/procurement/evaluation";
import { PAGE_FORECAST } from "~/domain/payment/workbook";
import { readSubmittedBids, type BidRecord, type OpenedBid } from "~/models/bid.server";
import { getAward, listConsensus, type AwardView } from "~/models/evaluation.server";
import type { ProcurementRecord } from "~/models/procurement.server";
import { storedForecast } from "./forecast.server";
import { tenderModel } from "./bids.server";

/** The runs and seed every bid is priced with in the comparison: the payment page's seed, twice its runs. */
export const BID_PRICING = { runs: 1_000, seed: PAGE_FORECAST.seed } as const;

export async function priceBids(context: AppLoadContext, p: ProcurementRecord, opened: OpenedBid[], waitMs = 60_000): Promise<PricedBid[]> {
  const tender = await tenderModel(p);
  const out: PricedBid[] = [];
  // One at a time: the worker's queue is short, and each result is remembered.
  for (const o of opened) {
    const model = o.content.proposal;
    if (!model) continue;
    const forecast = tender?.scenarios.length ? await storedForecast(context, { model, scenarios: tender.scenarios, runs: BID_PRICING.runs, seed: BID_PRICING.seed }, waitMs) : null;
    out.push({ bidId: o.bid.id, label: o.content.name, model, forecast });
  }
  return out;
}

export type EvaluationFigures = { opened: OpenedBid[]; priced: PricedBid[]; rows: ComparisonRow[]; ranking: RankedBid[]; consensus: Awaited<ReturnType<typeof listConsensus>>; award: AwardView | null };

export async function evaluationFigures(context: AppLoadContext, p: ProcurementRecord, visible: (bidId: string) => boolean = () => true): Promise<EvaluationFigures> {
  const opened = (await readSubmittedBids(p.id)).filter((o) => visible(o.bid.id));
  const [priced, consensus, award] = await Promise.all([priceBids(context, p, opened), listConsensus(p.id), getAward(p.id)]);
  const prices = pricesOf(priced);
  const ranking = rankBids(
    p.terms.criteria,
    opened.map((o) => ({ bidId: o.bid.id, label: o.content.name, consensus: consensus.filter((c) => c.bidId === o.bid.id), pricePence: prices.get(o.bid.id) ?? null })),
  );
  return { opened, priced, rows: comparisonRows(priced), ranking, consensus, award };
}

export type AssessmentView = {
  bidId: string;
  name: string;
  won: boolean;
  reasons: string;
  standstillEndsAt: string;
  ranks: { label: string; ours: boolean; winner: boolean; rank: number; qualityPoints: number; pricePoints: number; totalPoints: number }[];
  questions: { title: string; ours: { score: number; reasons: string } | null; winner: { score: number; reasons: string } | null }[];
  scaleMax: number;
};

/** After the award: one summary per bid of the viewer's consortia that was submitted. */
export async function assessmentsFor(ctx: { procurement: ProcurementRecord }, context: AppLoadContext, mine: BidRecord[]): Promise<AssessmentView[]> {
  const p = ctx.procurement;
  const award = await getAward(p.id);
  if (!award || !mine.some((b) => b.submission)) return [];
  const figures = await evaluationFigures(context, p);
  const mineIds = new Set(mine.map((b) => b.id));
  const scoreOf = (bidId: string, questionId: string) => {
    const c = figures.consensus.find((x) => x.bidId === bidId && x.questionId === questionId);
    return c ? { score: c.score, reasons: c.reasons } : null;
  };
  return figures.opened
    .filter((o) => mineIds.has(o.bid.id))
    .map((o) => ({
      bidId: o.bid.id,
      name: o.content.name,
      won: o.bid.id === award.bidId,
      reasons: award.reasons,
      standstillEndsAt: award.standstillEndsAt,
      // Its own line and the winner's; other bidders stay unnamed.
      ranks: figures.ranking
        .filter((r) => r.bidId === o.bid.id || r.bidId === award.bidId)
        .map((r) => ({ label: r.bidId === o.bid.id ? o.content.name : `${r.label} (the winning bid)`, ours: r.bidId === o.bid.id, winner: r.bidId === award.bidId, rank: r.rank, qualityPoints: r.qualityPoints, pricePoints: r.pricePoints, totalPoints: r.totalPoints })),
      questions: p.terms.criteria.questions.map((q) => ({ title: q.title, ours: scoreOf(o.bid.id, q.id), winner: o.bid.id === award.bidId ? null : scoreOf(award.bidId, q.id) })),
      scaleMax: p.terms.criteria.scaleMax,
    }));
}
