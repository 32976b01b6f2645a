// The demo: the Pan-London edge-of-care social outcomes contract from the Positive
// Families Partnership review (shared/seeds/003). People are fictional; the
// organisations and their parts are the review's, and so are its outcome framework
// and referral criteria (in the workspace's shared documents). Idempotent: run it
// twice and nothing is duplicated.
import { PFP_COMMITMENTS, PFP_CRITERIA, PFP_FRAMEWORK, PFP_PATHWAY, PFP_VIGNETTES } from "~/domain/examples/pfp";
import { PFP_PAYMENT_MODEL, PFP_SCENARIOS } from "~/domain/examples/pfp-payment";
import { writeFramework } from "~/domain/outcome-framework";
import { writePaymentDesign } from "~/domain/payment/design";
import { writeReferralDesign } from "~/domain/referral-design";
import type { OrganisationType, Role } from "~/domain/roles";
import { seedDocumentIfEmpty } from "~/models/document.server";
import { createEvent, createPoll, register, setPollStatus, updateEvent } from "~/models/market-event.server";
import { getProcurement, registerParty, saveDetails, savePublication, saveTerms, saveTimeline } from "~/models/procurement.server";
import { pfpTenderTerms } from "~/domain/examples/pfp-tender";
import { seedTenderWorkspace } from "./seed-tender";
import { seedDemoWorkshops } from "./seed-workshop";
import { answerQuestion, askQuestion, moderateQuestion } from "~/models/question.server";
import { publishVersion } from "~/models/version.server";
import { upsertMember } from "~/models/membership.server";
import { createUser, findOrCreateOrganisation, getUserByEmail } from "~/models/user.server";
import { db } from "~/utils/db.server";

export const DEMO_PASSWORD = "outcomes-demo";
export const DEMO_WORKSPACE_NAME = "Pan-London Edge of Care";

type DemoPerson = { email: string; name: string; org: string | null; orgType: OrganisationType; role: Role; lead?: boolean };

export const DEMO_PEOPLE: DemoPerson[] = [
  { email: "lead@sutton.example", name: "Sam Okafor", org: "London Borough of Sutton", orgType: "local-authority", role: "commissioner", lead: true },
  { email: "commissioner@merton.example", name: "Priya Shah", org: "London Borough of Merton", orgType: "local-authority", role: "commissioner" },
  { email: "commissioner@bexley.example", name: "Tom Reilly", org: "London Borough of Bexley", orgType: "local-authority", role: "commissioner" },
  { email: "commissioner@newham.example", name: "Amina Diallo", org: "London Borough of Newham", orgType: "local-authority", role: "commissioner" },
  { email: "commissioner@towerhamlets.example", name: "Rahim Chowdhury", org: "London Borough of Tower Hamlets", orgType: "local-authority", role: "commissioner" },
  { email: "facilitator@gla.example", name: "Grace Adeyemi", org: "Greater London Authority", orgType: "other", role: "facilitator" },
  { email: "prime@pfp.example", name: "Helen Marsh", org: "Positive Families Partnership", orgType: "provider", role: "provider" },
  { email: "mst@familyaction.example", name: "Daniel Brooks", org: "Family Action", orgType: "provider", role: "provider" },
  { email: "mst@swlstg.example", name: "Dr Maya Patel", org: "South West London and St George's Mental Health NHS Trust", orgType: "provider", role: "provider" },
  { email: "fft@fpm.example", name: "Owen Lewis", org: "Family Psychology Mutual", orgType: "provider", role: "provider" },
  // A rival bidder (fictional), so the demo has two consortia.
  { email: "bids@catalyst.example", name: "Nadia Russo", org: "Catalyst Family Services", orgType: "provider", role: "provider" },
  { email: "investor@bridges.example", name: "Claire Whitfield", org: "Bridges Outcomes Partnerships", orgType: "investor", role: "investor" },
  { email: "fund@tnlcf.example", name: "Jonah Mensah", org: "The National Lottery Community Fund", orgType: "national-funder", role: "observer" },
  { email: "evaluator@ecorys.example", name: "Ruth Kaplan", org: "Ecorys UK", orgType: "other", role: "evaluator" },
  { email: "youth@panel.example", name: "Youth panel (shared account)", org: null, orgType: "other", role: "service-user" },
];

const DESCRIPTION =
  "Edge-of-care social outcomes contract for young people aged 10–16 at risk of entering care, delivered through Multi-Systemic " +
  "Therapy (MST) and Functional Family Therapy (FFT). The founding boroughs commit to at least 384 referrals over three and a half " +
  "years; outcome payments are made for each seven-day period a young person stays out of care, tracked for two years.";

