import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_REDIRECT, safeRedirectPath } from "./redirect";

describe("safeRedirectPath", () => {
  it("keeps a same-site path with its query and fragment", () => {
    expect(safeRedirectPath("/workspaces/abc/outcomes?thread=t1#c2")).toBe("/workspaces/abc/outcomes?thread=t1#c2");
    expect(safeRedirectPath("/invitations/tok_123")).toBe("/invitations/tok_123");
  });

  it.each([
    "/\t/evil.example",
    "/%09/evil.example".replace("%09", "\t"),
    "//evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "https://evil.example/",
    "http:evil.example",
    "javascript:alert(1)",
    "evil.example",
    "/\n/evil.example",
    "/\r\n/evil.example",
    " //evil.example",
    "",
  ])("refuses %j", (value) => {
    expect(safeRedirectPath(value)).toBe(DEFAULT_REDIRECT);
  });

  it("refuses CR, LF and NUL anywhere (they would reach the Location header)", () => {
    for (const c of ["\r", "\n", "\u0000", "\u007f"]) expect(safeRedirectPath(`/workspaces${c}x`)).toBe(DEFAULT_REDIRECT);
  });

  it("percent-encodes non-ASCII, so the header is always valid", () => {
    expect(safeRedirectPath("/workspaces/é?q=ü")).toBe("/workspaces/%C3%A9?q=%C3%BC");
  });

  it("refuses what is not a string", () => {
    expect(safeRedirectPath(undefined)).toBe(DEFAULT_REDIRECT);
    expect(safeRedirectPath(["/a"])).toBe(DEFAULT_REDIRECT);
    expect(safeRedirectPath(null, "/x")).toBe("/x");
  });

  it("whatever it is given, the result is a same-origin path a browser resolves to this site", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 60 }), fc.constantFrom("", "/", "//", "/\\", "/\t/", "\\"), (tail, head) => {
        const out = safeRedirectPath(head + tail);
        expect(out.startsWith("/")).toBe(true);
        expect(/^\/[/\\]/.test(out)).toBe(false);
        expect(new URL(out, "https://app.example").origin).toBe("https://app.example");
        // Valid as a header value: printable ASCII only.
        expect(/^[\x21-\x7e]*$/.test(out)).toBe(true);
      }),
    );
  });
});
