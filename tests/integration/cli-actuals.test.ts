// payments:evaluate through the real CLI: the same payments in every format, the lines
// streamed (never held), and nothing lost when the reader of its output is slow.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PFP_PAYMENT_MODEL } from "~/domain/examples/pfp-payment";
import { evaluateActuals } from "~/domain/payment/actuals";
import { syntheticCohort } from "~/domain/payment/cohort";
import { parseCsv } from "~/domain/csv";
import { admin } from "../support/client";

const ROOT = new URL("../..", import.meta.url).pathname;
let dir: string;
let files: { model: string; cohort: string };
const cohort = syntheticCohort(PFP_PAYMENT_MODEL, { participants: 2_000, start: "2018-02-01", seed: 8 });
const expected = evaluateActuals({ model: PFP_PAYMENT_MODEL, participants: cohort, asOf: "2024-12-31" });

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "oc-cli-"));
  files = { model: join(dir, "model.json"), cohort: join(dir, "cohort.json") };
  writeFileSync(files.model, JSON.stringify(PFP_PAYMENT_MODEL));
  writeFileSync(files.cohort, JSON.stringify(cohort));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const evaluate = (format: string) => admin({}, ["payments:evaluate", "--model", files.model, "--participants", files.cohort, "--as-of", "2024-12-31", "--format", format]);

describe("payments:evaluate formats", () => {
  it("json: the whole result, as the engine gives it", async () => {
    const r = await evaluate("json");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(JSON.stringify(expected)));
  }, 60_000);

  it("ndjson: one line each, in paying order; summary: everything but the lines", async () => {
    const nd = await evaluate("ndjson");
    const lines = nd.stdout.trimEnd().split("\n").map((l) => JSON.parse(l));
    expect(lines).toEqual(JSON.parse(JSON.stringify(expected.lines)));
    const summary = JSON.parse((await evaluate("summary")).stdout);
    const { lines: _lines, ...rest } = expected;
    expect(summary).toEqual(JSON.parse(JSON.stringify(rest)));
  }, 60_000);

  it("csv: a row per payer's share in pence, the totals adding up", async () => {
    const rows = parseCsv((await evaluate("csv")).stdout);
    expect(rows[0]![0]).toBe("participant");
    const paid = rows.slice(1).reduce((n, r) => n + Number(r[8]) + Number(r[10]), 0);
    expect(paid).toBe(expected.totals.paidPence);
    expect(rows.length - 1).toBe(expected.lines.reduce((n, l) => n + Math.max(1, l.shares.length), 0));
  }, 60_000);

  it("loses nothing when whoever reads its output is slow (the pipe fills and the CLI waits)", async () => {
    const child = spawn(`${ROOT}node_modules/.bin/tsx`, ["server/cli/admin.ts", "payments:evaluate", "--model", files.model, "--participants", files.cohort, "--as-of", "2024-12-31", "--format", "ndjson"], { cwd: ROOT, stdio: ["ignore", "pipe", "ignore"] });
    let bytes = 0;
    let text = "";
    child.stdout.pause();
    await new Promise((r) => setTimeout(r, 1500)); // the pipe is full long before this
    child.stdout.on("data", (d: Buffer) => {
      bytes += d.length;
      text += d.toString();
    });
    child.stdout.resume();
    const code = await new Promise<number | null>((r) => child.on("close", r));
    expect(code).toBe(0);
    expect(text.trimEnd().split("\n")).toHaveLength(expected.lines.length);
    expect(bytes).toBeGreaterThan(1 << 20);
  }, 60_000);
});
