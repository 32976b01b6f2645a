// Open data and the audit trail: the procurement's OCDS packages (checked against the
// standard's schema as the page loads), the outcomes contract in INDIGO's shape, and,
// for commissioners and evaluators, the hash-chained audit trail with its heads.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { formatInstant } from "~/domain/procurement/stages";
import { AuditChain } from "~/components/open-data/audit-table";
import { openDataView } from "~/utils/open-data-view.server";
import { requireWorkspaceMember } from "~/utils/permissions.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { workspace, membership } = await requireWorkspaceMember(request, params.workspaceId, "read:workspace");
  return { workspaceId: workspace.id, ...(await openDataView(workspace.id, membership.role, new URL(request.url).origin)) };
}

export default function OpenDataPage() {
  const { workspaceId, ocds, audit } = useLoaderData<typeof loader>();
  const api = "/api/v1";
  return (
    <div className="space-y-8">
      <section aria-labelledby="ocds-heading">
        <h2 id="ocds-heading" className="text-xl font-semibold">Open contracting data (OCDS 1.1)</h2>
        {ocds ? (
          <>
            <p>
              The procurement as open data, release by release, with the bids and enquiries extensions. Its ocid is <span className="font-mono">{ocds.ocid}</span>.{" "}
              {ocds.public ? "Anyone can read it, without an account, as the opportunity page is public." : "Only members can read it until the opportunity page is public."} Nothing about bids appears until the award is decided.
            </p>
            <p role="status" className={ocds.valid ? "text-green-800" : "font-semibold text-red-800"}>
              {ocds.valid ? "Checked just now against the official OCDS 1.1.5 schema with both extensions: valid." : `Checked just now against the official OCDS 1.1.5 schema: ${ocds.problems} problems. Tell the Outcome Commons team.`}
            </p>
            <ul className="mt-2 list-inside list-disc">
              <li><a className="underline" href={`${api}/procurements/${ocds.procurementId}/ocds/releases`}>Release package (JSON)</a></li>
              <li><a className="underline" href={`${api}/procurements/${ocds.procurementId}/ocds/record`}>Record, compiled from the releases (JSON)</a></li>
            </ul>
            <table className="mt-3 w-full max-w-2xl text-left text-sm">
              <caption className="text-left font-medium">Releases so far</caption>
              <thead><tr><th scope="col">Published</th><th scope="col">What</th><th scope="col">Release id</th></tr></thead>
              <tbody>{ocds.releases.map((r) => <tr key={r.id} className="border-t border-slate-200"><td>{formatInstant(r.date)}</td><td>{r.tag.join(", ")}</td><td className="break-all font-mono text-xs">{r.id}</td></tr>)}</tbody>
            </table>
          </>
        ) : (
          <p>There is no procurement in this workspace yet, or your role does not take part in it.</p>
        )}
      </section>
      <section aria-labelledby="indigo-heading">
        <h2 id="indigo-heading" className="text-xl font-semibold">Outcomes contract (INDIGO 4.1)</h2>
        <p>The outcome metrics and prices, what each payer may pay at most, the investors' capital and the link to the procurement, in the shape the Government Outcomes Lab's INDIGO data standard uses. Before an award it describes the payment model being designed.</p>
        <p className="mt-2"><a className="underline" href={`${api}/workspaces/${workspaceId}/indigo?download=1`}>Download the INDIGO project (JSON)</a></p>
      </section>
      {audit ? (
        <section aria-labelledby="audit-heading">
          <h2 id="audit-heading" className="text-xl font-semibold">Audit trail</h2>
          <p>
            Every change that matters, in order, each entry sealed with the hash of the one before it: an entry edited, deleted or moved breaks the chain from there. Keep a head (printed on the engagement record and on the award) to check later that nothing after it was removed:{" "}
            <code className="break-all">npm run admin -- audit:verify --chain CHAIN --head HEAD</code>.
          </p>
          <p className="mt-2">
            <a className="underline" href={`/workspaces/${workspaceId}/open-data/audit.csv`}>Download the audit trail (CSV)</a> ·{" "}
            <a className="underline" href={`${api}/workspaces/${workspaceId}/audit`}>as JSON</a>
          </p>
          {audit.map((c) => <AuditChain key={c.chain} view={c} />)}
        </section>
      ) : null}
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Open data · Outcome Commons" }];
