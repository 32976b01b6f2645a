// The public opportunity page (no sign-in): what the commissioner chose to publish (the
// summary, key dates, the events, the published versions of the framework, criteria and
// payment model) and how to register interest. Registering makes the organisation a party
// and its person a member of the workspace, where rivals see each other only as pseudonyms.
// Unknown or unpublished procurements answer 404, alike.
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Button, CsrfInput, Field, FormErrors, SelectField } from "~/components/forms";
import { accountCan } from "~/domain/permissions";
import { formatInstant, STAGE_LABELS, PROCEDURE_LABELS, toLondonLocal } from "~/domain/procurement/stages";
import { ORGANISATION_TYPE_LABELS, ORGANISATION_TYPES, type Role } from "~/domain/roles";
import { OrganisationNameSchema, OrganisationTypeSchema } from "~/domain/validation";
import { listEvents } from "~/models/market-event.server";
import { upsertMember } from "~/models/membership.server";
import { getPublicProcurement, registerParty } from "~/models/procurement.server";
import { getAccountKind, getUserById, setOrganisationIfMissing } from "~/models/user.server";
import { getMembership } from "~/models/workspace.server";
import { getUser, requireUser } from "~/utils/auth.server";
import { readForm } from "~/utils/csrf.server";
import { invalid, parseForm } from "~/utils/forms.server";
import { pinnedContent } from "~/utils/pinned.server";
import { ocidOf } from "~/domain/open-data/ocds";
import { env } from "~/utils/env.server";
import { publicAward } from "~/utils/open-data.server";

async function requirePublic(id: string | undefined) {
  const p = await getPublicProcurement(id ?? "");
  if (!p) throw new Response("There is no published opportunity here.", { status: 404 });
  return p;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const p = await requirePublic(params.procurementId);
  const [user, events, pinned] = await Promise.all([getUser(request), listEvents(p.id), pinnedContent(p.workspaceId, p.published)]);
  const member = user ? await getMembership({ workspaceId: p.workspaceId, userId: user.id }) : null;
  const awardView = await publicAward(p.id);
  return {
    id: p.id,
    title: p.title,
    reference: p.reference,
    summary: p.summary,
    procedure: PROCEDURE_LABELS[p.procedure],
    stage: STAGE_LABELS[p.stage],
    dates: { enquiryEndsAt: p.timeline.enquiryEndsAt ?? null, bidDeadline: p.timeline["bid-deadline"] ?? null },
    events: events.map((e) => ({ id: e.id, title: e.title, startsAt: e.startsAt, endsAt: e.endsAt, place: e.place, online: e.onlineUrl !== "" })),
    pinned: { outcomes: pinned.outcomes, referral: pinned.referral, payment: pinned.payment ? { version: pinned.payment.version, lines: pinned.payment.lines } : null },
    signedIn: user !== null,
    hasOrganisation: !!user?.organisation,
    memberOf: member ? p.workspaceId : null,
    ocid: ocidOf(env().OCDS_PREFIX, p.id),
    award: awardView ? { supplier: awardView.supplier, decidedAt: awardView.decidedAt, standstillEndsAt: awardView.standstillEndsAt } : null,
  };
}

const RegisterSchema = z.object({ organisationName: OrganisationNameSchema.optional(), organisationType: OrganisationTypeSchema.optional() });
const ROLE_FOR_TYPE: Record<string, Role> = { provider: "provider", investor: "investor" };

export async function action({ request, params }: ActionFunctionArgs) {
  const p = await requirePublic(params.procurementId);
  const formData = await readForm(request);
  const user = await requireUser(request);
  if (!accountCan(await getAccountKind(user.id), "create:workspace")) {
    return invalid({ formErrors: ["This account is a shared service-user account; it cannot register an organisation's interest."] });
  }
  const member = await getMembership({ workspaceId: p.workspaceId, userId: user.id });
  // Parties are the market: a member who runs or watches the procurement does not register as one.
  if (member && member.role !== "provider" && member.role !== "investor") {
    return invalid({ formErrors: ["You already take part in this procurement's workspace in a role that does not bid, so your organisation cannot register as a party."] });
  }
  const form = parseForm(formData, RegisterSchema);
  if (!form.ok) return invalid(form);
  if (!user.organisation) {
    if (!form.data.organisationName || !form.data.organisationType) {
      return invalid({ errors: { organisationName: form.data.organisationName ? undefined : ["Enter your organisation's name: parties are organisations."], organisationType: form.data.organisationType ? undefined : ["Choose the kind of organisation."] } });
    }
    await setOrganisationIfMissing(user.id, { name: form.data.organisationName, type: form.data.organisationType });
  }
  const fresh = await getUserById(user.id);
  if (!fresh?.organisation) return invalid({ formErrors: ["We could not set your organisation. Try again."] });
  await registerParty(p, fresh.organisation.id, fresh.name);
  if (!member) {
    await upsertMember({ workspaceId: p.workspaceId, userId: user.id, role: ROLE_FOR_TYPE[fresh.organisation.type] ?? "observer", by: user });
  }
  throw redirect(`/workspaces/${p.workspaceId}/procurement`);
}

