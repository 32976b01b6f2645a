// Agreement between commissioning partners on referral decisions: would each
// partner refer each vignette? Fleiss' kappa across partners, and per vignette how
// split they are, so inconsistent thresholds between authorities show up before
// go-live (seed 003: "variation in what social workers have seen as 'edge of care'").
// Pure: no I/O.

export type Judgement = "refer" | "not-refer";
/** One member's judgement of one vignette, grouped by the partner they belong to. */
export type Vote = { vignetteId: string; partner: string; judgement: Judgement };

export type PartnerView = { partner: string; refer: number; notRefer: number; decision: Judgement | "split" };
export type VignetteAgreement = {
  vignetteId: string;
  partners: PartnerView[];
  /** Share of partner pairs that agree (Fleiss' P_i); 1 when every partner decides alike. */
  agreement: number;
};
export type AgreementSummary = {
  vignettes: VignetteAgreement[];
  /** Fleiss' kappa over vignettes every partner has decided; null when it cannot be computed. */
  kappa: number | null;
  /** Vignettes left out of kappa because a partner is split or has not judged it. */
  excluded: string[];
  /** Vignettes ordered from most to least disagreement. */
  mostDisputed: string[];
};

/** A partner's decision is its members' majority; a tie is "split". */
function decide(refer: number, notRefer: number): Judgement | "split" {
  return refer > notRefer ? "refer" : notRefer > refer ? "not-refer" : "split";
}

/**
 * Fleiss' kappa for `counts[i] = [refer, notRefer]` partner decisions on subject i,
 * each subject rated by the same number of partners n ≥ 2.
 */
export function fleissKappa(counts: [number, number][]): number | null {
  if (counts.length === 0) return null;
  const n = counts[0]![0] + counts[0]![1];
  if (n < 2 || counts.some(([a, b]) => a + b !== n)) return null;
  const N = counts.length;
  const p = [0, 1].map((j) => counts.reduce((s, c) => s + c[j]!, 0) / (N * n));
  const Pi = counts.map(([a, b]) => (a * (a - 1) + b * (b - 1)) / (n * (n - 1)));
  const Pbar = Pi.reduce((s, x) => s + x, 0) / N;
  const Pe = p[0]! ** 2 + p[1]! ** 2;
  if (Pe === 1) return 1; // everyone gave the same answer to everything: complete agreement
  return (Pbar - Pe) / (1 - Pe);
}

/** Agreement across `partners` on every vignette in `vignetteIds`. */
export function partnerAgreement(vignetteIds: string[], partners: string[], votes: Vote[]): AgreementSummary {
  const vignettes = vignetteIds.map((vignetteId): VignetteAgreement => {
    const views = partners.map((partner) => {
      const mine = votes.filter((v) => v.vignetteId === vignetteId && v.partner === partner);
      const refer = mine.filter((v) => v.judgement === "refer").length;
      const notRefer = mine.length - refer;
      return { partner, refer, notRefer, decision: mine.length ? decide(refer, notRefer) : ("split" as const) };
    });
    const decided = views.filter((v) => v.decision !== "split");
    const a = decided.filter((v) => v.decision === "refer").length;
    const b = decided.length - a;
    const n = decided.length;
    return { vignetteId, partners: views, agreement: n < 2 ? 1 : (a * (a - 1) + b * (b - 1)) / (n * (n - 1)) };
  });
  const complete = vignettes.filter((v) => v.partners.every((p) => p.decision !== "split") && v.partners.length >= 2);
  const counts = complete.map((v): [number, number] => {
    const refer = v.partners.filter((p) => p.decision === "refer").length;
    return [refer, v.partners.length - refer];
  });
  return {
    vignettes,
    kappa: fleissKappa(counts),
    excluded: vignettes.filter((v) => !complete.includes(v)).map((v) => v.vignetteId),
    mostDisputed: [...vignettes].sort((x, y) => x.agreement - y.agreement).map((v) => v.vignetteId),
  };
}
