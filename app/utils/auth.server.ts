// Accounts and sessions. The session cookie carries a random secret; the database
// keeps only its SHA-256, so a leaked database cannot sign anyone in.
import { redirect } from "@remix-run/node";
import { accountCan, type AccountPermission } from "~/domain/permissions";
import { getAccountKind, getUserById, type UserSummary } from "~/models/user.server";
import { appCookies } from "./cookies.server";
import { randomToken, sha256 } from "./crypto.server";
import { db } from "./db.server";
import { isHttps } from "./http.server";

const SESSION_DAYS = 30;


/** Starts a session for `userId`; returns the Set-Cookie header. */
export async function createSession(request: Request, userId: string): Promise<string> {
  const secret = randomToken();
  // Expired sessions are only ever refused; drop this user's on the way in.
  await db().session.deleteMany({ where: { userId, expiresAt: { lt: new Date() } } });
  await db().session.create({
    data: { id: sha256(secret), userId, expiresAt: new Date(Date.now() + SESSION_DAYS * 86_400_000) },
  });
  return appCookies().session.serialize(secret, { secure: isHttps(request) });
}

async function sessionSecret(request: Request): Promise<string | null> {
  const value = await appCookies().session.parse(request.headers.get("Cookie"));
  return typeof value === "string" ? value : null;
}

/**
 * What a request or a sync connection was authenticated with: a browser session or a
 * personal API token, by its stored id. Revoking it (signing out, revoking the token,
 * changing the password) ends everything opened with it, open sync sockets included.
 */
export type Credential = `session:${string}` | `api-token:${string}`;

/** The signed-in session: whose it is and its credential; null when signed out or expired. */
export async function getSession(request: Request): Promise<{ userId: string; credential: Credential } | null> {
  const secret = await sessionSecret(request);
  if (!secret) return null;
  const id = sha256(secret);
  const session = await db().session.findUnique({ where: { id }, select: { userId: true, expiresAt: true } });
  if (!session || session.expiresAt.getTime() < Date.now()) return null;
  return { userId: session.userId, credential: `session:${id}` };
}

/** The signed-in user's id, or null. */
export async function getUserId(request: Request): Promise<string | null> {
  return (await getSession(request))?.userId ?? null;
}

/** Which of `credentials` are still valid: unexpired sessions and unrevoked API tokens. */
export async function liveCredentials(credentials: string[]): Promise<Set<string>> {
  const ids = (kind: string) => credentials.filter((c) => c.startsWith(`${kind}:`)).map((c) => c.slice(kind.length + 1));
  const [sessions, tokens] = await Promise.all([
    db().session.findMany({ where: { id: { in: ids("session") }, expiresAt: { gt: new Date() } }, select: { id: true } }),
    db().apiToken.findMany({ where: { id: { in: ids("api-token") }, revokedAt: null }, select: { id: true } }),
  ]);
  return new Set([...sessions.map((s) => `session:${s.id}`), ...tokens.map((t) => `api-token:${t.id}`)]);
}

/** Signs the user out everywhere (after a password change); returns a new session for this browser. */
export async function replaceAllSessions(request: Request, userId: string): Promise<string> {
  await db().session.deleteMany({ where: { userId } });
  return createSession(request, userId);
}

/** The signed-in user, or null. */
export async function getUser(request: Request): Promise<UserSummary | null> {
  const userId = await getUserId(request);
  return userId ? getUserById(userId) : null;
}

/** The signed-in user; otherwise redirects to sign-in and back. */
export async function requireUser(request: Request): Promise<UserSummary> {
  const user = await getUser(request);
  if (user) return user;
  const url = new URL(request.url);
  const redirectTo = url.pathname + url.search;
  throw redirect(`/login?${new URLSearchParams({ redirectTo })}`);
}

const ACCOUNT_REFUSALS: Record<AccountPermission, string> = {
  "create:workspace": "A service-user account cannot create workspaces. Ask a commissioner or facilitator to invite you to theirs.",
  "create:api-token": "A service-user account cannot create API tokens.",
};

/** The signed-in user if their account may do `permission`; otherwise a thrown 403 saying why. */
export async function requireAccountPermission(request: Request, permission: AccountPermission): Promise<UserSummary> {
  const user = await requireUser(request);
  if (!accountCan(await getAccountKind(user.id), permission)) throw new Response(ACCOUNT_REFUSALS[permission], { status: 403, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return user;
}

/** Why an account may not do `permission`, for the API's problem detail. */
export function accountRefusal(permission: AccountPermission): string {
  return ACCOUNT_REFUSALS[permission];
}

/** Redirects signed-in people away from the sign-in and sign-up pages. */
export async function requireAnonymous(request: Request): Promise<void> {
  if (await getUserId(request)) throw redirect("/workspaces");
}

/** Ends this browser's session; returns the Set-Cookie header that clears it. */
export async function destroySession(request: Request): Promise<string> {
  const secret = await sessionSecret(request);
  if (secret) await db().session.deleteMany({ where: { id: sha256(secret) } });
  return appCookies().session.serialize("", { maxAge: 0, secure: isHttps(request) });
}
