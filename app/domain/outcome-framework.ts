// The outcome framework: goal → outcomes → indicators, as a typed model (zod) over the
// workspace's `outcomes` Yjs document, and validation that reports problems as data.
// Pure: no I/O. The editor, the API, exports and the server all go through here.
//
// Layout in the Y.Doc (so concurrent edits merge field by field, and text fields
// character by character):
//   framework: Y.Map { goal: Y.Text }
//   outcomeOrder: Y.Array<id>            outcomes: Y.Map<id, Y.Map>
//   outcome Y.Map: text fields as Y.Text, measureType/linkedToPayment as values,
//                  tags: Y.Array<string>, indicatorOrder: Y.Array<id>, indicators: Y.Map<id, Y.Map>
//                  domainId, source, sourceRef as values (source: where it came from, in words;
//                  sourceRef: the workshop theme it was promoted from, "workshop:<id>:<themeId>")
//   domainOrder: Y.Array<id>             domains: Y.Map<id, Y.Map { title: Y.Text, description: Y.Text }>
//   qualityOrder: Y.Array<id>            qualities: Y.Map<id, Y.Map { title, description: Y.Text, source, sourceRef }>
// Outcome domains cluster outcomes (Lambeth's well-being model); service qualities say how
// the service must be delivered (seed 001, Appendix 1). Both are optional, so a framework
// written before them reads as one with none.
import * as Y from "yjs";
import { z } from "zod";
import { moveInOrder, readOrdered, removeFromOrder, setText, textOf } from "./ydoc-fields";

export const FRAMEWORK_SCHEMA_VERSION = 1;

export const MEASURE_TYPES = ["binary", "cumulative", "progression"] as const;
export type MeasureType = (typeof MEASURE_TYPES)[number];
export const MEASURE_TYPE_LABELS: Record<MeasureType, string> = {
  binary: "Binary (achieved or not)",
  cumulative: "Cumulative (counted each time it happens)",
  progression: "Progression from a starting point",
};

/** Tags people reach for; any short tag is allowed. */
export const SUGGESTED_TAGS = ["proposed by young people", "commissioner priority", "provider priority", "investor priority", "evidence-based", "wider outcome"];

const text = (max: number) => z.string().trim().max(max, `Keep this under ${max} characters`);

const provenance = {
  /** Where it came from, in words: "proposed by young people, workshop of 12 March 2026". */
  source: text(200).default(""),
  /** What it was promoted from, as a reference the product can follow back ("workshop:<id>:<themeId>"). */
  sourceRef: z.string().max(200).default(""),
};

export const IndicatorSchema = z.object({
  id: z.string().min(1).max(64),
  ...provenance,
  title: text(200).min(1, "Give the indicator a title"),
  definition: text(2000).default(""),
  dataSource: text(500).default(""),
  baseline: text(200).default(""),
  target: text(200).default(""),
});
export type Indicator = z.infer<typeof IndicatorSchema>;

export const OUTCOME_TEXT_FIELDS = ["title", "description", "definition", "dataSource", "validationMethod", "baseline", "target", "measurementTiming", "ownerOrganisation"] as const;
export type OutcomeTextField = (typeof OUTCOME_TEXT_FIELDS)[number];

export const OutcomeSchema = z.object({
  id: z.string().min(1).max(64),
  title: text(200).min(1, "Give the outcome a title"),
  description: text(2000).default(""),
  definition: text(4000).default(""),
  dataSource: text(1000).default(""),
  validationMethod: text(1000).default(""),
  baseline: text(500).default(""),
  target: text(500).default(""),
  measurementTiming: text(500).default(""),
  measureType: z.enum(MEASURE_TYPES).default("binary"),
  linkedToPayment: z.boolean().default(false),
  ownerOrganisation: text(200).default(""),
  tags: z.array(text(40).min(1)).max(20).default([]),
  /** The outcome domain it is clustered under, or "" for none. */
  domainId: z.string().max(64).default(""),
  ...provenance,
  indicators: z.array(IndicatorSchema).max(100).default([]),
});
export type Outcome = z.infer<typeof OutcomeSchema>;

export const OutcomeDomainSchema = z.object({
  id: z.string().min(1).max(64),
  title: text(200).min(1, "Give the domain a title"),
  description: text(2000).default(""),
});
export type OutcomeDomain = z.infer<typeof OutcomeDomainSchema>;

export const ServiceQualitySchema = z.object({
  id: z.string().min(1).max(64),
  title: text(300).min(1, "Give the service quality a title"),
  description: text(2000).default(""),
  ...provenance,
});
export type ServiceQuality = z.infer<typeof ServiceQualitySchema>;

/** Lambeth's clusters, from NEF's dynamic model of well-being (seed 001, Appendix 1). */
export const WELL_BEING_DOMAINS = ["External conditions", "Personal resources", "Functioning", "Subjective well-being"];

