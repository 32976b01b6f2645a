import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { groupByRole, MemberLabel } from "~/components/members";
import { can } from "~/domain/permissions";
import { ROLE_LABELS } from "~/domain/roles";
import { listPendingInvitations } from "~/models/invitation.server";
import { listMembers } from "~/models/membership.server";
import { requireWorkspaceMember } from "~/utils/permissions.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { workspace, membership } = await requireWorkspaceMember(request, params.workspaceId, "read:workspace");
  const members = await listMembers({ workspaceId: workspace.id, includeEmails: false });
  const invitations = can(membership.role, "read:invitations") ? await listPendingInvitations(workspace.id) : null;
  const organisations = [...new Set(members.flatMap((m) => (m.organisation ? [m.organisation.name] : [])))].sort();
  return { workspace, members, pendingInvitations: invitations?.length ?? null, organisations };
}

/** The co-design areas this workspace will hold; each arrives with its own issue. */
const AREAS = [
  { title: "Outcome framework", text: "Goal, outcomes and indicators: definitions, data sources, baselines, targets, and which outcomes are linked to payment." },
  { title: "Referral criteria", text: "Who the service is for: inclusion and exclusion rules, the referral pathway, each partner's referral commitment, and case vignettes." },
  { title: "Payment model", text: "Fee-for-service, outcome payments, caps, payers and investor capital, priced on actuals and forecast under scenarios." },
  { title: "Workshops", text: "Co-production with young people on their own phones: cards, votes and reactions, with nothing that identifies a child." },
  { title: "Bids", text: "Sealed hybrid bids priced against the same payment model, opened at the deadline and scored by evaluators." },
];

export default function WorkspaceOverview() {
  const { workspace, members, pendingInvitations, organisations } = useLoaderData<typeof loader>();
  return (
    <div className="grid gap-8 lg:grid-cols-3">
      <div className="lg:col-span-2">
        {workspace.description ? <p className="mb-6 whitespace-pre-line">{workspace.description}</p> : null}
        <section aria-labelledby="areas-heading">
          <h2 id="areas-heading" className="text-xl font-semibold">Co-design areas</h2>
          <ul className="mt-3 grid gap-3 sm:grid-cols-2">
            {AREAS.map((a) => (
              <li key={a.title} className="rounded border border-dashed border-slate-400 bg-white p-4">
                <h3 className="font-semibold">{a.title}</h3>
                <p className="mt-1 text-sm text-slate-700">{a.text}</p>
                <p className="mt-2 text-sm font-medium text-slate-800">Not available yet</p>
              </li>
            ))}
          </ul>
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
