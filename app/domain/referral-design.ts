// The workspace's `referral` Yjs document as a typed model: referral criteria,
// referral pathway, partner commitments and test vignettes. Each rule, step, partner
// and vignette is a Y.Map of plain values in an ordered collection, so people can
// edit different rules at once and reorder without losing edits. Reading validates
// every item with its zod schema and reports what it had to skip. Pure: no I/O.
import * as Y from "yjs";
import { z } from "zod";
import type { Problem } from "./outcome-framework";
import { CommitmentsSchema, PartnerCommitmentSchema, type Commitments } from "./referral-commitments";
import { CRITERIA_SCHEMA_VERSION, ExclusionRuleSchema, InclusionRuleSchema, VignetteSchema, type ExclusionRule, type InclusionRule, type ReferralCriteria } from "./referral-criteria";
import { readOrdered } from "./ydoc-fields";

export const PathwayStepSchema = z.object({
  id: z.string().min(1).max(64),
  title: z.string().trim().min(1, "Name the step").max(300),
  owner: z.string().trim().max(200).default(""),
});
export type PathwayStep = z.infer<typeof PathwayStepSchema>;

export const TestVignetteSchema = VignetteSchema.extend({ id: z.string().min(1).max(64), title: z.string().trim().min(1, "Give the vignette a short title").max(200) });
export type TestVignette = z.infer<typeof TestVignetteSchema>;

export type ReferralDesign = {
  criteria: ReferralCriteria;
  pathway: PathwayStep[];
  commitments: Commitments;
  vignettes: TestVignette[];
};

const COLLECTIONS = {
  inclusions: ["inclusionOrder", "inclusions"],
  exclusions: ["exclusionOrder", "exclusions"],
  pathway: ["pathwayOrder", "pathway"],
  partners: ["partnerOrder", "partners"],
  vignettes: ["vignetteOrder", "vignettes"],
} as const;
type Collection = keyof typeof COLLECTIONS;

const orderOf = (doc: Y.Doc, c: Collection) => doc.getArray<string>(COLLECTIONS[c][0]);
const itemsOf = (doc: Y.Doc, c: Collection) => doc.getMap<Y.Map<unknown>>(COLLECTIONS[c][1]);
const settings = (doc: Y.Doc) => doc.getMap<unknown>("commitmentSettings");

/** Items of a collection that pass `schema`; the rest become problems. */
function readItems<T>(doc: Y.Doc, c: Collection, schema: z.ZodType<T>, problems: Problem[]): T[] {
  const out: T[] = [];
  readOrdered(orderOf(doc, c), itemsOf(doc, c)).forEach(([id, m], i) => {
    const parsed = schema.safeParse({ ...m.toJSON(), id });
    if (parsed.success) out.push(parsed.data);
    else problems.push({ severity: "error", path: `${c}.${i}`, message: `${c.slice(0, -1)} ${i + 1} is incomplete: ${parsed.error.issues[0]?.message ?? "invalid"}` });
  });
  return out;
}

/** Replaces a collection's items (keeps order as given). */
function writeItems(doc: Y.Doc, c: Collection, items: { id: string }[]): void {
  const map = itemsOf(doc, c);
  const order = orderOf(doc, c);
  for (const key of [...map.keys()]) map.delete(key);
  order.delete(0, order.length);
  for (const item of items) {
    const m = new Y.Map<unknown>();
    for (const [k, v] of Object.entries(item)) if (k !== "id" && v !== undefined) m.set(k, v);
    map.set(item.id, m);
    order.push([item.id]);
  }
}

/** The design as it stands in `doc`, and any items it could not read. */
export function readReferralDesign(doc: Y.Doc): { design: ReferralDesign; problems: Problem[] } {
  const problems: Problem[] = [];
  const inclusions = readItems<InclusionRule>(doc, "inclusions", InclusionRuleSchema, problems);
  const exclusions = readItems<ExclusionRule>(doc, "exclusions", ExclusionRuleSchema, problems);
  const pathway = readItems(doc, "pathway", PathwayStepSchema, problems);
  const partners = readItems(doc, "partners", PartnerCommitmentSchema, problems);
  const vignettes = readItems(doc, "vignettes", TestVignetteSchema, problems);
  const s = CommitmentsSchema.pick({ rolloverPercent: true, balanceAcrossPartners: true }).safeParse(settings(doc).toJSON());
  const commitments: Commitments = { partners, ...(s.success ? s.data : { rolloverPercent: 0, balanceAcrossPartners: false }) };
  return { design: { criteria: { schemaVersion: CRITERIA_SCHEMA_VERSION, inclusions, exclusions }, pathway, commitments, vignettes }, problems };
}

/** Replaces the whole design (an import or a restore), as one edit. */
export function writeReferralDesign(doc: Y.Doc, design: ReferralDesign): void {
  doc.transact(() => {
    writeItems(doc, "inclusions", design.criteria.inclusions);
    writeItems(doc, "exclusions", design.criteria.exclusions);
    writeItems(doc, "pathway", design.pathway);
    writeItems(doc, "partners", design.commitments.partners);
    writeItems(doc, "vignettes", design.vignettes);
    settings(doc).set("rolloverPercent", design.commitments.rolloverPercent);
    settings(doc).set("balanceAcrossPartners", design.commitments.balanceAcrossPartners);
  });
}
