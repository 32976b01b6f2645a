// The content of pinned (published) versions, for the pages that show what is being
// discussed: an event's presenter view, the public opportunity page, the engagement
// record. Versions are immutable, so what they show cannot drift under a discussion.
import { OutcomeFrameworkSchema } from "~/domain/outcome-framework";
import { PaymentModelSchema, type PaymentModel } from "~/domain/payment/model";
import type { PinnedVersions } from "~/domain/procurement/record";
import { describeCriteria } from "~/domain/referral-criteria";
import { ReferralDesignSchema } from "~/domain/referral-design";
import { getVersionModel } from "~/models/version.server";

export type PinnedContent = {
  outcomes: { version: string; goal: string; outcomes: { id: string; title: string; definition: string; linkedToPayment: boolean }[] } | null;
  referral: { version: string; inclusions: string[]; exclusions: string[] } | null;
  payment: { version: string; lines: string[]; model: PaymentModel } | null;
};

function paymentLines(model: PaymentModel): string[] {
  return [
    ...model.components.map((c) => `${c.name} (${c.kind.replace(/-/g, " ")}).`),
    `Paid by ${model.payers.map((p) => p.name).join(", ")}.`,
  ];
}

// Published versions never change, so what they show is worked out once per set of pins:
// a room of attendees opening the event page at once reads and parses them once.
const MAX_ENTRIES = 32;
const remembered = new Map<string, Promise<PinnedContent>>();

export function pinnedContent(workspaceId: string, pinned: PinnedVersions): Promise<PinnedContent> {
  const key = JSON.stringify([workspaceId, pinned.outcomes ?? null, pinned.referral ?? null, pinned.payment ?? null]);
  const hit = remembered.get(key);
  if (hit) return hit;
  const pending = readPinned(workspaceId, pinned);
  remembered.set(key, pending);
  // Pins name versions that exist (checked when pinned); only a failed read is forgotten.
  pending.catch(() => remembered.delete(key));
  while (remembered.size > MAX_ENTRIES) remembered.delete(remembered.keys().next().value!);
  return pending;
}

async function readPinned(workspaceId: string, pinned: PinnedVersions): Promise<PinnedContent> {
  const [outcomes, referral, payment] = await Promise.all([
    pinned.outcomes ? getVersionModel(workspaceId, "outcomes", pinned.outcomes) : null,
    pinned.referral ? getVersionModel(workspaceId, "referral", pinned.referral) : null,
    pinned.payment ? getVersionModel(workspaceId, "payment", pinned.payment) : null,
  ]);
  const framework = outcomes ? OutcomeFrameworkSchema.safeParse(outcomes.model).data : undefined;
  const design = referral ? ReferralDesignSchema.safeParse(referral.model).data : undefined;
  const model = payment ? PaymentModelSchema.safeParse(payment.model).data : undefined;
  return {
    outcomes: framework && outcomes
      ? { version: outcomes.version.name, goal: framework.goal, outcomes: framework.outcomes.map((o) => ({ id: o.id, title: o.title, definition: o.definition, linkedToPayment: o.linkedToPayment })) }
      : null,
    referral: design && referral ? { version: referral.version.name, ...describeCriteria(design.criteria) } : null,
    payment: model && payment ? { version: payment.version.name, lines: paymentLines(model), model } : null,
  };
}