export type DemoResult = { created: boolean; workspaceId: string; logins: { email: string; role: Role; name: string }[] };

/** Creates the demo workspace and its people, unless it is already there. */
export async function seedDemo(): Promise<DemoResult> {
  const lead = DEMO_PEOPLE[0]!;
  const logins = DEMO_PEOPLE.map((p) => ({ email: p.email, role: p.role, name: p.name }));
  const existing = await db().workspace.findFirst({
    where: { name: DEMO_WORKSPACE_NAME, createdBy: { email: lead.email } },
    select: { id: true },
  });
  const ids = new Map<string, string>();
  for (const p of DEMO_PEOPLE) {
    const user =
      (await getUserByEmail(p.email)) ??
      (await createUser({ email: p.email, name: p.name, password: DEMO_PASSWORD, organisation: p.org ? { name: p.org, type: p.orgType } : undefined }));
    ids.set(p.email, user.id);
  }
  if (existing) {
    await seedDemoDocuments(existing.id);
    await seedTenderWorkspace(DEMO_PEOPLE, ids);
    return { created: false, workspaceId: existing.id, logins };
  }
  await findOrCreateOrganisation({ name: "Social Finance", type: "other" });
  // The tender workspace first, so the live one (newest) stays first in every list.
  await seedTenderWorkspace(DEMO_PEOPLE, ids);
  const workspace = await db().workspace.create({
    data: { name: DEMO_WORKSPACE_NAME, description: DESCRIPTION, createdById: ids.get(lead.email)! },
    select: { id: true },
  });
  for (const p of DEMO_PEOPLE) {
    await upsertMember({ workspaceId: workspace.id, userId: ids.get(p.email)!, role: p.role });
  }
  await db().membership.updateMany({ where: { workspaceId: workspace.id, userId: ids.get(lead.email)! }, data: { isLead: true } });
  await seedDemoDocuments(workspace.id);
  await seedDemoWhatIf(workspace.id, ids.get("prime@pfp.example")!);
  // The past workshop's themes are in the framework before its versions are published.
  const facilitator = DEMO_PEOPLE.find((p) => p.role === "facilitator")!;
  await seedDemoWorkshops(workspace.id, { id: ids.get(facilitator.email)!, name: facilitator.name });
  await seedDemoProcurement(workspace.id, ids);
  return { created: true, workspaceId: workspace.id, logins };
}

/**
 * The provider's what-if, shown to the room at the market-warming day: the top of the
 * tariff range (£240) with its own delivery costs, beside the commissioners' estimate.
 */
async function seedDemoWhatIf(workspaceId: string, ownerId: string): Promise<void> {
  const model = { ...PFP_PAYMENT_MODEL, components: PFP_PAYMENT_MODEL.components.map((c) => (c.kind === "outcome-period" ? { ...c, tariffPence: 24_000 } : c)) };
  const costs = { setUpPence: 30_000_000, deliveryPerParticipantPence: 1_000_000, deliveryPerCaseByInterventionPence: { mst: 1_200_000, fft: 850_000 }, runningPerMonthPence: 2_200_000 };
  const scenarios = PFP_SCENARIOS.map((s) => ({ ...s, costs }));
  await db().whatIf.create({ data: { workspaceId, ownerId, name: "A £240 tariff, with our delivery costs", content: JSON.stringify({ model, scenarios }), shownAt: new Date() } });
}

/** The PFP outcome framework, referral design and payment model, in documents nobody has written yet. */
async function seedDemoDocuments(workspaceId: string): Promise<void> {
  await seedDocumentIfEmpty(`${workspaceId}/outcomes`, (doc) => writeFramework(doc, PFP_FRAMEWORK));
  await seedDocumentIfEmpty(`${workspaceId}/referral`, (doc) =>
    writeReferralDesign(doc, { criteria: PFP_CRITERIA, pathway: PFP_PATHWAY, commitments: PFP_COMMITMENTS, vignettes: PFP_VIGNETTES }),
  );
  await seedDocumentIfEmpty(`${workspaceId}/payment`, (doc) => writePaymentDesign(doc, PFP_PAYMENT_MODEL, PFP_SCENARIOS));
}

const DAY = 86_400_000;
const at = (base: number, days: number, hour: number) => {
  const d = new Date(base + days * DAY);
  d.setUTCHours(hour, 0, 0, 0);
  return d.toISOString();
};

/**
 * The procurement in progress: the GLA's market-warming day is on (as the review's was,
 * for 30+ people), under the light-touch regime; the design shape has dialogue rounds,
 * which the PFP's bidders said they missed. Dates are set from today, so the demo is
 * always mid-engagement.
 */
