import type { NextFunction, Request, Response } from "express";

/** Headers every response carries. */
export function securityHeaders(_req: Request, res: Response, next: NextFunction) {
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("X-Frame-Options", "DENY");
  res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
  next();
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
