// GET /api/v1/workspaces/:id/payment-model.xlsx[?asOf=]: the payment workbook (every
// input, forecast, appraisal, cash flow, invoices, payment lines) for scripts.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { methodNotAllowed, parseQuery, requireApiMember, requireApiUser } from "~/utils/api.server";
import { problem } from "~/utils/http.server";
import { paymentWorkbookBytes, WorkbookQuerySchema, XLSX_TYPE } from "~/utils/payment-workbook.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireApiUser(request);
  const { workspace } = await requireApiMember(user, params.workspaceId, "read:workspace");
  const { asOf } = parseQuery(request, WorkbookQuerySchema);
  const bytes = await paymentWorkbookBytes(context, workspace.id, asOf);
  if (!bytes) return problem({ status: 404, detail: "This workspace has no payment model yet." });
  return new Response(bytes, { headers: { "Content-Type": XLSX_TYPE, "Content-Disposition": 'attachment; filename="payment-model.xlsx"' } });
}

export const action = () => methodNotAllowed(["GET"]);
