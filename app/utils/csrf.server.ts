// CSRF protection by signed double-submit: a random token in an httpOnly, signed
// cookie, repeated in every mutating form (hidden field `csrf`) or, for API calls
// authenticated by cookie, in the X-CSRF-Token header.
import { BodyRefused, readFormBody } from "./body.server";
import { appCookies } from "./cookies.server";
import { randomToken } from "./crypto.server";
import { isHttps } from "./http.server";

export const CSRF_FIELD = "csrf";
export const CSRF_HEADER = "X-CSRF-Token";

/** The request's CSRF token, and a Set-Cookie header when a new one was made. */
export async function getCsrfToken(request: Request): Promise<{ token: string; setCookie?: string }> {
  const existing = await appCookies().csrf.parse(request.headers.get("Cookie"));
  if (typeof existing === "string" && existing.length >= 32) return { token: existing };
  const token = randomToken();
  return { token, setCookie: await appCookies().csrf.serialize(token, { secure: isHttps(request) }) };
}

/** Throws 403 unless the submitted token matches the cookie. */
export async function validateCsrf(request: Request, submitted: FormDataEntryValue | string | null): Promise<void> {
  const expected = await appCookies().csrf.parse(request.headers.get("Cookie"));
  if (typeof expected !== "string" || typeof submitted !== "string" || submitted !== expected) {
    throw new Response(
      "This form has expired or was sent from another site. Reload the page and try again.",
      { status: 403, headers: { "Content-Type": "text/plain; charset=utf-8" } },
    );
  }
}

/**
 * Reads the form (within the size limit, as a form: 413/415 otherwise) and checks its
 * CSRF token; the one way actions read their input.
 */
export async function readForm(request: Request): Promise<FormData> {
  let formData: FormData;
  try {
    formData = await readFormBody(request);
  } catch (error) {
    if (error instanceof BodyRefused) throw new Response(error.message, { status: error.status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
    throw error;
  }
  await validateCsrf(request, formData.get(CSRF_FIELD));
  return formData;
}
