// The activity feed: who changed what in the outcome framework and the referral
// design, newest first, as recorded by the sync server from each change's connection.
// A plain page: filters and paging are links and a GET form, so it works without JS.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { ActivityList } from "~/components/activity";
import { listActivity } from "~/models/activity.server";
import { requireWorkspaceMember } from "~/utils/permissions.server";

const PAGE = 50;
const SECTION_LABELS = { outcomes: "Outcome framework", referral: "Referral criteria", payment: "Payment model" } as const;

const QuerySchema = z.object({
  section: z.enum(["outcomes", "referral", "payment"]).optional().catch(undefined),
  // Paging cursor: the time and id of the last line shown.
  before: z
    .string()
    .regex(/^\d{4}-\d\d-\d\dT[\d:.]+Z~[A-Za-z0-9]{1,40}$/)
    .optional()
    .catch(undefined),
  limit: z.coerce.number().int().min(1).max(PAGE).default(PAGE).catch(PAGE),
});

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { workspace } = await requireWorkspaceMember(request, params.workspaceId, "read:workspace");
  const query = QuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const [at, id] = query.before?.split("~") ?? [];
  const lines = await listActivity(workspace.id, { section: query.section, before: at && id ? { at: new Date(at), id } : undefined, limit: query.limit });
  const last = lines.at(-1);
  return { workspaceId: workspace.id, section: query.section ?? null, lines, older: lines.length === query.limit && last ? `${last.at}~${last.id}` : null };
}

export default function ActivityPage() {
  const { workspaceId, section, lines, older } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const olderLink = older ? `?${new URLSearchParams({ ...(section ? { section } : {}), before: older })}` : null;
  return (
    <section aria-labelledby="activity-heading">
      <h2 id="activity-heading" className="text-xl font-semibold">Activity</h2>
      <p className="mt-1 text-slate-700">Who changed what in the outcome framework, the referral criteria and the payment model. A young person's changes are shown without their name.</p>
      <Form method="get" className="mt-3 flex flex-wrap items-end gap-2">
        <div>
          <label htmlFor="activity-section" className="block font-medium">Show</label>
          <select id="activity-section" name="section" defaultValue={section ?? ""} className="mt-1 block rounded border border-slate-500 bg-white px-3 py-2">
            <option value="">Everything</option>
            {Object.entries(SECTION_LABELS).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
          </select>
        </div>
        <button type="submit" className="min-h-11 rounded border border-slate-600 bg-white px-3">Filter</button>
      </Form>
      <ActivityList lines={lines} showSection={!section} empty={params.get("before") ? "No older changes." : "No changes recorded yet."} />
      <p className="mt-4 flex gap-4">
        {params.get("before") ? <Link to={section ? `?section=${section}` : `/workspaces/${workspaceId}/activity`} className="inline-flex min-h-11 items-center text-brand-800 underline">Newest</Link> : null}
        {olderLink ? <Link to={olderLink} className="inline-flex min-h-11 items-center text-brand-800 underline">Older changes</Link> : null}
      </p>
    </section>
  );
}

export const meta: MetaFunction = () => [{ title: "Activity · Outcome Commons" }];
