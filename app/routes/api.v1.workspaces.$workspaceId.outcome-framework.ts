import type { LoaderFunctionArgs } from "@remix-run/node";
import { OutcomeFrameworkSchema, readFramework, validateFramework } from "~/domain/outcome-framework";
import { readStoredDocument } from "~/models/document.server";
import { methodNotAllowed, requestedVersion, requireApiMember, requireApiUser } from "~/utils/api.server";
import { apiJson } from "~/utils/http.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireApiUser(request);
  const { workspace } = await requireApiMember(user, params.workspaceId, "read:workspace");
  const version = await requestedVersion(request, workspace.id, "outcomes", OutcomeFrameworkSchema);
  const framework = version?.model ?? readFramework(await readStoredDocument(`${workspace.id}/outcomes`));
  return apiJson({
    framework,
    problems: validateFramework(framework),
    ...(version ? { version: { ...version.version, createdAt: version.version.createdAt.toISOString() } } : {}),
  });
}

export const action = () => methodNotAllowed(["GET"]);
