// Bids. A registered bidder starts a bid and sees only its own consortia's bids. The
// commissioning team sees nothing about any bid, not even how many there are, until
// the deadline has passed and it opens them (recorded: who and when; each submission
// checked against its receipt). After the award, each bidder reads its assessment
// summary here.
import { IntentFields } from "~/components/procurement/intent-fields";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Button, Field, FormErrors, Notice, SelectField } from "~/components/forms";
import { AssessmentSummary } from "~/components/bids/assessment-summary";
import { can } from "~/domain/permissions";
import { canBid, draftingWindow, openingDecision, submissionWindow } from "~/domain/procurement/bids";
import { formatInstant } from "~/domain/procurement/stages";
import { termsProblems } from "~/domain/procurement/tender";
import { singleLine } from "~/domain/validation";
import { recordActivity } from "~/models/activity.server";
import { createBid, listConsortiumBids, openBids, readDraft, readSubmittedBids } from "~/models/bid.server";
import { getProcurement, partyOf } from "~/models/procurement.server";
import { readForm } from "~/utils/csrf.server";
import { invalid, parseForm } from "~/utils/forms.server";
import { refusal } from "~/utils/procurement.server";
import { requireBidding, tenderModel } from "~/utils/bids.server";
import { assessmentsFor, warmPricing } from "~/utils/assessment.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const ctx = await requireBidding(request, params.workspaceId);
  const { procurement, bidViewer, membership } = ctx;
  const now = new Date();
  const organisationId = bidViewer.organisationId;
  const bidder = canBid(bidViewer) && organisationId !== null;
  const mine = bidder ? await listConsortiumBids(procurement.id, organisationId!) : [];
  const named = await Promise.all(mine.map(async (b) => ({ id: b.id, name: (await readDraft(ctx.workspace.id, b)).name, role: b.partners.find((p) => p.organisationId === organisationId)?.role ?? "delivery", partners: b.partners.map((p) => p.name), submittedAt: b.submission?.at ?? null, sha256: b.submission?.sha256 ?? null })));
  const manage = can(membership.role, "manage:procurement");
  const opened = procurement.bidsOpenedAt && (manage || ctx.evaluator) ? await readSubmittedBids(procurement.id) : [];
  const tender = await tenderModel(procurement);
  return {
    workspaceId: ctx.workspace.id,
    deadline: procurement.timeline["bid-deadline"] ?? null,
    drafting: draftingWindow(procurement, now),
    submission: submissionWindow(procurement, now),
    canStart: bidder && (await partyOf(procurement.id, organisationId)) !== null,
    isBidder: bidder,
    termsProblems: termsProblems(procurement.terms),
    hasTender: tender !== null,
    lots: procurement.lots.map((l) => ({ value: l.id, label: l.title })),
    mine: named,
    manage,
    isEvaluator: ctx.evaluator !== null,
    opening: manage ? openingDecision(procurement, procurement.bidsOpenedAt, now) : null,
    openedAt: procurement.bidsOpenedAt,
    openedBy: procurement.bidsOpenedByName,
    opened: opened.map((o) => ({ id: o.bid.id, name: o.content.name, consortium: o.bid.partners.map((p) => `${p.name} (${p.role})`), at: o.bid.submission!.at, sha256: o.bid.submission!.sha256, matches: o.matches })),
    assessments: bidder ? await assessmentsFor(ctx, context, mine) : [],
  };
}

const StartSchema = z.object({ name: singleLine(z.string().trim().min(1, "Name the bid (usually the consortium's name).").max(200, "Keep the name to 200 characters or fewer.")), lotId: z.string().optional() });

export async function action({ request, params, context }: ActionFunctionArgs) {
  const formData = await readForm(request);
  const intent = String(formData.get("intent") ?? "");
  const ctx = await requireBidding(request, params.workspaceId);
  const { procurement } = ctx;
  const refuse = (message: string) => data(refusal(message, intent), { status: 400 });
  if (intent === "open") {
    if (!can(ctx.membership.role, "manage:procurement")) throw new Response("Your role in this workspace does not allow this.", { status: 403 });
    const r = await openBids(procurement, procurement.bidsOpenedAt, ctx.user);
    if (!r.ok) return refuse(r.reason);
    const now = new Date();
    const mismatched = r.checked.filter((c) => !c.matches).length;
    // Priced now, off the event loop, so the evaluation page finds the comparison ready.
    const opened = await getProcurement(ctx.workspace.id);
    if (opened) void warmPricing(context, opened).catch(() => undefined);
    await recordActivity([{ workspaceId: ctx.workspace.id, section: "procurement", actorId: ctx.user.id, actorName: ctx.user.name, subject: "bids", summary: mismatched ? `opened the bids; ${mismatched} did not match its receipt` : "opened the bids; every submission matched its receipt", startedAt: now, at: now }]);
    return data({ ok: true as const, intent, message: mismatched ? `Bids opened. ${mismatched} did not match its receipt.` : "Bids opened. Every submission matches its receipt." });
  }
  if (intent !== "start") return invalid({ formErrors: ["Unknown action. Reload the page and try again."] });
  if (!canBid(ctx.bidViewer) || !ctx.bidViewer.organisationId) throw new Response("Only providers and investors bid.", { status: 403 });
  const window = draftingWindow(procurement, new Date());
  if (!window.open) return refuse(window.reason);
  if (!(await partyOf(procurement.id, ctx.bidViewer.organisationId))) return refuse("Register your organisation's interest first: bids come from registered parties.");
  const tender = await tenderModel(procurement);
  if (!tender) return refuse("The commissioner has not published the payment model bids are made from yet.");
  const form = parseForm(formData, StartSchema);
  if (!form.ok) return invalid(form, intent);
  const lotId = form.data.lotId && procurement.lots.some((l) => l.id === form.data.lotId) ? form.data.lotId : null;
  const bid = await createBid(procurement, { organisationId: ctx.bidViewer.organisationId, name: form.data.name, lotId, base: tender.model }, ctx.user);
  throw redirect(`/workspaces/${ctx.workspace.id}/procurement/bids/${bid.id}`);
}

