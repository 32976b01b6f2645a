// Gathers what a procurement has made public into the facts the OCDS builder reads
// (app/domain/open-data/ocds.ts), and who may read the packages. Only what any member
// of the public could already see goes in: published versions, the notice, answered
// clarifications every party can read (askers as pseudonyms), and, once the award is
// decided, the award, the contract and counts of bids. Nothing about bids before that.
import { indigoProject, type IndigoExport } from "~/domain/open-data/indigo";
import { ocdsReleases, ocidOf, recordPackage, releasePackage, type OcdsDocument, type OcdsFacts } from "~/domain/open-data/ocds";
import { readFramework } from "~/domain/outcome-framework";
import { readPaymentDesign } from "~/domain/payment/design";
import { readStoredDocument } from "~/models/document.server";
import { ocdsMergeRules } from "~/domain/open-data/ocds-schema";
import { totalCapPence } from "~/domain/payment/forecast";
import { PaymentModelSchema } from "~/domain/payment/model";
import { PIN_SECTIONS, PIN_SECTION_LABELS } from "~/domain/procurement/record";
import { reached } from "~/domain/procurement/stages";
import { listAllBids, readSubmittedBids } from "~/models/bid.server";
import { getAward } from "~/models/evaluation.server";
import { listEvents } from "~/models/market-event.server";
import { getProcurement, getProcurementById, getPublicProcurement, type ProcurementRecord } from "~/models/procurement.server";
import { requireApiUser } from "./api.server";
import { getUser } from "./auth.server";
import { problem } from "./http.server";
import { authoriseMember } from "./permissions.server";
import { listQuestions } from "~/models/question.server";
import { getPaymentVersionDesign, getVersionModel } from "~/models/version.server";
import { tenderModel } from "./bids.server";
import { db } from "./db.server";
import { env } from "./env.server";

const DOCUMENT_TYPES = { outcomes: "technicalSpecifications", referral: "eligibilityCriteria", payment: "contractDraft" } as const;

/** The buyer: the lead commissioner's organisation (the workspace's name if none is recorded). */
export async function buyerOf(workspaceId: string): Promise<{ id: string; name: string }> {
  const lead = await db().membership.findFirst({ where: { workspaceId, isLead: true }, select: { user: { select: { organisation: { select: { id: true, name: true } } } } } });
  const org = lead?.user.organisation;
  if (org) return { id: `oc-org-${org.id}`, name: org.name };
  const w = await db().workspace.findUnique({ where: { id: workspaceId }, select: { name: true } });
  return { id: `oc-workspace-${workspaceId}`, name: w?.name ?? "The commissioning authority" };
}

