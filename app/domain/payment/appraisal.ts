// The options appraisal in plain language: for one scenario, what each contracting
// option would cost the commissioners, who carries which risk, and how the designed
// model compares. Seed 000's point: appraise the options before choosing a
// payment-by-results model. Pure: no I/O.
import type { ContractOption, ScenarioForecast } from "./forecast";
import { formatWholePounds } from "./money";

export const OPTION_LABELS: Record<ContractOption, string> = {
  "fee-for-service": "Fee-for-service",
  "payment-by-results": "Payment by results (no investor)",
  "social-impact-bond": "Social impact bond",
  alliance: "Alliance (costs plus shared gain)",
  hybrid: "This hybrid model",
};

export const OPTION_RISKS: Record<ContractOption, string> = {
  "fee-for-service": "The commissioners carry all the risk that outcomes are not achieved; the provider is paid for delivery.",
  "payment-by-results": "The provider carries the risk and must find its own working capital, which rules out most small providers.",
  "social-impact-bond": "Investors carry the risk and fund delivery up front; the commissioners pay only for outcomes, plus the bond's extra set-up.",
  alliance: "Risk is shared: the commissioners pay costs as incurred and share any net cashable gain with the providers.",
  hybrid: "Shared as the model says: fees are paid whatever happens, outcome payments only for results, up to the caps.",
};

const pounds = formatWholePounds;

/** Sentences that explain the appraisal of one scenario, cheapest priced option first; an option missing an input is named with what it needs, never priced at £0. */
export function explainAppraisal(s: ScenarioForecast): string[] {
  const priced = s.options.filter((o) => o.needs === null);
  const byCost = [...priced].sort((a, b) => a.commissionerCostPence.p50 - b.commissionerCostPence.p50);
  const hybrid = s.options.find((o) => o.option === "hybrid")!;
  const ffs = s.options.find((o) => o.option === "fee-for-service")!;
  const lines: string[] = [];
  if (byCost.length > 1) {
    lines.push(`In "${s.scenario}", the cheapest option for the commissioners at the median is ${OPTION_LABELS[byCost[0]!.option].toLowerCase()} (${pounds(byCost[0]!.commissionerCostPence.p50)}); the dearest is ${OPTION_LABELS[byCost.at(-1)!.option].toLowerCase()} (${pounds(byCost.at(-1)!.commissionerCostPence.p50)}).`);
  }
  for (const o of s.options) if (o.needs) lines.push(`${OPTION_LABELS[o.option]} is not priced: it needs ${o.needs}.`);
  if (ffs.needs === null) {
    const diff = ffs.commissionerCostPence.p50 - hybrid.commissionerCostPence.p50;
    lines.push(
      diff >= 0
        ? `This model costs the commissioners ${pounds(diff)} less than fee-for-service at the median, and pays only for results.`
        : `This model costs the commissioners ${pounds(-diff)} more than fee-for-service at the median: the price of transferring the risk.`,
    );
  }
  lines.push(`What the commissioners pay ranges from ${pounds(hybrid.commissionerCostPence.p10)} to ${pounds(hybrid.commissionerCostPence.p90)} (P10 to P90): ${pounds(hybrid.costPerSuccessPence.p50)} of the commissioners' money per successful case at the median.`);
  if (pricesCostsAvoided(s)) {
    const [placements, ...wider] = s.costsAvoidedByWho;
    const others = wider.map((w) => `${w.who} ${pounds(w.pence.p50)}`).join(", ");
    lines.push(`The public sector avoids ${pounds(s.costsAvoidedPence.p50)} of costs at the median: the commissioners ${pounds(placements!.pence.p50)} in care placements${others ? `, ${others}` : ""}.`);
  }
  if (pricesDelivery(s)) {
    const margin = s.provider.marginPence.p50;
    lines.push(`Delivery costs ${pounds(s.provider.deliveryCostPence.p50)} at the median; the provider's income ${margin >= 0 ? "exceeds it by" : "falls short of it by"} ${pounds(Math.abs(margin))}, before the investors' return.`);
  }
  if (s.capReachedProbability > 0) lines.push(`The cap is reached in ${Math.round(s.capReachedProbability * 100)}% of runs, which limits what the commissioners can pay.`);
  if (pricesDelivery(s) && s.investor.lossProbability > 0) lines.push(`Investors lose money in ${Math.round(s.investor.lossProbability * 100)}% of runs.`);
  for (const g of s.gaps) lines.push(g.message);
  return lines;
}

/** Whether the forecast priced delivery (the scenario gave a delivery cost). */
export const pricesDelivery = (s: ScenarioForecast) => !s.gaps.some((g) => g.input === "delivery-costs");

/** Whether the forecast priced the costs avoided (the scenario gave what they need). */
export const pricesCostsAvoided = (s: ScenarioForecast) => !s.gaps.some((g) => g.input !== "delivery-costs");
