import { describe, expect, it } from "vitest";
import { cookieOriginAllowed, ownOrigin } from "./origin";

const base = { host: "oc.example:3000", forwardedProto: undefined, trustProxy: false };

describe("cookie-authenticated sync upgrades and Origin", () => {
  it("accepts the app's own origin, and one listed in ALLOWED_ORIGINS", () => {
    expect(cookieOriginAllowed({ ...base, origin: "http://oc.example:3000" }, [])).toBe(true);
    expect(cookieOriginAllowed({ ...base, origin: "https://board.partner.example" }, ["https://board.partner.example"])).toBe(true);
  });

  it("refuses another site, another port or scheme of ours, and the opaque 'null' origin", () => {
    for (const origin of ["https://evil.example", "http://oc.example:3001", "https://oc.example:3000", "null", "http://oc.example.evil.example:3000", "garbage"]) {
      expect(cookieOriginAllowed({ ...base, origin }, []), origin).toBe(false);
    }
  });

  it("takes the scheme from X-Forwarded-Proto only behind a trusted proxy", () => {
    expect(ownOrigin({ host: "oc.example", forwardedProto: "https", trustProxy: true })).toBe("https://oc.example");
    expect(ownOrigin({ host: "oc.example", forwardedProto: "https", trustProxy: false })).toBe("http://oc.example");
    expect(cookieOriginAllowed({ origin: "https://oc.example", host: "oc.example", forwardedProto: "https, http", trustProxy: true }, [])).toBe(true);
  });

  it("lets a client without an Origin through (not a browser: no page can borrow its cookie)", () => {
    expect(cookieOriginAllowed({ ...base, origin: undefined }, [])).toBe(true);
  });
});
