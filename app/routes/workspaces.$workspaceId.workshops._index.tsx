// The workspace's workshops with young people: each with its date, status, level on the
// ladder of participation (tokenistic ones shown as such) and how many of its themes
// reached the framework. Facilitators and commissioners create them here.
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Button, CsrfInput, Field, FormErrors, SelectField } from "~/components/forms";
import { ParticipationBadge } from "~/components/workshop/participation";
import { can } from "~/domain/permissions";
import { AGE_BAND_LABELS, AGE_BANDS, longDate, MODERATION_LABELS, MODERATION_MODES, WorkshopSettingsSchema } from "~/domain/workshop/workshop";
import { createWorkshop, listWorkshops } from "~/models/workshop.server";
import { auditWorkspace } from "~/models/audit.server";
import { readForm } from "~/utils/csrf.server";
import { invalid, parseForm } from "~/utils/forms.server";
import { requireWorkspaceMember } from "~/utils/permissions.server";

export const meta: MetaFunction = () => [{ title: "Workshops · Outcome Commons" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { workspace, membership } = await requireWorkspaceMember(request, params.workspaceId, "read:workshops");
  const workshops = await listWorkshops(workspace.id);
  return {
    workspaceId: workspace.id,
    canRun: can(membership.role, "run:workshops"),
    today: new Date().toISOString().slice(0, 10),
    workshops: workshops.map((w) => ({ id: w.id, title: w.title, heldOn: longDate(w.heldOn), status: w.status, level: w.participationLevel, reason: w.participationReason, themes: w.themes, promoted: w.promoted, code: w.code, ageBand: w.ageBand })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { workspace, user } = await requireWorkspaceMember(request, params.workspaceId, "run:workshops");
  const form = await readForm(request);
  const parsed = parseForm(form, WorkshopSettingsSchema);
  if (!parsed.ok) return invalid(parsed, "create");
  const w = await createWorkshop(workspace.id, parsed.data, user.id);
  await auditWorkspace(workspace.id, user, "workshop.created", `workshop:${w.id}`, { after: parsed.data });
  throw redirect(`/workspaces/${workspace.id}/workshops/${w.id}`);
}

const STATUS_LABELS = { draft: "Not open yet", open: "Open now", closed: "Closed" } as const;

export default function Workshops() {
  const { workspaceId, canRun, workshops, today } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const values = result && !result.ok ? result.values : {};
  const errors = result && !result.ok ? result.errors : {};
  return (
    <section aria-labelledby="workshops-heading">
      <h2 id="workshops-heading" className="text-xl font-bold">Workshops with young people</h2>
      <p className="mt-1 max-w-prose text-slate-700">Young people join on their own phones with a code: no account, no e-mail, no name. What they say is sorted into themes, and the themes can become outcomes, indicators or service qualities in the framework, keeping the link back.</p>
      {workshops.length ? (
        <ul className="mt-4 space-y-3">
          {workshops.map((w) => (
            <li key={w.id} className="rounded border border-slate-300 bg-white p-3">
              <h3 className="font-semibold"><Link className="text-brand-800 underline" to={w.id}>{w.title}</Link></h3>
              <p className="text-sm text-slate-700">{w.heldOn} · {STATUS_LABELS[w.status]} · {AGE_BAND_LABELS[w.ageBand]} · {w.themes} theme{w.themes === 1 ? "" : "s"}, {w.promoted} in the framework</p>
              <ParticipationBadge level={w.level} reason={w.reason} />
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-4">No workshops yet.</p>
      )}
      {canRun ? (
        <Form method="post" className="mt-6 max-w-xl rounded border border-slate-300 bg-white p-4">
          <h3 className="text-lg font-semibold">New workshop</h3>
          <FormErrors errors={result && !result.ok ? result.formErrors : undefined} />
          <CsrfInput />
          <Field label="Name" name="title" required defaultValue={values.title} errors={errors.title} />
          <Field label="Date" name="heldOn" type="date" required defaultValue={values.heldOn ?? today} errors={errors.heldOn} />
          <SelectField label="Age band" name="ageBand" defaultValue={values.ageBand ?? "12-14"} errors={errors.ageBand} hint="Everything on the phones is written for the youngest; your own questions are checked against this band." options={AGE_BANDS.map((b) => ({ value: b, label: AGE_BAND_LABELS[b] }))} />
          <SelectField label="Moderation" name="moderation" defaultValue={values.moderation ?? "pre"} errors={errors.moderation} hint="Either way, cards that look like personal data or abuse are held for you." options={MODERATION_MODES.map((m) => ({ value: m, label: MODERATION_LABELS[m] }))} />
          <Field label="Delete raw cards this many days after closing" name="deleteCardsAfterDays" type="number" min={0} max={365} required defaultValue={values.deleteCardsAfterDays ?? "30"} errors={errors.deleteCardsAfterDays} hint="Themes and what became of them stay." />
          <Button>Create workshop</Button>
        </Form>
      ) : null}
      <p className="mt-4 text-sm"><Link className="underline" to={`/workspaces/${workspaceId}`}>Back to the overview</Link></p>
    </section>
  );
}
