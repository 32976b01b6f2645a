// Short-lived tokens for the sync WebSocket (`?token=`), so a browser tab can
// reconnect without sending its cookie to a different origin. An HMAC over user,
// workspace, expiry and the credential the token was made with (a session or an API
// token), so revoking that credential also ends what the token opened.
import { createHmac, timingSafeEqual } from "node:crypto";
import type { Credential } from "./auth.server";
import { env } from "./env.server";

export const SYNC_TOKEN_SECONDS = 10 * 60;
const PREFIX = "oc_sync_";

function sign(payload: string): string {
  return createHmac("sha256", env().SESSION_SECRET).update(payload).digest("base64url");
}

/** A token for `userId` in `workspaceId`, valid for SYNC_TOKEN_SECONDS while `credential` is. */
export function createSyncToken({ userId, workspaceId, credential, now = Date.now() }: { userId: string; workspaceId: string; credential: Credential; now?: number }) {
  const expiresAt = Math.floor(now / 1000) + SYNC_TOKEN_SECONDS;
  const payload = Buffer.from(JSON.stringify({ u: userId, w: workspaceId, e: expiresAt, c: credential })).toString("base64url");
  return { token: `${PREFIX}${payload}.${sign(payload)}`, expiresAt: new Date(expiresAt * 1000) };
}

/**
 * The user, workspace and credential a valid, unexpired token names; null otherwise.
 * Whether the credential is still live is for the caller to check.
 */
export function verifySyncToken(token: string, now = Date.now()): { userId: string; workspaceId: string; credential: Credential } | null {
  if (!token.startsWith(PREFIX)) return null;
  const [payload, mac] = token.slice(PREFIX.length).split(".");
  if (!payload || !mac) return null;
  const expected = Buffer.from(sign(payload));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const { u, w, e, c } = JSON.parse(Buffer.from(payload, "base64url").toString()) as { u: unknown; w: unknown; e: unknown; c: unknown };
    if (typeof u !== "string" || typeof w !== "string" || typeof e !== "number" || e * 1000 < now) return null;
    if (typeof c !== "string" || !/^(session|api-token):/.test(c)) return null;
    return { userId: u, workspaceId: w, credential: c as Credential };
  } catch {
    return null;
  }
}
