// The workspace's `referral` Yjs document as a typed model: referral criteria,
// referral pathway, partner commitments and test vignettes. Each rule, step, partner
// and vignette is a Y.Map of plain values in an ordered collection, so people can
// edit different rules at once and reorder without losing edits. Reading validates
// every item with its zod schema and reports what it had to skip. Pure: no I/O.
import * as Y from "yjs";
import { z } from "zod";
import type { Problem } from "./outcome-framework";
import { CommitmentsSchema, PartnerCommitmentSchema, type Commitments } from "./referral-commitments";
import { CRITERIA_SCHEMA_VERSION, ExclusionRuleSchema, InclusionRuleSchema, ReferralCriteriaSchema, VignetteSchema, type ExclusionRule, type InclusionRule, type ReferralCriteria } from "./referral-criteria";
import { moveInOrder, readOrdered, removeFromOrder } from "./ydoc-fields";

export const PathwayStepSchema = z.object({
  id: z.string().min(1).max(64),
  title: z.string().trim().min(1, "Name the step").max(300),
  owner: z.string().trim().max(200).default(""),
});
export type PathwayStep = z.infer<typeof PathwayStepSchema>;

export const TestVignetteSchema = VignetteSchema.extend({ id: z.string().min(1).max(64), title: z.string().trim().min(1, "Give the vignette a short title").max(200) });
export type TestVignette = z.infer<typeof TestVignetteSchema>;

export const ReferralDesignSchema = z.object({
  criteria: ReferralCriteriaSchema,
  pathway: z.array(PathwayStepSchema),
  commitments: CommitmentsSchema,
  vignettes: z.array(TestVignetteSchema),
});
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
export type Collection = keyof typeof COLLECTIONS;

const orderOf = (doc: Y.Doc, c: Collection) => doc.getArray<string>(COLLECTIONS[c][0]);
const itemsOf = (doc: Y.Doc, c: Collection) => doc.getMap<Y.Map<unknown>>(COLLECTIONS[c][1]);
const settings = (doc: Y.Doc) => doc.getMap<unknown>("commitmentSettings");

const ITEM_NAMES: Record<Collection, string> = { inclusions: "Rule", exclusions: "Exclusion", pathway: "Pathway step", partners: "Partner", vignettes: "Test case" };

/** Items of a collection that pass `schema`; the rest become problems. */
function readItems<T>(doc: Y.Doc, c: Collection, schema: z.ZodType<T>, problems: Problem[]): T[] {
  const out: T[] = [];
  readOrdered(orderOf(doc, c), itemsOf(doc, c)).forEach(([id, m], i) => {
    const parsed = schema.safeParse({ ...m.toJSON(), id });
    if (parsed.success) out.push(parsed.data);
    else problems.push({ severity: "error", path: `${c}.${i}`, message: `${ITEM_NAMES[c]} ${i + 1} is incomplete: ${parsed.error.issues[0]?.message ?? "invalid"}.` });
  });
  return out;
}

/** Replaces a collection's items (keeps order as given). */
function writeItems(doc: Y.Doc, c: Collection, items: { id: string }[]): void {
  const map = itemsOf(doc, c);
  const order = orderOf(doc, c);
  for (const key of [...map.keys()]) map.delete(key);
  order.delete(0, order.length);
  for (const item of items) addItem(doc, c, item);
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

export type RawItem = { id: string; values: Record<string, unknown>; errors: Record<string, string> };

const SCHEMAS: Record<Collection, z.ZodType> = {
  inclusions: InclusionRuleSchema,
  exclusions: ExclusionRuleSchema,
  pathway: PathwayStepSchema,
  partners: PartnerCommitmentSchema,
  vignettes: TestVignetteSchema,
};

/**
 * A collection's items as people are typing them (before validation), each with its
 * field errors: an editor shows these, so a rule being corrected never disappears.
 */
export function readRawItems(doc: Y.Doc, c: Collection): RawItem[] {
  return readOrdered(orderOf(doc, c), itemsOf(doc, c)).map(([id, m]) => {
    const values = m.toJSON() as Record<string, unknown>;
    const parsed = SCHEMAS[c].safeParse({ ...values, id });
    const errors: Record<string, string> = {};
    if (!parsed.success) for (const issue of parsed.error.issues) errors[issue.path.map(String).join(".") || "_"] ??= issue.message;
    return { id, values, errors };
  });
}

/** Sets some fields of one item (each field last-writer-wins). */
export function updateItem(doc: Y.Doc, c: Collection, id: string, changes: Record<string, unknown>): void {
  const m = itemsOf(doc, c).get(id);
  if (!m) return;
  doc.transact(() => {
    for (const [k, v] of Object.entries(changes)) if (k !== "id") m.set(k, v);
  });
}

/** Adds an item at the end of a collection. */
export function addItem(doc: Y.Doc, c: Collection, item: { id: string } & Record<string, unknown>): void {
  doc.transact(() => {
    const m = new Y.Map<unknown>();
    for (const [k, v] of Object.entries(item)) if (k !== "id" && v !== undefined) m.set(k, v);
    itemsOf(doc, c).set(item.id, m);
    orderOf(doc, c).push([item.id]);
  });
}

export function removeItem(doc: Y.Doc, c: Collection, id: string): void {
  doc.transact(() => {
    itemsOf(doc, c).delete(id);
    removeFromOrder(orderOf(doc, c), id);
  });
}

/** Moves an item `by` places (e.g. a pathway step one earlier: -1). */
export function moveItem(doc: Y.Doc, c: Collection, id: string, by: number): void {
  const visible = readOrdered(orderOf(doc, c), itemsOf(doc, c)).map(([key]) => key);
  doc.transact(() => moveInOrder(orderOf(doc, c), visible, id, by));
}

/**
 * The concern key a new exclusion matches in test cases, from its wording
 * ("Current child protection plan" → "current-child-protection-plan"), made unique
 * among `taken`. The key stays when the wording is later reworded, so recorded
 * concerns keep matching.
 */
export function concernKey(label: string, taken: string[]): string {
  const base = label.toLowerCase().normalize("NFKD").replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 56) || "concern";
  let key = base;
  for (let n = 2; taken.includes(key); n++) key = `${base}-${n}`;
  return key;
}

export function setCommitmentSettings(doc: Y.Doc, changes: Partial<Pick<Commitments, "rolloverPercent" | "balanceAcrossPartners">>): void {
  doc.transact(() => {
    for (const [k, v] of Object.entries(changes)) settings(doc).set(k, v);
  });
}
