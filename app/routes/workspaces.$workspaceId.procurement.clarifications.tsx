// The clarification log: registered parties ask during the enquiry period only; the
// commissioner answers every party at once (editable until "clarifications until",
// every edit kept); askers appear to other parties as "Organisation N". A question
// marked commercially confidential is answered privately only if the commissioner
// agrees; otherwise its asker is told it will be published and may withdraw it.
import { IntentFields } from "~/components/procurement/intent-fields";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { OfflineSafeForm } from "~/components/offline-safe-form";
import { z } from "zod";
import { Button, FormErrors, Notice, TextAreaField } from "~/components/forms";
import { can } from "~/domain/permissions";
import { QuestionFormSchema } from "~/domain/procurement/record";
import { answersOpen, enquiryState, formatInstant } from "~/domain/procurement/stages";
import { partyOf } from "~/models/procurement.server";
import { answerHistory, askQuestion, listQuestions } from "~/models/question.server";
import { questionAction } from "~/utils/question-actions.server";
import { readForm } from "~/utils/csrf.server";
import { invalid, parseForm } from "~/utils/forms.server";
import { refusal, requireProcurement } from "~/utils/procurement.server";
import { useWorkspaceEvents } from "~/utils/use-workspace-events";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { procurement, viewer, membership, user, workspace } = await requireProcurement(request, params.workspaceId, "read:procurement");
  const now = new Date();
  const [questions, party] = await Promise.all([listQuestions(procurement.id, viewer), partyOf(procurement.id, user.organisation?.id)]);
  const visible = questions.filter((q) => q.status !== "hidden" || viewer.commissioningTeam);
  const history = await answerHistory(visible.filter((q) => q.status === "answered").map((q) => q.id));
  return {
    workspaceId: workspace.id,
    questions: visible.map((q) => ({ ...q, revisions: history.get(q.id) ?? [] })),
    enquiry: enquiryState(procurement, now),
    answers: answersOpen(procurement, now),
    canAsk: can(membership.role, "ask:clarifications"),
    isParty: party !== null,
    canAnswer: can(membership.role, "answer:clarifications"),
    clarificationsUntil: procurement.timeline.clarificationsUntil ?? null,
  };
}

const Intent = z.enum(["ask", "withdraw", "answer", "agree-confidential", "refuse-confidential"]);

export async function action({ request, params }: ActionFunctionArgs) {
  const formData = await readForm(request);
  const parsed = Intent.safeParse(formData.get("intent"));
  if (!parsed.success) return invalid({ formErrors: ["Unknown action. Reload the page and try again."] });
  const intent = parsed.data;
  const permission = intent === "ask" || intent === "withdraw" ? "ask:clarifications" : "answer:clarifications";
  const { procurement, viewer, user } = await requireProcurement(request, params.workspaceId, permission);
  if (intent !== "ask") return questionAction(intent, formData, { procurement, viewer, user });
  const done = (message: string) => data({ ok: true as const, intent, message });
  const refuse = (message: string) => data(refusal(message, intent), { status: 400 });
  const enquiry = enquiryState(procurement, new Date());
  if (!enquiry.open) return refuse(enquiry.reason);
  if (!(await partyOf(procurement.id, user.organisation?.id))) return refuse("Register your organisation's interest first (on the procurement page): questions come from registered parties.");
  const form = parseForm(formData, QuestionFormSchema);
  if (!form.ok) return invalid(form, intent);
  await askQuestion(procurement, user, { source: "clarification", body: form.data.body, confidential: form.data.confidential === "on" });
  return done(
    form.data.confidential === "on"
      ? "Question sent, marked commercially confidential. The commissioner decides whether to answer it privately; if not, you will be told before it is published and may withdraw it."
      : "Question sent. Its answer goes to every registered party, with your organisation shown only as a pseudonym.",
  );
}


const SOURCE: Record<string, string> = { clarification: "Clarification", event: "Asked at an event", dialogue: "Raised in dialogue" };

