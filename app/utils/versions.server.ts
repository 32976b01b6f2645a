// The version plumbing shared by the pages of versioned sections (outcomes, referral):
// the "publish a version" form and the JSON download of the current state or of a
// published version. The page of a section lives at /workspaces/:id/<section>.
import { redirect } from "@remix-run/node";
import { SECTION_WRITE_PERMISSION, type Section } from "~/domain/documents";
import { VersionPublishSchema } from "~/domain/validation";
import { getVersionModel, publishVersion } from "~/models/version.server";
import { download } from "./download.server";
import { invalid, parseForm } from "./forms.server";
import { requireWorkspaceMember } from "./permissions.server";

/** Publishes the section under the submitted name (needs its write permission); field errors, or a redirect to the page. */
export async function publishFromForm(request: Request, workspaceId: string | undefined, section: Section, formData: FormData) {
  const { workspace, user } = await requireWorkspaceMember(request, workspaceId, SECTION_WRITE_PERMISSION[section]);
  const form = parseForm(formData, VersionPublishSchema);
  if (!form.ok) return invalid(form);
  const published = await publishVersion({ workspaceId: workspace.id, section, name: form.data.name, userId: user.id, userName: user.name });
  if (!published.ok) return invalid({ errors: { name: [published.error] }, values: { name: form.data.name } });
  throw redirect(`/workspaces/${workspace.id}/${section}?published=${encodeURIComponent(published.version.id)}#versions-heading`);
}

/**
 * The section as a JSON download named `<basename>.json`: `current()`, or with
 * `?version=<id or name>` that published version (404 if there is none).
 */
export async function jsonDownload(request: Request, workspaceId: string, section: Section, basename: string, current: () => Promise<unknown>): Promise<Response> {
  const version = new URL(request.url).searchParams.get("version");
  const json = (value: unknown, name: string) => download(`${JSON.stringify(value, null, 2)}\n`, `${name}.json`, "application/json");
  if (!version) return json(await current(), basename);
  const found = await getVersionModel(workspaceId, section, version);
  if (!found) throw new Response("No such version", { status: 404 });
  return json(found.model, `${basename}-${found.version.name.replace(/[^\w.-]+/g, "_")}`);
}
