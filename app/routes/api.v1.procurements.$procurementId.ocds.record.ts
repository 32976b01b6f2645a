// The procurement's OCDS 1.1 record package: its releases linked and compiled into one
// release by the standard's merge rules. Readable as the release package is.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { methodNotAllowed } from "~/utils/api.server";
import { apiJson } from "~/utils/http.server";
import { ocdsPackages, requireOcdsReadable } from "~/utils/open-data.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const p = await requireOcdsReadable(request, params.procurementId);
  const { record } = await ocdsPackages(p, new URL(request.url).origin);
  return apiJson(record, { headers: { "Cache-Control": "no-cache" } });
}

export const action = () => methodNotAllowed(["GET"]);
