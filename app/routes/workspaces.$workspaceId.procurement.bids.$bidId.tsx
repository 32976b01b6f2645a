// One bid. Its consortium drafts it live (a sealed shared document), invites partners,
// attaches files, saves versions and (the prime) submits or withdraws until the
// deadline. After opening, a named evaluator who has declared no conflict with it reads
// what was submitted and scores it. Anyone else gets the same 404 as for no bid at all.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { BidDraft } from "~/components/bids/bid-draft";
import { ConsortiumPanel } from "~/components/bids/consortium-panel";
import { OpenedBid } from "~/components/bids/opened-bid";
import { SubmissionPanel } from "~/components/bids/submission-panel";
import { FormErrors, Notice } from "~/components/forms";
import { presenceColour } from "~/domain/presence";
import { submissionWindow } from "~/domain/procurement/bids";
import { PAGE_FORECAST } from "~/domain/payment/workbook";
import { addAttachment, listAttachments, listSnapshots, readDraft, readSnapshot, removeAttachment } from "~/models/bid.server";
import { listScores } from "~/models/evaluation.server";
import { listParties } from "~/models/procurement.server";
import { bidAction } from "~/utils/bid-actions.server";
import { requireBid, tenderModel } from "~/utils/bids.server";
import { readForm } from "~/utils/csrf.server";
import { invalid } from "~/utils/forms.server";
import { refusal } from "~/utils/procurement.server";
import { idSchema } from "~/domain/validation";

const MAX_ATTACHMENT_BYTES = 8 * 1024 * 1024;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireBid(request, params.workspaceId, params.bidId);
  const { bid, procurement, access } = ctx;
  const base = `/workspaces/${ctx.workspace.id}/procurement/bids/${bid.id}`;
  const attachments = await listAttachments(bid);
  if (!access.consortium) {
    const s = (await readSnapshot(bid, bid.submission!.id))!;
    const mine = ctx.evaluator ? (await listScores(procurement.id, ctx.evaluator.id)).filter((x) => x.bidId === bid.id) : [];
    return {
      mode: "evaluator" as const,
      base,
      workspaceId: ctx.workspace.id,
      content: s.content,
      matches: s.matches,
      submittedAt: bid.submission!.at,
      sha256: bid.submission!.sha256,
      attachmentIds: attachments.map((a) => ({ id: a.id, name: a.name })),
      criteria: procurement.terms.criteria,
      scores: Object.fromEntries(mine.map((x) => [x.questionId, { score: x.score, justification: x.justification }])),
      canScore: procurement.moderationAt === null,
    };
  }
  const [draft, snapshots, tender, parties] = await Promise.all([readDraft(ctx.workspace.id, bid), listSnapshots(bid), tenderModel(procurement), listParties(procurement.id)]);
  const prime = bid.partners.find((p) => p.role === "prime");
  const window = submissionWindow(procurement, new Date());
  return {
    mode: "consortium" as const,
    base,
    workspaceId: ctx.workspace.id,
    bidId: bid.id,
    colour: presenceColour(ctx.user.id),
    canWrite: access.write,
    reason: access.reason,
    isPrime: prime?.organisationId === ctx.bidViewer.organisationId,
    stored: draft,
    partners: bid.partners,
    candidates: parties.filter((x) => !bid.partners.some((p) => p.organisationId === x.organisationId)).map((x) => ({ value: x.organisationId, label: x.name })),
    tender: tender ? { model: tender.model, scenarios: tender.scenarios, versionName: tender.versionName } : null,
    rules: procurement.terms.rules,
    questions: procurement.terms.criteria.questions,
    submission: bid.submission,
    window: window.open ? { open: true as const, reason: "" } : { open: false as const, reason: window.reason },
    snapshots,
    attachments: attachments.map((a) => ({ id: a.id, name: a.name, size: a.size, byName: a.byName, at: a.at })),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const formData = await readForm(request);
  const intent = String(formData.get("intent") ?? "");
  const ctx = await requireBid(request, params.workspaceId, params.bidId);
  if (intent === "attach" || intent === "remove-attachment") {
    if (!ctx.access.write) return data(refusal(ctx.access.reason || "The bid cannot be changed now.", intent), { status: 400 });
    if (intent === "remove-attachment") {
      const attachmentId = idSchema("Choose an attachment.").safeParse(formData.get("attachmentId"));
      return attachmentId.success && (await removeAttachment(ctx.bid, attachmentId.data)) ? data({ ok: true as const, intent, message: "Attachment removed." }) : data(refusal("That attachment is not in this bid.", intent), { status: 400 });
    }
    const file = formData.get("file");
    if (!(file instanceof File) || file.size === 0) return invalid({ formErrors: ["Choose a file to attach."] }, intent);
    if (file.size > MAX_ATTACHMENT_BYTES) return invalid({ formErrors: ["A file can be at most 8 MB."] }, intent);
    const name = file.name.replace(/[\u0000-\u001f\u007f/\\]/g, "_").slice(0, 200) || "attachment";
    await addAttachment(ctx.bid, { name, type: file.type || "application/octet-stream", bytes: new Uint8Array(await file.arrayBuffer()) }, ctx.user.name);
    return data({ ok: true as const, intent, message: `Attached ${name}.` });
  }
  return bidAction(intent, formData, ctx, context);
}

export default function BidPage() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failure = result && !result.ok ? (result as { ok: false; intent?: string; formErrors: string[]; errors: Record<string, string[] | undefined>; values?: Record<string, string>; breaches?: string[] }) : undefined;
  return (
    <div className="space-y-6">
      <p><Link className="underline" to={`/workspaces/${d.workspaceId}/procurement/bids`}>All bids</Link></p>
      {result?.ok ? <Notice><p>{result.message}</p></Notice> : null}
      {failure && !["submit", "withdraw", "attach", "score", "add-partner"].includes(failure.intent ?? "") ? <FormErrors errors={failure.formErrors} /> : null}
      {d.mode === "evaluator" ? (
        <>
          <h2 className="text-xl font-semibold">{d.content.name}</h2>
          <OpenedBid base={d.base} content={d.content} submittedAt={d.submittedAt} sha256={d.sha256} matches={d.matches} attachmentIds={d.attachmentIds} criteria={d.criteria} scores={d.scores} canScore={d.canScore} scoreErrors={failure?.intent === "score" ? failure.errors : undefined} scoredQuestion={failure?.intent === "score" ? failure.values?.questionId : undefined} />
          {failure?.intent === "score" && failure.formErrors.length ? <FormErrors errors={failure.formErrors} /> : null}
        </>
      ) : (
        <>
          <h2 className="text-xl font-semibold">Your bid</h2>
          <BidDraft workspaceId={d.workspaceId} bidId={d.bidId} colour={d.colour} canWrite={d.canWrite} stored={d.stored} partners={d.partners} tender={d.tender} rules={d.rules} questions={d.questions} runs={PAGE_FORECAST.runs} seed={PAGE_FORECAST.seed} />
          {d.reason ? <p className="text-slate-700">{d.reason}</p> : null}
          <ConsortiumPanel partners={d.partners} candidates={d.candidates} canChange={d.isPrime && d.canWrite} errors={failure?.intent === "add-partner" ? failure.errors : undefined} />
          <SubmissionPanel base={d.base} isPrime={d.isPrime} canWrite={d.canWrite} windowOpen={d.window.open} windowReason={d.window.reason} submission={d.submission} snapshots={d.snapshots} attachments={d.attachments} failure={failure} />
        </>
      )}
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Bid · Outcome Commons" }];
