// Response helpers: guards that throw, and RFC 9457 problem+json for the API.
import type { FieldErrors } from "~/domain/validation";

/** Throws a plain Response with `status` unless `condition` holds (Epic's invariantResponse). */
export function invariantResponse(condition: unknown, message: string, status = 400): asserts condition {
  if (!condition) throw new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

const TITLES: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  409: "Conflict",
  413: "Content Too Large",
  415: "Unsupported Media Type",
  422: "Unprocessable Content",
  429: "Too Many Requests",
  500: "Internal Server Error",
  503: "Service Unavailable",
};

export type Problem = {
  status: number;
  detail: string;
  title?: string;
  errors?: FieldErrors;
  headers?: Record<string, string>;
};

/** An `application/problem+json` response (RFC 9457). */
export function problem({ status, detail, title, errors, headers }: Problem): Response {
  const body: Record<string, unknown> = {
    type: "about:blank",
    title: title ?? TITLES[status] ?? "Error",
    status,
    detail,
  };
  if (errors) body.errors = errors;
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/problem+json", ...headers },
  });
}

/** A JSON response for the API. */
export function apiJson(data: unknown, init: ResponseInit = {}): Response {
  return new Response(JSON.stringify(data), {
    ...init,
    headers: { "Content-Type": "application/json", ...init.headers },
  });
}

/** Whether the request reached us over https (directly or via a trusted proxy). */
export function isHttps(request: Request): boolean {
  return new URL(request.url).protocol === "https:";
}
