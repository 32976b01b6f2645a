import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PERMISSIONS, can } from "~/domain/permissions";
import { ROLE_LABELS } from "~/domain/roles";
import { requireWorkspaceMember } from "~/utils/permissions.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { workspace, membership } = await requireWorkspaceMember(request, params.workspaceId, "read:workspace");
  return {
    workspace: { id: workspace.id, name: workspace.name },
    membership,
    permissions: PERMISSIONS.filter((p) => can(membership.role, p)),
  };
}

const tabClass = ({ isActive }: { isActive: boolean }) =>
  `inline-flex min-h-11 items-center border-b-4 px-2 ${isActive ? "border-brand-700 font-semibold" : "border-transparent hover:border-slate-400"}`;

export default function WorkspaceLayout() {
  const { workspace, membership, permissions } = useLoaderData<typeof loader>();
  return (
    <div>
      <p className="text-sm text-slate-700">
        Workspace · you are {ROLE_LABELS[membership.role]}{membership.isLead ? " (lead commissioner)" : ""}
      </p>
      <h1 className="text-2xl font-bold">{workspace.name}</h1>
      <nav aria-label="Workspace" className="mt-3 border-b border-slate-300 print:hidden">
        <ul className="flex flex-wrap gap-4">
          <li><NavLink end to={`/workspaces/${workspace.id}`} className={tabClass}>Overview</NavLink></li>
          <li><NavLink to={`/workspaces/${workspace.id}/outcomes`} className={tabClass}>Outcomes</NavLink></li>
          <li><NavLink to={`/workspaces/${workspace.id}/referral`} className={tabClass}>Referral</NavLink></li>
          <li><NavLink to={`/workspaces/${workspace.id}/payment`} className={tabClass}>Payment</NavLink></li>
          {permissions.includes("read:procurement") ? (
            <li><NavLink to={`/workspaces/${workspace.id}/procurement`} className={tabClass}>Procurement</NavLink></li>
          ) : null}
          <li><NavLink to={`/workspaces/${workspace.id}/board`} className={tabClass}>Board</NavLink></li>
          <li><NavLink to={`/workspaces/${workspace.id}/workshops`} className={tabClass}>Workshops</NavLink></li>
          <li><NavLink to={`/workspaces/${workspace.id}/activity`} className={tabClass}>Activity</NavLink></li>
          <li><NavLink to={`/workspaces/${workspace.id}/open-data`} className={tabClass}>Open data</NavLink></li>
          <li><NavLink to={`/workspaces/${workspace.id}/members`} className={tabClass}>Members</NavLink></li>
          {permissions.includes("update:workspace") ? (
            <li><NavLink to={`/workspaces/${workspace.id}/settings`} className={tabClass}>Settings</NavLink></li>
          ) : null}
        </ul>
      </nav>
      <div className="mt-6">
        <Outlet />
      </div>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.workspace.name ?? "Workspace"} · Outcome Commons` }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
