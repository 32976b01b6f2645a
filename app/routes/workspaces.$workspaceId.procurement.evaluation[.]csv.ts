// The bids priced side by side, as CSV: for the commissioning team, and for a declared
// evaluator (without the bids they declared a conflict with). Nothing before opening.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { toCsv } from "~/domain/csv";
import { can } from "~/domain/permissions";
import { evaluationFigures } from "~/utils/assessment.server";
import { requireBidding } from "~/utils/bids.server";

const pounds = (pence: number) => (Math.round(pence) / 100).toFixed(2);

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const ctx = await requireBidding(request, params.workspaceId);
  const manage = can(ctx.membership.role, "manage:procurement");
  const me = ctx.evaluator;
  if (!manage && !me?.declaredAt) throw new Response("Only the commissioning team and declared evaluators see the comparison.", { status: 403 });
  if (!ctx.procurement.bidsOpenedAt) throw new Response("The bids are sealed until they are opened after the deadline.", { status: 404 });
  const figures = await evaluationFigures(context, ctx.procurement, (id) => manage || !me!.conflictBidIds.includes(id));
  const head = ["bid", "scenario", "cost_p10_gbp", "cost_p50_gbp", "cost_p90_gbp", "cost_per_success_p50_gbp", "max_exposure_gbp", "co_funder_p50_gbp", "provider_at_risk_share_p50", "investor_net_p50_gbp", "investor_irr_p50"];
  const rows = figures.rows.map((r) => [r.label, r.scenario, pounds(r.commissionerCostPence.p10), pounds(r.commissionerCostPence.p50), pounds(r.commissionerCostPence.p90), pounds(r.costPerSuccessPence), r.maxExposurePence === null ? "" : pounds(r.maxExposurePence), pounds(r.coFunderPence), r.providerAtRiskShare.toFixed(4), pounds(r.investorNetPence), r.investorIrr.toFixed(4)]);
  return new Response(toCsv([head, ...rows]), { headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": 'attachment; filename="bids-compared.csv"', "Cache-Control": "private, no-store" } });
}
