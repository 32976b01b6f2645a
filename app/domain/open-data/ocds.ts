// A procurement as Open Contracting Data Standard 1.1 releases, from the facts the
// server gathers (app/utils/open-data.server.ts). Pure: no I/O, no clock.
//
// One release per moment the process moved, each dated when it happened and each a
// full picture of what was public then: planning (the preliminary market engagement:
// its events as milestones, what was shared as documents), the tender notice, one
// tender update per clarification answered after it (the enquiries extension, askers
// as pseudonyms), the award with the contract pending through the standstill and the
// bid statistics (the bids extension), and the contract once it is in force.
//
// Sealed means sealed: nothing about bids (not who, not how many, not what) is in any
// release until the award is decided. The facts passed in before then carry none.
//
// Money: amounts are integer pence in the product; OCDS wants major units, so amounts
// are pence / 100, which JSON prints exactly (the shortest decimal that round-trips
// has at most two places for any integer number of pence below 2^53).
import type { Stage, Timeline } from "../procurement/stages";

export const OCDS_VERSION = "1.1";
export const EXTENSIONS = [
  "https://raw.githubusercontent.com/open-contracting-extensions/ocds_bid_extension/v1.1.5/extension.json",
  "https://raw.githubusercontent.com/open-contracting-extensions/ocds_enquiry_extension/v1.1.5/extension.json",
] as const;

export type OcdsDocument = { id: string; documentType: string; title: string; description?: string; url: string; datePublished: string; format?: string };
export type OcdsOrganisation = { id: string; name: string };

export type Enquiry = { id: string; askedAt: string; askedBy: string; question: string; answer: string; answeredAt: string };

export type OcdsFacts = {
  prefix: string;
  procurementId: string;
  /** Where the packages are served from, e.g. https://oc.example/api/v1/procurements/<id>/ocds. */
  packageBase: string;
  publisher: string;
  buyer: OcdsOrganisation;
  title: string;
  summary: string;
  procedure: "open" | "competitive-flexible";
  shape: "restricted" | "dialogue" | null;
  lightTouch: boolean;
  stage: Stage;
  timeline: Timeline;
  createdAt: string;
  publicSince: string | null;
  engagement: { events: { id: string; title: string; startsAt: string; endsAt: string; done: boolean }[]; documents: OcdsDocument[] };
  tender: {
    /** When the tender notice went out (the stage move), or null before. */
    publishedAt: string | null;
    documents: OcdsDocument[];
    /** The most the published payment model can pay (its cap), or null when uncapped or not chosen. */
    maxValuePence: number | null;
    criteria: string;
    /** Answered clarifications that every party can read, oldest answer first. */
    enquiries: Enquiry[];
  };
  /** Only once the award is decided. */
  award: {
    decidedAt: string;
    reasons: string;
    standstillEndsAt: string;
    supplier: OcdsOrganisation;
    consortium: (OcdsOrganisation & { role: "delivery" | "investor" })[];
    maxValuePence: number | null;
    documents: OcdsDocument[];
    /** When the contract came into force (the stage reached "contract"), or null during the standstill. */
    inForceAt: string | null;
    bids: { submitted: number; valid: number; smallPrime: number; closedAt: string };
  } | null;
};

export type Release = Record<string, unknown> & { ocid: string; id: string; date: string; tag: string[] };

const gbp = (pence: number | null) => (pence === null ? undefined : { amount: pence / 100, currency: "GBP" });
const clean = <T extends Record<string, unknown>>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== "")) as T;

export function ocidOf(prefix: string, procurementId: string): string {
  return `${prefix}-${procurementId}`;
}

function methodOf(f: OcdsFacts): { procurementMethod: "open" | "selective"; procurementMethodDetails: string } {
  if (f.procedure === "open") return { procurementMethod: "open", procurementMethodDetails: `Open procedure (Procurement Act 2023)${f.lightTouch ? ", light-touch contract" : ""}` };
  return {
    procurementMethod: "selective",
    procurementMethodDetails: `Competitive flexible procedure (Procurement Act 2023), ${f.shape === "dialogue" ? "with dialogue" : "restricted"}${f.lightTouch ? ", light-touch contract" : ""}`,
  };
}

function party(o: OcdsOrganisation, roles: string[]) {
  return { id: o.id, name: o.name, roles };
}