export async function ocdsFacts(p: ProcurementRecord, origin: string): Promise<OcdsFacts> {
  const opportunity = `${origin}/opportunities/${p.id}`;
  const [buyer, events, questions, award, tender, row] = await Promise.all([
    buyerOf(p.workspaceId),
    listEvents(p.id),
    listQuestions(p.id, { commissioningTeam: false, organisationId: null }),
    getAward(p.id),
    tenderModel(p),
    db().procurement.findUniqueOrThrow({ where: { id: p.id }, select: { createdAt: true } }),
  ]);

  const pinned: OcdsDocument[] = [];
  for (const section of PIN_SECTIONS) {
    const name = p.published[section];
    const found = name ? await getVersionModel(p.workspaceId, section, name) : null;
    if (found) pinned.push({ id: `${section}-${found.version.id}`, documentType: DOCUMENT_TYPES[section], title: `${PIN_SECTION_LABELS[section]}: ${found.version.name}`, url: `${opportunity}#${section}`, datePublished: found.version.createdAt.toISOString(), format: "text/html" });
  }

  const noticeAt = reached(p, p.stage, "tender-notice") ? (p.timeline["tender-notice"] ?? null) : null;
  const criteria = p.terms.criteria;
  const criteriaWords = criteria.questions.length
    ? `Quality ${criteria.qualityWeightBps / 100}%, price ${criteria.priceWeightBps / 100}%. Quality questions: ${criteria.questions.map((q) => `${q.title} (${q.weightBps / 100}%)`).join("; ")}.`
    : "";
  const tenderDocs: OcdsDocument[] = noticeAt
    ? [
        { id: "tender-notice", documentType: "tenderNotice", title: `Tender notice: ${p.title}`, url: opportunity, datePublished: noticeAt, format: "text/html" },
        ...(tender ? [{ id: `payment-${tender.versionId}`, documentType: "contractDraft", title: `Payment model bids are made from: ${tender.versionName}`, url: `${opportunity}#payment`, datePublished: noticeAt, format: "text/html" }] : []),
        ...(criteriaWords ? [{ id: "evaluation-criteria", documentType: "evaluationCriteria", title: "Evaluation criteria", description: criteriaWords, url: opportunity, datePublished: noticeAt, format: "text/html" }] : []),
      ]
    : [];

  const enquiries = questions
    .filter((q) => q.source === "clarification" && q.status === "answered" && !q.private && q.answeredAt && q.answer)
    .map((q) => ({ id: q.id, askedAt: q.createdAt, askedBy: q.askedBy, question: q.body, answer: q.answer!, answeredAt: q.answeredAt! }))
    .sort((a, b) => (a.answeredAt < b.answeredAt ? -1 : a.answeredAt > b.answeredAt ? 1 : 0));

  let awardFacts: OcdsFacts["award"] = null;
  if (award) {
    // Every live submission with whether it still matches its receipt: one read gives both.
    const opened = await readSubmittedBids(p.id);
    const bids = opened.map((o) => o.bid);
    const winner = bids.find((b) => b.id === award.bidId);
    const prime = winner?.partners.find((x) => x.role === "prime");
    const contract = award.contractVersionId ? await getVersionModel(p.workspaceId, "payment", award.contractVersionId) : null;
    const model = contract ? PaymentModelSchema.safeParse(contract.model) : null;
    awardFacts = {
      decidedAt: award.decidedAt,
      reasons: award.reasons,
      standstillEndsAt: award.standstillEndsAt,
      supplier: prime ? { id: `oc-org-${prime.organisationId}`, name: prime.name } : { id: "oc-supplier", name: "The successful bidder" },
      consortium: (winner?.partners ?? []).filter((x) => x.role !== "prime").map((x) => ({ id: `oc-org-${x.organisationId}`, name: x.name, role: x.role === "investor" ? ("investor" as const) : ("delivery" as const) })),
      maxValuePence: model?.success ? totalCapPence(model.data) : null,
      documents: contract ? [{ id: `contract-${contract.version.id}`, documentType: "contractSchedule", title: `Payment model: ${contract.version.name}`, url: `${opportunity}#award`, datePublished: contract.version.createdAt.toISOString(), format: "text/html" }] : [],
      inForceAt: reached(p, p.stage, "contract") ? (p.timeline.contract ?? null) : null,
      bids: { submitted: bids.length, valid: opened.filter((o) => o.matches).length, smallPrime: bids.filter((b) => b.partners.some((x) => x.role === "prime" && x.small)).length, closedAt: p.timeline["bid-deadline"] ?? award.decidedAt },
    };
  }

  return {
    prefix: env().OCDS_PREFIX,
    procurementId: p.id,
    packageBase: `${origin}/api/v1/procurements/${p.id}/ocds`,
    publisher: buyer.name,
    buyer,
    title: p.title,
    summary: p.summary,
    procedure: p.procedure,
    shape: p.shape,
    lightTouch: p.lightTouch,
    stage: p.stage,
    timeline: p.timeline,
    createdAt: row.createdAt.toISOString(),
    publicSince: p.publicSince,
    engagement: { events: events.map((e) => ({ id: e.id, title: e.title, startsAt: e.startsAt, endsAt: e.endsAt, done: e.status === "ended" })), documents: pinned },
    tender: { publishedAt: noticeAt, documents: tenderDocs, maxValuePence: tender ? totalCapPence(tender.model) : null, criteria: criteriaWords, enquiries },
    award: awardFacts,
  };
}

