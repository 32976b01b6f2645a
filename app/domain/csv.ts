/** Parses RFC 4180 CSV (quoted fields, doubled quotes, CRLF or LF) into rows of cells. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  const src = text.replace(/^\uFEFF/, "");
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === "") quoted = true;
    else if (c === ",") {
      row.push(cell);
      cell = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && src[i + 1] === "\n") i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else cell += c;
  }
  if (cell !== "" || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows.filter((r) => !(r.length === 1 && r[0]!.trim() === ""));
}

/**
 * Writes rows as RFC 4180 CSV (CRLF, quotes where needed), with a BOM so spreadsheet
 * programs read UTF-8. A cell starting with = + - @ (or a tab or CR) is prefixed with
 * an apostrophe, so a spreadsheet never runs it as a formula (CSV injection).
 */
export function toCsv(rows: string[][]): string {
  return `${CSV_BOM}${rows.map(csvRow).join("\r\n")}\r\n`;
}

export const CSV_BOM = "\uFEFF";

/** One row of cells as CSV, without its line ending (for writing rows as they come). */
export function csvRow(cells: string[]): string {
  return cells.map(csvCell).join(",");
}

function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
