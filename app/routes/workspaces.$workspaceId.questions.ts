// /questions is where people look for it: the procurement lives at /procurement/clarifications.
import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { requireWorkspaceMember } from "~/utils/permissions.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { workspace } = await requireWorkspaceMember(request, params.workspaceId, "read:procurement");
  throw redirect(`/workspaces/${workspace.id}/procurement/clarifications`);
}
