// What changed between two versions of an outcome framework, in the words people use
// about it ("Outcome 'Stays out of care' is now linked to payment"), not in Yjs terms.
// Pure: no I/O.
import { MEASURE_TYPE_LABELS, OUTCOME_TEXT_FIELDS, type Outcome, type OutcomeFramework, type OutcomeTextField } from "./outcome-framework";

export const FIELD_NAMES: Record<OutcomeTextField, string> = {
  title: "title",
  description: "description",
  definition: "precise definition",
  dataSource: "data source",
  validationMethod: "validation method",
  baseline: "baseline",
  target: "target",
  measurementTiming: "measurement timing",
  ownerOrganisation: "owner organisation",
};

const quote = (text: string, max = 80) => `'${text.length > max ? `${text.slice(0, max - 1)}…` : text}'`;
const named = (o: Outcome) => `Outcome ${quote(o.title || "untitled")}`;

/** Changes from `before` to `after`, one sentence each, in framework order. */
export function diffFrameworks(before: OutcomeFramework, after: OutcomeFramework): string[] {
  const changes: string[] = [];
  if (before.goal !== after.goal) changes.push(after.goal ? `Goal changed to ${quote(after.goal)}.` : "Goal removed.");
  const old = new Map(before.outcomes.map((o) => [o.id, o]));
  const now = new Map(after.outcomes.map((o) => [o.id, o]));
  for (const o of before.outcomes) if (!now.has(o.id)) changes.push(`${named(o)} removed.`);
  for (const o of after.outcomes) {
    const was = old.get(o.id);
    if (!was) {
      changes.push(`${named(o)} added${o.linkedToPayment ? ", linked to payment" : ""}.`);
      continue;
    }
    for (const f of OUTCOME_TEXT_FIELDS) {
      if (was[f] === o[f]) continue;
      if (f === "title") changes.push(`${named(was)} renamed to ${quote(o.title)}.`);
      else changes.push(o[f] ? `${named(o)}: ${FIELD_NAMES[f]} changed to ${quote(o[f])}.` : `${named(o)}: ${FIELD_NAMES[f]} removed.`);
    }
    if (was.linkedToPayment !== o.linkedToPayment) changes.push(`${named(o)} is ${o.linkedToPayment ? "now linked to payment" : "no longer linked to payment (tracked only)"}.`);
    if (was.measureType !== o.measureType) changes.push(`${named(o)}: measure type changed to ${MEASURE_TYPE_LABELS[o.measureType].toLowerCase()}.`);
    const tagsAdded = o.tags.filter((t) => !was.tags.includes(t));
    const tagsRemoved = was.tags.filter((t) => !o.tags.includes(t));
    if (tagsAdded.length) changes.push(`${named(o)}: tagged ${tagsAdded.map((t) => quote(t)).join(", ")}.`);
    if (tagsRemoved.length) changes.push(`${named(o)}: no longer tagged ${tagsRemoved.map((t) => quote(t)).join(", ")}.`);
    const oldIndicators = new Map(was.indicators.map((i) => [i.id, i]));
    const newIds = new Set(o.indicators.map((i) => i.id));
    for (const i of was.indicators) if (!newIds.has(i.id)) changes.push(`${named(o)}: indicator ${quote(i.title)} removed.`);
    for (const i of o.indicators) {
      const prev = oldIndicators.get(i.id);
      if (!prev) changes.push(`${named(o)}: indicator ${quote(i.title)} added.`);
      else if (JSON.stringify(prev) !== JSON.stringify(i)) changes.push(`${named(o)}: indicator ${quote(i.title)} changed.`);
    }
  }
  const order = (f: OutcomeFramework) => f.outcomes.map((o) => o.id).filter((id) => old.has(id) && now.has(id)).join(" ");
  if (order(before) !== order(after)) changes.push("Outcomes reordered.");
  const domainTitle = (f: OutcomeFramework, id: string) => f.domains.find((d) => d.id === id)?.title ?? "";
  for (const o of after.outcomes) {
    const was = old.get(o.id);
    if (was && was.domainId !== o.domainId) changes.push(o.domainId ? `${named(o)} moved to the domain ${quote(domainTitle(after, o.domainId))}.` : `${named(o)} is no longer in a domain.`);
  }
  for (const [kind, list] of [["Outcome domain", (f: OutcomeFramework) => f.domains], ["Service quality", (f: OutcomeFramework) => f.serviceQualities]] as const) {
    const a = new Map(list(before).map((x) => [x.id, x]));
    const b = new Map(list(after).map((x) => [x.id, x]));
    for (const x of list(before)) if (!b.has(x.id)) changes.push(`${kind} ${quote(x.title)} removed.`);
    for (const x of list(after)) {
      const was = a.get(x.id);
      if (!was) changes.push(`${kind} ${quote(x.title)} added${"source" in x && x.source ? ` (${x.source})` : ""}.`);
      else if (was.title !== x.title) changes.push(`${kind} ${quote(was.title)} renamed to ${quote(x.title)}.`);
      else if (JSON.stringify(was) !== JSON.stringify(x)) changes.push(`${kind} ${quote(x.title)} changed.`);
    }
  }
  return changes;
}
