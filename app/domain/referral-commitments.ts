// Partner commitments: each commissioning partner's minimum referrals a year, what
// each expects to refer, shortfalls per partner, whether partners' surpluses balance
// others' shortfalls, and a rollover allowance (a percentage of the commitment that
// may carry into the next year; 5–10% in seed 003). Pure: no I/O.
import { z } from "zod";

export const PartnerCommitmentSchema = z.object({
  id: z.string().min(1).max(64),
  partner: z.string().trim().min(1, "Name the partner").max(200),
  minimumPerYear: z.number().int("Whole referrals only").min(0).max(100_000),
  expectedPerYear: z.number().int("Whole referrals only").min(0).max(100_000),
});
export type PartnerCommitment = z.infer<typeof PartnerCommitmentSchema>;

export const CommitmentsSchema = z.object({
  partners: z.array(PartnerCommitmentSchema).max(50),
  /** Percent of a commitment that may roll over into the next year. */
  rolloverPercent: z.number().min(0).max(100),
  /** Whether one partner's surplus may make up another's shortfall. */
  balanceAcrossPartners: z.boolean(),
});
export type Commitments = z.infer<typeof CommitmentsSchema>;

export type PartnerPosition = {
  partner: string;
  minimum: number;
  expected: number;
  shortfall: number;
  surplus: number;
  /** Referrals that may roll over (floor of rolloverPercent of the minimum). */
  rolloverAllowance: number;
  status: "met" | "within-rollover" | "short";
};

export type CommitmentSummary = {
  totalMinimum: number;
  totalExpected: number;
  partners: PartnerPosition[];
  /** Shortfall left after surpluses are balanced across partners (when allowed). */
  shortfallAfterBalancing: number;
  status: "met" | "within-rollover" | "short";
};

/** Positions per partner and overall. Rollover allowances are whole referrals, rounded down. */
export function summariseCommitments(c: Commitments): CommitmentSummary {
  const partners = c.partners.map((p): PartnerPosition => {
    const shortfall = Math.max(0, p.minimumPerYear - p.expectedPerYear);
    const rolloverAllowance = Math.floor((p.minimumPerYear * c.rolloverPercent) / 100);
    return {
      partner: p.partner,
      minimum: p.minimumPerYear,
      expected: p.expectedPerYear,
      shortfall,
      surplus: Math.max(0, p.expectedPerYear - p.minimumPerYear),
      rolloverAllowance,
      status: shortfall === 0 ? "met" : shortfall <= rolloverAllowance ? "within-rollover" : "short",
    };
  });
  const totalMinimum = partners.reduce((s, p) => s + p.minimum, 0);
  const totalExpected = partners.reduce((s, p) => s + p.expected, 0);
  const totalShortfall = partners.reduce((s, p) => s + p.shortfall, 0);
  const totalSurplus = partners.reduce((s, p) => s + p.surplus, 0);
  const shortfallAfterBalancing = c.balanceAcrossPartners ? Math.max(0, totalShortfall - totalSurplus) : totalShortfall;
  const totalRollover = Math.floor((totalMinimum * c.rolloverPercent) / 100);
  const status = c.balanceAcrossPartners
    ? shortfallAfterBalancing === 0
      ? "met"
      : shortfallAfterBalancing <= totalRollover
        ? "within-rollover"
        : "short"
    : partners.some((p) => p.status === "short")
      ? "short"
      : partners.some((p) => p.status === "within-rollover")
        ? "within-rollover"
        : "met";
  return { totalMinimum, totalExpected, partners, shortfallAfterBalancing, status };
}
