import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allocate, formatPounds, formatWholePounds, parsePounds, percentOf, percentOfAtMost, poundsText } from "./money";

describe("money", () => {
  it("rounds a percentage half up to the penny", () => {
    expect(percentOf(22_500, 1850)).toBe(4163); // 4162.5
    expect(percentOf(22_499, 1850)).toBe(4162); // 4162.315
    expect(percentOf(0, 1850)).toBe(0);
  });
  it("rounds a ceiling share down, so it never exceeds its percentage", () => {
    expect(percentOfAtMost(22_500, 1850)).toBe(4162); // 4162.5: the PFP co-funder's "up to 18.5%"
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_000 }), fc.integer({ min: 0, max: 10_000 }), (amount, bps) => {
        const share = percentOfAtMost(amount, bps);
        expect(share * 10_000).toBeLessThanOrEqual(amount * bps);
        expect((share + 1) * 10_000).toBeGreaterThan(amount * bps);
      }),
    );
  });
  it("allocates shares that always add up to the whole, by largest remainder", () => {
    expect(allocate(100, [1, 1, 1])).toEqual([34, 33, 33]);
    fc.assert(fc.property(fc.integer({ min: 0, max: 10 ** 9 }), fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 8 }).filter((w) => w.some((x) => x > 0)), (amount, weights) => {
      const parts = allocate(amount, weights);
      expect(parts.reduce((a, b) => a + b, 0)).toBe(amount);
      parts.forEach((p, i) => expect(Math.abs(p - (amount * weights[i]!) / weights.reduce((a, b) => a + b, 0))).toBeLessThan(1));
    }));
  });
  it("reads amounts of money exactly and refuses what is not one", () => {
    expect(parsePounds("225")).toBe(22_500);
    expect(parsePounds("240.5")).toBe(24_050);
    expect(parsePounds("£1,500,000.00")).toBe(150_000_000);
    for (const bad of ["", "12.345", "-5", "1,23", "abc", "1e3"]) expect(parsePounds(bad)).toBeNull();
    fc.assert(fc.property(fc.integer({ min: 0, max: 10 ** 12 }), (p) => {
      expect(parsePounds(poundsText(p))).toBe(p);
    }));
    expect(formatPounds(673_920_000)).toBe("£6,739,200.00");
  });
});

describe("formatPounds groups thousands without the locale", () => {
  it("matches en-GB formatting for amounts from pennies to billions", () => {
    const amounts = [0, 5, 99, 100, 99_999, 100_000, 123_456_789, 100_000_000_000, -150_050];
    for (let i = 0; i < 2000; i++) amounts.push(Math.floor(Math.random() * 10 ** (1 + (i % 12))));
    for (const a of amounts) {
      const abs = Math.abs(a);
      const expected = `${a < 0 ? "-" : ""}£${Math.floor(abs / 100).toLocaleString("en-GB")}.${String(abs % 100).padStart(2, "0")}`;
      if (formatPounds(a) !== expected) expect(formatPounds(a)).toBe(expected);
    }
  });
});

describe("formatWholePounds", () => {
  it("rounds to the pound, half up, and drops the pence", () => {
    expect(formatWholePounds(532_447_749)).toBe("£5,324,477");
    expect(formatWholePounds(532_447_750)).toBe("£5,324,478");
    expect(formatWholePounds(-13_670_049)).toBe("-£136,700");
  });
});
