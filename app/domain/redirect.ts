// Where to send someone after signing in: only a path on this site. Browsers are
// lenient about what they treat as another host ("/\t/evil.example" loses its tab and
// becomes "//evil.example"), so the value is parsed the way a browser would parse it
// and kept only if it stays on the same origin.

export const DEFAULT_REDIRECT = "/workspaces";

// Any base works: only whether the origin changes matters, and only the path is kept.
const BASE = "http://outcome-commons.invalid";

/**
 * `value` as a same-origin path (with its query and fragment, percent-encoded so it is
 * safe in a Location header), or `fallback` for anything else: another origin, a
 * scheme, a protocol-relative URL, control characters, or not a string at all.
 */
export function safeRedirectPath(value: unknown, fallback: string = DEFAULT_REDIRECT): string {
  if (typeof value !== "string" || value.length === 0 || value.length > 2000) return fallback;
  // A redirect target with control characters is never legitimate (and CR/LF/NUL would
  // otherwise reach the header).
  if (/[\u0000-\u001f\u007f]/.test(value)) return fallback;
  if (!value.startsWith("/")) return fallback;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  const path = url.pathname + url.search + url.hash;
  // "/%2F%2Fevil" is harmless, but a path that still begins with two slashes or a
  // backslash after parsing would be read as another host by a lenient client.
  return /^\/[/\\]/.test(path) ? fallback : path;
}
