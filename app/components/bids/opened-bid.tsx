// An opened bid as an evaluator reads it: exactly what was submitted (checked against
// its receipt), and the evaluator's own scores with justification, private to them
// until moderation.
import { Form } from "@remix-run/react";
import { Button, SelectField, TextAreaField } from "~/components/forms";
import { IntentFields } from "~/components/procurement/intent-fields";
import { formatPounds } from "~/domain/payment/money";
import type { PaymentModel } from "~/domain/payment/model";
import { CONSORTIUM_ROLE_LABELS, type ConsortiumRole, type PartnerTerms } from "~/domain/procurement/supply-chain";
import type { Criteria } from "~/domain/procurement/tender";
import { formatInstant } from "~/domain/procurement/stages";

type Content = {
  name: string;
  consortium: { organisationId: string; name: string; role: ConsortiumRole; small: boolean }[];
  proposal: PaymentModel | null;
  answers: Record<string, string>;
  terms: Record<string, PartnerTerms>;
  attachments: { name: string; size: number; sha256: string }[];
};

export function OpenedBid(props: {
  base: string;
  content: Content;
  submittedAt: string;
  sha256: string;
  matches: boolean;
  attachmentIds: { id: string; name: string }[];
  criteria: Criteria;
  scores: Record<string, { score: number; justification: string }>;
  canScore: boolean;
  scoreErrors?: Record<string, string[] | undefined> | undefined;
  scoredQuestion?: string | undefined;
}) {
  const { content, criteria } = props;
  return (
    <div className="space-y-6">
      <p>Submitted {formatInstant(props.submittedAt)} · SHA-256 <code className="break-all">{props.sha256}</code> · {props.matches ? "matches its receipt" : "DOES NOT match its receipt"}</p>
      <section aria-labelledby="c-heading">
        <h3 id="c-heading" className="text-lg font-semibold">Consortium</h3>
        <ul className="mt-1 list-disc pl-5">{content.consortium.map((p) => <li key={p.organisationId}>{p.name}: {CONSORTIUM_ROLE_LABELS[p.role]}{p.small ? " (small provider)" : ""}</li>)}</ul>
      </section>
      <section aria-labelledby="p-heading">
        <h3 id="p-heading" className="text-lg font-semibold">Payment proposal</h3>
        <ul className="mt-1 list-disc pl-5">
          {(content.proposal?.components ?? []).map((c) => <li key={c.id}>{c.name}: {formatPounds("tariffPence" in c ? c.tariffPence : c.amountPence)} ({c.kind.replace(/-/g, " ")})</li>)}
        </ul>
        <p className="mt-1 text-slate-700">Priced beside the other bids on the evaluation page.</p>
      </section>
      <section aria-labelledby="a-heading">
        <h3 id="a-heading" className="text-lg font-semibold">Quality answers and your scores</h3>
        <ol className="mt-2 space-y-6">
          {criteria.questions.map((q, i) => {
            const mine = props.scores[q.id];
            return (
              <li key={q.id}>
                <h4 className="font-semibold">{i + 1}. {q.title}</h4>
                <p className="mt-1 whitespace-pre-wrap rounded border border-slate-300 bg-white p-3">{content.answers[q.id] || "(no answer)"}</p>
                {props.canScore ? (
                  <Form method="post" encType="multipart/form-data" className="mt-2 max-w-xl">
                    <IntentFields intent="score" fields={{ questionId: q.id }} />
                    <SelectField
                      label={`Your score for question ${i + 1}`}
                      name="score"
                      defaultValue={mine ? String(mine.score) : ""}
                      options={[{ value: "", label: "Choose a score" }, ...criteria.descriptors.map((d, k) => ({ value: String(k), label: d }))]}
                      errors={props.scoredQuestion === q.id ? props.scoreErrors?.score : undefined}
                    />
                    <TextAreaField label="Justification" name="justification" rows={3} defaultValue={mine?.justification ?? ""} errors={props.scoredQuestion === q.id ? props.scoreErrors?.justification : undefined} />
                    <Button variant="secondary">Save score</Button>
                  </Form>
                ) : mine ? <p className="mt-1">Your score: {mine.score}. {mine.justification}</p> : null}
              </li>
            );
          })}
        </ol>
      </section>
      <section aria-labelledby="t-heading">
        <h3 id="t-heading" className="text-lg font-semibold">Attachments</h3>
        {props.attachmentIds.length ? <ul className="mt-1 list-disc pl-5">{props.attachmentIds.map((a) => <li key={a.id}><a className="underline" href={`${props.base}/attachments/${a.id}`} download>{a.name}</a></li>)}</ul> : <p>None.</p>}
      </section>
    </div>
  );
}
