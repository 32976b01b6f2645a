// Equal treatment, provable: every thing published to the registered parties (an
// answer, an edit to one, a version of the design, event materials, a new deadline) is
// logged once per party with when it was delivered. The report compares them and flags
// anything one party received that another did not, or received much later.

export const DELIVERY_KINDS = ["notice", "answer", "answer-edit", "version", "event", "deadline", "award"] as const;
export type DeliveryKind = (typeof DELIVERY_KINDS)[number];

export const DELIVERY_KIND_LABELS: Record<DeliveryKind, string> = {
  notice: "Tender notice",
  answer: "Clarification answer",
  "answer-edit": "Edited answer",
  version: "Published version",
  event: "Event materials",
  deadline: "Deadline change",
  award: "Award decision",
};

export type PublishedItem = {
  key: string;
  kind: DeliveryKind;
  label: string;
  publishedAt: string;
  /** For one party only (an answer agreed to be commercially confidential): that party's id. */
  onlyFor: string | null;
};

export type PartyRef = { id: string; number: number; name: string; registeredAt: string };
export type DeliveryRecord = { partyId: string; itemKey: string; at: string };

/** Deliveries further apart than this are not "at the same moment". */
export const SAME_MOMENT_MS = 60_000;

export type ReportRow = {
  item: PublishedItem;
  received: { party: PartyRef; at: string }[];
  missing: PartyRef[];
  flag: string | null;
};

export function equalTreatmentReport(parties: readonly PartyRef[], items: readonly PublishedItem[], deliveries: readonly DeliveryRecord[]): { rows: ReportRow[]; flags: number } {
  const byItem = new Map<string, Map<string, string>>();
  for (const d of deliveries) {
    const m = byItem.get(d.itemKey) ?? new Map<string, string>();
    if (!m.has(d.partyId) || d.at < m.get(d.partyId)!) m.set(d.partyId, d.at);
    byItem.set(d.itemKey, m);
  }
  const rows = [...items]
    .sort((a, b) => (a.publishedAt < b.publishedAt ? -1 : a.publishedAt > b.publishedAt ? 1 : a.key < b.key ? -1 : 1))
    .map((item): ReportRow => {
      const got = byItem.get(item.key) ?? new Map<string, string>();
      const received = parties.filter((p) => got.has(p.id)).map((party) => ({ party, at: got.get(party.id)! }));
      const expected = item.onlyFor ? parties.filter((p) => p.id === item.onlyFor) : parties;
      const missing = expected.filter((p) => !got.has(p.id));
      const extra = item.onlyFor ? received.filter((r) => r.party.id !== item.onlyFor) : [];
      let flag: string | null = null;
      if (missing.length) flag = `Not received by ${missing.map((p) => `Organisation ${p.number}`).join(", ")}.`;
      else if (extra.length) flag = `Meant for one party, but also received by ${extra.map((r) => `Organisation ${r.party.number}`).join(", ")}.`;
      else if (item.onlyFor) flag = "Received by one party only: the commissioner agreed the question was commercially confidential.";
      else {
        // Parties that registered after publication receive it on registration; only
        // those registered at the time should have had it at the same moment.
        const atTime = received.filter((r) => r.party.registeredAt <= item.publishedAt).map((r) => Date.parse(r.at));
        if (atTime.length > 1 && Math.max(...atTime) - Math.min(...atTime) > SAME_MOMENT_MS) flag = "Not received by every party at the same moment.";
      }
      return { item, received, missing, flag };
    });
  return { rows, flags: rows.filter((r) => r.flag && !(r.item.onlyFor && r.flag.startsWith("Received by one party only"))).length };
}
