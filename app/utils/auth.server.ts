// Accounts and sessions. The session cookie carries a random secret; the database
// keeps only its SHA-256, so a leaked database cannot sign anyone in.
import { redirect } from "@remix-run/node";
import { getUserById, type UserSummary } from "~/models/user.server";
import { appCookies } from "./cookies.server";
import { randomToken, sha256 } from "./crypto.server";
import { db } from "./db.server";
import { failureLimit } from "./failure-limit.server";
import { isHttps } from "./http.server";

const SESSION_DAYS = 30;

// Failed sign-ins: 5 per account and 50 per client address in 15 minutes, counted
// across every process when REDIS_URL is set (failure-limit.server.ts).
export const accountLimiter = failureLimit("account", { max: 5, windowMs: 15 * 60_000 });
export const addressLimiter = failureLimit("address", { max: 50, windowMs: 15 * 60_000 });

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

/** The signed-in user's id, or null. */
export async function getUserId(request: Request): Promise<string | null> {
  const secret = await sessionSecret(request);
  if (!secret) return null;
  const session = await db().session.findUnique({ where: { id: sha256(secret) }, select: { userId: true, expiresAt: true } });
  if (!session || session.expiresAt.getTime() < Date.now()) return null;
  return session.userId;
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
