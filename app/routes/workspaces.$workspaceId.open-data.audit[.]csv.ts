// The audit trail as CSV, every entry of every chain the reader may see.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { auditCsv, auditTrail } from "~/utils/audit.server";
import { requireWorkspaceMember } from "~/utils/permissions.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { workspace } = await requireWorkspaceMember(request, params.workspaceId, "read:audit");
  return new Response(auditCsv(await auditTrail(workspace.id)), {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="audit-trail-${workspace.id}.csv"`, "Cache-Control": "private, no-store" },
  });
}