export const OutcomeFrameworkSchema = z.object({
  schemaVersion: z.literal(FRAMEWORK_SCHEMA_VERSION),
  goal: text(2000),
  domains: z.array(OutcomeDomainSchema).max(50).default([]),
  outcomes: z.array(OutcomeSchema).max(200),
  serviceQualities: z.array(ServiceQualitySchema).max(100).default([]),
});
export type OutcomeFramework = z.infer<typeof OutcomeFrameworkSchema>;

const root = (doc: Y.Doc) => doc.getMap<unknown>("framework");
const order = (doc: Y.Doc) => doc.getArray<string>("outcomeOrder");
const outcomes = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>("outcomes");
const domainOrder = (doc: Y.Doc) => doc.getArray<string>("domainOrder");
const domains = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>("domains");
const qualityOrder = (doc: Y.Doc) => doc.getArray<string>("qualityOrder");
const qualities = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>("qualities");
const valueOf = (m: Y.Map<unknown>, key: string) => {
  const v = m.get(key);
  return typeof v === "string" ? v : "";
};

function readIndicator(id: string, m: Y.Map<unknown>): Indicator {
  return { id, source: valueOf(m, "source"), sourceRef: valueOf(m, "sourceRef"), title: textOf(m, "title"), definition: textOf(m, "definition"), dataSource: textOf(m, "dataSource"), baseline: textOf(m, "baseline"), target: textOf(m, "target") };
}

function readOutcome(id: string, m: Y.Map<unknown>): Outcome {
  const measure = m.get("measureType");
  const tags = m.get("tags");
  return {
    id,
    ...(Object.fromEntries(OUTCOME_TEXT_FIELDS.map((f) => [f, textOf(m, f)])) as Record<OutcomeTextField, string>),
    measureType: MEASURE_TYPES.includes(measure as MeasureType) ? (measure as MeasureType) : "binary",
    linkedToPayment: m.get("linkedToPayment") === true,
    tags: tags instanceof Y.Array ? tags.toArray().filter((t): t is string => typeof t === "string") : [],
    domainId: valueOf(m, "domainId"),
    source: valueOf(m, "source"),
    sourceRef: valueOf(m, "sourceRef"),
    indicators: readOrdered(m.get("indicatorOrder"), m.get("indicators")).map(([iid, im]) => readIndicator(iid, im)),
  };
}

/** The framework as it stands in `doc` (tolerant of anything missing or malformed). */
export function readFramework(doc: Y.Doc): OutcomeFramework {
  return {
    schemaVersion: FRAMEWORK_SCHEMA_VERSION,
    goal: textOf(root(doc), "goal"),
    domains: readOrdered(domainOrder(doc), domains(doc)).map(([id, m]) => ({ id, title: textOf(m, "title"), description: textOf(m, "description") })),
    outcomes: readOrdered(order(doc), outcomes(doc)).map(([id, m]) => readOutcome(id, m)),
    serviceQualities: readOrdered(qualityOrder(doc), qualities(doc)).map(([id, m]) => ({ id, title: textOf(m, "title"), description: textOf(m, "description"), source: valueOf(m, "source"), sourceRef: valueOf(m, "sourceRef") })),
  };
}

function writeIndicator(m: Y.Map<unknown>, indicator: Partial<Indicator>) {
  for (const f of ["title", "definition", "dataSource", "baseline", "target"] as const) if (indicator[f] !== undefined) setText(m, f, indicator[f]);
  for (const f of ["source", "sourceRef"] as const) if (indicator[f]) m.set(f, indicator[f]);
}

function writeOutcomeFields(m: Y.Map<unknown>, outcome: Partial<Omit<Outcome, "id" | "indicators">>) {
  for (const f of OUTCOME_TEXT_FIELDS) if (outcome[f] !== undefined) setText(m, f, outcome[f]);
  if (outcome.measureType !== undefined) m.set("measureType", outcome.measureType);
  if (outcome.linkedToPayment !== undefined) m.set("linkedToPayment", outcome.linkedToPayment);
  for (const f of ["domainId", "source", "sourceRef"] as const) if (outcome[f] !== undefined) m.set(f, outcome[f]);
  if (outcome.tags !== undefined) {
    let tags = m.get("tags");
    if (!(tags instanceof Y.Array)) {
      tags = new Y.Array<string>();
      m.set("tags", tags);
    }
    const arr = tags as Y.Array<string>;
    arr.delete(0, arr.length);
    arr.push([...new Set(outcome.tags)]);
  }
}

/** Sets the goal statement. */
export function setGoal(doc: Y.Doc, goal: string): void {
  doc.transact(() => setText(root(doc), "goal", goal));
}

