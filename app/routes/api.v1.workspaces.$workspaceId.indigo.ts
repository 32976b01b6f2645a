// The workspace's outcomes contract in INDIGO 4.1's project shape (app/domain/open-data/indigo.ts).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { methodNotAllowed, requireApiMember, requireApiUser } from "~/utils/api.server";
import { apiJson, problem } from "~/utils/http.server";
import { indigoExport } from "~/utils/open-data.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireApiUser(request);
  const { workspace } = await requireApiMember(user, params.workspaceId, "read:workspace");
  const project = await indigoExport(workspace.id);
  if (!project) throw problem({ status: 409, detail: "The payment model is not complete yet, so there is no outcomes contract to export. Finish it on the Payment tab." });
  const download = new URL(request.url).searchParams.get("download") === "1";
  return apiJson(project, { headers: { "Cache-Control": "private, no-store", ...(download ? { "Content-Disposition": `attachment; filename="indigo-project-${workspace.id}.json"` } : {}) } });
}

export const action = () => methodNotAllowed(["GET"]);
