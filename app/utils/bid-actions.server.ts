// The bid page's actions: the consortium (the prime invites and removes partners),
// named versions, submission and withdrawal (the prime only, inside the window by the
// server's clock, inside the bid rules), and an evaluator's scores. Each refusal is a
// 400 with a sentence; nothing here tells anyone outside the consortium about the bid.
import { data, type AppLoadContext } from "@remix-run/node";
import { z } from "zod";
import { bidBreaches, type Breach } from "~/domain/procurement/bid-rules";
import { canBid, draftingWindow, submissionWindow, type BidAccess } from "~/domain/procurement/bids";
import { smallProviderBreaches, supplyChainRisk } from "~/domain/procurement/supply-chain";
import { PAGE_FORECAST } from "~/domain/payment/workbook";
import { totalCapPence } from "~/domain/payment/forecast";
import { idSchema, multiLine, singleLine } from "~/domain/validation";
import { addPartner, removePartner, readDraft, saveBidVersion, submitBid, withdrawBid, type BidRecord } from "~/models/bid.server";
import { saveScore } from "~/models/evaluation.server";
import { partyOf } from "~/models/procurement.server";
import { db } from "./db.server";
import { storedForecast } from "./forecast.server";
import { invalid, parseForm } from "./forms.server";
import { refusal } from "./procurement.server";
import { tenderModel, type BidContext } from "./bids.server";

type Ctx = BidContext & { bid: BidRecord; access: BidAccess };
const refuse = (message: string, intent: string) => data(refusal(message, intent), { status: 400 });
const done = (intent: string, message: string, extra: Record<string, unknown> = {}) => data({ ok: true as const, intent, message, ...extra });

const PartnerFormSchema = z.object({
  organisationId: idSchema("Choose an organisation."),
  role: z.enum(["delivery", "investor"], { error: "Choose delivery partner or investor." }),
  small: z.enum(["on"]).optional(),
});
const VersionFormSchema = z.object({ label: singleLine(z.string().trim().min(1, "Name the version.").max(120, "Keep the name to 120 characters or fewer.")) });
const ScoreFormSchema = z.object({
  questionId: idSchema("Choose a question."),
  score: z.coerce.number({ error: "Choose a score." }).int("Choose a score."),
  justification: multiLine(z.string().trim().min(1, "Write the justification for this score.").max(5_000, "Keep the justification to 5,000 characters or fewer.")),
});

function isPrime(ctx: Ctx): boolean {
  const prime = ctx.bid.partners.find((p) => p.role === "prime");
  return prime !== undefined && ctx.bidViewer.organisationId === prime.organisationId && canBid(ctx.bidViewer);
}

/** Everything that keeps a bid from being submitted, in words: the rules, the supply chain, the answers. */
async function submissionBreaches(ctx: Ctx, context: AppLoadContext): Promise<Breach[]> {
  const tender = await tenderModel(ctx.procurement);
  if (!tender) return [{ path: "", message: "The tender has no published payment model to bid against yet." }];
  const draft = await readDraft(ctx.workspace.id, ctx.bid);
  if (!draft.proposal) return [{ path: "proposal", message: `The payment proposal is not complete: ${draft.proposalProblems.join("; ")}` }];
  const forecast = tender.scenarios.length ? await storedForecast(context, { model: draft.proposal, scenarios: tender.scenarios, runs: PAGE_FORECAST.runs, seed: PAGE_FORECAST.seed }, 20_000) : null;
  const { rules, criteria } = ctx.procurement.terms;
  const risk = forecast ? supplyChainRisk(forecast.scenarios, ctx.bid.partners, draft.terms, totalCapPence(draft.proposal)) : null;
  return bidBreaches({
    base: tender.model,
    rules,
    proposal: draft.proposal,
    proposalProblems: draft.proposalProblems,
    forecast: forecast?.scenarios ?? null,
    smallProviderBreaches: risk ? smallProviderBreaches(risk, ctx.bid.partners, rules.maxSmallProviderAtRiskBps) : [],
    questions: criteria.questions,
    answers: draft.answers,
    name: draft.name,
    complete: true,
  });
}

