import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { groupByRole, MemberLabel } from "~/components/members";
import { readNotes } from "~/domain/board";
import { readFramework, validateFramework } from "~/domain/outcome-framework";
import { readPaymentDesign } from "~/domain/payment/design";
import { can } from "~/domain/permissions";
import { readReferralDesign } from "~/domain/referral-design";
import { ROLE_LABELS } from "~/domain/roles";
import { overviewCards, type LatestVersion } from "~/domain/workspace-overview";
import { readStoredDocument } from "~/models/document.server";
import { listPendingInvitations } from "~/models/invitation.server";
import { listMembers } from "~/models/membership.server";
import { listVersions } from "~/models/version.server";
import { STAGE_LABELS } from "~/domain/procurement/stages";
import { listEvents } from "~/models/market-event.server";
import { getProcurement } from "~/models/procurement.server";
import { requireWorkspaceMember } from "~/utils/permissions.server";
import { ParticipationBadge } from "~/components/workshop/participation";
import { longDate } from "~/domain/workshop/workshop";
import { listWorkshops } from "~/models/workshop.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { workspace, membership } = await requireWorkspaceMember(request, params.workspaceId, "read:workspace");
  const id = workspace.id;
  const [members, invitations, outcomesDoc, referralDoc, paymentDoc, boardDoc, outcomeVersions, referralVersions, paymentVersions] = await Promise.all([
    listMembers({ workspaceId: id, includeEmails: false }),
    can(membership.role, "read:invitations") ? listPendingInvitations(id) : null,
    readStoredDocument(`${id}/outcomes`),
    readStoredDocument(`${id}/referral`),
    readStoredDocument(`${id}/payment`),
    readStoredDocument(`${id}/board`),
    listVersions(id, "outcomes"),
    listVersions(id, "referral"),
    listVersions(id, "payment"),
  ]);
  const latest = (versions: { name: string; createdAt: Date }[]): LatestVersion => versions[0] ?? null;
  const framework = readFramework(outcomesDoc);
  const referral = readReferralDesign(referralDoc);
  const cards = overviewCards({
    workspaceId: id,
    framework: { model: framework, problems: validateFramework(framework), latest: latest(outcomeVersions) },
    referral: { design: referral.design, problems: referral.problems, latest: latest(referralVersions) },
    payment: { design: readPaymentDesign(paymentDoc), latest: latest(paymentVersions) },
    notes: readNotes(boardDoc),
  });
  for (const doc of [outcomesDoc, referralDoc, paymentDoc, boardDoc]) doc.destroy();
  const organisations = [...new Set(members.flatMap((m) => (m.organisation ? [m.organisation.name] : [])))].sort();
  const procurement = can(membership.role, "read:procurement") ? await getProcurement(id) : null;
  const live = procurement ? (await listEvents(procurement.id)).find((e) => e.status === "live") : undefined;
  const tender = procurement ? { title: procurement.title, stage: STAGE_LABELS[procurement.stage], live: live ? { id: live.id, title: live.title } : null } : null;
  const workshops = (await listWorkshops(id)).map((w) => ({ id: w.id, title: w.title, heldOn: longDate(w.heldOn), status: w.status, level: w.participationLevel, reason: w.participationReason, promoted: w.promoted }));
  return { workspace, members, pendingInvitations: invitations?.length ?? null, organisations, cards, tender, workshops };
}

export default function WorkspaceOverview() {
  const { workspace, members, pendingInvitations, organisations, cards, tender, workshops } = useLoaderData<typeof loader>();
  return (
    <div className="grid gap-8 lg:grid-cols-3">
      <div className="lg:col-span-2">
        {workspace.description ? <p className="mb-6 whitespace-pre-line">{workspace.description}</p> : null}
        {tender ? (
          <section aria-labelledby="tender-heading" className="mb-6 rounded border border-brand-700 bg-white p-4">
            <h2 id="tender-heading" className="text-xl font-semibold"><Link to={`/workspaces/${workspace.id}/procurement`} className="text-brand-800 underline">Procurement</Link></h2>
            <p className="mt-1">{tender.title} · now: {tender.stage}</p>
            {tender.live ? (
              <p className="mt-2 font-medium">
                Live now: <Link to={`/workspaces/${workspace.id}/procurement/events/${tender.live.id}`} className="text-brand-800 underline">{tender.live.title}</Link>
              </p>
            ) : null}
          </section>
        ) : null}
        <section aria-labelledby="areas-heading">
          <h2 id="areas-heading" className="text-xl font-semibold">Co-design areas</h2>
          <ul className="mt-3 grid gap-3 sm:grid-cols-2">
            {cards.map((card) => (
              <li key={card.title} className="rounded border border-slate-300 bg-white p-4">
                <h3 className="font-semibold">
                  <Link to={card.href} className="text-brand-800 underline">{card.title}</Link>
                </h3>
                {card.state.map((line) => <p key={line} className="mt-1 text-sm">{line}</p>)}
                {card.published ? <p className="mt-2 text-sm text-slate-700">{card.published}</p> : null}
                {card.attention ? <p className="mt-2 text-sm font-medium text-amber-900">{card.attention}</p> : null}
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="workshops-heading" className="mt-6">
          <h2 id="workshops-heading" className="text-xl font-semibold"><Link to={`/workspaces/${workspace.id}/workshops`} className="text-brand-800 underline">Workshops with young people</Link></h2>
          {workshops.length ? (
            <ul className="mt-2 space-y-2">
              {workshops.map((w) => (
                <li key={w.id} className="rounded border border-slate-300 bg-white p-3">
                  <h3 className="font-semibold"><Link to={`/workspaces/${workspace.id}/workshops/${w.id}`} className="text-brand-800 underline">{w.title}</Link></h3>
                  <p className="text-sm text-slate-700">{w.heldOn} · {w.status === "open" ? "open now" : w.status === "closed" ? "closed" : "not open yet"} · {w.promoted} theme{w.promoted === 1 ? "" : "s"} in the framework</p>
                  <ParticipationBadge level={w.level} reason={w.reason} />
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-2">No workshops yet. Young people's voice can be a first-class input: run one with their own phones.</p>
          )}
        </section>
      </div>
      <section aria-labelledby="members-heading">
        <h2 id="members-heading" className="text-xl font-semibold">
          Members <span className="text-base font-normal text-slate-700">({members.length})</span>
        </h2>
        <p className="text-sm text-slate-700">{organisations.length} organisation{organisations.length === 1 ? "" : "s"}</p>
        {groupByRole(members).map((group) => (
          <div key={group.role} className="mt-3">
            <h3 className="font-semibold">{ROLE_LABELS[group.role]}s</h3>
            <ul className="mt-1 space-y-1">
              {group.members.map((m) => (
                <li key={m.id}><MemberLabel member={m} /></li>
              ))}
            </ul>
          </div>
        ))}
        {pendingInvitations !== null ? (
          <p className="mt-4">
            <Link className="text-brand-700 underline" to={`/workspaces/${workspace.id}/members`}>
              Manage members{pendingInvitations ? ` (${pendingInvitations} invitation${pendingInvitations === 1 ? "" : "s"} pending)` : ""}
            </Link>
          </p>
        ) : null}
      </section>
    </div>
  );
}