/** The releases the procurement has published so far, oldest first. */
export function ocdsReleases(f: OcdsFacts): Release[] {
  const ocid = ocidOf(f.prefix, f.procurementId);
  const buyerRef = { id: f.buyer.id, name: f.buyer.name };
  const releases: Release[] = [];
  // Planning comes first: a procurement recorded here after its notice went out (or made
  // public later) still has its planning dated no later than the notice.
  const opened = f.publicSince ?? f.createdAt;
  const start = f.tender.publishedAt && f.tender.publishedAt < opened ? f.tender.publishedAt : opened;

  const planning = () =>
    clean({
      rationale: f.summary || undefined,
      documents: f.engagement.documents.length ? f.engagement.documents : undefined,
      milestones: f.engagement.events.length
        ? f.engagement.events.map((e) => clean({ id: e.id, title: e.title, type: "engagement", description: "Preliminary market engagement event", dueDate: e.startsAt, dateMet: e.done ? e.endsAt : undefined, status: e.done ? "met" : "scheduled" }))
        : undefined,
    });

  const tender = (asOf: string | null, status: string, extra: Record<string, unknown> = {}) => {
    const enquiries = asOf === null ? [] : f.tender.enquiries.filter((q) => q.answeredAt <= asOf);
    const t = f.timeline;
    return clean({
      id: f.procurementId,
      title: f.title,
      description: f.summary || undefined,
      status,
      ...methodOf(f),
      mainProcurementCategory: "services",
      value: gbp(f.tender.maxValuePence),
      awardCriteria: "ratedCriteria",
      awardCriteriaDetails: f.tender.criteria || undefined,
      submissionMethod: ["electronicSubmission"],
      tenderPeriod: t["tender-notice"] && t["bid-deadline"] ? { startDate: t["tender-notice"], endDate: t["bid-deadline"] } : undefined,
      enquiryPeriod: t["tender-notice"] && t.enquiryEndsAt ? { startDate: t["tender-notice"], endDate: t.enquiryEndsAt } : undefined,
      awardPeriod: t.evaluation && t["award-decision"] ? { startDate: t.evaluation, endDate: t["award-decision"] } : undefined,
      documents: f.tender.documents.length ? f.tender.documents : undefined,
      hasEnquiries: enquiries.length > 0,
      enquiries: enquiries.length
        ? enquiries.map((q) => ({ id: q.id, date: q.askedAt, author: { id: enquirerId(q.askedBy), name: q.askedBy }, description: q.question, answer: q.answer, dateAnswered: q.answeredAt }))
        : undefined,
      ...extra,
    });
  };

  const enquirers = (asOf: string | null) => {
    const names = [...new Set((asOf === null ? [] : f.tender.enquiries.filter((q) => q.answeredAt <= asOf)).map((q) => q.askedBy))].sort();
    return names.map((n) => party({ id: enquirerId(n), name: n }, ["enquirer"]));
  };

  const release = (id: string, date: string, tag: string[], body: Record<string, unknown>, parties: Record<string, unknown>[]): Release => ({
    ocid,
    id: `${ocid}-${id}`,
    date,
    tag,
    initiationType: "tender",
    language: "en",
    buyer: buyerRef,
    parties: [party(f.buyer, ["buyer", "procuringEntity"]), ...parties],
    ...body,
  });

  releases.push(release("planning", start, ["planning"], { planning: planning(), tender: tender(null, "planning") }, []));

  const published = f.tender.publishedAt;
  if (published) {
    releases.push(release("tender", published, ["tender"], { planning: planning(), tender: tender(published, "active") }, enquirers(published)));
    // A tender update each time an answer became public after the notice.
    f.tender.enquiries
      .filter((q) => q.answeredAt > published && (!f.award || q.answeredAt <= f.award.decidedAt))
      .forEach((q, i) => releases.push(release(`tender-update-${i + 1}`, q.answeredAt, ["tenderUpdate"], { planning: planning(), tender: tender(q.answeredAt, "active") }, enquirers(q.answeredAt))));
  }

  const a = f.award;
  if (a && published) {
    const consortiumParties = [party(a.supplier, ["supplier", "tenderer", "payee"]), ...a.consortium.map((m) => party(m, m.role === "investor" ? ["funder"] : ["tenderer"]))];
    const awardOf = (status: string) =>
      clean({
        id: `${f.procurementId}-award`,
        title: `Award: ${f.title}`,
        description: a.reasons,
        status,
        date: a.decidedAt,
        value: gbp(a.maxValuePence),
        suppliers: [{ id: a.supplier.id, name: a.supplier.name }],
        documents: a.documents.length ? a.documents : undefined,
      });
    const contractOf = (status: string) =>
      clean({
        id: `${f.procurementId}-contract`,
        awardID: `${f.procurementId}-award`,
        title: `Outcomes contract: ${f.title}`,
        description: status === "pending" ? `Awaiting the end of the standstill period on ${a.standstillEndsAt}.` : undefined,
        status,
        period: a.inForceAt ? { startDate: a.inForceAt } : { startDate: a.standstillEndsAt },
        value: gbp(a.maxValuePence),
        documents: a.documents.length ? a.documents : undefined,
      });
    const statistics = [
      { id: "bids", measure: "bids", value: a.bids.submitted, date: a.bids.closedAt },
      { id: "validBids", measure: "validBids", value: a.bids.valid, date: a.bids.closedAt },
      { id: "electronicBids", measure: "electronicBids", value: a.bids.submitted, date: a.bids.closedAt },
      { id: "SMEBids", measure: "SMEBids", value: a.bids.smallPrime, date: a.bids.closedAt },
    ];
    const closed = tender(a.decidedAt, "complete", { numberOfTenderers: a.bids.submitted });
    releases.push(
      release("award", a.decidedAt, ["award", "contract"], { planning: planning(), tender: closed, awards: [awardOf("pending")], contracts: [contractOf("pending")], bids: { statistics } }, [...enquirers(a.decidedAt), ...consortiumParties]),
    );
    if (a.inForceAt) {
      releases.push(
        release("contract", a.inForceAt, ["awardUpdate", "contractUpdate"], { planning: planning(), tender: closed, awards: [awardOf("active")], contracts: [contractOf("active")], bids: { statistics } }, [...enquirers(a.decidedAt), ...consortiumParties]),
      );
    }
  }
  return releases.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
}

