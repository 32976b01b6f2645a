// Express middleware at the edge: security headers (helmet, with a per-request
// Content-Security-Policy nonce), request body limits before anything reads a body,
// no caching of anything dynamic, and the request log.
import { randomBytes } from "node:crypto";
import type { NextFunction, Request, RequestHandler, Response } from "express";
import helmet from "helmet";
import { BODY_LIMITS, bodyKind, tooLargeMessage } from "~/domain/http-limits";
import { DISCARD_AT_MOST } from "~/utils/body.server";

export type HeaderOptions = {
  /** Behind a TLS-terminating proxy (TRUST_PROXY=true): HSTS on HTTPS requests. */
  trustProxy: boolean;
  /** Vite's dev server injects styles and its HMR client: a looser policy, in development only. */
  development: boolean;
};

const nonceOf = (res: Response) => `'nonce-${res.locals.cspNonce as string}'`;

/**
 * Headers every response carries. The policy lets only our own script files and the
 * inline scripts Remix writes with this response's nonce run; no page may frame us.
 * `style-src-attr 'unsafe-inline'` is for React's style attributes (presence colours,
 * chart bars): they cannot run code.
 */
export function securityHeaders({ trustProxy, development }: HeaderOptions): RequestHandler[] {
  const csp = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        "default-src": ["'self'"],
        "script-src": development ? ["'self'", "'unsafe-inline'"] : ["'self'", (_req, res) => nonceOf(res as Response)],
        "style-src": development ? ["'self'", "'unsafe-inline'"] : ["'self'"],
        "style-src-attr": ["'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'"],
        "connect-src": development ? ["'self'", "ws:"] : ["'self'"],
        "worker-src": ["'self'", "blob:"],
        "manifest-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
      },
    },
    // HSTS only where the request really came over HTTPS (below).
    strictTransportSecurity: false,
    xFrameOptions: { action: "deny" },
    referrerPolicy: { policy: "strict-origin-when-cross-origin" },
    crossOriginEmbedderPolicy: false,
  });
  const hsts = helmet.strictTransportSecurity({ maxAge: 365 * 86_400, includeSubDomains: true });
  return [
    (_req, res, next) => {
      res.locals.cspNonce = randomBytes(16).toString("base64");
      next();
    },
    csp,
    (req, res, next) => (trustProxy && req.secure ? hsts(req, res, next) : next()),
  ];
}

/**
 * Dynamic responses (pages, data, the API) are never stored by a browser or proxy:
 * they hold what only a signed-in member may see. Mounted after the static files.
 */
export function noStore(_req: Request, res: Response, next: NextFunction) {
  res.setHeader("Cache-Control", "no-store");
  next();
}

/**
 * 413 before reading a body that Content-Length says is over the route's limit
 * (app/domain/http-limits.ts). Chunked bodies are counted as they are read
 * (app/utils/body.server.ts). The rest of the upload is discarded, not buffered.
 */
export function bodyLimit(req: Request, res: Response, next: NextFunction) {
  const kind = bodyKind(req.path);
  const declared = Number(req.get("content-length") ?? "0");
  if (!(declared > BODY_LIMITS[kind])) return next();
  const detail = tooLargeMessage(kind);
  res.status(413);
  if (kind === "form") res.type("text/plain; charset=utf-8").send(detail);
  else res.type("application/problem+json").send(JSON.stringify({ type: "about:blank", title: "Content Too Large", status: 413, detail }));
  // Discard the rest (never buffered) so the client can read the 413; cut it off past a cap.
  let discarded = 0;
  req.on("data", (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > DISCARD_AT_MOST) req.destroy();
  });
}

/**
 * An address holding a NUL (raw or as %00) names nothing here, and PostgreSQL cannot
 * even look it up: 400 before any route sees it, rather than a database error.
 */
export function refuseNulInAddress(req: Request, res: Response, next: NextFunction) {
  const url = req.originalUrl;
  if (!url.includes("\u0000") && !/%00/i.test(url)) return next();
  const detail = "The address contains a NUL character (%00), which no page or API uses.";
  res.status(400);
  if (url.startsWith("/api/")) res.type("application/problem+json").send(JSON.stringify({ type: "about:blank", title: "Bad Request", status: 400, detail }));
  else res.type("text/plain; charset=utf-8").send(detail);
}

const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * A write from another site's page is refused with 403 here, with a message, before
 * Remix (whose own check of Origin against Host throws, which would be a 500). The CSRF
 * token is the main defence; this answers the cross-site case plainly.
 */
export function sameOriginWrites(req: Request, res: Response, next: NextFunction) {
  const origin = req.get("origin");
  if (!UNSAFE.has(req.method) || origin === undefined) return next();
  let host: string | null = null;
  try {
    host = origin === "null" ? null : new URL(origin).host;
  } catch {
    host = null;
  }
  const expected = req.get("x-forwarded-host")?.split(",")[0]?.trim() || req.get("host");
  if (host !== null && host === expected) return next();
  const detail = "This request came from another site (its Origin is not this one), so it was refused. Use the form on this site.";
  res.status(403);
  if (bodyKind(req.path) === "form") res.type("text/plain; charset=utf-8").send(detail);
  else res.type("application/problem+json").send(JSON.stringify({ type: "about:blank", title: "Forbidden", status: 403, detail }));
}

/**
 * One line per request: method, path, status, time. The query string is left out
 * on purpose: it can carry tokens, and logs must hold no personal data.
 */
export function requestLog(req: Request, res: Response, next: NextFunction) {
  const start = process.hrtime.bigint();
  res.on("finish", () => {
    if (req.path.startsWith("/assets/")) return;
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    console.log(`${req.method} ${redactPath(req.path)} ${res.statusCode} ${ms.toFixed(1)}ms`);
  });
  next();
}

/** Invitation links carry a secret in the path; never log it. */
export function redactPath(path: string): string {
  return path.replace(/^\/invitations\/[^/]+/, "/invitations/[redacted]");
}
