// The evaluation's figures, worked out from the records: every opened bid priced by the
// engine under the tender's scenarios (in the compute worker, all bids on one cohort,
// remembered),
// the consensus scores, the ranking from the tender's weights, and after the award each
// bidder's assessment summary (its scores and the winner's, with the reasons).
import { awardRecordedAs } from "./audit.server";
import { createHash } from "node:crypto";
import type { AppLoadContext } from "@remix-run/node";
import type { Forecast, Scenario } from "~/domain/payment/forecast";
import type { PaymentModel } from "~/domain/payment/model";
import { comparisonRows, pricesOf, type ComparisonRow, type PricedBid } from "~/domain/procurement/comparison";
import { rankBids, type RankedBid } from "~/domain/procurement/evaluation";
import { PAGE_FORECAST } from "~/domain/payment/workbook";
import { readSubmittedBids, type BidRecord, type OpenedBid } from "~/models/bid.server";
import { getAward, listConsensus, type AwardView } from "~/models/evaluation.server";
import type { ProcurementRecord } from "~/models/procurement.server";
import { tenderModel } from "./bids.server";

/** The runs and seed every bid is priced with in the comparison: the payment page's seed, twice its runs. */
export const BID_PRICING = { runs: 1_000, seed: PAGE_FORECAST.seed } as const;

// Opened bids never change: their pricing is remembered per set of bids.
const MAX_PRICINGS = 16;
const pricings = new Map<string, Promise<Forecast[] | null>>();

function pricing(context: AppLoadContext, versionId: string, models: PaymentModel[], scenarios: Scenario[]): Promise<Forecast[] | null> {
  const key = createHash("sha256").update(JSON.stringify([versionId, models, scenarios, BID_PRICING])).digest("base64url");
  const hit = pricings.get(key);
  if (hit) return hit;
  if (!context.runForecastMany) return Promise.resolve(null);
  const pending = context.runForecastMany(models, scenarios, BID_PRICING.runs, BID_PRICING.seed).then((r) => {
    if (!r.ok) pricings.delete(key);
    return r.ok ? r.value : null;
  });
  pricings.set(key, pending);
  while (pricings.size > MAX_PRICINGS) pricings.delete(pricings.keys().next().value!);
  return pending;
}

/** Every opened bid priced under the tender's scenarios, all on one cohort (forecastMany), in the compute worker. */
export async function priceBids(context: AppLoadContext, p: ProcurementRecord, opened: OpenedBid[], waitMs = 15_000): Promise<PricedBid[]> {
  const tender = await tenderModel(p);
  const withModels = opened.filter((o) => o.content.proposal);
  const models = withModels.map((o) => o.content.proposal!);
  let forecasts: Forecast[] | null = null;
  if (tender?.scenarios.length && models.length) {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), waitMs)));
    forecasts = await Promise.race([pricing(context, tender.versionId, models, tender.scenarios), late]).finally(() => clearTimeout(timer));
  }
  return withModels.map((o, i) => ({ bidId: o.bid.id, label: o.content.name, model: o.content.proposal!, forecast: forecasts?.[i] ?? null }));
}

/** Starts pricing the opened bids (right after opening), so the evaluation page finds them priced. */
export async function warmPricing(context: AppLoadContext, p: ProcurementRecord): Promise<void> {
  await priceBids(context, p, await readSubmittedBids(p.id), 0);
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
  /** The award's entry in the audit trail. */
  recorded: { chain: string; seq: number; hash: string; short: string } | null;
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
  const recorded = await awardRecordedAs(p.workspaceId, p.id);
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
      recorded,
      // Its own line and the winner's; other bidders stay unnamed.
      ranks: figures.ranking
        .filter((r) => r.bidId === o.bid.id || r.bidId === award.bidId)
        .map((r) => ({ label: r.bidId === o.bid.id ? o.content.name : `${r.label} (the winning bid)`, ours: r.bidId === o.bid.id, winner: r.bidId === award.bidId, rank: r.rank, qualityPoints: r.qualityPoints, pricePoints: r.pricePoints, totalPoints: r.totalPoints })),
      questions: p.terms.criteria.questions.map((q) => ({ title: q.title, ours: scoreOf(o.bid.id, q.id), winner: o.bid.id === award.bidId ? null : scoreOf(award.bidId, q.id) })),
      scaleMax: p.terms.criteria.scaleMax,
    }));
}
