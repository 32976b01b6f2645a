// Exactly what a submission (or a named version) contained: the canonical JSON whose
// SHA-256 is the receipt, byte for byte, so anyone who may read the bid can check it.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { readSnapshot } from "~/models/bid.server";
import { notFound, requireBid } from "~/utils/bids.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { bid, access } = await requireBid(request, params.workspaceId, params.bidId);
  // Evaluators read the submission; the consortium's own versions are its alone.
  if (!access.consortium && params.snapshotId !== bid.submission?.id) throw notFound();
  const snapshot = await readSnapshot(bid, params.snapshotId ?? "");
  if (!snapshot) throw notFound();
  return new Response(snapshot.canonical, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="bid-${bid.id}-${params.snapshotId}.json"`,
      "Cache-Control": "private, no-store",
    },
  });
}