export default function ClarificationsPage() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  useWorkspaceEvents(loaded.workspaceId, ["procurement"]);
  const failure = result && !result.ok ? result : undefined;
  const askFailure = failure?.intent === "ask" ? failure : undefined;
  return (
    <div className="space-y-6">
      <h2 className="text-xl font-semibold">Clarifications</h2>
      <p className="text-slate-700">
        Every answer goes to every registered party at the same moment. Other parties see who asked only as a pseudonym.{" "}
        <a className="underline" href={`/workspaces/${loaded.workspaceId}/procurement/clarifications.txt`}>Download the answers as an e-mail-ready digest</a>
      </p>
      {result?.ok ? <Notice><p>{result.message}</p></Notice> : null}
      {failure && failure.intent !== "ask" ? <FormErrors errors={failure.formErrors} /> : null}
      {loaded.canAsk ? (
        <section aria-labelledby="ask-heading" className="rounded border border-slate-300 bg-white p-4">
          <h3 id="ask-heading" className="text-lg font-semibold">Ask a question</h3>
          {!loaded.enquiry.open ? (
            <p className="mt-1">{loaded.enquiry.reason}</p>
          ) : !loaded.isParty ? (
            <p className="mt-1">Register your organisation's interest on the procurement page first: questions come from registered parties.</p>
          ) : (
            <OfflineSafeForm method="post" className="mt-2 max-w-2xl">
              <IntentFields intent="ask" />
              <p className="mb-2 text-slate-700">Questions are accepted until {formatInstant(loaded.enquiry.endsAt)}.</p>
              <FormErrors errors={askFailure?.formErrors} />
              <TextAreaField label="Your question" name="body" rows={4} defaultValue={askFailure?.values.body ?? ""} errors={askFailure?.errors.body} />
              <div className="mb-3 flex items-center gap-2">
                <input id="confidential" type="checkbox" name="confidential" className="h-5 w-5" />
                <label htmlFor="confidential">Commercially confidential: ask for the answer to come to us only</label>
              </div>
              <Button>Send the question</Button>
            </OfflineSafeForm>
          )}
        </section>
      ) : null}
      {loaded.canAnswer && !loaded.answers.open ? <p>{loaded.answers.reason}</p> : null}
      <section aria-labelledby="log-heading">
        <h3 id="log-heading" className="text-lg font-semibold">The log ({loaded.questions.length})</h3>
        {loaded.questions.length === 0 ? <p className="text-slate-700">No questions yet.</p> : null}
        <ol className="mt-2 space-y-4">
          {loaded.questions.map((q) => {
            const answerFailure = failure?.intent === "answer" && failure.values.questionId === q.id ? failure : undefined;
            return (
              <li key={q.id} id={`q-${q.id}`} className="rounded border border-slate-300 bg-white p-3">
                <p className="text-sm text-slate-700">{SOURCE[q.source]} · {q.askedBy} · {formatInstant(q.createdAt)}{q.status === "withdrawn" ? " · withdrawn" : q.status === "hidden" ? " · hidden" : ""}{q.private ? " · answered privately (commercially confidential)" : ""}</p>
                <p className="mt-1 whitespace-pre-wrap font-medium">{q.body}</p>
                {q.confidentiality === "requested" ? <p className="mt-1 text-amber-900">Marked commercially confidential: waiting for the commissioner's decision.</p> : null}
                {q.confidentiality === "refused" && q.mine && q.status !== "answered" ? <p className="mt-1 text-amber-900">The commissioner will publish this question and its answer to every party. Withdraw it now if you do not want that.</p> : null}
                {q.answer ? (
                  <div className="mt-2 rounded bg-slate-50 p-2">
                    <p className="text-sm font-semibold">Answer{q.answeredAt ? `, ${formatInstant(q.answeredAt)}` : ""}</p>
                    <p className="whitespace-pre-wrap">{q.answer}</p>
                    {q.revisions.length > 1 ? (
                      <details className="mt-1">
                        <summary className="cursor-pointer text-sm">Changed {q.revisions.length - 1} {q.revisions.length === 2 ? "time" : "times"}: every version</summary>
                        <ol className="mt-1 space-y-1 text-sm">{q.revisions.map((r, i) => <li key={i}><span className="text-slate-700">{formatInstant(r.at)}:</span> <span className="whitespace-pre-wrap">{r.answer}</span></li>)}</ol>
                      </details>
                    ) : null}
                  </div>
                ) : null}
                {q.mine && q.status !== "answered" && q.status !== "withdrawn" ? (
                  <OfflineSafeForm method="post" className="mt-2"><IntentFields intent="withdraw" fields={{ questionId: q.id }} /><Button variant="secondary">Withdraw the question</Button></OfflineSafeForm>
                ) : null}
                {loaded.canAnswer && q.status !== "withdrawn" ? (
                  q.confidentiality === "requested" ? (
                    <div className="mt-2 flex flex-wrap gap-2">
                      <OfflineSafeForm method="post"><IntentFields intent="agree-confidential" fields={{ questionId: q.id }} /><Button variant="secondary">Agree: answer privately</Button></OfflineSafeForm>
                      <OfflineSafeForm method="post"><IntentFields intent="refuse-confidential" fields={{ questionId: q.id }} /><Button variant="secondary">Refuse: it will be published</Button></OfflineSafeForm>
                    </div>
                  ) : loaded.answers.open ? (
                    <OfflineSafeForm method="post" className="mt-2 max-w-2xl">
                      <IntentFields intent="answer" fields={{ questionId: q.id }} />
                      <FormErrors errors={answerFailure?.formErrors} />
                      {q.source === "dialogue" ? <TextAreaField label="The question as published (no bidder named)" name="body" rows={2} defaultValue={q.body} /> : null}
                      <TextAreaField label={q.answer ? "Change the answer (the earlier one is kept)" : "Answer"} name="answer" rows={3} defaultValue={answerFailure?.values.answer ?? q.answer ?? ""} errors={answerFailure?.errors.answer} />
                      <Button>{q.answer ? "Publish the changed answer" : "Publish the answer"}</Button>
                    </OfflineSafeForm>
                  ) : null
                ) : null}
              </li>
            );
          })}
        </ol>
      </section>
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Clarifications · Outcome Commons" }];
