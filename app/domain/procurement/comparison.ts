// Bids side by side, by construction: every proposal priced by the same engine under
// the tender's scenarios with the same runs and seed, so a difference in a figure is a
// difference in the bids. One row per bid and scenario. Pure: no I/O.
import type { Forecast } from "../payment/forecast";
import { totalCapPence } from "../payment/forecast";
import type { PaymentModel } from "../payment/model";
import { bidPrice } from "./evaluation";

export type ComparisonRow = {
  bidId: string;
  label: string;
  scenario: string;
  commissionerCostPence: { p10: number; p50: number; p90: number };
  costPerSuccessPence: number;
  /** The most the outcome payments can reach (the cap), or null when uncapped. */
  maxExposurePence: number | null;
  coFunderPence: number;
  providerAtRiskShare: number;
  investorNetPence: number;
  investorIrr: number;
};

export type PricedBid = { bidId: string; label: string; model: PaymentModel; forecast: Forecast | null };

export function comparisonRows(bids: PricedBid[]): ComparisonRow[] {
  return bids.flatMap((b) =>
    (b.forecast?.scenarios ?? []).map((s) => ({
      bidId: b.bidId,
      label: b.label,
      scenario: s.scenario,
      commissionerCostPence: { p10: s.commissionerCostPence.p10, p50: s.commissionerCostPence.p50, p90: s.commissionerCostPence.p90 },
      costPerSuccessPence: s.costPerSuccessPence.p50,
      maxExposurePence: totalCapPence(b.model),
      coFunderPence: s.coFunderCostPence.p50,
      providerAtRiskShare: s.atRiskShare.p50,
      investorNetPence: s.investor.netCashPence.p50,
      investorIrr: s.investor.irr.p50,
    })),
  );
}

/** Each bid's price for the price criterion (see evaluation.ts). */
export function pricesOf(bids: PricedBid[]): Map<string, number | null> {
  return new Map(bids.map((b) => [b.bidId, b.forecast ? bidPrice(b.forecast.scenarios.map((s) => s.commissionerCostPence.p50)) : null]));
}
