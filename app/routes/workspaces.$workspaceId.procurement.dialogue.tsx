// Dialogue sessions with each bidder (competitive flexible procedure with dialogue):
// scheduled by the commissioning team; minutes and issues visible only to that bidder
// and the team. An issue raised can become a clarification for every party, with no
// bidder named.
import { IntentFields } from "~/components/procurement/intent-fields";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Button, Field, FormErrors, Notice, SelectField, TextAreaField } from "~/components/forms";
import { can } from "~/domain/permissions";
import { DialogueIssueSchema, DialogueMinutesSchema, DialogueSessionFormSchema } from "~/domain/procurement/record";
import { formatInstant } from "~/domain/procurement/stages";
import { issueToClarification, listDialogues, raiseIssue, saveMinutes, scheduleDialogue } from "~/models/dialogue.server";
import { listParties } from "~/models/procurement.server";
import { readForm } from "~/utils/csrf.server";
import { invalid, parseForm } from "~/utils/forms.server";
import { refusal, requireProcurement } from "~/utils/procurement.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { procurement, viewer, membership, workspace } = await requireProcurement(request, params.workspaceId, "read:procurement");
  const manage = can(membership.role, "manage:procurement");
  const [sessions, parties] = await Promise.all([listDialogues(procurement.id, viewer), manage ? listParties(procurement.id) : Promise.resolve([])]);
  return { workspaceId: workspace.id, manage, sessions, parties: parties.map((p) => ({ id: p.id, label: `Organisation ${p.number}: ${p.name}` })), hasDialogue: procurement.shape === "dialogue" };
}

const Intent = z.enum(["schedule", "minutes", "issue", "to-clarification"]);

export async function action({ request, params }: ActionFunctionArgs) {
  const formData = await readForm(request);
  const intent = Intent.safeParse(formData.get("intent"));
  if (!intent.success) return invalid({ formErrors: ["Unknown action. Reload the page and try again."] });
  const { procurement, workspace } = await requireProcurement(request, params.workspaceId, "manage:procurement");
  const done = (message: string) => data({ ok: true as const, intent: intent.data, message });
  const refuse = (message: string) => data(refusal(message, intent.data), { status: 400 });
  switch (intent.data) {
    case "schedule": {
      const form = parseForm(formData, DialogueSessionFormSchema);
      if (!form.ok) return invalid(form, intent.data);
      const r = await scheduleDialogue(procurement, form.data);
      return r.ok ? done("Session scheduled.") : invalid({ errors: { partyId: [r.error] } }, intent.data);
    }
    case "minutes": {
      const form = parseForm(formData, DialogueMinutesSchema);
      if (!form.ok) return invalid(form, intent.data);
      return (await saveMinutes(procurement, form.data.sessionId, form.data.minutes)) ? done("Minutes saved.") : refuse("That session is not in this procurement.");
    }
    case "issue": {
      const form = parseForm(formData, DialogueIssueSchema);
      if (!form.ok) return invalid(form, intent.data);
      return (await raiseIssue(procurement, form.data.sessionId, form.data.body)) ? done("Issue noted.") : refuse("That session is not in this procurement.");
    }
    case "to-clarification": {
      const r = await issueToClarification(procurement, String(formData.get("issueId") ?? ""));
      if (!r.ok) return refuse(r.error);
      throw redirect(`/workspaces/${workspace.id}/procurement/clarifications#q-${r.questionId}`);
    }
  }
}


export default function DialoguePage() {
  const { manage, sessions, parties, hasDialogue } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failure = result && !result.ok ? result : undefined;
  return (
    <div className="space-y-6">
      <h2 className="text-xl font-semibold">Dialogue</h2>
      <p className="text-slate-700">Each session's minutes are seen only by that bidder and the commissioning team.{hasDialogue ? "" : " This procurement's shape has no dialogue rounds."}</p>
      {result?.ok ? <Notice><p>{result.message}</p></Notice> : null}
      {failure ? <FormErrors errors={failure.formErrors} /> : null}
      {manage && parties.length ? (
        <Form method="post" className="max-w-xl rounded border border-slate-300 bg-white p-4">
          <IntentFields intent="schedule" />
          <h3 className="text-lg font-semibold">Schedule a session</h3>
          <SelectField label="Bidder" name="partyId" options={parties.map((p) => ({ value: p.id, label: p.label }))} errors={failure?.intent === "schedule" ? failure.errors.partyId : undefined} />
          <Field type="datetime-local" label="When (UK time)" name="scheduledAt" errors={failure?.intent === "schedule" ? failure.errors.scheduledAt : undefined} />
          <Field label="Place or link" name="place" />
          <Button variant="secondary">Schedule</Button>
        </Form>
      ) : null}
      {sessions.length === 0 ? <p>No dialogue sessions{manage ? "" : " with your organisation"} yet.</p> : null}
      {sessions.map((s) => (
        <section key={s.id} aria-labelledby={`s-${s.id}`} className="rounded border border-slate-300 bg-white p-4">
          <h3 id={`s-${s.id}`} className="text-lg font-semibold">Round {s.round}{manage ? ` with Organisation ${s.party.number} (${s.party.name})` : ""}: {formatInstant(s.scheduledAt)}</h3>
          {s.place ? <p className="text-slate-700">{s.place}</p> : null}
          {manage ? (
            <Form method="post" className="mt-2">
              <IntentFields intent="minutes" fields={{ sessionId: s.id }} />
              <TextAreaField label="Minutes" name="minutes" rows={5} defaultValue={s.minutes} />
              <Button variant="secondary">Save the minutes</Button>
            </Form>
          ) : (
            <div className="mt-2"><h4 className="font-semibold">Minutes</h4><p className="whitespace-pre-wrap">{s.minutes || "Not written yet."}</p></div>
          )}
          <h4 className="mt-3 font-semibold">Issues raised</h4>
          <ul className="space-y-2">
            {s.issues.map((i) => (
              <li key={i.id}>
                <p className="whitespace-pre-wrap">{i.body}</p>
                {manage ? (i.questionId ? <p className="text-sm text-slate-700">Turned into a clarification for every party.</p> : (
                  <Form method="post"><IntentFields intent="to-clarification" fields={{ issueId: i.id }} /><Button variant="secondary">Make it a clarification for all</Button></Form>
                )) : null}
              </li>
            ))}
          </ul>
          {manage ? (
            <Form method="post" className="mt-2">
              <IntentFields intent="issue" fields={{ sessionId: s.id }} />
              <TextAreaField label="Note an issue raised" name="body" rows={2} />
              <Button variant="secondary">Note the issue</Button>
            </Form>
          ) : null}
        </section>
      ))}
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Dialogue · Outcome Commons" }];
