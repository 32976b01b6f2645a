import { randomToken, sha256 } from "~/utils/crypto.server";
import { db } from "~/utils/db.server";
import { audit, GLOBAL_CHAIN } from "./audit.server";
import { auditValue } from "~/domain/audit/chain";
import { userSelect, type UserSummary } from "./user.server";

export const API_TOKEN_PREFIX = "oc_pat_";

/** Creates a personal API token; the plain token is returned once and never stored. */
// Tokens belong to an account, not a workspace: they go to the global chain.
export async function createApiToken({ userId, name, byName }: { userId: string; name: string; byName: string }) {
  const token = API_TOKEN_PREFIX + randomToken();
  const row = await db().apiToken.create({
    data: { userId, name, prefix: token.slice(0, API_TOKEN_PREFIX.length + 6), tokenHash: sha256(token) },
    select: { id: true, name: true, prefix: true, createdAt: true },
  });
  await audit({ chain: GLOBAL_CHAIN, actor: { id: userId, name: byName }, action: "api-token.created", subject: `api-token:${row.id}`, after: auditValue({ userId, name, prefix: row.prefix }), at: row.createdAt });
  return { ...row, token };
}

/** A user's tokens (active and revoked), newest first. */
export async function listApiTokens(userId: string) {
  return db().apiToken.findMany({
    where: { userId },
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true },
  });
}

/** Revokes one of the user's own tokens; false when there was none to revoke. */
export async function revokeApiToken({ userId, tokenId, byName }: { userId: string; tokenId: string; byName: string }): Promise<boolean> {
  const { count } = await db().apiToken.updateMany({ where: { id: tokenId, userId, revokedAt: null }, data: { revokedAt: new Date() } });
  if (count === 1) await audit({ chain: GLOBAL_CHAIN, actor: { id: userId, name: byName }, action: "api-token.revoked", subject: `api-token:${tokenId}`, before: auditValue({ revoked: false }), after: auditValue({ revoked: true }) });
  return count === 1;
}

/** The user a live token belongs to, or null; records when it was last used. */
export async function findUserByApiToken(token: string): Promise<UserSummary | null> {
  return (await findApiToken(token))?.user ?? null;
}

/** A live token: its id and its user, or null; records when it was last used. */
export async function findApiToken(token: string): Promise<{ id: string; user: UserSummary } | null> {
  if (!token.startsWith(API_TOKEN_PREFIX)) return null;
  const row = await db().apiToken.findUnique({
    where: { tokenHash: sha256(token) },
    select: { id: true, revokedAt: true, lastUsedAt: true, user: { select: userSelect } },
  });
  if (!row || row.revokedAt) return null;
  // Write at most once a minute per token, so reads stay reads.
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    await db().apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  }
  return { id: row.id, user: row.user };
}
