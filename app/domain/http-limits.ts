// How much a request may send, by the kind of route it goes to. Forms carry a few
// fields; API writes carry a document; payment data (a cohort's timelines, up to the
// 100,000 participants the schema allows) carries the most. The server refuses a
// larger body with 413 before reading it (when Content-Length says so) or as soon as
// the count passes the limit (chunked uploads).

export type BodyKind = "form" | "api" | "data" | "upload";

const KIB = 1024;
const MIB = 1024 * KIB;

export const BODY_LIMITS: Record<BodyKind, number> = {
  form: 256 * KIB,
  api: 1 * MIB,
  data: 32 * MIB,
  /** The bid page: its forms carry attachments. */
  upload: 10 * MIB,
};

/** The kind of body a path accepts. */
export function bodyKind(pathname: string): BodyKind {
  if (pathname.startsWith("/api/v1/payment-models/")) return "data";
  if (/^\/workspaces\/[^/]+\/procurement\/bids\/[^/]+(\.data)?$/.test(pathname)) return "upload";
  if (pathname.startsWith("/api/")) return "api";
  return "form";
}

/** "256 KB", "1 MB": the limit as a person reads it (binary units, as counted). */
export function formatBytes(bytes: number): string {
  if (bytes >= MIB && bytes % MIB === 0) return `${bytes / MIB} MB`;
  if (bytes >= KIB && bytes % KIB === 0) return `${bytes / KIB} KB`;
  return `${bytes} bytes`;
}

/** What a 413 says, naming the limit. */
export function tooLargeMessage(kind: BodyKind): string {
  const limit = formatBytes(BODY_LIMITS[kind]);
  return kind === "form"
    ? `This form sent more than ${limit}, the most a form may send. Shorten what you typed and try again.`
    : `The request body is larger than ${limit}, the most this endpoint accepts.`;
}