async function seedDemoProcurement(workspaceId: string, ids: Map<string, string>): Promise<void> {
  const lead = DEMO_PEOPLE[0]!;
  const by = { id: ids.get(lead.email)!, name: lead.name };
  let paymentVersionId = "";
  for (const section of ["outcomes", "referral", "payment"] as const) {
    const v = await publishVersion({ workspaceId, section, name: "For the market-warming day", userId: ids.get(lead.email)!, userName: lead.name });
    if (v.ok && section === "payment") paymentVersionId = v.version.id;
  }
  await saveDetails(workspaceId, {
    title: "Pan-London edge-of-care social outcomes contract",
    reference: "PLEC-2026-01",
    summary: DESCRIPTION,
    procedure: "competitive-flexible",
    shape: "dialogue",
    lightTouch: true,
  }, by);
  const p = (await getProcurement(workspaceId))!;
  const now = Date.now();
  await saveTimeline(p, {
    "tender-notice": at(now, 21, 9),
    shortlist: at(now, 35, 12),
    dialogue: at(now, 42, 9),
    clarification: at(now, 63, 9),
    enquiryEndsAt: at(now, 84, 12),
    clarificationsUntil: at(now, 88, 12),
    "bid-deadline": at(now, 98, 12),
    evaluation: at(now, 99, 9),
    "award-decision": at(now, 120, 9),
    standstill: at(now, 121, 9),
    contract: at(now, 140, 9),
  }, by);
  await saveTerms((await getProcurement(workspaceId))!, pfpTenderTerms(paymentVersionId), by);
  const pinned = { outcomes: "For the market-warming day", referral: "For the market-warming day", payment: "For the market-warming day" };
  await savePublication(p, pinned, true, by);
  const people = DEMO_PEOPLE.filter((x) => x.org && (x.orgType === "provider" || x.orgType === "investor"));
  const orgs = await db().organisation.findMany({ where: { name: { in: people.map((x) => x.org!) } }, select: { id: true, name: true } });
  for (const person of people) await registerParty(p, orgs.find((o) => o.name === person.org)!.id, person.name);
  // Read again: the event pins the versions just published.
  const fresh = (await getProcurement(workspaceId))!;
  const event = await createEvent(fresh, {
    title: "Market-warming day",
    description: "The commissioners explain the outcomes contract and why MST and FFT; the room questions it and tests the payment model.",
    startsAt: at(now, 0, 9),
    endsAt: at(now, 0, 16),
    place: "City Hall, Kamal Chunchie Way, London E16",
    onlineUrl: "https://meet.example/market-warming",
  }, by);
  await updateEvent(fresh, event.id, {
    status: "live",
    agenda: [
      { id: "welcome", time: "09:30", title: "Welcome and why an outcomes contract", presenter: "Sam Okafor, London Borough of Sutton", notes: "" },
      { id: "interventions", time: "10:00", title: "Why MST and FFT: the evidence", presenter: "Social Finance", notes: "" },
      { id: "payment", time: "11:00", title: "The payment model: £200–£250 per week out of care", presenter: "Grace Adeyemi, GLA", notes: "Tariffs, the cap and the national fund's top-up, with the forecast." },
      { id: "questions", time: "14:00", title: "Questions and answers", presenter: "The commissioners", notes: "" },
    ],
    showing: { kind: "agenda", itemId: "welcome" },
  }, by);
  const byEmail = async (email: string) => (await db().user.findUnique({ where: { email }, select: { id: true, name: true, organisation: { select: { id: true, name: true, type: true } } } }))!;
  for (const x of DEMO_PEOPLE.filter((d) => d.role !== "service-user")) await register(fresh, event.id, await byEmail(x.email), x.role !== "evaluator");
  const poll = await createPoll(fresh, event.id, { question: "Which share of provider income at risk would you bid against?", kind: "single", options: ["Up to 50%", "50% to 75%", "All of it"], anonymous: true }, by);
  await setPollStatus(fresh, event.id, poll.id, "open", by);
  const asker = await byEmail("mst@familyaction.example");
  const q = await askQuestion(fresh, asker, { source: "event", body: "Will referrals below the 384 commitment be balanced across the boroughs, or does the shortfall sit with the provider?", anonymous: true, eventId: event.id });
  await moderateQuestion(fresh, q.id, "approve", { id: ids.get(lead.email)!, name: lead.name });
  await answerQuestion(fresh, q.id, { answer: "Shortfalls are balanced across the boroughs each year, and 5–10% rolls over to the next. The commitments are in the referral criteria published for today." }, { id: ids.get(lead.email)!, name: lead.name });
}
