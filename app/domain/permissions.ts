// Permissions are data: one table of `action:entity` strings per role. Loaders,
// actions, API routes and the UI all ask `can(role, permission)`; the sync server
// will ask the same table. tests/integration/permissions.test.ts walks it.
import type { Role } from "./roles";

export const PERMISSIONS = [
  "read:workspace",
  "update:workspace",
  "read:members",
  /** See members' email addresses (needed to manage them). */
  "read:member-emails",
  "manage:members",
  "read:invitations",
  "create:invitations",
  // Shared documents (see documents.ts): who may change each section. Everyone in a
  // workspace may read every section.
  "write:board",
  "write:outcomes",
  "write:referral",
  "write:payment",
  /** Say whether one's own authority would refer a test case (commissioning partners). */
  "judge:vignettes",
  /** Rate how much each outcome matters, counted in one's stakeholder group. */
  "rate:outcomes",
  /** Start, answer, resolve and reopen comment threads on what is being designed. */
  "comment:co-design",
  /** Price what-ifs in one's own copy of the payment model, without changing the shared one. */
  "what-if:payment",
  // The procurement (app/domain/procurement/): who may read it, run it, answer and ask.
  // Which questions, dialogues and polls a member then sees is decided per organisation
  // by the procurement's own policies (questions.ts), not by role alone.
  "read:procurement",
  /** Edit the record, move stages, run events (presenter, polls, Q&A moderation), dialogue. */
  "manage:procurement",
  "answer:clarifications",
  /** Ask clarification questions as a registered party. */
  "ask:clarifications",
  /** Register for events, answer polls, ask and vote at an event's Q&A. */
  "attend:events",
  // Co-production workshops with young people (app/domain/workshop/). Young people take
  // part from their phones with a join code, not as members; members read what came of it.
  /** See the workspace's workshops, their themes, levels and what became of them. */
  "read:workshops",
  /** Create and run workshops: moderation, activities, projector, promotion into the framework. */
  "run:workshops",
  /** Read and export the workspace's audit trail (and the sealed bids' trail once the bids are opened). */
  "read:audit",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const everyone: Permission[] = ["read:workspace", "read:members", "read:workshops"];
/** Everyone in the procurement's rooms; a young person's room is the workshop (issue 15), not the tender. */
const engaged: Permission[] = ["read:procurement", "attend:events"];
/**
 * Contributors add to the shared board (cards, votes) and discuss the design in
 * comments, but do not edit the contract. Anyone who may comment may resolve or
 * reopen a thread: resolving is housekeeping, and a resolved thread stays readable.
 */
const contributors: Permission[] = [...everyone, "write:board", "comment:co-design"];
/** Providers co-design the outcome framework and referral criteria. */
const codesigners: Permission[] = [...contributors, "write:outcomes", "write:referral"];
const managers: Permission[] = [
  ...codesigners,
  "write:payment",
  "what-if:payment",
  "update:workspace",
  "read:member-emails",
  "manage:members",
  "read:invitations",
  "create:invitations",
  ...engaged,
  "manage:procurement",
  "run:workshops",
];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  facilitator: managers,
  commissioner: [...managers, "judge:vignettes", "rate:outcomes", "answer:clarifications", "read:audit"],
  provider: [...codesigners, "rate:outcomes", "what-if:payment", ...engaged, "ask:clarifications"],
  // Investors and providers price what-ifs in their own sandboxes (issue 5); the
  // shared payment model is the commissioners'.
  investor: [...contributors, "rate:outcomes", "what-if:payment", ...engaged, "ask:clarifications"],
  "service-user": [...contributors, "rate:outcomes"],
  evaluator: [...contributors, "read:procurement", "read:audit"],
  observer: [...everyone, "read:procurement"],
};

/** Whether a member with `role` may do `permission`. */
export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

// Accounts, outside any workspace: what an account may create for itself. Creating a
// workspace makes its creator the workspace's commissioner or facilitator, so an
// account that is a service user (the shared account a youth panel signs in with, or
// anyone who holds the service-user role somewhere) may create nothing of its own: no
// workspace, no API token. Roles it holds are given by a workspace's managers.
export const ACCOUNT_PERMISSIONS = ["create:workspace", "create:api-token"] as const;
export type AccountPermission = (typeof ACCOUNT_PERMISSIONS)[number];

export const ACCOUNT_KINDS = ["person", "service-user"] as const;
export type AccountKind = (typeof ACCOUNT_KINDS)[number];

export const ACCOUNT_KIND_PERMISSIONS: Record<AccountKind, readonly AccountPermission[]> = {
  person: ["create:workspace", "create:api-token"],
  "service-user": [],
};

/** An account is a service-user account once it holds the service-user role in any workspace. */
export function accountKindOf(roles: readonly Role[]): AccountKind {
  return roles.includes("service-user") ? "service-user" : "person";
}

/** Whether an account of `kind` may do `permission`. */
export function accountCan(kind: AccountKind, permission: AccountPermission): boolean {
  return ACCOUNT_KIND_PERMISSIONS[kind].includes(permission);
}
