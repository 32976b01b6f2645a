import { describe, expect, it } from "vitest";
import { parseCsv, toCsv } from "./csv";

describe("parseCsv", () => {
  it("handles quotes, embedded commas and quotes, CRLF, a BOM and blank lines", () => {
    const text = '\uFEFFname,email\r\n"Okafor, Chi","a""b@x.org"\r\n\r\nDee,d@x.org\n';
    expect(parseCsv(text)).toEqual([
      ["name", "email"],
      ["Okafor, Chi", 'a"b@x.org'],
      ["Dee", "d@x.org"],
    ]);
  });

  it("keeps newlines inside quoted fields and a last line without newline", () => {
    expect(parseCsv('a,"line1\nline2"\nb,c')).toEqual([
      ["a", "line1\nline2"],
      ["b", "c"],
    ]);
  });

  it("writes what it reads back, and defuses spreadsheet formulas", () => {
    const rows = [
      ["title", "definition"],
      ["Stays out of care", 'Seven days "not in care", counted\nweekly'],
      ["=HYPERLINK(\"http://x\")", "-1"],
    ];
    const csv = toCsv(rows);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(parseCsv(csv)).toEqual([rows[0], rows[1], ["'=HYPERLINK(\"http://x\")", "'-1"]]);
  });
});
