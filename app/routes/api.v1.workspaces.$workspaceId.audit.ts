// The workspace's audit trail: every entry of its chain (and of the sealed bids' chain
// once the bids are opened), each chain verified as it is read, with its head.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { methodNotAllowed, requireApiMember, requireApiUser } from "~/utils/api.server";
import { apiJson } from "~/utils/http.server";
import { auditTrail } from "~/utils/audit.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireApiUser(request);
  const { workspace } = await requireApiMember(user, params.workspaceId, "read:audit");
  const chains = await auditTrail(workspace.id);
  return apiJson(
    { chains: chains.map((c) => ({ chain: c.chain, title: c.title, verified: c.check.problem === null, problem: c.check.problem, head: c.check.head, entries: c.entries })) },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

export const action = () => methodNotAllowed(["GET"]);
