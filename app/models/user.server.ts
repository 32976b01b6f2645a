import { accountKindOf, type AccountKind } from "~/domain/permissions";
import { isRole, type OrganisationType } from "~/domain/roles";
import { db } from "~/utils/db.server";
import { DUMMY_PASSWORD_HASH, hashPassword, verifyPassword } from "~/utils/crypto.server";

export const userSelect = {
  id: true,
  email: true,
  name: true,
  organisation: { select: { id: true, name: true, type: true } },
} as const;

export type UserSummary = {
  id: string;
  email: string;
  name: string;
  organisation: { id: string; name: string; type: string } | null;
};

/** Finds an organisation by name (case-sensitive, trimmed) or creates it with `type`. */
export async function findOrCreateOrganisation({ name, type }: { name: string; type: OrganisationType }) {
  return db().organisation.upsert({
    where: { name: name.trim() },
    update: {},
    create: { name: name.trim(), type },
    select: { id: true, name: true, type: true },
  });
}

export class EmailTakenError extends Error {
  constructor() {
    super("An account with this email address already exists. Sign in instead.");
  }
}

/** Creates an account; the email must be lower-cased and unused. */
export async function createUser({
  email,
  name,
  password,
  organisation,
}: {
  email: string;
  name: string;
  password: string;
  organisation?: { name: string; type: OrganisationType } | undefined;
}): Promise<UserSummary> {
  if (await db().user.findUnique({ where: { email }, select: { id: true } })) throw new EmailTakenError();
  const org = organisation?.name ? await findOrCreateOrganisation(organisation) : null;
  const passwordHash = await hashPassword(password);
  try {
    return await db().user.create({
      data: { email, name, passwordHash, organisationId: org?.id ?? null },
      select: userSelect,
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new EmailTakenError();
    throw error;
  }
}

/** The user whose email and password match, or null; takes the same time either way. */
export async function verifyLogin(email: string, password: string): Promise<UserSummary | null> {
  const user = await db().user.findUnique({ where: { email }, select: { ...userSelect, passwordHash: true } });
  const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_PASSWORD_HASH);
  if (!user || !ok) return null;
  const { passwordHash: _hash, ...summary } = user;
  return summary;
}

/** Sets a new password once the current one is verified; false when the current one is wrong. */
export async function changePassword({ userId, current, next }: { userId: string; current: string; next: string }): Promise<boolean> {
  const user = await db().user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  if (!user || !(await verifyPassword(current, user.passwordHash))) return false;
  await db().user.update({ where: { id: userId }, data: { passwordHash: await hashPassword(next) } });
  return true;
}

export async function getUserById(id: string): Promise<UserSummary | null> {
  return db().user.findUnique({ where: { id }, select: userSelect });
}

export async function getUserByEmail(email: string): Promise<UserSummary | null> {
  return db().user.findUnique({ where: { email: email.toLowerCase() }, select: userSelect });
}

/** Sets the user's organisation if they have none yet (e.g. from an invitation). */
export async function setOrganisationIfMissing(userId: string, organisation: { name: string; type: OrganisationType }) {
  const user = await db().user.findUnique({ where: { id: userId }, select: { organisationId: true } });
  if (!user || user.organisationId || !organisation.name) return;
  const org = await findOrCreateOrganisation(organisation);
  await db().user.update({ where: { id: userId }, data: { organisationId: org.id } });
}

/** Prisma's unique-constraint error (P2002), on either database. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "P2002";
}

/** Whether the account is a person's or a service user's (app/domain/permissions.ts). */
export async function getAccountKind(userId: string): Promise<AccountKind> {
  const memberships = await db().membership.findMany({ where: { userId }, select: { role: true }, distinct: ["role"] });
  return accountKindOf(memberships.map((m) => m.role).filter(isRole));
}