export default function OpportunityPage() {
  const o = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failure = result && !result.ok ? result : undefined;
  return (
    <article aria-labelledby="opportunity-heading" className="space-y-6">
      <header>
        <p className="text-sm text-slate-700">Public opportunity{o.reference ? ` · ${o.reference}` : ""}</p>
        <h1 id="opportunity-heading" className="text-2xl font-bold">{o.title}</h1>
        <p>{o.procedure} · now at: {o.stage}</p>
      </header>
      {o.summary ? <p className="whitespace-pre-wrap">{o.summary}</p> : null}
      <section aria-labelledby="dates-heading">
        <h2 id="dates-heading" className="text-xl font-semibold">Key dates (UK time)</h2>
        <ul className="list-inside list-disc">
          <li>Questions accepted until: {o.dates.enquiryEndsAt ? formatInstant(o.dates.enquiryEndsAt) : "to be announced"}</li>
          <li>Bid deadline: {o.dates.bidDeadline ? formatInstant(o.dates.bidDeadline) : "to be announced"}</li>
        </ul>
      </section>
      {o.events.length ? (
        <section aria-labelledby="events-heading">
          <h2 id="events-heading" className="text-xl font-semibold">Events</h2>
          <ul className="list-inside list-disc">{o.events.map((e) => <li key={e.id}>{e.title}: {formatInstant(e.startsAt)} to {toLondonLocal(e.endsAt).slice(11)}{e.place ? `, ${e.place}` : ""}{e.online ? " (also online: the link goes to registered parties)" : ""}</li>)}</ul>
        </section>
      ) : null}
      <section aria-labelledby="register-heading" className="rounded border border-slate-300 bg-white p-4">
        <h2 id="register-heading" className="text-xl font-semibold">Register your interest</h2>
        <p>Registered organisations receive everything published, at the same moment: answers to questions, new versions, new dates. Other parties see your questions only as a pseudonym.</p>
        {o.memberOf ? (
          <p className="mt-2"><Link className="underline" to={`/workspaces/${o.memberOf}/procurement`}>Go to the procurement</Link></p>
        ) : !o.signedIn ? (
          <p className="mt-2"><Link className="underline" to={`/login?redirectTo=${encodeURIComponent(`/opportunities/${o.id}`)}`}>Sign in to register</Link>, or <Link className="underline" to="/signup">create an account</Link> first.</p>
        ) : (
          <Form method="post" className="mt-2 max-w-xl">
            <CsrfInput />
            <FormErrors errors={failure?.formErrors} />
            {o.hasOrganisation ? null : (
              <>
                <Field label="Your organisation" name="organisationName" errors={failure?.errors.organisationName} />
                <SelectField label="Kind of organisation" name="organisationType" defaultValue="provider" errors={failure?.errors.organisationType} options={ORGANISATION_TYPES.map((t) => ({ value: t, label: ORGANISATION_TYPE_LABELS[t] }))} />
              </>
            )}
            <Button>Register our interest</Button>
          </Form>
        )}
      </section>
      {o.pinned.outcomes ? (
        <section id="outcomes" aria-labelledby="pub-outcomes">
          <h2 id="pub-outcomes" className="text-xl font-semibold">Outcome framework (version “{o.pinned.outcomes.version}”)</h2>
          <p>{o.pinned.outcomes.goal}</p>
          <ul className="list-inside list-disc">{o.pinned.outcomes.outcomes.map((x) => <li key={x.id}>{x.title}{x.linkedToPayment ? " (paid for)" : " (tracked)"}</li>)}</ul>
        </section>
      ) : null}
      {o.pinned.referral ? (
        <section id="referral" aria-labelledby="pub-referral">
          <h2 id="pub-referral" className="text-xl font-semibold">Referral criteria (version “{o.pinned.referral.version}”)</h2>
          <ul className="list-inside list-disc">{o.pinned.referral.inclusions.map((x) => <li key={x}>{x}</li>)}</ul>
          <p className="mt-1 font-medium">Not eligible:</p>
          <ul className="list-inside list-disc">{o.pinned.referral.exclusions.map((x) => <li key={x}>{x}</li>)}</ul>
        </section>
      ) : null}
      {o.pinned.payment ? (
        <section id="payment" aria-labelledby="pub-payment">
          <h2 id="pub-payment" className="text-xl font-semibold">Payment model (version “{o.pinned.payment.version}”)</h2>
          <ul className="list-inside list-disc">{o.pinned.payment.lines.map((x) => <li key={x}>{x}</li>)}</ul>
        </section>
      ) : null}
      {o.award ? (
        <section id="award" aria-labelledby="award-heading">
          <h2 id="award-heading" className="text-xl font-semibold">Award</h2>
          <p>Awarded to {o.award.supplier} on {formatInstant(o.award.decidedAt)}. The standstill period runs until {formatInstant(o.award.standstillEndsAt)}.</p>
        </section>
      ) : null}
      <section aria-labelledby="open-data-heading">
        <h2 id="open-data-heading" className="text-xl font-semibold">Open data</h2>
        <p>This procurement is published in the Open Contracting Data Standard (OCDS 1.1), ocid <span className="font-mono break-all">{o.ocid}</span>. Nothing about bids is published before the award.</p>
        <ul className="list-inside list-disc">
          <li><a className="underline" href={`/api/v1/procurements/${o.id}/ocds/releases`}>Releases (JSON)</a></li>
          <li><a className="underline" href={`/api/v1/procurements/${o.id}/ocds/record`}>Record (JSON)</a></li>
        </ul>
      </section>
    </article>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? "Opportunity"} · Outcome Commons` }];
