// Shared (Yjs) documents: one per workspace and section, named `<workspaceId>/<section>`.
import type { Permission } from "./permissions";

export const SECTIONS = ["outcomes", "referral", "payment", "board"] as const;
export type Section = (typeof SECTIONS)[number];

/** The permission needed to change a section; reading needs only workspace membership. */
export const SECTION_WRITE_PERMISSION: Record<Section, Permission> = {
  outcomes: "write:outcomes",
  referral: "write:referral",
  payment: "write:payment",
  board: "write:board",
};

export type DocumentName = { workspaceId: string; section: Section; name: string };

/** Parses `<workspaceId>/<section>`; null for anything else. */
export function parseDocumentName(name: string): DocumentName | null {
  const m = /^([A-Za-z0-9_-]{1,64})\/([a-z]+)$/.exec(name);
  if (!m) return null;
  const section = m[2] as Section;
  if (!SECTIONS.includes(section)) return null;
  return { workspaceId: m[1]!, section, name };
}

/** A bid draft's sealed document: `<workspaceId>/bid/<bidId>` (app/domain/procurement/bid-document.ts). */
export type BidDocumentName = { workspaceId: string; bidId: string; name: string };

export function parseBidDocumentName(name: string): BidDocumentName | null {
  const m = /^([A-Za-z0-9_-]{1,64})\/bid\/([A-Za-z0-9_-]{1,64})$/.exec(name);
  return m ? { workspaceId: m[1]!, bidId: m[2]!, name } : null;
}

export const bidDocumentName = (workspaceId: string, bidId: string) => `${workspaceId}/bid/${bidId}`;
