// A bid's attachment, decrypted, for whoever may read the bid (its consortium; after
// opening, an evaluator without a conflict). Always a download, never shown inline.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { readAttachment } from "~/models/bid.server";
import { notFound, requireBid } from "~/utils/bids.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { bid } = await requireBid(request, params.workspaceId, params.bidId);
  const file = await readAttachment(bid, params.attachmentId ?? "");
  if (!file) throw notFound();
  return new Response(file.bytes as Uint8Array<ArrayBuffer>, {
    headers: {
      "Content-Type": "application/octet-stream",
      "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(file.meta.name)}`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
