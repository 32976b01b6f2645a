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
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const everyone: Permission[] = ["read:workspace", "read:members"];
const managers: Permission[] = [
  ...everyone,
  "update:workspace",
  "read:member-emails",
  "manage:members",
  "read:invitations",
  "create:invitations",
];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  facilitator: managers,
  commissioner: managers,
  provider: everyone,
  investor: everyone,
  "service-user": everyone,
  evaluator: everyone,
  observer: everyone,
};

/** Whether a member with `role` may do `permission`. */
export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
