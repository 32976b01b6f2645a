// The procurement's OCDS 1.1 release package: every release so far (planning, tender,
// tender updates, award, contract). Public for a public procurement: open data needs no account.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { methodNotAllowed } from "~/utils/api.server";
import { apiJson } from "~/utils/http.server";
import { ocdsPackages, requireOcdsReadable } from "~/utils/open-data.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const p = await requireOcdsReadable(request, params.procurementId);
  const { releases } = await ocdsPackages(p, new URL(request.url).origin);
  return apiJson(releases, { headers: { "Cache-Control": "no-cache" } });
}

export const action = () => methodNotAllowed(["GET"]);
