import { createCookie } from "@remix-run/node";
import { env } from "./env.server";

const base = { httpOnly: true, sameSite: "lax" as const, path: "/" };
let cookies: { session: ReturnType<typeof createCookie>; csrf: ReturnType<typeof createCookie> } | undefined;

/** The app's signed cookies, created on first use so env() is read at run time. */
export function appCookies() {
  cookies ??= {
    session: createCookie("oc_session", { ...base, secrets: [env().SESSION_SECRET], maxAge: 60 * 60 * 24 * 30 }),
    csrf: createCookie("oc_csrf", { ...base, secrets: [env().SESSION_SECRET] }),
  };
  return cookies;
}
