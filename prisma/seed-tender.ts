// The demo's bidding room: a second workspace where the same PFP contract has been
// tendered and the bids are in. Two consortia bid inside the bid rules (the Positive
// Families Partnership with Bridges as investor and three delivery partners; a rival
// led by Catalyst Family Services); the deadline has passed and the lead commissioner
// has opened the bids. Two evaluators are named: Priya Shah has declared and scored,
// Ruth Kaplan has still to declare, so a visitor can take her part, then moderate and
// award as Sam Okafor. Sealed content is written encrypted, as in use.
import { PFP_PAYMENT_MODEL, PFP_SCENARIOS } from "~/domain/examples/pfp-payment";
import { pfpTenderTerms } from "~/domain/examples/pfp-tender";
import { writePaymentDesign } from "~/domain/payment/design";
import type { PaymentModel } from "~/domain/payment/model";
import type { Role } from "~/domain/roles";
import { setAnswer, setTerms } from "~/domain/procurement/bid-document";
import { addPartner, createBid, getBid, openBids, seedDraft, submitBid, type BidRecord } from "~/models/bid.server";
import { seedDocumentIfEmpty } from "~/models/document.server";
import { addEvaluator, declare, evaluatorFor, saveScore } from "~/models/evaluation.server";
import { upsertMember } from "~/models/membership.server";
import { getProcurement, registerParty, saveDetails, saveTerms, type ProcurementRecord } from "~/models/procurement.server";
import { publishVersion } from "~/models/version.server";
import { tenderModel } from "~/utils/bids.server";
import { db } from "~/utils/db.server";

export const TENDER_WORKSPACE_NAME = "Edge of Care tender: bids in";

type Person = { email: string; name: string; role: Role };

const hybrid = (tariffPence: number, feePence: number): PaymentModel => ({
  ...PFP_PAYMENT_MODEL,
  components: [
    ...PFP_PAYMENT_MODEL.components.map((c) => (c.kind === "outcome-period" ? { ...c, tariffPence } : c)),
    { kind: "per-participant-fee", id: "engagement-fee", name: "Fee per family engaged", amountPence: feePence, event: "first-meeting" },
  ],
});

const ANSWERS: Record<string, Record<string, string>> = {
  pfp: {
    delivery: "Two MST teams (Family Action and South West London and St George's) and one FFT team (Family Psychology Mutual) start in month one, with clinical supervision from the model developers and one referral clinic a week per borough.",
    partnership: "Bridges funds delivery and carries the outcome risk; delivery partners are paid a fee per family by the prime, so no small provider has more than a tenth of its income at risk.",
    voice: "A young people's advisory group of former participants meets the board every quarter and reviews the wellbeing measures.",
  },
  catalyst: {
    delivery: "One combined MST and FFT service run from two hubs, recruiting in the first three months.",
    partnership: "Catalyst carries the outcome risk itself; Family Action delivers FFT on a fee per family.",
    voice: "Families are surveyed at the end of each intervention.",
  },
};