function enquirerId(name: string): string {
  return `enquirer-${name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "")}`;
}

/** What both packages say of themselves: where they are, the version and extensions, who publishes them, when they last changed. */
function packageMetadata(f: OcdsFacts, releases: Release[], kind: "releases" | "record") {
  return {
    uri: `${f.packageBase}/${kind}`,
    version: OCDS_VERSION,
    extensions: [...EXTENSIONS],
    publishedDate: releases.at(-1)?.date ?? f.createdAt,
    publisher: { name: f.publisher },
    // UK public bodies publish under the Open Government Licence.
    license: "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
  };
}

/** The release package: every release so far, with the publisher and the extensions used. */
export function releasePackage(f: OcdsFacts, releases: Release[]) {
  return { ...packageMetadata(f, releases, "releases"), releases };
}

// ---- Compiling releases into a record (the OCDS merge routine) ----

export type MergeRules = { omitWhenMerged: Set<string>; wholeListMerge: Set<string> };

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * Merges releases (oldest first) into a compiled release, as the standard's merge
 * routine does: later values replace earlier ones, objects merge field by field, arrays
 * of objects with ids merge by id, other arrays (and `wholeListMerge` ones) are
 * replaced, null removes, and `omitWhenMerged` fields are left out. Paths in the rules
 * are field names joined by "." with array levels dropped ("parties.additionalIdentifiers").
 */
export function compileReleases(releases: Release[], rules: MergeRules): Record<string, unknown> {
  const merge = (into: Record<string, unknown>, from: Record<string, unknown>, path: string) => {
    for (const [key, value] of Object.entries(from)) {
      const p = path ? `${path}.${key}` : key;
      if (rules.omitWhenMerged.has(p)) continue;
      if (value === null) {
        delete into[key];
      } else if (isPlainObject(value)) {
        const target = isPlainObject(into[key]) ? (into[key] as Record<string, unknown>) : {};
        merge(target, value, p);
        into[key] = target;
      } else if (Array.isArray(value) && !rules.wholeListMerge.has(p) && value.length > 0 && value.every((x) => isPlainObject(x) && "id" in x)) {
        const existing = Array.isArray(into[key]) ? (into[key] as Record<string, unknown>[]) : [];
        const byId = new Map(existing.map((x) => [String(x.id), x]));
        for (const item of value as Record<string, unknown>[]) {
          const target = byId.get(String(item.id)) ?? {};
          merge(target, item, p);
          if (!byId.has(String(item.id))) existing.push(target);
          byId.set(String(item.id), target);
        }
        into[key] = existing;
      } else {
        into[key] = structuredClone(value);
      }
    }
  };
  const compiled: Record<string, unknown> = {};
  for (const r of releases) merge(compiled, r, "");
  const last = releases.at(-1);
  return { ...compiled, ...(last ? { id: `${last.ocid}-compiled`, date: last.date } : {}), tag: ["compiled"] };
}

/** The record package for the procurement: its releases linked, and the compiled release. */
export function recordPackage(f: OcdsFacts, releases: Release[], rules: MergeRules) {
  const ocid = ocidOf(f.prefix, f.procurementId);
  return {
    ...packageMetadata(f, releases, "record"),
    packages: [`${f.packageBase}/releases`],
    records: [
      {
        ocid,
        releases: releases.map((r) => ({ url: `${f.packageBase}/releases#${r.id}`, date: r.date, tag: r.tag })),
        compiledRelease: compileReleases(releases, rules),
      },
    ],
  };
}
