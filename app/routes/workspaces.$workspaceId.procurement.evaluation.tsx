// Evaluation. The commissioning team names the evaluators. After opening, each
// evaluator declares conflicts of interest (dated, kept) before seeing any bid; a
// declared conflict hides that bid. Scores stay private to each evaluator until
// moderation, when they are shown side by side and a consensus score with reasons is
// agreed per question; the ranking follows from the tender's weights, beside every bid
// priced under the same scenarios. Then the award.
import { IntentFields } from "~/components/procurement/intent-fields";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Button, FormErrors, Notice, SelectField } from "~/components/forms";
import { ComparisonPanel, DeclarationForm, ModerationPanel, RankingTable } from "~/components/bids/evaluation-panels";
import { can } from "~/domain/permissions";
import { formatInstant, MINIMUM } from "~/domain/procurement/stages";
import { idSchema, multiLine } from "~/domain/validation";
import { listAllBids, readSubmittedBids } from "~/models/bid.server";
import { addEvaluator, declare, getAward, listDeclarations, listEvaluators, listScores, removeEvaluator, saveConsensus, startModeration } from "~/models/evaluation.server";
import { db } from "~/utils/db.server";
import { award } from "~/utils/award.server";
import { awardRecordedAs } from "~/utils/audit.server";
import { AuditStamp } from "~/components/open-data/audit-stamp";
import { evaluationFigures } from "~/utils/assessment.server";
import { requireBidding, type BidContext } from "~/utils/bids.server";
import { readForm } from "~/utils/csrf.server";
import { invalid, parseForm } from "~/utils/forms.server";
import { refusal } from "~/utils/procurement.server";

function allowed(ctx: BidContext) {
  const manage = can(ctx.membership.role, "manage:procurement");
  if (!manage && !ctx.evaluator) throw new Response("Only the commissioning team and the named evaluators see the evaluation.", { status: 403 });
  return manage;
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const ctx = await requireBidding(request, params.workspaceId);
  const manage = allowed(ctx);
  const p = ctx.procurement;
  const me = ctx.evaluator;
  const opened = p.bidsOpenedAt !== null;
  const evaluators = await listEvaluators(p.id);
  const members = manage ? await db().membership.findMany({ where: { workspaceId: ctx.workspace.id, role: { in: ["commissioner", "facilitator", "evaluator"] } }, select: { userId: true, role: true, user: { select: { name: true } } } }) : [];
  // An evaluator sees bids once declared, except those they declared a conflict with; the team sees all once opened.
  const declared = me?.declaredAt != null;
  const visible = (bidId: string) => manage || (declared && !me!.conflictBidIds.includes(bidId));
  const showFigures = opened && (manage || declared);
  const figures = showFigures ? await evaluationFigures(context, p, visible) : null;
  const toDeclare = opened && me && !declared ? (figures?.opened ?? (await readSubmittedBids(p.id))).map((o) => ({ id: o.bid.id, name: o.content.name, consortium: o.bid.partners.map((x) => x.name) })) : [];
  const moderation = p.moderationAt !== null;
  // Individual scores are each evaluator's own until moderation; then everyone's, side by side.
  const scores = !opened ? [] : moderation ? (await listScores(p.id)).filter((s) => visible(s.bidId)) : me ? await listScores(p.id, me.id) : [];
  return {
    workspaceId: ctx.workspace.id,
    manage,
    opened,
    openedAt: p.bidsOpenedAt,
    deadline: p.timeline["bid-deadline"] ?? null,
    evaluators: evaluators.map((e) => ({ id: e.id, name: e.name, organisation: e.organisation, declaredAt: e.declaredAt })),
    candidates: members.filter((m) => !evaluators.some((e) => e.userId === m.userId)).map((m) => ({ value: m.userId, label: `${m.user.name} (${m.role})` })),
    me: me ? { id: me.id, declaredAt: me.declaredAt, conflicts: me.conflictBidIds.length } : null,
    toDeclare,
    declarations: manage ? await listDeclarations(p.id) : [],
    bids: (figures?.opened ?? []).map((o) => ({ id: o.bid.id, name: o.content.name })),
    criteria: p.terms.criteria,
    moderationAt: p.moderationAt,
    scores,
    consensus: figures?.consensus.filter((c) => visible(c.bidId)) ?? [],
    ranking: figures?.ranking ?? [],
    rows: figures?.rows ?? [],
    priced: (figures?.priced ?? []).map((b) => ({ bidId: b.bidId, label: b.label, forecast: b.forecast })),
    award: figures?.award ?? (await getAward(p.id)),
    awardRecord: await awardRecordedAs(p.workspaceId, p.id),
    standstillDays: MINIMUM.standstillWorkingDays,
  };
}

