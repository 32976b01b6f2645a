import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareCodePoints } from "./order";

describe("compareCodePoints", () => {
  it("orders by code point, not by any language's rules", () => {
    expect(["z1", "aa1", "B", "a", "Å"].sort(compareCodePoints)).toEqual(["B", "a", "aa1", "z1", "Å"]);
    // UTF-16 code units would put U+FF5E before U+1F600; code points put it first too, but
    // U+E000 (a BMP private-use character) must come before U+10000, which code units get wrong.
    expect(["\u{10000}", "\uE000"].sort(compareCodePoints)).toEqual(["\uE000", "\u{10000}"]);
  });

  it("is a total order consistent with equality", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), fc.string({ unit: "binary" }), fc.string({ unit: "binary" }), (a, b, c) => {
        expect(Math.sign(compareCodePoints(a, b)) + Math.sign(compareCodePoints(b, a))).toBe(0);
        expect(compareCodePoints(a, b) === 0).toBe(a === b);
        if (compareCodePoints(a, b) <= 0 && compareCodePoints(b, c) <= 0) expect(compareCodePoints(a, c)).toBeLessThanOrEqual(0);
      }),
    );
  });
});
