import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { crc32, xlsx } from "./xlsx";

/** Reads a stored zip's entries (what the writer produces) by its central directory. */
function entries(bytes: Uint8Array): Map<string, string> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = bytes.length - 22;
  expect(view.getUint32(end, true)).toBe(0x06054b50);
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const out = new Map<string, string>();
  for (let i = 0; i < count; i++) {
    const nameLength = view.getUint16(at + 28, true);
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    const local = view.getUint32(at + 42, true);
    const size = view.getUint32(at + 20, true);
    const start = local + 30 + view.getUint16(local + 26, true);
    const data = bytes.subarray(start, start + size);
    expect(crc32(data)).toBe(view.getUint32(at + 16, true));
    out.set(name, new TextDecoder().decode(view.getUint16(local + 8, true) === 8 ? inflateRawSync(data) : data));
    at += 46 + nameLength;
  }
  return out;
}

describe("xlsx", () => {
  it("writes one worksheet per sheet, numbers as numbers and text escaped", () => {
    const book = xlsx([
      { name: "Forecast", rows: [["Scenario", "P50 (£)"], ["Median <base>", 5214450.64]] },
      { name: "Invoices: by month?", rows: [["Month"], ["2018-07"]] },
    ]);
    const files = entries(book);
    expect([...files.keys()]).toContain("xl/worksheets/sheet2.xml");
    expect(files.get("xl/workbook.xml")).toContain('<sheet name="Invoices  by month " sheetId="2"');
    expect(files.get("xl/worksheets/sheet1.xml")).toContain("<v>5214450.64</v>");
    expect(files.get("xl/worksheets/sheet1.xml")).toContain("Median &lt;base&gt;");
  });

  it("is a zip that standard tools can list", () => {
    const dir = mkdtempSync(join(tmpdir(), "xlsx-"));
    const path = join(dir, "book.xlsx");
    writeFileSync(path, xlsx([{ name: "A", rows: [[1]] }]));
    let listed: string;
    try {
      listed = execFileSync("python3", ["-c", `import zipfile,sys; z=zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; print(" ".join(z.namelist()))`, path], { encoding: "utf8" });
    } catch {
      return; // no python on this machine: the central-directory test above still ran
    }
    expect(listed).toContain("xl/worksheets/sheet1.xml");
  });

  it("computes the standard CRC-32", () => {
    expect(crc32(new TextEncoder().encode("123456789"))).toBe(0xcbf43926);
  });
});
