// The payment workbook as a download (works without JavaScript): every input, the
// forecast, appraisal, cash flow, invoices and payment lines, formatted for finance teams.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireWorkspaceMember } from "~/utils/permissions.server";
import { paymentWorkbookBytes, WorkbookQuerySchema, XLSX_TYPE } from "~/utils/payment-workbook.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { workspace } = await requireWorkspaceMember(request, params.workspaceId, "read:workspace");
  const query = WorkbookQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) throw new Response("Give the actuals date as asOf=YYYY-MM-DD.", { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const bytes = await paymentWorkbookBytes(context, workspace.id, query.data.asOf);
  if (!bytes) throw new Response("This workspace has no payment model yet: start it on the Payment tab.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return new Response(bytes, { headers: { "Content-Type": XLSX_TYPE, "Content-Disposition": 'attachment; filename="payment-model.xlsx"' } });
}
