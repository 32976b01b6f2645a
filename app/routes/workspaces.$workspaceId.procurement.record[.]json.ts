// The engagement record as data (see engagement-record.server.ts).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { download } from "~/utils/download.server";
import { engagementRecord } from "~/utils/engagement-record.server";
import { requireProcurement } from "~/utils/procurement.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { procurement } = await requireProcurement(request, params.workspaceId, "read:procurement");
  return download(`${JSON.stringify(await engagementRecord(procurement), null, 2)}\n`, "engagement-record.json", "application/json");
}
