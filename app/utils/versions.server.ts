// The version plumbing shared by the pages of versioned sections (outcomes, referral):
// the "publish a version" form and the JSON download of the current state or of a
// published version. The page of a section lives at /workspaces/:id/<section>.
import { redirect } from "@remix-run/node";
import { SECTION_WRITE_PERMISSION, type Section } from "~/domain/documents";
import { VersionPublishSchema } from "~/domain/validation";
import { diffFrameworks } from "~/domain/framework-diff";
import { OutcomeFrameworkSchema } from "~/domain/outcome-framework";
import { diffPaymentModels } from "~/domain/payment/diff";
import { PaymentModelSchema } from "~/domain/payment/model";
import { PIN_SECTION_LABELS, type PinSection } from "~/domain/procurement/record";
import { reached } from "~/domain/procurement/stages";
import { diffReferralDesigns } from "~/domain/referral-diff";
import { ReferralDesignSchema } from "~/domain/referral-design";
import { getProcurement, publishToParties } from "~/models/procurement.server";
import { getVersionModel, listVersions, publishVersion } from "~/models/version.server";
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
  const announced = section === "board" ? false : await announceToParties(workspace.id, section, published.version.name);
  throw redirect(`/workspaces/${workspace.id}/${section}?published=${encodeURIComponent(published.version.id)}${announced ? "&announced=1" : ""}#versions-heading`);
}

/** The changes from one version of a section to another, in the words of its diff. */
export async function changesBetween(workspaceId: string, section: PinSection, from: string, to: string): Promise<string[] | null> {
  const [a, b] = await Promise.all([getVersionModel(workspaceId, section, from), getVersionModel(workspaceId, section, to)]);
  if (!a || !b) return null;
  if (section === "outcomes") {
    const [x, y] = [OutcomeFrameworkSchema.safeParse(a.model).data, OutcomeFrameworkSchema.safeParse(b.model).data];
    return x && y ? diffFrameworks(x, y) : null;
  }
  if (section === "referral") {
    const [x, y] = [ReferralDesignSchema.safeParse(a.model).data, ReferralDesignSchema.safeParse(b.model).data];
    return x && y ? diffReferralDesigns(x, y) : null;
  }
  return diffPaymentModels(PaymentModelSchema.safeParse(a.model).data ?? null, PaymentModelSchema.safeParse(b.model).data ?? null);
}

/**
 * A version published once the tender notice is out goes to every registered party,
 * with what changed since the version before it, in words. Returns whether it went.
 */
async function announceToParties(workspaceId: string, section: PinSection, name: string): Promise<boolean> {
  const procurement = await getProcurement(workspaceId);
  if (!procurement || !reached(procurement, procurement.stage, "tender-notice") || reached(procurement, procurement.stage, "bid-deadline")) return false;
  const versions = await listVersions(workspaceId, section);
  const previous = versions.find((v) => v.name !== name);
  const changes = previous ? await changesBetween(workspaceId, section, previous.name, name) : null;
  const what = changes === null ? "" : changes.length ? ` What changed since “${previous!.name}”: ${changes.join(" ")}` : ` Nothing changed since “${previous!.name}”.`;
  await publishToParties(procurement, { key: `version:${section}:${name}`, kind: "version", label: `New version of the ${PIN_SECTION_LABELS[section].toLowerCase()}: “${name}”.${what}`, href: `/${section}` });
  return true;
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
