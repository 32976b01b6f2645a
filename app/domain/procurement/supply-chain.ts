// Risk across the supply chain (seed 001, recommendation 4): for each party to a bid,
// what it can expect to receive and how much of that depends on outcomes, under the
// tender's scenarios, from the proposal's forecast and the terms between the parties.
//
// The consortium's income at each percentile comes from the forecast of the proposal.
// Its outcome part is that income times the median share at risk (the forecast gives
// percentiles, not runs, so this is an approximation, stated on the page). Delivery
// partners are paid by the prime: a fee for each family they deliver (their share of
// the families) and a share of the outcome income; the investor's figures are the
// forecast's; the prime keeps the rest. Pure: no I/O.
import { z } from "zod";
import type { ScenarioForecast } from "../payment/forecast";
import { formatWholePounds } from "../payment/money";
import type { Breach } from "./bid-rules";

export const CONSORTIUM_ROLES = ["prime", "delivery", "investor"] as const;
export type ConsortiumRole = (typeof CONSORTIUM_ROLES)[number];
export const CONSORTIUM_ROLE_LABELS: Record<ConsortiumRole, string> = { prime: "Prime contractor", delivery: "Delivery partner", investor: "Investor" };

/** What the prime pays a delivery partner (kept in the bid's shared document). */
export const PartnerTermsSchema = z.object({
  feePerFamilyPence: z.number().int().min(0).max(100_000_000).default(0),
  /** The partner's share of the families referred, in basis points. */
  caseShareBps: z.number().int().min(0).max(10_000).default(0),
  /** The partner's share of the consortium's outcome income, in basis points. */
  outcomeShareBps: z.number().int().min(0).max(10_000).default(0),
});
export type PartnerTerms = z.infer<typeof PartnerTermsSchema>;
export const NO_TERMS: PartnerTerms = { feePerFamilyPence: 0, caseShareBps: 0, outcomeShareBps: 0 };

export type ConsortiumParty = { organisationId: string; name: string; role: ConsortiumRole; small: boolean };
export type Triple = { p10: number; p50: number; p90: number };
export type PartyRisk = {
  organisationId: string | null;
  name: string;
  role: ConsortiumRole | "commissioners";
  /** Income (or, for the commissioners, cost) at P10/P50/P90, in pence. */
  income: Triple;
  /** Share of its median income that depends on outcomes, 0–1; null where it does not apply. */
  atRiskShare: number | null;
  note: string;
};
export type ScenarioRisk = { scenario: string; parties: PartyRisk[] };

const QS = ["p10", "p50", "p90"] as const;
const triple = (f: (q: (typeof QS)[number]) => number): Triple => ({ p10: Math.round(f("p10")), p50: Math.round(f("p50")), p90: Math.round(f("p90")) });

/** Each party's income and share at risk in each scenario. */
export function supplyChainRisk(forecast: ScenarioForecast[], parties: ConsortiumParty[], terms: Record<string, PartnerTerms>, capPence: number | null): ScenarioRisk[] {
  return forecast.map((s) => {
    const share = s.atRiskShare.p50;
    const outcome = (q: (typeof QS)[number]) => s.providerIncomePence[q] * share;
    const delivery = parties.filter((p) => p.role === "delivery");
    const partnerIncome = (p: ConsortiumParty, q: (typeof QS)[number]) => {
      const t = terms[p.organisationId] ?? NO_TERMS;
      const fees = (s.participants[q] * t.caseShareBps * t.feePerFamilyPence) / 10_000;
      return { fees, outcomes: (outcome(q) * t.outcomeShareBps) / 10_000 };
    };
    const rows: PartyRisk[] = [
      {
        organisationId: null,
        name: "The commissioners",
        role: "commissioners",
        income: triple((q) => s.commissionerCostPence[q]),
        atRiskShare: null,
        note: capPence !== null ? `What they pay; outcome payments are capped at ${formatWholePounds(capPence)}.` : "What they pay.",
      },
    ];
    const prime = parties.find((p) => p.role === "prime");
    if (prime) {
      const income = triple((q) => s.providerIncomePence[q] - delivery.reduce((a, p) => { const x = partnerIncome(p, q); return a + x.fees + x.outcomes; }, 0));
      const keptOutcome = outcome("p50") - delivery.reduce((a, p) => a + partnerIncome(p, "p50").outcomes, 0);
      rows.push({ organisationId: prime.organisationId, name: prime.name, role: "prime", income, atRiskShare: ratio(keptOutcome, income.p50), note: "Receives every payment and pays the delivery partners." });
    }
    for (const p of delivery) {
      const income = triple((q) => { const x = partnerIncome(p, q); return x.fees + x.outcomes; });
      rows.push({ organisationId: p.organisationId, name: p.name, role: "delivery", income, atRiskShare: ratio(partnerIncome(p, "p50").outcomes, income.p50), note: p.small ? "A small provider." : "" });
    }
    for (const p of parties.filter((x) => x.role === "investor")) {
      rows.push({
        organisationId: p.organisationId,
        name: p.name,
        role: "investor",
        income: triple((q) => s.investor.netCashPence[q]),
        atRiskShare: 1,
        note: `Its net return on the capital it puts in (at most ${formatWholePounds(s.investor.peakCapitalPence.p50)} at the median); a loss in ${Math.round(s.investor.lossProbability * 100)}% of runs.`,
      });
    }
    return { scenario: s.scenario, parties: rows };
  });
}

const ratio = (part: number, whole: number) => (whole > 0 ? Math.min(1, Math.max(0, part / whole)) : 0);

/** A small delivery partner carrying more of its income at risk than the tender allows. */
export function smallProviderBreaches(risk: ScenarioRisk[], parties: ConsortiumParty[], maxBps: number | null): Breach[] {
  if (maxBps === null) return [];
  const small = new Set(parties.filter((p) => p.small && p.role === "delivery").map((p) => p.organisationId));
  const out: Breach[] = [];
  for (const s of risk) {
    for (const r of s.parties) {
      if (!r.organisationId || !small.has(r.organisationId) || r.atRiskShare === null) continue;
      const bps = Math.round(r.atRiskShare * 10_000);
      if (bps > maxBps) out.push({ path: `terms.${r.organisationId}`, message: `In “${s.scenario}” ${r.name} (a small provider) carries ${bps / 100}% of its income at risk; the tender allows at most ${maxBps / 100}%.` });
    }
  }
  return out;
}
