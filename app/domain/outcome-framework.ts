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

export const IndicatorSchema = z.object({
  id: z.string().min(1).max(64),
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
  indicators: z.array(IndicatorSchema).max(100).default([]),
});
export type Outcome = z.infer<typeof OutcomeSchema>;

export const OutcomeFrameworkSchema = z.object({
  schemaVersion: z.literal(FRAMEWORK_SCHEMA_VERSION),
  goal: text(2000),
  outcomes: z.array(OutcomeSchema).max(200),
});
export type OutcomeFramework = z.infer<typeof OutcomeFrameworkSchema>;

const root = (doc: Y.Doc) => doc.getMap<unknown>("framework");
const order = (doc: Y.Doc) => doc.getArray<string>("outcomeOrder");
const outcomes = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>("outcomes");

function readIndicator(id: string, m: Y.Map<unknown>): Indicator {
  return { id, title: textOf(m, "title"), definition: textOf(m, "definition"), dataSource: textOf(m, "dataSource"), baseline: textOf(m, "baseline"), target: textOf(m, "target") };
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
    indicators: readOrdered(m.get("indicatorOrder"), m.get("indicators")).map(([iid, im]) => readIndicator(iid, im)),
  };
}

/** The framework as it stands in `doc` (tolerant of anything missing or malformed). */
export function readFramework(doc: Y.Doc): OutcomeFramework {
  return {
    schemaVersion: FRAMEWORK_SCHEMA_VERSION,
    goal: textOf(root(doc), "goal"),
    outcomes: readOrdered(order(doc), outcomes(doc)).map(([id, m]) => readOutcome(id, m)),
  };
}

function writeIndicator(m: Y.Map<unknown>, indicator: Indicator) {
  for (const f of ["title", "definition", "dataSource", "baseline", "target"] as const) setText(m, f, indicator[f]);
}

function writeOutcomeFields(m: Y.Map<unknown>, outcome: Partial<Omit<Outcome, "id" | "indicators">>) {
  for (const f of OUTCOME_TEXT_FIELDS) if (outcome[f] !== undefined) setText(m, f, outcome[f]);
  if (outcome.measureType !== undefined) m.set("measureType", outcome.measureType);
  if (outcome.linkedToPayment !== undefined) m.set("linkedToPayment", outcome.linkedToPayment);
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

/** Replaces the whole framework (a restore or an import), as one edit. */
export function writeFramework(doc: Y.Doc, framework: OutcomeFramework): void {
  doc.transact(() => {
    setGoal(doc, framework.goal);
    for (const id of [...outcomes(doc).keys()]) outcomes(doc).delete(id);
    order(doc).delete(0, order(doc).length);
    for (const o of framework.outcomes) addOutcome(doc, o, o.id);
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
  framework.outcomes.forEach((o, i) => {
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
