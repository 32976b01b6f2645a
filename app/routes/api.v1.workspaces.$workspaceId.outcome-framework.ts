import type { LoaderFunctionArgs } from "@remix-run/node";
import { readFramework, validateFramework } from "~/domain/outcome-framework";
import { readStoredDocument } from "~/models/document.server";
import { methodNotAllowed, requireApiMember, requireApiUser, requireNoUnknownVersion } from "~/utils/api.server";
import { apiJson } from "~/utils/http.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireApiUser(request);
  const { workspace } = await requireApiMember(user, params.workspaceId, "read:workspace");
  requireNoUnknownVersion(request);
  const framework = readFramework(await readStoredDocument(`${workspace.id}/outcomes`));
  return apiJson({ framework, problems: validateFramework(framework) });
}

export const action = () => methodNotAllowed(["GET"]);