const DeclareSchema = z.record(z.string(), z.string());
const MemberIdSchema = idSchema("Choose a member of this workspace.");
const NoteSchema = multiLine(z.string().trim().max(2_000, "Keep the details to 2,000 characters or fewer."));
const ConsensusSchema = z.object({ bidId: idSchema("Choose a bid."), questionId: idSchema("Choose a question."), score: z.coerce.number().int(), reasons: multiLine(z.string().trim().min(1, "Give the reasons for the consensus score.").max(5_000)) });
const AwardSchema = z.object({ bidId: idSchema("Choose the winning bid."), reasons: multiLine(z.string().trim().min(1, "Give the reasons for the decision: bidders read them in their assessment summaries.").max(5_000)) });

export async function action({ request, params }: ActionFunctionArgs) {
  const formData = await readForm(request);
  const intent = String(formData.get("intent") ?? "");
  const ctx = await requireBidding(request, params.workspaceId);
  const manage = allowed(ctx);
  const p = ctx.procurement;
  const done = (message: string) => data({ ok: true as const, intent, message });
  const refuse = (message: string) => data(refusal(message, intent), { status: 400 });
  const teamOnly = () => {
    if (!manage) throw new Response("Only the commissioning team does this.", { status: 403 });
  };
  switch (intent) {
    case "add-evaluator": {
      teamOnly();
      const userId = MemberIdSchema.safeParse(formData.get("userId"));
      if (!userId.success) return invalid({ errors: { userId: [userId.error.issues[0]!.message] } }, intent);
      const r = await addEvaluator(p, userId.data, ctx.user);
      return r.ok ? done("Evaluator named.") : invalid({ errors: { userId: [r.error] } }, intent);
    }
    case "remove-evaluator": {
      teamOnly();
      const evaluatorId = idSchema("Choose an evaluator.").safeParse(formData.get("evaluatorId"));
      if (!evaluatorId.success) return refuse(evaluatorId.error.issues[0]!.message);
      return (await removeEvaluator(p, evaluatorId.data, ctx.user)) ? done("Evaluator removed.") : refuse("An evaluator who has scored stays on the record.");
    }
    case "declare": {
      const me = ctx.evaluator;
      if (!me) throw new Response("Only a named evaluator declares.", { status: 403 });
      if (!p.bidsOpenedAt) return refuse("Declarations are made once the bids are opened, when the bidders are known.");
      if (me.declaredAt) return refuse(`You declared on ${formatInstant(me.declaredAt)}.`);
      const values = DeclareSchema.parse(Object.fromEntries([...formData].filter(([, v]) => typeof v === "string")));
      const bids = await readSubmittedBids(p.id);
      const answers = [];
      for (const b of bids) {
        const choice = values[`conflict-${b.bid.id}`];
        if (choice !== "yes" && choice !== "no") return invalid({ errors: { [`conflict-${b.bid.id}`]: [`Say whether you have a conflict of interest with ${b.content.name}.`] } }, intent);
        const note = NoteSchema.safeParse(values[`note-${b.bid.id}`] ?? "");
        if (!note.success) return invalid({ errors: { [`note-${b.bid.id}`]: [note.error.issues[0]!.message] } }, intent);
        answers.push({ bidId: b.bid.id, conflict: choice === "yes", note: note.data });
      }
      await declare(p.workspaceId, me, answers);
      return done("Declaration recorded. You can now read and score the bids you have no conflict with.");
    }
    case "start-moderation": {
      teamOnly();
      if (!p.bidsOpenedAt) return refuse("Open the bids first.");
      return (await startModeration(p, ctx.user)) ? done("Moderation has begun: individual scores are now shown side by side.") : refuse("Moderation has already begun.");
    }
    case "consensus": {
      teamOnly();
      if (!p.moderationAt) return refuse("Start moderation first.");
      const form = parseForm(formData, ConsensusSchema);
      if (!form.ok) return invalid(form, intent);
      if (!p.terms.criteria.questions.some((q) => q.id === form.data.questionId)) return refuse("That question is not in this tender.");
      if (form.data.score < 0 || form.data.score > p.terms.criteria.scaleMax) return invalid({ errors: { score: [`Scores run from 0 to ${p.terms.criteria.scaleMax}.`] } }, intent);
      if (!(await listAllBids(p.id)).some((b) => b.id === form.data.bidId && b.submission)) return refuse("That bid is not in this procurement.");
      await saveConsensus(form.data.bidId, form.data.questionId, form.data.score, form.data.reasons, { workspaceId: p.workspaceId, by: ctx.user });
      return done("Consensus score saved.");
    }
    case "award": {
      if (!can(ctx.membership.role, "answer:clarifications")) throw new Response("Only a commissioner makes the award decision.", { status: 403 });
      if (!p.moderationAt) return refuse("Moderate the scores before the award.");
      if (await getAward(p.id)) return refuse("The award decision has been made.");
      const form = parseForm(formData, AwardSchema);
      if (!form.ok) return invalid(form, intent);
      const opened = (await readSubmittedBids(p.id)).find((o) => o.bid.id === form.data.bidId);
      if (!opened?.content.proposal) return invalid({ errors: { bidId: ["Choose one of the opened bids."] } }, intent);
      const r = await award(p, { bidId: opened.bid.id, bidName: opened.content.name, proposal: opened.content.proposal, reasons: form.data.reasons }, ctx.user);
      return r.ok ? done(`Awarded to ${opened.content.name}. Its proposal is now the contract's payment model; the standstill runs until ${formatInstant(r.award.standstillEndsAt)}.`) : refuse(r.error);
    }
  }
  return invalid({ formErrors: ["Unknown action. Reload the page and try again."] });
}

