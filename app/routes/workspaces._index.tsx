import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { accountCan } from "~/domain/permissions";
import { ROLE_LABELS } from "~/domain/roles";
import { getAccountKind } from "~/models/user.server";
import { listWorkspacesForUser } from "~/models/workspace.server";
import { requireUser } from "~/utils/auth.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return {
    user: { name: user.name },
    workspaces: await listWorkspacesForUser(user.id),
    canCreate: accountCan(await getAccountKind(user.id), "create:workspace"),
  };
}

export default function Workspaces() {
  const { user, workspaces, canCreate } = useLoaderData<typeof loader>();
  return (
    <div>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">Your workspaces</h1>
        {canCreate ? (
          <Link to="/workspaces/new" className="inline-flex min-h-11 items-center rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">
            Create a workspace
          </Link>
        ) : null}
      </div>
      <p className="mt-1 text-slate-700">Signed in as {user.name}.</p>
      {workspaces.length === 0 ? (
        <p className="mt-6">
          {canCreate
            ? "You are not in any workspace yet. Create one for a commissioning project, or ask a commissioner or facilitator to invite you."
            : "You are not in any workspace yet. Ask a commissioner or facilitator to invite you."}
        </p>
      ) : (
        <ul className="mt-6 grid gap-4 sm:grid-cols-2">
          {workspaces.map((w) => (
            <li key={w.id} className="rounded border border-slate-300 bg-white p-4">
              <h2 className="text-lg font-semibold">
                <Link className="text-brand-700 underline" to={`/workspaces/${w.id}`}>{w.name}</Link>
              </h2>
              {w.description ? <p className="mt-1 line-clamp-3 text-slate-700">{w.description}</p> : null}
              <p className="mt-2 text-sm">
                Your role: {ROLE_LABELS[w.role]}{w.isLead ? " (lead)" : ""} · {w.memberCount} member{w.memberCount === 1 ? "" : "s"}
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Workspaces · Outcome Commons" }];
