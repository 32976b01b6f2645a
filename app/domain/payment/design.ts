// The workspace's `payment` Yjs document as a typed model: the payment model's
// settings (payers, cost sharing, co-funder, caps, invoicing: one value each, last
// writer wins), its components (an ordered collection, each field its own value, so
// two people can change different payments at once) and the forecast scenarios the
// room is looking at. Reading validates with the zod schema and reports problems by
// path, so a half-edited model shows what is wrong instead of vanishing. Pure: no I/O.
import * as Y from "yjs";
import { readOrdered, removeFromOrder } from "../ydoc-fields";
import { ScenarioSchema, type Scenario } from "./forecast";
import { PAYMENT_SCHEMA_VERSION, PaymentModelSchema, type Component, type PaymentModel } from "./model";

export const SETTING_KEYS = ["payers", "interventions", "costSharing", "coFunder", "caps", "invoicing"] as const;
export type SettingKey = (typeof SETTING_KEYS)[number];

export type PaymentProblem = { path: string; message: string };
export type PaymentDesign = { model: PaymentModel | null; problems: PaymentProblem[]; scenarios: Scenario[]; /** The document's key for each scenario, in the same order. */ scenarioIds: string[] };

const settings = (doc: Y.Doc) => doc.getMap<unknown>("paymentSettings");
const componentOrder = (doc: Y.Doc) => doc.getArray<string>("componentOrder");
const components = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>("components");
const scenarioOrder = (doc: Y.Doc) => doc.getArray<string>("scenarioOrder");
const scenarios = (doc: Y.Doc) => doc.getMap<unknown>("scenarios");

/** The model as it stands (null with problems when it does not validate), and the scenarios. */
export function readPaymentDesign(doc: Y.Doc): PaymentDesign {
  const raw: Record<string, unknown> = { schemaVersion: PAYMENT_SCHEMA_VERSION, ...settings(doc).toJSON() };
  raw.components = readOrdered(componentOrder(doc), components(doc)).map(([id, m]) => ({ ...m.toJSON(), id }));
  const readScenarios: Scenario[] = [];
  const scenarioIds: string[] = [];
  const problems: PaymentProblem[] = [];
  for (const id of new Set(scenarioOrder(doc).toArray())) {
    const parsed = ScenarioSchema.safeParse(scenarios(doc).get(id));
    if (parsed.success) {
      readScenarios.push(parsed.data);
      scenarioIds.push(id);
    }
    else problems.push({ path: `scenarios.${id}`, message: `Scenario ${id}: ${parsed.error.issues[0]?.message ?? "invalid"}` });
  }
  if (!settings(doc).has("payers") && (raw.components as unknown[]).length === 0) return { model: null, problems: [{ path: "", message: "No payment model yet." }], scenarios: readScenarios, scenarioIds };
  const parsed = PaymentModelSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push({ path: issue.path.map(String).join("."), message: issue.message });
    return { model: null, problems, scenarios: readScenarios, scenarioIds };
  }
  return { model: parsed.data, problems, scenarios: readScenarios, scenarioIds };
}

/** Replaces the whole design (an import, the demo seed or a restore), as one edit. */
export function writePaymentDesign(doc: Y.Doc, model: PaymentModel, withScenarios: Scenario[]): void {
  doc.transact(() => {
    for (const key of SETTING_KEYS) settings(doc).set(key, structuredClone(model[key]));
    for (const key of [...components(doc).keys()]) components(doc).delete(key);
    componentOrder(doc).delete(0, componentOrder(doc).length);
    for (const c of model.components) addComponent(doc, c);
    for (const key of [...scenarios(doc).keys()]) scenarios(doc).delete(key);
    scenarioOrder(doc).delete(0, scenarioOrder(doc).length);
    withScenarios.forEach((s, i) => {
      scenarios(doc).set(`s${i + 1}`, structuredClone(s));
      scenarioOrder(doc).push([`s${i + 1}`]);
    });
  });
}

export function setSetting<K extends SettingKey>(doc: Y.Doc, key: K, value: PaymentModel[K]): void {
  settings(doc).set(key, structuredClone(value));
}

export function addComponent(doc: Y.Doc, component: Component): void {
  doc.transact(() => {
    const m = new Y.Map<unknown>();
    for (const [k, v] of Object.entries(component)) if (k !== "id" && v !== undefined) m.set(k, structuredClone(v));
    components(doc).set(component.id, m);
    componentOrder(doc).push([component.id]);
  });
}

/** Sets some fields of one component (each field last-writer-wins). */
export function updateComponent(doc: Y.Doc, id: string, changes: Record<string, unknown>): void {
  const m = components(doc).get(id);
  if (!m) return;
  doc.transact(() => {
    for (const [k, v] of Object.entries(changes)) if (k !== "id" && k !== "kind") m.set(k, structuredClone(v));
  });
}

export function removeComponent(doc: Y.Doc, id: string): void {
  doc.transact(() => {
    components(doc).delete(id);
    removeFromOrder(componentOrder(doc), id);
  });
}

/** The raw fields of one component as people are typing them. */
export function readComponentRaw(doc: Y.Doc, id: string): Record<string, unknown> | null {
  return components(doc).get(id)?.toJSON() ?? null;
}

export function removeScenario(doc: Y.Doc, id: string): void {
  doc.transact(() => {
    scenarios(doc).delete(id);
    removeFromOrder(scenarioOrder(doc), id);
  });
}

/** A name for a copy of `name` that no scenario has yet: "Median (copy)", "Median (copy 2)"… */
export function copyName(name: string, taken: string[]): string {
  const used = new Set(taken.map((t) => t.toLowerCase()));
  for (let n = 1; ; n++) {
    const candidate = `${name} (copy${n === 1 ? "" : ` ${n}`})`;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}

/** Adds or replaces a scenario under `id` (new ids go last). */
export function setScenario(doc: Y.Doc, id: string, scenario: Scenario): void {
  doc.transact(() => {
    if (!scenarios(doc).has(id)) scenarioOrder(doc).push([id]);
    scenarios(doc).set(id, structuredClone(scenario));
  });
}

/**
 * Writes into `doc` only what differs between `before` and `after` (a setting, or
 * single fields of a component), as one edit, so a change never overwrites someone
 * else's concurrent change to another field.
 */
export function applyModelChange(doc: Y.Doc, before: PaymentModel, after: PaymentModel): void {
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  doc.transact(() => {
    for (const key of SETTING_KEYS) if (!same(before[key], after[key])) setSetting(doc, key, after[key]);
    const old = new Map(before.components.map((c) => [c.id, c as Record<string, unknown>]));
    for (const c of after.components as Record<string, unknown>[]) {
      const was = old.get(c.id as string);
      if (!was) {
        addComponent(doc, c as Component);
        continue;
      }
      const changes = Object.fromEntries(Object.entries(c).filter(([k, v]) => !same(was[k], v)));
      if (Object.keys(changes).length) updateComponent(doc, c.id as string, changes);
    }
    for (const c of before.components) if (!after.components.some((x) => x.id === c.id)) removeComponent(doc, c.id);
  });
}
