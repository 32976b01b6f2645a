// The one way request bodies are read: within the limit for the route's kind
// (app/domain/http-limits.ts), and only in a content type the route understands.
import { BODY_LIMITS, bodyKind, tooLargeMessage, type BodyKind } from "~/domain/http-limits";

export class BodyRefused extends Error {
  constructor(
    readonly status: 400 | 413 | 415,
    message: string,
  ) {
    super(message);
  }
}

/** The media type of the request, lower-cased, without parameters ("" when absent). */
export function mediaType(request: Request): string {
  return (request.headers.get("Content-Type") ?? "").split(";")[0]!.trim().toLowerCase();
}

/**
 * The body's bytes, counted as they arrive: over the limit, reading stops and a
 * BodyRefused(413) is thrown, whatever Content-Length claimed.
 */
export async function readBodyBytes(request: Request, kind: BodyKind = bodyKind(new URL(request.url).pathname)): Promise<Uint8Array<ArrayBuffer>> {
  const limit = BODY_LIMITS[kind];
  const declared = Number(request.headers.get("Content-Length") ?? "0");
  if (declared > limit) throw new BodyRefused(413, tooLargeMessage(kind));
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      discardRest(reader);
      throw new BodyRefused(413, tooLargeMessage(kind));
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.byteLength;
  }
  return out;
}

/** Beyond the limit, this much more is read and thrown away so the client can read the 413; then the connection is cut. */
export const DISCARD_AT_MOST = 64 * 1024 * 1024;

// Cancelling at once would reset the connection under a client still sending, and
// it would never see the 413: read on without keeping anything, up to a cap.
function discardRest(reader: ReadableStreamDefaultReader<Uint8Array>): void {
  void (async () => {
    let discarded = 0;
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        discarded += value.byteLength;
        if (discarded > DISCARD_AT_MOST) return void (await reader.cancel());
      }
    } catch {
      // the client went away
    }
  })();
}

const FORM_TYPES = new Set(["application/x-www-form-urlencoded", "multipart/form-data"]);

/** A form post's fields; JSON or anything else gets a 415 that says what to send. */
export async function readFormBody(request: Request): Promise<FormData> {
  const type = mediaType(request);
  if (!FORM_TYPES.has(type)) {
    throw new BodyRefused(415, `This address takes a web form (application/x-www-form-urlencoded or multipart/form-data), not ${type || "a body without a Content-Type"}. For JSON, use the API under /api/v1.`);
  }
  const bytes = await readBodyBytes(request);
  let form: FormData;
  if (type === "application/x-www-form-urlencoded") {
    form = new FormData();
    for (const [k, v] of new URLSearchParams(new TextDecoder().decode(bytes))) form.append(k, v);
  } else {
    try {
      form = await new Response(bytes, { headers: { "Content-Type": request.headers.get("Content-Type")! } }).formData();
    } catch {
      throw new BodyRefused(400, "The multipart form could not be read: its boundary or parts are malformed.");
    }
  }
  return form;
}

/**
 * The path of the first string (or key) holding a NUL character in a parsed JSON
 * value ("" for the root), or null when there is none.
 */
export function pathOfNul(value: unknown, path: string[] = []): string | null {
  if (typeof value === "string") return value.includes("\u0000") ? path.join(".") : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = pathOfNul(value[i], [...path, String(i)]);
      if (found !== null) return found;
    }
    return null;
  }
  if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      if (k.includes("\u0000")) return [...path, k].join(".");
      const found = pathOfNul(v, [...path, k]);
      if (found !== null) return found;
    }
  }
  return null;
}