export default function BidsPage() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failure = result && !result.ok ? result : undefined;
  const base = `/workspaces/${d.workspaceId}/procurement`;
  return (
    <div className="space-y-6">
      <h2 className="text-xl font-semibold">Bids</h2>
      <p className="text-slate-700">
        {d.deadline ? `Bids close ${formatInstant(d.deadline)}, by the server's clock. ` : "The bid deadline is not set yet. "}
        Until the bids are opened after the deadline, nobody outside a bid's consortium can see anything about it, the commissioners included. Bids are encrypted where they are stored. <Link className="underline" to={`${base}/tender`}>The tender's bid rules and questions</Link>.
      </p>
      {result?.ok ? <Notice><p>{result.message}</p></Notice> : null}
      {failure ? <FormErrors errors={failure.formErrors} /> : null}

      {d.isBidder ? (
        <section aria-labelledby="mine-heading">
          <h3 id="mine-heading" className="text-lg font-semibold">Your organisation's bids</h3>
          {d.mine.length ? (
            <ul className="mt-2 space-y-2">
              {d.mine.map((b) => (
                <li key={b.id} className="rounded border border-slate-300 bg-white p-3">
                  <Link className="font-medium underline" to={`${base}/bids/${b.id}`}>{b.name || "Untitled bid"}</Link>
                  <p className="text-sm text-slate-700">You are {b.role === "prime" ? "the prime" : b.role === "investor" ? "the investor" : "a delivery partner"} · {b.partners.join(", ")}</p>
                  <p className="text-sm">{b.submittedAt ? <>Submitted {formatInstant(b.submittedAt)} · receipt <code className="break-all">{b.sha256}</code></> : "Draft, not submitted."}</p>
                </li>
              ))}
            </ul>
          ) : <p className="mt-2">None yet.</p>}
          {d.canStart && d.drafting.open && d.hasTender ? (
            <Form method="post" className="mt-3 max-w-xl rounded border border-slate-300 bg-white p-4">
              <IntentFields intent="start" />
              <h4 className="font-semibold">Start a bid as prime</h4>
              <Field label="Bid name" name="name" hint="Usually the consortium's name." errors={failure?.intent === "start" && "errors" in failure ? failure.errors.name : undefined} />
              {d.lots.length ? <SelectField label="Lot" name="lotId" options={[{ value: "", label: "The whole contract" }, ...d.lots]} /> : null}
              <Button>Start the bid</Button>
            </Form>
          ) : d.isBidder ? (
            <p className="mt-2 text-slate-700">{!d.drafting.open ? d.drafting.reason : !d.hasTender ? "The commissioner has not published the payment model bids are made from yet." : !d.canStart ? "Register your organisation's interest on the procurement page to bid." : ""}</p>
          ) : null}
        </section>
      ) : null}

      {d.assessments.length ? d.assessments.map((a) => <AssessmentSummary key={a.bidId} summary={a} />) : null}

      {d.manage || d.isEvaluator ? (
        <section aria-labelledby="opening-heading">
          <h3 id="opening-heading" className="text-lg font-semibold">Opening</h3>
          {d.openedAt ? (
            <>
              <p>Opened {formatInstant(d.openedAt)} by {d.openedBy}. <Link className="underline" to={`${base}/evaluation`}>Evaluation</Link></p>
              {d.manage ? (
                <ul className="mt-2 space-y-2">
                  {d.opened.map((b) => (
                    <li key={b.id} className="rounded border border-slate-300 bg-white p-3">
                      <p className="font-medium">{b.name}</p>
                      <p className="text-sm">{b.consortium.join(", ")}</p>
                      <p className="text-sm">Submitted {formatInstant(b.at)} · SHA-256 <code className="break-all">{b.sha256}</code> · {b.matches ? "matches its receipt" : "DOES NOT match its receipt"}</p>
                    </li>
                  ))}
                </ul>
              ) : null}
            </>
          ) : d.manage && d.opening?.ok ? (
            <Form method="post">
              <IntentFields intent="open" />
              <p className="mb-2">The deadline has passed. Opening the bids is recorded with your name and the time, and moves the procurement to evaluation.</p>
              <Button>Open the bids</Button>
            </Form>
          ) : (
            <p>{d.opening && !d.opening.ok ? d.opening.reason : "Bids are sealed until the commissioner opens them after the deadline."}</p>
          )}
        </section>
      ) : null}
      {d.manage && d.termsProblems.length ? (
        <p className="text-slate-700">Before bidders start: {d.termsProblems.join(" ")} <Link className="underline" to={`${base}/tender`}>Set the tender's terms</Link>.</p>
      ) : null}
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Bids · Outcome Commons" }];