export async function bidAction(intent: string, formData: FormData, ctx: Ctx, context: AppLoadContext) {
  const now = new Date();
  if (intent === "score") return scoreAction(formData, ctx);
  if (!ctx.access.consortium) return refuse("Only the consortium can change its bid.", intent);
  switch (intent) {
    case "add-partner":
    case "remove-partner": {
      if (!isPrime(ctx)) return refuse("Only the prime can change the consortium.", intent);
      const window = draftingWindow(ctx.procurement, now);
      if (!window.open) return refuse(window.reason, intent);
      if (ctx.bid.submission) return refuse("The bid is submitted: withdraw it before changing the consortium.", intent);
      if (intent === "remove-partner") {
        const organisationId = idSchema("Choose an organisation.").safeParse(formData.get("organisationId"));
        if (!organisationId.success) return refuse(organisationId.error.issues[0]!.message, intent);
        const r = await removePartner(ctx.bid, organisationId.data, ctx.user);
        return r.ok ? done(intent, "Removed from the consortium.") : refuse(r.error, intent);
      }
      const form = parseForm(formData, PartnerFormSchema);
      if (!form.ok) return invalid(form, intent);
      if (!(await partyOf(ctx.procurement.id, form.data.organisationId))) return invalid({ errors: { organisationId: ["Only organisations registered as interested parties can join a consortium."] } }, intent);
      const r = await addPartner(ctx.bid, { organisationId: form.data.organisationId, role: form.data.role, small: form.data.small === "on" }, ctx.user);
      if (!r.ok) return invalid({ errors: { organisationId: [r.error] } }, intent);
      await notifyConsortium(ctx, form.data.organisationId, "Your organisation was added to a consortium's bid.");
      return done(intent, "Added to the consortium. Its people can now open the bid.");
    }
    case "save-version": {
      const form = parseForm(formData, VersionFormSchema);
      if (!form.ok) return invalid(form, intent);
      const v = await saveBidVersion(ctx.workspace.id, ctx.bid, form.data.label, ctx.user.name);
      return done(intent, `Version “${form.data.label}” saved.`, { sha256: v.sha256 });
    }
    case "submit": {
      if (!isPrime(ctx)) return refuse("Only the prime submits the bid.", intent);
      const window = submissionWindow(ctx.procurement, now);
      if (!window.open) return refuse(window.reason, intent);
      if (ctx.bid.submission) return refuse("This bid is already submitted. Withdraw it first to submit a new one.", intent);
      const breaches = await submissionBreaches(ctx, context);
      if (breaches.length) return data({ ...refusal("The bid cannot be submitted yet:", intent), breaches: breaches.map((b) => b.message) }, { status: 400 });
      // The clock is read again after the checks: a submission that finishes after the deadline is refused.
      const at = new Date();
      const late = submissionWindow(ctx.procurement, at);
      if (!late.open) return refuse(late.reason, intent);
      const receipt = await submitBid(ctx.workspace.id, ctx.bid, ctx.user.name, at);
      await notifyConsortium(ctx, null, `Bid submitted. Receipt: SHA-256 ${receipt.sha256}.`);
      return done(intent, "Bid submitted.", { receipt: { at: receipt.at, sha256: receipt.sha256 } });
    }
    case "withdraw": {
      if (!isPrime(ctx)) return refuse("Only the prime withdraws the bid.", intent);
      const window = submissionWindow(ctx.procurement, now);
      if (!window.open) return refuse(window.reason, intent);
      if (!(await withdrawBid(ctx.bid, ctx.user, now))) return refuse("There is no submission to withdraw.", intent);
      return done(intent, "Submission withdrawn. The draft can be changed and submitted again before the deadline.");
    }
  }
  return invalid({ formErrors: ["Unknown action. Reload the page and try again."] });
}

async function scoreAction(formData: FormData, ctx: Ctx) {
  const evaluator = ctx.evaluator;
  if (!evaluator || !ctx.access.read || ctx.access.consortium) return refuse("Only a named evaluator who has declared scores this bid.", "score");
  if (ctx.procurement.moderationAt) return refuse("Moderation has begun: individual scores are final.", "score");
  const form = parseForm(formData, ScoreFormSchema);
  if (!form.ok) return invalid(form, "score");
  const { criteria } = ctx.procurement.terms;
  if (!criteria.questions.some((q) => q.id === form.data.questionId)) return refuse("That question is not in this tender.", "score");
  if (form.data.score < 0 || form.data.score > criteria.scaleMax) return invalid({ errors: { score: [`Scores run from 0 to ${criteria.scaleMax}.`] } }, "score");
  await saveScore(evaluator.id, ctx.bid.id, form.data.questionId, form.data.score, form.data.justification, { workspaceId: ctx.workspace.id, by: ctx.user });
  return done("score", "Score saved. Only you see it until moderation.");
}

/** A notification to the consortium's people only (or one partner's), never beyond it. */
async function notifyConsortium(ctx: Ctx, organisationId: string | null, excerpt: string) {
  const orgs = organisationId ? [organisationId] : ctx.bid.partners.map((p) => p.organisationId);
  const people = await db().membership.findMany({
    where: { workspaceId: ctx.workspace.id, role: { in: ["provider", "investor"] }, user: { organisationId: { in: orgs } } },
    select: { userId: true },
  });
  if (!people.length) return;
  await db().notification.createMany({
    data: people.map((p) => ({ userId: p.userId, workspaceId: ctx.workspace.id, kind: "procurement", actorName: ctx.user.name, excerpt, href: `/workspaces/${ctx.workspace.id}/procurement/bids/${ctx.bid.id}` })),
  });
}

