import { describe, expect, it } from "vitest";
import { toDay, toIso } from "./dates";

describe("days and ISO dates", () => {
  it("turns every day of 1800–2300 into the date the Date object gives, and back", () => {
    for (let day = toDay("1800-01-01"); day <= toDay("2300-12-31"); day++) {
      const iso = new Date(day * 86_400_000).toISOString().slice(0, 10);
      if (toIso(day) !== iso) expect(toIso(day)).toBe(iso);
      if (toDay(iso) !== day) expect(toDay(iso)).toBe(day);
    }
  });

  it("agrees at the ends of the range a date can take", () => {
    for (const iso of ["0000-01-01", "0000-02-29", "1600-02-29", "1900-02-28", "1900-03-01", "2000-02-29", "2100-03-01", "9999-12-31"]) expect(toIso(toDay(iso))).toBe(iso);
  });
});