export async function seedTenderWorkspace(people: Person[], ids: Map<string, string>): Promise<string> {
  const lead = people[0]!;
  const by = { id: ids.get(lead.email)!, name: lead.name };
  const existing = await db().workspace.findFirst({ where: { name: TENDER_WORKSPACE_NAME, createdBy: { email: lead.email } }, select: { id: true } });
  if (existing) return existing.id;
  const workspace = await db().workspace.create({
    data: { name: TENDER_WORKSPACE_NAME, description: "The PFP contract at tender: bids in, opened, being evaluated.", createdById: ids.get(lead.email)! },
    select: { id: true },
  });
  for (const p of people) await upsertMember({ workspaceId: workspace.id, userId: ids.get(p.email)!, role: p.role });
  await db().membership.updateMany({ where: { workspaceId: workspace.id, userId: ids.get(lead.email)! }, data: { isLead: true } });
  await seedDocumentIfEmpty(`${workspace.id}/payment`, (doc) => writePaymentDesign(doc, PFP_PAYMENT_MODEL, PFP_SCENARIOS));
  const version = await publishVersion({ workspaceId: workspace.id, section: "payment", name: "Invitation to tender", userId: ids.get(lead.email)!, userName: lead.name });
  await saveDetails(workspace.id, {
    title: "Pan-London edge-of-care social outcomes contract",
    reference: "PLEC-2026-02",
    summary: "Edge-of-care social outcomes contract for young people aged 10–16 at risk of entering care, delivered through MST and FFT.",
    procedure: "competitive-flexible",
    shape: "restricted",
    lightTouch: true,
  }, by);
  let p = (await getProcurement(workspace.id))!;
  await saveTerms(p, pfpTenderTerms(version.ok ? version.version.id : ""), by);
  const orgs = await db().organisation.findMany({ select: { id: true, name: true } });
  const org = (name: string) => orgs.find((o) => o.name === name)!.id;
  for (const name of ["Positive Families Partnership", "Bridges Outcomes Partnerships", "Family Action", "South West London and St George's Mental Health NHS Trust", "Family Psychology Mutual", "Catalyst Family Services"]) await registerParty(p, org(name), "Demo");
  // The tender ran its course: bids were invited three weeks ago and closed yesterday.
  const now = Date.now();
  const day = (d: number) => new Date(now + d * 86_400_000).toISOString();
  const timeline = { "tender-notice": day(-40), participation: day(-39), shortlist: day(-26), clarification: day(-21), enquiryEndsAt: day(-10), clarificationsUntil: day(-8), "bid-deadline": day(-1) };
  await db().procurement.update({ where: { id: p.id }, data: { stage: "clarification", timeline: JSON.stringify(timeline) } });
  p = (await getProcurement(workspace.id))!;
  const tender = (await tenderModel(p))!;

  const bid = async (prime: string, submitter: string, name: string, partners: [string, "delivery" | "investor", boolean][], model: PaymentModel, answers: Record<string, string>, terms: Record<string, [number, number, number]>) => {
    const by = { id: ids.get(submitter) ?? null, name: people.find((x) => x.email === submitter)!.name };
    let b: BidRecord = await createBid(p, { organisationId: org(prime), name, lotId: null, base: tender.model }, by);
    for (const [n, role, small] of partners) await addPartner(b, { organisationId: org(n), role, small }, by);
    b = (await getBid(p.id, b.id))!;
    await seedDraft(workspace.id, b, (doc) => {
      writePaymentDesign(doc, model, []);
      for (const [q, text] of Object.entries(answers)) setAnswer(doc, q, text);
      for (const [n, [fee, cases, share]] of Object.entries(terms)) setTerms(doc, org(n), { feePerFamilyPence: fee, caseShareBps: cases, outcomeShareBps: share });
    });
    await submitBid(workspace.id, b, people.find((x) => x.email === submitter)!.name, new Date(now - 2 * 86_400_000));
    return b;
  };
  const pfp = await bid(
    "Positive Families Partnership",
    "prime@pfp.example",
    "Positive Families Partnership",
    [["Bridges Outcomes Partnerships", "investor", false], ["Family Action", "delivery", true], ["South West London and St George's Mental Health NHS Trust", "delivery", false], ["Family Psychology Mutual", "delivery", true]],
    hybrid(23_000, 150_000),
    ANSWERS.pfp!,
    { "Family Action": [900_000, 3_500, 100], "South West London and St George's Mental Health NHS Trust": [950_000, 3_500, 0], "Family Psychology Mutual": [800_000, 3_000, 100] },
  );
  const catalyst = await bid("Catalyst Family Services", "bids@catalyst.example", "Catalyst Families Consortium", [["Family Action", "delivery", true]], hybrid(21_500, 300_000), ANSWERS.catalyst!, { "Family Action": [850_000, 4_000, 0] });
  const opened = await openBids(p, null, by);
  if (!opened.ok) throw new Error(`demo tender: ${opened.reason}`);
  p = (await getProcurement(workspace.id))!;
  const priya = people.find((x) => x.email === "commissioner@merton.example")!;
  const ruth = people.find((x) => x.email === "evaluator@ecorys.example")!;
  for (const e of [priya, ruth]) await addEvaluator(p, ids.get(e.email)!, by);
  const first = (await evaluatorFor(p.id, ids.get(priya.email)!))!;
  await declare(workspace.id, first, [{ bidId: pfp.id, conflict: false, note: "" }, { bidId: catalyst.id, conflict: false, note: "" }]);
  for (const [b, scores] of [[pfp, [4, 4, 3]], [catalyst, [3, 2, 2]]] as const) {
    for (const [i, q] of p.terms.criteria.questions.entries()) await saveScore(first.id, b.id, q.id, scores[i]!, "Scored against the descriptors (demo).", { workspaceId: workspace.id, by: { id: ids.get(priya.email)!, name: priya.name } });
  }
  return workspace.id;
}
