// The award: the winning proposal becomes the workspace's contract payment model (written
// into the shared payment document as one edit, so open editors see it, and published
// as a named version linked from the award), the procurement enters the standstill, and
// every registered party is told at the same moment to read its assessment summary.
import { applyModelChange, readPaymentDesign, writePaymentDesign } from "~/domain/payment/design";
import type { PaymentModel } from "~/domain/payment/model";
import { writeDocument } from "~/models/document.server";
import { recordAward, type AwardView } from "~/models/evaluation.server";
import { publishToParties, type ProcurementRecord } from "~/models/procurement.server";
import { publishVersion } from "~/models/version.server";

export async function award(p: ProcurementRecord, input: { bidId: string; bidName: string; proposal: PaymentModel; reasons: string }, by: { id: string; name: string }): Promise<{ ok: true; award: AwardView } | { ok: false; error: string }> {
  await writeDocument(`${p.workspaceId}/payment`, (doc) => {
    const current = readPaymentDesign(doc);
    if (current.model) applyModelChange(doc, current.model, input.proposal);
    else writePaymentDesign(doc, input.proposal, current.scenarios);
  });
  let name = `Contract: ${input.bidName}`.slice(0, 120);
  let version = await publishVersion({ workspaceId: p.workspaceId, section: "payment", name, userId: by.id, userName: by.name });
  for (let i = 2; !version.ok && i < 10; i++) {
    name = `Contract: ${input.bidName} (${i})`.slice(0, 120);
    version = await publishVersion({ workspaceId: p.workspaceId, section: "payment", name, userId: by.id, userName: by.name });
  }
  if (!version.ok) return { ok: false, error: version.error };
  const recorded = await recordAward(p, { bidId: input.bidId, reasons: input.reasons, contractVersionId: version.version.id }, by);
  await publishToParties(p, { key: "award", kind: "award", label: "The award decision has been made. Bidders: your assessment summary is on the Bids page.", href: "/procurement/bids" });
  return { ok: true, award: recorded };
}
