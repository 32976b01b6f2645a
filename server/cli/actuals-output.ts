// Writing actuals for the CLI: the lines streamed as they are decided, so a cohort of
// 100,000 (seven million lines) never sits in memory. Output goes out in 1 MB chunks
// with synchronous writes that wait for a slow reader, so nothing is buffered without
// bound and nothing is lost when a pipe is full.
import { writeSync } from "node:fs";
import { streamActuals, type ActualsSummary, type PaymentLine } from "~/domain/payment/actuals";
import type { ActualsInput } from "~/domain/payment/model";
import { CSV_BOM, csvRow } from "~/domain/csv";

export const ACTUALS_FORMATS = ["json", "ndjson", "csv", "summary"] as const;
export type ActualsFormat = (typeof ACTUALS_FORMATS)[number];

/** One CSV row per payer's share of a line; amounts in pence, exact. */
export const CSV_HEADER = ["participant", "component", "kind", "earned_on", "gross_pence", "paid_pence", "capped_by", "payer", "payer_pence", "invoice_month", "co_funder_pence", "co_funder_claim_month"];

// Ids, dates and months that need no quoting (most of them): written as they are.
const PLAIN = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;
const cell = (v: string) => (v === "" || PLAIN.test(v) ? v : csvRow([v]));

/** A line's CSV rows, one per share (the same cells `csvRow` would write, faster). */
export function csvRows(line: PaymentLine): string {
  const head = `${cell(line.participantId ?? "")},${cell(line.componentId)},${line.kind},${line.earnedOn},${line.grossPence},${line.paidPence},${line.cappedBy.length ? csvRow([line.cappedBy.join("; ")]) : ""}`;
  let out = "";
  for (const s of line.shares) out += `${head},${cell(s.payerId)},${s.payerPence},${s.invoiceMonth},${s.coFunderPence},${s.coFunderClaimMonth}\r\n`;
  // A line cut to nothing by a cap has no shares; it still appears, so no earned line goes unmentioned.
  if (line.shares.length === 0) out += `${csvRow([line.participantId ?? "", line.componentId, line.kind, line.earnedOn, String(line.grossPence), String(line.paidPence), line.cappedBy.join("; "), "", "0", "", "0", ""])}\r\n`;
  return out;
}

const q = JSON.stringify;

/** `JSON.stringify(line)`, written out field by field (several times faster, the same text). */
export function lineJson(line: PaymentLine): string {
  let shares = "";
  for (const s of line.shares) {
    shares += `${shares ? "," : ""}{"payerId":${q(s.payerId)},"payerPence":${s.payerPence},"coFunderPence":${s.coFunderPence},"invoiceMonth":${q(s.invoiceMonth)},"coFunderClaimMonth":${q(s.coFunderClaimMonth)}}`;
  }
  const capped = line.cappedBy.length ? q(line.cappedBy) : "[]";
  return `{"participantId":${q(line.participantId)},"componentId":${q(line.componentId)},"kind":${q(line.kind)},"earnedOn":${q(line.earnedOn)},"invoiceMonth":${q(line.invoiceMonth)},"grossPence":${line.grossPence},"paidPence":${line.paidPence},"cappedBy":${capped},"shares":[${shares}]}`;
}

const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * Writes all of `text`: a pipe may take only part of a write, or none while the reader
 * catches up (EAGAIN), so the rest is written after a short synchronous wait.
 */
function writeAll(fd: number, text: string) {
  const bytes = Buffer.from(text);
  let done = 0;
  while (done < bytes.length) {
    try {
      done += writeSync(fd, bytes, done);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EAGAIN") throw error;
      Atomics.wait(pause, 0, 0, 5);
    }
  }
}

class ChunkedWriter {
  private buffer = "";
  constructor(private readonly fd: number) {}
  write(text: string) {
    this.buffer += text;
    if (this.buffer.length >= 1 << 20) this.flush();
  }
  flush() {
    if (this.buffer) writeAll(this.fd, this.buffer);
    this.buffer = "";
  }
}

/** Evaluates `input` and writes it to `fd` in `format`; returns the summary (for the exit message). */
export function writeActuals(input: ActualsInput, format: ActualsFormat, fd = 1): ActualsSummary {
  const out = new ChunkedWriter(fd);
  let first = true;
  const sinks: Record<ActualsFormat, (line: PaymentLine) => void> = {
    json: (line) => {
      out.write(`${first ? "" : ",\n"}    ${lineJson(line)}`);
      first = false;
    },
    ndjson: (line) => out.write(`${lineJson(line)}\n`),
    csv: (line) => out.write(csvRows(line)),
    summary: () => {},
  };
  if (format === "json") out.write(`{\n  "asOf": ${JSON.stringify(input.asOf)},\n  "lines": [\n`);
  if (format === "csv") out.write(`${CSV_BOM}${csvRow(CSV_HEADER)}\r\n`);
  const summary = streamActuals(input, sinks[format]);
  if (format === "json") {
    const { asOf: _asOf, ...rest } = summary;
    const tail = JSON.stringify(rest, null, 2).slice(1); // without its opening brace
    out.write(`${first ? "" : "\n"}  ],${tail}\n`);
  }
  if (format === "summary") out.write(`${JSON.stringify(summary, null, 2)}\n`);
  out.flush();
  return summary;
}