/** Adds an outcome at the end; returns its id. */
export function addOutcome(doc: Y.Doc, outcome: Partial<Omit<Outcome, "id">> & { title: string }, id: string = crypto.randomUUID()): string {
  doc.transact(() => {
    const m = new Y.Map<unknown>();
    outcomes(doc).set(id, m);
    m.set("indicatorOrder", new Y.Array<string>());
    m.set("indicators", new Y.Map<Y.Map<unknown>>());
    writeOutcomeFields(m, { measureType: "binary", linkedToPayment: false, tags: [], ...outcome });
    for (const indicator of outcome.indicators ?? []) addIndicator(doc, id, indicator, indicator.id);
    order(doc).push([id]);
  });
  return id;
}

/** Changes some fields of an outcome (text fields merge character by character). */
export function updateOutcome(doc: Y.Doc, id: string, changes: Partial<Omit<Outcome, "id" | "indicators">>): void {
  const m = outcomes(doc).get(id);
  if (m) doc.transact(() => writeOutcomeFields(m, changes));
}

export function removeOutcome(doc: Y.Doc, id: string): void {
  doc.transact(() => {
    outcomes(doc).delete(id);
    removeFromOrder(order(doc), id);
  });
}

/** Moves an outcome `by` places (negative: earlier). */
export function moveOutcome(doc: Y.Doc, id: string, by: number): void {
  const visible = readOrdered(order(doc), outcomes(doc)).map(([oid]) => oid);
  doc.transact(() => moveInOrder(order(doc), visible, id, by));
}

/** Adds an indicator to an outcome; returns its id (or null if the outcome is gone). */
export function addIndicator(doc: Y.Doc, outcomeId: string, indicator: Partial<Omit<Indicator, "id">> & { title: string }, id: string = crypto.randomUUID()): string | null {
  const m = outcomes(doc).get(outcomeId);
  const map = m?.get("indicators");
  const ids = m?.get("indicatorOrder");
  if (!(map instanceof Y.Map) || !(ids instanceof Y.Array)) return null;
  doc.transact(() => {
    const im = new Y.Map<unknown>();
    map.set(id, im);
    writeIndicator(im, { id, definition: "", dataSource: "", baseline: "", target: "", ...indicator });
    ids.push([id]);
  });
  return id;
}

export function removeIndicator(doc: Y.Doc, outcomeId: string, indicatorId: string): void {
  const m = outcomes(doc).get(outcomeId);
  const map = m?.get("indicators");
  const ids = m?.get("indicatorOrder");
  if (!(map instanceof Y.Map) || !(ids instanceof Y.Array)) return;
  doc.transact(() => {
    map.delete(indicatorId);
    removeFromOrder(ids as Y.Array<string>, indicatorId);
  });
}

type Listed = { order: (doc: Y.Doc) => Y.Array<string>; map: (doc: Y.Doc) => Y.Map<Y.Map<unknown>>; texts: readonly string[]; values: readonly string[] };
const DOMAINS: Listed = { order: domainOrder, map: domains, texts: ["title", "description"], values: [] };
const QUALITIES: Listed = { order: qualityOrder, map: qualities, texts: ["title", "description"], values: ["source", "sourceRef"] };

function addListed(doc: Y.Doc, list: Listed, item: Record<string, unknown>, id: string): string {
  doc.transact(() => {
    const m = new Y.Map<unknown>();
    list.map(doc).set(id, m);
    updateListedFields(m, list, item);
    list.order(doc).push([id]);
  });
  return id;
}
function updateListedFields(m: Y.Map<unknown>, list: Listed, item: Record<string, unknown>) {
  for (const f of list.texts) if (typeof item[f] === "string") setText(m, f, item[f] as string);
  for (const f of list.values) if (typeof item[f] === "string") m.set(f, item[f]);
}
function updateListed(doc: Y.Doc, list: Listed, id: string, changes: Record<string, unknown>) {
  const m = list.map(doc).get(id);
  if (m) doc.transact(() => updateListedFields(m, list, changes));
}
function removeListed(doc: Y.Doc, list: Listed, id: string) {
  doc.transact(() => {
    list.map(doc).delete(id);
    removeFromOrder(list.order(doc), id);
  });
}
function clearListed(doc: Y.Doc, list: Listed) {
  for (const id of [...list.map(doc).keys()]) list.map(doc).delete(id);
  list.order(doc).delete(0, list.order(doc).length);
}

