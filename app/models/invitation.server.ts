import type { OrganisationType, Role } from "~/domain/roles";
import { randomToken, sha256 } from "~/utils/crypto.server";
import { db } from "~/utils/db.server";
import { auditWorkspace, type Actor } from "./audit.server";
import { setOrganisationIfMissing } from "./user.server";
import { upsertMember } from "./membership.server";

export const INVITATION_DAYS = 14;

export class InvitationError extends Error {}

/**
 * Invites `email` with `role`. Returns the secret token for the link (shown once,
 * stored only as a hash). A pending invitation to the same email is replaced.
 */
export async function createInvitation(input: {
  workspaceId: string;
  email: string;
  name: string;
  organisationName: string;
  role: Role;
  invitedById: string | null;
  now?: Date;
}) {
  const now = input.now ?? new Date();
  const email = input.email.toLowerCase();
  const member = await db().membership.findFirst({ where: { workspaceId: input.workspaceId, user: { email } }, select: { id: true } });
  if (member) throw new InvitationError("This person is already a member of the workspace.");
  const token = randomToken();
  const invitation = await db().$transaction(async (tx) => {
    await tx.invitation.updateMany({
      where: { workspaceId: input.workspaceId, email, acceptedAt: null, revokedAt: null },
      data: { revokedAt: now },
    });
    return tx.invitation.create({
      data: {
        workspaceId: input.workspaceId,
        email,
        name: input.name,
        organisationName: input.organisationName,
        role: input.role,
        tokenHash: sha256(token),
        invitedById: input.invitedById,
        expiresAt: new Date(now.getTime() + INVITATION_DAYS * 86_400_000),
      },
      select: { id: true, email: true, role: true, expiresAt: true },
    });
  });
  // The trail says who invited whom as what, by the invitation's id: never the address.
  const inviter = input.invitedById ? await db().user.findUnique({ where: { id: input.invitedById }, select: { id: true, name: true } }) : null;
  await auditWorkspace(input.workspaceId, inviter ?? { name: "the admin command line" }, "invitation.created", `invitation:${invitation.id}`, { after: { role: input.role, expiresAt: invitation.expiresAt.toISOString() } }, now);
  return { invitation, token };
}

/** Invitations not yet accepted, revoked or expired. */
export async function listPendingInvitations(workspaceId: string) {
  return db().invitation.findMany({
    where: { workspaceId, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
    orderBy: { createdAt: "desc" },
    select: { id: true, email: true, name: true, organisationName: true, role: true, expiresAt: true, createdAt: true },
  });
}

/** Revokes a pending invitation of this workspace. */
export async function revokeInvitation({ workspaceId, invitationId, by }: { workspaceId: string; invitationId: string; by: Actor }) {
  const { count } = await db().invitation.updateMany({
    where: { id: invitationId, workspaceId, acceptedAt: null, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (count === 0) throw new InvitationError("That invitation has already been used or withdrawn.");
  await auditWorkspace(workspaceId, by, "invitation.revoked", `invitation:${invitationId}`, { after: { revoked: true } });
}

export type InvitationStatus = "valid" | "expired" | "used" | "revoked";

/** What an invitation link shows before it is accepted; null for an unknown token. */
export async function getInvitationByToken(token: string) {
  const inv = await db().invitation.findUnique({
    where: { tokenHash: sha256(token) },
    select: {
      id: true,
      email: true,
      name: true,
      organisationName: true,
      role: true,
      expiresAt: true,
      acceptedAt: true,
      revokedAt: true,
      workspace: { select: { id: true, name: true } },
      invitedBy: { select: { name: true } },
    },
  });
  if (!inv) return null;
  const status: InvitationStatus = inv.acceptedAt
    ? "used"
    : inv.revokedAt
      ? "revoked"
      : inv.expiresAt.getTime() <= Date.now()
        ? "expired"
        : "valid";
  return { ...inv, role: inv.role as Role, status };
}

const STATUS_MESSAGES: Record<Exclude<InvitationStatus, "valid">, string> = {
  used: "This invitation has already been used. Ask the person who invited you for a new one.",
  revoked: "This invitation was withdrawn. Ask the person who invited you for a new one.",
  expired: "This invitation has expired. Ask the person who invited you for a new one.",
};

/** Accepts an invitation once, for the account with the invited email. */
export async function acceptInvitation({ token, user }: { token: string; user: { id: string; email: string } }) {
  const inv = await getInvitationByToken(token);
  if (!inv) throw new InvitationError("This invitation link is not valid. Check you copied all of it.");
  if (inv.status !== "valid") throw new InvitationError(STATUS_MESSAGES[inv.status]);
  if (inv.email !== user.email.toLowerCase()) {
    throw new InvitationError("This invitation was sent to a different email address. Sign in with that address to accept it.");
  }
  // Conditional update: of two concurrent accepts, exactly one sees count 1.
  const { count } = await db().invitation.updateMany({
    where: { id: inv.id, acceptedAt: null, revokedAt: null },
    data: { acceptedAt: new Date() },
  });
  if (count !== 1) throw new InvitationError(STATUS_MESSAGES.used);
  const full = await db().invitation.findUniqueOrThrow({ where: { id: inv.id }, select: { organisationName: true, role: true } });
  const me = await db().user.findUnique({ where: { id: user.id }, select: { name: true } });
  const result = await upsertMember({ workspaceId: inv.workspace.id, userId: user.id, role: inv.role, by: { id: user.id, name: me?.name ?? "The invited person" } });
  if (full.organisationName) {
    await setOrganisationIfMissing(user.id, { name: full.organisationName, type: guessOrganisationType(inv.role) });
  }
  return { workspaceId: inv.workspace.id, outcome: result.outcome };
}

/** An organisation first named in an invitation takes its type from the invited role. */
export function guessOrganisationType(role: Role): OrganisationType {
  switch (role) {
    case "commissioner":
      return "local-authority";
    case "provider":
      return "provider";
    case "investor":
      return "investor";
    default:
      return "other";
  }
}