export default function EvaluationPage() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failure = result && !result.ok ? result : undefined;
  const errors = failure && "errors" in failure ? failure.errors : {};
  const base = `/workspaces/${d.workspaceId}/procurement`;
  const awarded = d.award ? d.bids.find((b) => b.id === d.award!.bidId) : undefined;
  return (
    <div className="space-y-6">
      <h2 className="text-xl font-semibold">Evaluation</h2>
      {result?.ok ? <Notice><p>{result.message}</p></Notice> : null}
      {failure ? <FormErrors errors={failure.formErrors} /> : null}
      {!d.opened ? <p>The bids are sealed{d.deadline ? ` until they are opened after the deadline (${formatInstant(d.deadline)})` : ""}. Nothing about them is shown here before then.</p> : <p>Bids opened {formatInstant(d.openedAt!)}.</p>}

      <section aria-labelledby="evaluators-heading" className="rounded border border-slate-300 bg-white p-4">
        <h3 id="evaluators-heading" className="text-lg font-semibold">Evaluators</h3>
        <ul className="mt-1 space-y-1">
          {d.evaluators.map((e) => (
            <li key={e.id} className="flex flex-wrap items-center gap-2">
              <span>{e.name}{e.organisation ? `, ${e.organisation}` : ""} · {e.declaredAt ? `declared ${formatInstant(e.declaredAt)}` : "not declared yet"}</span>
              {d.manage && !d.opened ? <Form method="post"><IntentFields intent="remove-evaluator" fields={{ evaluatorId: e.id }} /><Button variant="secondary" aria-label={`Remove ${e.name} as evaluator`}>Remove</Button></Form> : null}
            </li>
          ))}
        </ul>
        {d.manage && d.candidates.length ? (
          <Form method="post" className="mt-3 max-w-md">
            <IntentFields intent="add-evaluator" />
            <SelectField label="Name an evaluator" name="userId" options={d.candidates} errors={failure?.intent === "add-evaluator" ? errors.userId : undefined} />
            <Button variant="secondary">Name them</Button>
          </Form>
        ) : null}
        {d.manage && d.declarations.length ? (
          <details className="mt-3"><summary className="cursor-pointer underline">Declarations of interest ({d.declarations.length})</summary>
            <ul className="mt-1 list-disc pl-5 text-sm">{d.declarations.map((x) => <li key={x.id}>{x.evaluatorName}, {formatInstant(x.declaredAt)}: {x.conflict ? "conflict" : "no conflict"} with {d.bids.find((b) => b.id === x.bidId)?.name ?? "a bid"}{x.note ? ` (${x.note})` : ""}</li>)}</ul>
          </details>
        ) : null}
      </section>

      {d.toDeclare.length ? <DeclarationForm bids={d.toDeclare} errors={failure?.intent === "declare" ? errors : undefined} /> : null}
      {d.me?.declaredAt ? (
        <section aria-labelledby="mine-heading">
          <h3 id="mine-heading" className="text-lg font-semibold">Your scoring</h3>
          <p>You declared on {formatInstant(d.me.declaredAt)}{d.me.conflicts ? `; ${d.me.conflicts} bid hidden from you for a conflict of interest` : ""}.</p>
          <ul className="mt-1 list-disc pl-5">{d.bids.map((b) => <li key={b.id}><a className="underline" href={`${base}/bids/${b.id}`}>{b.name}</a>: {d.scores.filter((s) => s.bidId === b.id && s.evaluatorId === d.me!.id).length} of {d.criteria.questions.length} questions scored</li>)}</ul>
        </section>
      ) : null}

      {d.opened && d.bids.length ? <ComparisonPanel rows={d.rows} priced={d.priced} workspaceId={d.workspaceId} /> : null}
      {d.opened && d.manage && !d.moderationAt ? (
        <Form method="post"><IntentFields intent="start-moderation" /><p className="mb-2">When every evaluator has scored, start moderation: the individual scores are then shown side by side.</p><Button>Start moderation</Button></Form>
      ) : null}
      {d.moderationAt ? <ModerationPanel bids={d.bids} criteria={d.criteria} scores={d.scores} consensus={d.consensus} canModerate={d.manage && !d.award} errors={failure?.intent === "consensus" ? errors : undefined} /> : null}
      {d.ranking.length && d.moderationAt ? <RankingTable ranking={d.ranking} /> : null}

      {d.award ? (
        <section aria-labelledby="award-heading" className="rounded border border-green-700 bg-green-50 p-4">
          <h3 id="award-heading" className="text-lg font-semibold">Award</h3>
          <p>Awarded to {awarded?.name ?? "the winning bid"} on {formatInstant(d.award.decidedAt)} by {d.award.decidedByName}. {d.award.reasons}</p>
          <p>Standstill: {d.standstillDays} working days, until {formatInstant(d.award.standstillEndsAt)}. The winning proposal is the contract's payment model (<a className="underline" href={`/workspaces/${d.workspaceId}/payment`}>Payment tab</a>).</p>
          {d.awardRecord ? <AuditStamp record={d.awardRecord} /> : null}
        </section>
      ) : d.moderationAt && d.manage ? (
        <Form method="post" className="max-w-xl rounded border border-slate-300 bg-white p-4">
          <IntentFields intent="award" />
          <h3 className="text-lg font-semibold">Award decision</h3>
          <SelectField label="Winning bid" name="bidId" options={[{ value: "", label: "Choose a bid" }, ...d.ranking.map((r) => ({ value: r.bidId, label: `${r.label} (rank ${r.rank})` }))]} errors={failure?.intent === "award" ? errors.bidId : undefined} />
          <label htmlFor="award-reasons" className="block font-medium">Reasons (every bidder reads them)</label>
          <textarea id="award-reasons" name="reasons" rows={3} className="mt-1 mb-4 block w-full rounded border border-slate-500 bg-white px-3 py-2" />
          {failure?.intent === "award" && errors.reasons ? <p className="text-red-800">{errors.reasons[0]}</p> : null}
          <p className="mb-2 text-slate-700">The standstill lasts {d.standstillDays} working days from the decision; the winning proposal becomes the contract's payment model.</p>
          <Button>Award the contract</Button>
        </Form>
      ) : null}
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Evaluation · Outcome Commons" }];
