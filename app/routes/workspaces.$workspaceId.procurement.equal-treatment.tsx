// Equal treatment, provable: what each registered party was given and when, and a
// report that flags anything one party received that another did not. The commissioning
// team's page (it names the parties).
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { DELIVERY_KIND_LABELS, equalTreatmentReport } from "~/domain/procurement/equal-treatment";
import { formatInstant } from "~/domain/procurement/stages";
import { listParties, listPublished } from "~/models/procurement.server";
import { requireProcurement } from "~/utils/procurement.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { procurement } = await requireProcurement(request, params.workspaceId, "manage:procurement");
  const [parties, published] = await Promise.all([listParties(procurement.id), listPublished(procurement.id)]);
  const report = equalTreatmentReport(parties, published.items, published.deliveries);
  return { parties, report };
}

export default function EqualTreatmentPage() {
  const { parties, report } = useLoaderData<typeof loader>();
  return (
    <section aria-labelledby="equal-heading" className="space-y-4">
      <h2 id="equal-heading" className="text-xl font-semibold">Equal treatment</h2>
      <p role="status" className={report.flags ? "font-semibold text-red-800" : "font-semibold text-green-900"}>
        {report.flags ? `${report.flags} ${report.flags === 1 ? "item was" : "items were"} not given to every party equally.` : `Every party received everything published to all (${report.rows.length} ${report.rows.length === 1 ? "item" : "items"}, ${parties.length} parties).`}
      </p>
      <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="What was published, and who received it">
        <table className="w-full min-w-[40rem] text-left">
          <caption className="sr-only">What was published, and who received it when</caption>
          <thead><tr><th scope="col">Published</th><th scope="col">What</th><th scope="col">Received by</th><th scope="col">Check</th></tr></thead>
          <tbody>
            {report.rows.map((r) => (
              <tr key={r.item.key} className="border-t border-slate-200 align-top">
                <td className="whitespace-nowrap">{formatInstant(r.item.publishedAt)}</td>
                <td>{DELIVERY_KIND_LABELS[r.item.kind]}: {r.item.label}</td>
                <td>{r.received.map((x) => `Organisation ${x.party.number} (${x.party.name}) ${formatInstant(x.at)}`).join("; ") || "nobody"}</td>
                <td>{r.flag ?? "Equal"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export const meta: MetaFunction = () => [{ title: "Equal treatment · Outcome Commons" }];
