// Exports of the co-design documents for people outside the platform: CSV for
// spreadsheets, and the typed JSON (with its schema version) for other systems.
// Pure: no I/O.
import { toCsv } from "./csv";
import { MEASURE_TYPE_LABELS, type OutcomeFramework } from "./outcome-framework";
import { describeCriteria } from "./referral-criteria";
import type { ReferralDesign } from "./referral-design";

/** One row per outcome, then one per indicator under it; then the service qualities. */
export function frameworkCsv(framework: OutcomeFramework): string {
  const header = ["Outcome", "Indicator", "Description", "Precise definition", "Data source", "Validation method", "Baseline", "Target", "When measured", "Measure type", "Linked to payment", "Owner organisation", "Tags", "Outcome domain", "Source"];
  const domain = new Map(framework.domains.map((d) => [d.id, d.title]));
  const rows = framework.outcomes.flatMap((o) => [
    [o.title, "", o.description, o.definition, o.dataSource, o.validationMethod, o.baseline, o.target, o.measurementTiming, MEASURE_TYPE_LABELS[o.measureType], o.linkedToPayment ? "yes" : "no", o.ownerOrganisation, o.tags.join("; "), domain.get(o.domainId) ?? "", o.source],
    ...o.indicators.map((i) => [o.title, i.title, "", i.definition, i.dataSource, "", i.baseline, i.target, "", "", "", "", "", "", i.source]),
  ]);
  const qualities = framework.serviceQualities.length ? [[], ["Service quality", "Description", "Source"], ...framework.serviceQualities.map((q) => [q.title, q.description, q.source])] : [];
  return toCsv([["Goal", framework.goal], [], header, ...rows, ...qualities]);
}

/** The rules as the referral form words them, then the pathway and partner commitments. */
export function referralCsv(design: ReferralDesign): string {
  const wording = describeCriteria(design.criteria);
  return toCsv([
    ["Section", "Item", "Detail"],
    ...wording.inclusions.map((line, i) => ["Inclusion", design.criteria.inclusions[i]!.label, line]),
    ...wording.exclusions.map((line) => ["Exclusion", line, ""]),
    ...design.pathway.map((s, i) => ["Pathway step", `${i + 1}. ${s.title}`, s.owner]),
    ...design.commitments.partners.map((p) => ["Partner commitment", p.partner, `minimum ${p.minimumPerYear} a year; expected ${p.expectedPerYear}`]),
    ["Rollover allowance", `${design.commitments.rolloverPercent}%`, design.commitments.balanceAcrossPartners ? "surpluses balance shortfalls across partners" : "no balancing across partners"],
  ]);
}
