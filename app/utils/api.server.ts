// API plumbing: who is calling (Bearer token, or session cookie + CSRF header for
// writes), membership checks, and zod parsing, each failing as problem+json.
import type { z } from "zod";
import type { Permission } from "~/domain/permissions";
import { fieldErrors } from "~/domain/validation";
import { findApiToken } from "~/models/api-token.server";
import { getUserById, type UserSummary } from "~/models/user.server";
import { getSession, type Credential } from "./auth.server";
import type { Section } from "~/domain/documents";
import { getVersionModel, type VersionSummary } from "~/models/version.server";
import { BodyRefused, mediaType, pathOfNul, readBodyBytes } from "./body.server";
import { CSRF_HEADER, validateCsrf } from "./csrf.server";
import { problem } from "./http.server";
import { authoriseMember, type MemberContext } from "./permissions.server";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** The calling user, or a thrown 401 problem. */
export async function requireApiUser(request: Request): Promise<UserSummary> {
  return (await requireApiCaller(request)).user;
}

/** The calling user and the credential they called with, or a thrown 401 problem. */
export async function requireApiCaller(request: Request): Promise<{ user: UserSummary; credential: Credential }> {
  const header = request.headers.get("Authorization");
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const token = match ? await findApiToken(match[1]!) : null;
    if (!token) {
      throw problem({
        status: 401,
        detail: "The API token is missing, malformed, revoked or unknown. Create one under API tokens.",
        headers: { "WWW-Authenticate": 'Bearer realm="outcome-commons", error="invalid_token"' },
      });
    }
    return { user: token.user, credential: `api-token:${token.id}` };
  }
  const session = await getSession(request);
  const user = session ? await getUserById(session.userId) : null;
  if (!session || !user) {
    throw problem({
      status: 401,
      detail: "Sign in, or send a personal API token as 'Authorization: Bearer <token>'.",
      headers: { "WWW-Authenticate": 'Bearer realm="outcome-commons"' },
    });
  }
  if (!SAFE_METHODS.has(request.method)) {
    try {
      await validateCsrf(request, request.headers.get(CSRF_HEADER));
    } catch {
      throw problem({ status: 403, detail: `Requests authenticated by cookie must send the ${CSRF_HEADER} header.` });
    }
  }
  return { user, credential: session.credential };
}

/** The caller's membership with `permission`, or a thrown 404/403 problem. */
export async function requireApiMember(user: UserSummary, workspaceId: string | undefined, permission: Permission): Promise<MemberContext> {
  const result = await authoriseMember(user.id, workspaceId ?? "", permission);
  if (result.ok) return result.member;
  throw result.status === 404
    ? problem({ status: 404, detail: "No workspace with this id exists, or you are not a member of it." })
    : problem({ status: 403, detail: `Your role in this workspace does not allow '${permission}'.` });
}

/** Parses a JSON body with `schema`, or throws a 400/413/415 problem (400 with field errors). */
export async function parseJsonBody<S extends z.ZodType>(request: Request, schema: S): Promise<z.infer<S>> {
  const type = mediaType(request);
  if (type !== "application/json" && !/^application\/[a-z0-9.+-]*\+json$/.test(type)) {
    throw problem({ status: 415, detail: "Send the body as JSON with 'Content-Type: application/json'." });
  }
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    bytes = await readBodyBytes(request);
  } catch (error) {
    if (error instanceof BodyRefused) throw problem({ status: error.status, detail: error.message });
    throw error;
  }
  let text: string;
  let body: unknown;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    body = JSON.parse(text);
  } catch {
    throw problem({ status: 400, detail: "The body is not valid JSON (UTF-8)." });
  }
  // A NUL can only arrive escaped; look for where only when the text has one.
  const nul = /\\u0000/i.test(text) ? pathOfNul(body) : null;
  if (nul !== null) {
    const message = "Contains a NUL character (\\u0000), which cannot be stored.";
    throw problem({ status: 400, detail: nul ? `Some fields are not valid; see 'errors'.` : message, errors: nul ? { [nul]: [message] } : undefined });
  }
  return parseOrThrow(body, schema);
}

/** Parses the query string with `schema`, or throws a 400 problem with field errors. */
export function parseQuery<S extends z.ZodType>(request: Request, schema: S): z.infer<S> {
  return parseOrThrow(Object.fromEntries(new URL(request.url).searchParams), schema);
}

function parseOrThrow<S extends z.ZodType>(input: unknown, schema: S): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const { fieldErrors: errors, formErrors } = fieldErrors(parsed.error);
    throw problem({ status: 400, detail: formErrors[0] ?? "Some fields are not valid; see 'errors'.", errors });
  }
  return parsed.data;
}

/** 405 for methods a resource does not support. */
export function methodNotAllowed(allowed: string[]): Response {
  return problem({ status: 405, detail: `Use ${allowed.join(" or ")}.`, headers: { Allow: allowed.join(", ") } });
}

/**
 * `?version=<id or name>`: that published version's typed model, parsed with
 * `schema`; null when the request asks for the current state. 404 for an unknown version.
 */
export async function requestedVersion<S extends z.ZodType>(request: Request, workspaceId: string, section: Section, schema: S): Promise<{ version: VersionSummary; model: z.infer<S> } | null> {
  const name = new URL(request.url).searchParams.get("version");
  if (name === null) return null;
  const found = await getVersionModel(workspaceId, section, name);
  const parsed = found ? schema.safeParse(found.model) : null;
  if (!found || !parsed?.success) throw problem({ status: 404, detail: `This workspace has no version '${name}' of its ${section === "outcomes" ? "outcome framework" : "referral criteria"}.` });
  return { version: found.version, model: parsed.data };
}
