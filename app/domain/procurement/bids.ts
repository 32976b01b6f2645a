// Who may do what with a bid, and when: the one policy every bid page, action, export
// and the sync server ask. Sealed means sealed: before the bids are opened (which is
// only possible after the deadline, by the server's clock) nobody outside the
// consortium learns anything about a bid, not even that it exists; commissioners and
// administrators included. After opening, a named evaluator reads a bid once they have
// declared their conflicts of interest and declared none with that bid's consortium.
// Pure: no I/O.
import type { Role } from "../roles";
import { formatInstant, reached, type ProcurementClock, type Stage } from "./stages";

export type BidViewer = {
  userId: string;
  role: Role;
  organisationId: string | null;
  /** Set when the viewer is a named evaluator of this procurement. */
  evaluator: { declared: boolean; conflictBidIds: readonly string[] } | null;
};
export type BidFacts = { id: string; partnerOrganisationIds: readonly string[]; submitted: boolean };
export type BidClock = { procurement: ProcurementClock; bidsOpenedAt: string | null; now: Date };

/** Roles that can belong to a consortium (people of a bidding organisation). */
const BIDDER_ROLES: readonly Role[] = ["provider", "investor"];

export function inConsortium(viewer: Pick<BidViewer, "role" | "organisationId">, bid: Pick<BidFacts, "partnerOrganisationIds">): boolean {
  return viewer.organisationId !== null && BIDDER_ROLES.includes(viewer.role) && bid.partnerOrganisationIds.includes(viewer.organisationId);
}

export function canBid(viewer: Pick<BidViewer, "role" | "organisationId">): boolean {
  return viewer.organisationId !== null && BIDDER_ROLES.includes(viewer.role);
}

/** The stage in which final bids are invited: the tender notice (open) or the clarification period (competitive flexible). */
export function tenderStage(p: ProcurementClock): Stage {
  return p.procedure === "open" ? "tender-notice" : "clarification";
}

export type Window = { open: true; closesAt: string } | { open: false; reason: string };

/** Whether bids may be drafted now: from the tender notice until the deadline. */
export function draftingWindow(p: ProcurementClock, now: Date): Window {
  if (!reached(p, p.stage, "tender-notice")) return { open: false, reason: "Bids can be started once the tender notice is published." };
  return closing(p, now);
}

/** Whether bids may be submitted (or withdrawn) now: from the invitation to tender until the deadline. */
export function submissionWindow(p: ProcurementClock, now: Date): Window {
  if (!reached(p, p.stage, tenderStage(p))) return { open: false, reason: "Bids can be submitted once the invitation to tender is out (the “Bids being prepared” stage)." };
  return closing(p, now);
}

function closing(p: ProcurementClock, now: Date): Window {
  const deadline = p.timeline["bid-deadline"];
  if (reached(p, p.stage, "bid-deadline")) return { open: false, reason: deadline ? `Bids closed at ${formatInstant(deadline)}.` : "Bids have closed." };
  if (!deadline) return { open: false, reason: "The commissioner has not set the bid deadline yet." };
  if (now.getTime() >= Date.parse(deadline)) return { open: false, reason: `Bids closed at ${formatInstant(deadline)}; it is now ${formatInstant(now.toISOString())}.` };
  return { open: true, closesAt: deadline };
}

export type BidAccess = { read: boolean; write: boolean; consortium: boolean; reason: string };

export function bidAccess(viewer: BidViewer, bid: BidFacts, clock: BidClock): BidAccess {
  if (inConsortium(viewer, bid)) {
    const window = draftingWindow(clock.procurement, clock.now);
    const write = window.open && !bid.submitted && clock.bidsOpenedAt === null;
    const reason = !window.open ? window.reason : bid.submitted ? "The bid is submitted: withdraw it to change it." : "";
    return { read: true, write, consortium: true, reason };
  }
  if (clock.bidsOpenedAt === null) return { read: false, write: false, consortium: false, reason: "Bids are sealed until they are opened after the deadline." };
  if (!viewer.evaluator) return { read: false, write: false, consortium: false, reason: "Only the named evaluators read the bids." };
  if (!viewer.evaluator.declared) return { read: false, write: false, consortium: false, reason: "Declare your conflicts of interest before you see any bid." };
  if (viewer.evaluator.conflictBidIds.includes(bid.id)) return { read: false, write: false, consortium: false, reason: "You declared a conflict of interest with this bidder." };
  return { read: bid.submitted, write: false, consortium: false, reason: bid.submitted ? "" : "This bid was not submitted." };
}

/** Whether the bids may be opened now: after the deadline, once. */
export function openingDecision(p: ProcurementClock, bidsOpenedAt: string | null, now: Date): { ok: true } | { ok: false; reason: string } {
  if (bidsOpenedAt) return { ok: false, reason: `The bids were opened at ${formatInstant(bidsOpenedAt)}.` };
  if (!reached(p, p.stage, tenderStage(p))) return { ok: false, reason: "There are no bids to open before the invitation to tender." };
  const deadline = p.timeline["bid-deadline"];
  if (!deadline) return { ok: false, reason: "Set the bid deadline first." };
  if (now.getTime() < Date.parse(deadline)) return { ok: false, reason: `Bids are sealed until the deadline, ${formatInstant(deadline)}; it is now ${formatInstant(now.toISOString())}.` };
  return { ok: true };
}

/** A bid's canonical content: JSON with keys in code-point order, no spaces. What the receipt's hash is over. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}
