// What every bid page and action starts with: the procurement context, the viewer as
// the bid policy sees them (organisation, and evaluator status with declared
// conflicts), and the bid, only when the policy lets the viewer read it. A bid the
// viewer may not read answers 404, exactly like a bid that does not exist: sealed
// means not even its existence shows.
import { bidAccess, type BidAccess, type BidViewer } from "~/domain/procurement/bids";
import type { PaymentModel } from "~/domain/payment/model";
import type { Scenario } from "~/domain/payment/forecast";
import { bidFacts, getBid, type BidRecord } from "~/models/bid.server";
import { evaluatorFor, type EvaluatorView } from "~/models/evaluation.server";
import type { ProcurementRecord } from "~/models/procurement.server";
import { getPaymentVersionDesign } from "~/models/version.server";
import { requireProcurement, type ProcurementContext } from "./procurement.server";

export type BidContext = ProcurementContext & { bidViewer: BidViewer; evaluator: EvaluatorView | null };

export async function requireBidding(request: Request, workspaceId: string | undefined): Promise<BidContext> {
  const ctx = await requireProcurement(request, workspaceId, "read:procurement");
  const evaluator = await evaluatorFor(ctx.procurement.id, ctx.user.id);
  const bidViewer: BidViewer = {
    userId: ctx.user.id,
    role: ctx.membership.role,
    organisationId: ctx.user.organisation?.id ?? null,
    evaluator: evaluator ? { declared: evaluator.declaredAt !== null, conflictBidIds: evaluator.conflictBidIds } : null,
  };
  return { ...ctx, bidViewer, evaluator };
}

export const notFound = () => new Response("We could not find that bid.", { status: 404 });

export function accessTo(ctx: BidContext, bid: BidRecord, now = new Date()): BidAccess {
  return bidAccess(ctx.bidViewer, bidFacts(bid), { procurement: ctx.procurement, bidsOpenedAt: ctx.procurement.bidsOpenedAt, now });
}

/** The bid, when the viewer may read it; otherwise the same 404 as a bid that does not exist. */
export async function requireBid(request: Request, workspaceId: string | undefined, bidId: string | undefined): Promise<BidContext & { bid: BidRecord; access: BidAccess }> {
  const ctx = await requireBidding(request, workspaceId);
  const bid = await getBid(ctx.procurement.id, bidId ?? "");
  if (!bid) throw notFound();
  const access = accessTo(ctx, bid);
  if (!access.read) throw notFound();
  return { ...ctx, bid, access };
}

export type TenderModel = { versionId: string; versionName: string; model: PaymentModel; scenarios: Scenario[] };

/** The published payment model bids are made from, and its scenarios; null until the tender names one. */
export async function tenderModel(p: ProcurementRecord): Promise<TenderModel | null> {
  const id = p.terms.rules.paymentVersionId;
  if (!id) return null;
  const found = await getPaymentVersionDesign(p.workspaceId, id);
  if (!found?.design.model) return null;
  return { versionId: found.version.id, versionName: found.version.name, model: found.design.model, scenarios: found.design.scenarios };
}