export async function ocdsPackages(p: ProcurementRecord, origin: string) {
  const facts = await ocdsFacts(p, origin);
  const releases = ocdsReleases(facts);
  return { facts, releases: releasePackage(facts, releases), record: recordPackage(facts, releases, ocdsMergeRules()) };
}

/**
 * The procurement whose open data is asked for: anyone may read a public one (that is
 * the point of open data); otherwise only members who may read the procurement. Any
 * other answer is the same 404, so ids cannot be probed.
 */
export async function requireOcdsReadable(request: Request, procurementId: string | undefined): Promise<ProcurementRecord> {
  const id = procurementId ?? "";
  const notFound = () => problem({ status: 404, detail: "No published procurement has this id, or you may not read it." });
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(id)) throw notFound();
  const open = await getPublicProcurement(id);
  if (open) return open;
  const p = await getProcurementById(id);
  if (!p) throw notFound();
  // A bad token says so (401), as everywhere in the API; a visitor without a session
  // learns nothing, not even that the id exists.
  const user = request.headers.get("Authorization") ? await requireApiUser(request) : await getUser(request);
  if (!user) throw notFound();
  const member = await authoriseMember(user.id, p.workspaceId, "read:procurement");
  if (!member.ok) throw notFound();
  return p;
}

/**
 * The workspace's outcomes contract in INDIGO's project shape: the awarded contract's
 * payment model once there is one, otherwise the model being designed; null when no
 * payment model is complete yet.
 */
export async function indigoExport(workspaceId: string): Promise<IndigoExport | null> {
  const [w, p, frameworkDoc] = await Promise.all([
    db().workspace.findUniqueOrThrow({ where: { id: workspaceId }, select: { name: true, description: true } }),
    getProcurement(workspaceId),
    readStoredDocument(`${workspaceId}/outcomes`),
  ]);
  const award = p ? await getAward(p.id) : null;
  const contract = award?.contractVersionId ? await getPaymentVersionDesign(workspaceId, award.contractVersionId) : null;
  const design = contract?.design ?? readPaymentDesign(await readStoredDocument(`${workspaceId}/payment`));
  if (!design.model) return null;
  let investors: { id: string; name: string }[];
  if (award && p) {
    const winner = (await listAllBids(p.id)).find((b) => b.id === award.bidId);
    investors = (winner?.partners ?? []).filter((x) => x.role === "investor").map((x) => ({ id: x.organisationId, name: x.name }));
  } else {
    const rows = await db().membership.findMany({ where: { workspaceId, role: "investor", user: { organisationId: { not: null } } }, select: { user: { select: { organisation: { select: { id: true, name: true } } } } } });
    investors = [...new Map(rows.flatMap((r) => (r.user.organisation ? [[r.user.organisation.id, r.user.organisation] as const] : []))).values()];
  }
  const inForce = p && award && reached(p, p.stage, "contract") ? (p.timeline.contract ?? null) : null;
  return indigoProject({
    workspaceId,
    name: p?.title ?? w.name,
    summary: p?.summary || w.description,
    framework: readFramework(frameworkDoc),
    model: design.model,
    contracted: award !== null,
    contractSignedOn: inForce ? inForce.slice(0, 10) : null,
    scenario: design.scenarios[0] ?? null,
    investors,
    ocid: p ? ocidOf(env().OCDS_PREFIX, p.id) : null,
  });
}

/** What the public opportunity page says of the award: who won (the prime) and when; null before the award. */
export async function publicAward(procurementId: string): Promise<{ supplier: string; decidedAt: string; standstillEndsAt: string } | null> {
  const award = await getAward(procurementId);
  if (!award) return null;
  const prime = await db().bidPartner.findFirst({ where: { bidId: award.bidId, role: "prime" }, select: { organisation: { select: { name: true } } } });
  return { supplier: prime?.organisation.name ?? "the successful bidder", decidedAt: award.decidedAt, standstillEndsAt: award.standstillEndsAt };
}
