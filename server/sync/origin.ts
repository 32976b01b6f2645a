// Cross-site WebSocket hijacking: a page on another site can open a WebSocket to us
// and the browser sends our session cookie with it. An upgrade authenticated by
// cookie is accepted only from the app's own origin or one listed in ALLOWED_ORIGINS.
// Token-authenticated clients (scripts, the CLI) carry their credential explicitly,
// so a foreign page cannot borrow it, and they need no Origin.

export type OriginRequest = {
  /** The Origin header, if any. */
  origin: string | undefined;
  /** The Host header the request was sent to. */
  host: string | undefined;
  /** X-Forwarded-Proto, honoured only behind a trusted proxy. */
  forwardedProto: string | undefined;
  trustProxy: boolean;
};

/** The origin the request was addressed to, e.g. "https://oc.example" (null without a Host). */
export function ownOrigin({ host, forwardedProto, trustProxy }: Omit<OriginRequest, "origin">): string | null {
  if (!host) return null;
  const proto = trustProxy && forwardedProto ? forwardedProto.split(",")[0]!.trim().toLowerCase() : "http";
  try {
    return new URL(`${proto === "https" ? "https" : "http"}://${host}`).origin;
  } catch {
    return null;
  }
}

/**
 * Whether a cookie-authenticated upgrade may proceed: its Origin is ours or allowed.
 * No Origin at all means the client is not a browser (every browser sends one on a
 * WebSocket handshake), so no page can be abusing the cookie.
 */
export function cookieOriginAllowed(request: OriginRequest, allowed: readonly string[]): boolean {
  if (request.origin === undefined) return true;
  let origin: string;
  try {
    origin = new URL(request.origin).origin;
  } catch {
    return false; // "null" (sandboxed frames, file:) and anything unparsable
  }
  return origin === ownOrigin(request) || allowed.includes(origin);
}