/** Adds an outcome domain at the end; returns its id. */
export function addDomain(doc: Y.Doc, domain: { title: string; description?: string }, id: string = crypto.randomUUID()): string {
  return addListed(doc, DOMAINS, domain, id);
}
export function updateDomain(doc: Y.Doc, id: string, changes: Partial<Omit<OutcomeDomain, "id">>): void {
  updateListed(doc, DOMAINS, id, changes);
}
/** Removes a domain; its outcomes are left unclustered. */
export function removeDomain(doc: Y.Doc, id: string): void {
  doc.transact(() => {
    removeListed(doc, DOMAINS, id);
    for (const m of outcomes(doc).values()) if (m.get("domainId") === id) m.set("domainId", "");
  });
}

/** Adds a service quality at the end; returns its id. */
export function addServiceQuality(doc: Y.Doc, quality: Partial<Omit<ServiceQuality, "id">> & { title: string }, id: string = crypto.randomUUID()): string {
  return addListed(doc, QUALITIES, quality, id);
}
export function updateServiceQuality(doc: Y.Doc, id: string, changes: Partial<Omit<ServiceQuality, "id">>): void {
  updateListed(doc, QUALITIES, id, changes);
}
export function removeServiceQuality(doc: Y.Doc, id: string): void {
  removeListed(doc, QUALITIES, id);
}

/** Replaces the whole framework (a restore or an import), as one edit. */
export function writeFramework(doc: Y.Doc, framework: OutcomeFramework): void {
  doc.transact(() => {
    setGoal(doc, framework.goal);
    for (const id of [...outcomes(doc).keys()]) outcomes(doc).delete(id);
    order(doc).delete(0, order(doc).length);
    clearListed(doc, DOMAINS);
    clearListed(doc, QUALITIES);
    for (const d of framework.domains ?? []) addDomain(doc, d, d.id);
    for (const o of framework.outcomes) addOutcome(doc, o, o.id);
    for (const q of framework.serviceQualities ?? []) addServiceQuality(doc, q, q.id);
  });
}

export type Problem = { severity: "error" | "warning"; path: string; message: string };

const named = (o: Outcome, i: number) => (o.title ? `Outcome '${o.title}'` : `Outcome ${i + 1}`);

/** What stops the framework being used to contract on, as data. */
export function validateFramework(framework: OutcomeFramework): Problem[] {
  const problems: Problem[] = [];
  if (!framework.goal.trim()) problems.push({ severity: "warning", path: "goal", message: "The framework has no goal statement yet." });
  if (framework.outcomes.length > 0 && !framework.outcomes.some((o) => o.linkedToPayment)) {
    problems.push({ severity: "warning", path: "outcomes", message: "No outcome is linked to payment yet." });
  }
  const seen = new Map<string, number>();
  const domainIds = new Set(framework.domains.map((d) => d.id));
  framework.domains.forEach((d, i) => {
    if (!d.title.trim()) problems.push({ severity: "error", path: `domains.${i}.title`, message: `Outcome domain ${i + 1} has no title.` });
  });
  framework.serviceQualities.forEach((q, i) => {
    if (!q.title.trim()) problems.push({ severity: "error", path: `serviceQualities.${i}.title`, message: `Service quality ${i + 1} has no title.` });
  });
  framework.outcomes.forEach((o, i) => {
    if (o.domainId && !domainIds.has(o.domainId)) problems.push({ severity: "warning", path: `outcomes.${i}.domainId`, message: `${named(o, i)} is in an outcome domain that was removed.` });
    const at = `outcomes.${i}`;
    const who = named(o, i);
    if (!o.title.trim()) problems.push({ severity: "error", path: `${at}.title`, message: `Outcome ${i + 1} has no title.` });
    const key = o.title.trim().toLowerCase();
    if (key && seen.has(key)) problems.push({ severity: "warning", path: `${at}.title`, message: `${who} has the same title as outcome ${seen.get(key)! + 1}.` });
    else if (key) seen.set(key, i);
    if (o.linkedToPayment) {
      if (!o.definition.trim()) problems.push({ severity: "error", path: `${at}.definition`, message: `${who} is linked to payment but has no precise definition.` });
      if (!o.dataSource.trim()) problems.push({ severity: "error", path: `${at}.dataSource`, message: `${who} is linked to payment but has no data source.` });
      if (!o.validationMethod.trim()) problems.push({ severity: "warning", path: `${at}.validationMethod`, message: `${who} is linked to payment but has no validation method.` });
      if (!o.measurementTiming.trim()) problems.push({ severity: "warning", path: `${at}.measurementTiming`, message: `${who} is linked to payment but does not say when it is measured.` });
    }
    if (o.measureType === "progression" && !o.baseline.trim()) {
      problems.push({ severity: "error", path: `${at}.baseline`, message: `${who} measures progression from a starting point but has no baseline.` });
    }
    o.indicators.forEach((ind, j) => {
      if (!ind.title.trim()) problems.push({ severity: "error", path: `${at}.indicators.${j}.title`, message: `${who}: indicator ${j + 1} has no title.` });
    });
  });
  return problems;
}
