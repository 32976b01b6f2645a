// Who is paid first at a cap must not depend on the machine: the same cohort gives the
// same lines under an English and a Danish locale (where "aa" sorts after "z"), and in
// any input order. The locales are real: each runs the engine in a process of its own.
import { execFileSync } from "node:child_process";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PFP_PAYMENT_MODEL } from "../examples/pfp-payment";
import { evaluateActuals } from "./actuals";
import type { ActualsInput, Participant } from "./model";

const ROOT = new URL("../../..", import.meta.url).pathname;
// Ids whose order differs between languages: Danish reads "aa" as "å", after "z".
const IDS = ["aa1", "ab1", "z1", "Z1", "a-1", "a_1", "AA1", "zz", "aaa", "b0"];

const cohortArb = fc.uniqueArray(fc.constantFrom(...IDS), { minLength: 2, maxLength: IDS.length }).chain((ids) =>
  fc.tuple(...ids.map((id) => fc.record({ payerId: fc.constantFrom("sutton", "merton"), day: fc.integer({ min: 1, max: 3 }) }).map((p): Participant => ({
    id,
    payerId: p.payerId,
    intervention: "fft",
    // Same-week meetings: their periods end on the same days, so the order decides who is cut.
    events: { "first-meeting": `2018-03-0${p.day}` },
    engagementDays: 40,
    care: [],
  })))),
);

/** A cap that bites part-way through a day's lines: a few periods, not a multiple of the tariff. */
const inputArb = fc.tuple(cohortArb, fc.integer({ min: 1, max: 40 })).map(([participants, periods]): ActualsInput => ({
  model: { ...PFP_PAYMENT_MODEL, caps: { ...PFP_PAYMENT_MODEL.caps, totalFromSuccessRate: null, totalPence: periods * 22_500 + 7_777 } },
  participants,
  asOf: "2019-01-01",
}));

/** Runs the engine on each input in a child process with `LC_ALL=locale`. */
function evaluateUnder(locale: string, inputs: ActualsInput[]): unknown[] {
  const script = `
    import { evaluateActuals } from "./app/domain/payment/actuals.ts";
    let text = "";
    process.stdin.on("data", (d) => (text += d));
    process.stdin.on("end", () => process.stdout.write(JSON.stringify(JSON.parse(text).map((i) => evaluateActuals(i).lines))));
  `;
  const out = execFileSync(`${ROOT}node_modules/.bin/tsx`, ["--eval", script], { cwd: ROOT, input: JSON.stringify(inputs), env: { ...process.env, LANG: locale, LC_ALL: locale }, maxBuffer: 256 * 1024 * 1024 });
  return JSON.parse(out.toString()) as unknown[];
}

describe("actuals order is locale-free", () => {
  it("gives identical lines under en_GB and da_DK, and for any input order", () => {
    const inputs = fc.sample(inputArb, { numRuns: 40, seed: 20181 });
    const english = evaluateUnder("en_GB.UTF-8", inputs);
    const danish = evaluateUnder("da_DK.UTF-8", inputs);
    expect(danish).toEqual(english);
    inputs.forEach((input, i) => {
      const reversed = { ...input, participants: [...input.participants].reverse() };
      expect(evaluateActuals(reversed).lines).toEqual(english[i]);
      expect(evaluateActuals(input).lines).toEqual(english[i]);
    });
    // The generated cases do reach the cap on a day with several participants' lines.
    expect(inputs.some((input) => evaluateActuals(input).lines.some((l) => l.cappedBy.length > 0 && l.paidPence > 0))).toBe(true);
  }, 60_000);

  it("orders same-day lines by participant id by code point: 'AA1' < 'Z1' < 'a-1' < 'aa1' < 'z1'", () => {
    const at = (id: string): Participant => ({ id, payerId: "sutton", intervention: "fft", events: { "first-meeting": "2018-03-05" }, engagementDays: 40, care: [] });
    const lines = evaluateActuals({ model: PFP_PAYMENT_MODEL, participants: ["z1", "aa1", "a-1", "Z1", "AA1"].map(at), asOf: "2018-05-27" }).lines;
    expect(lines.map((l) => l.participantId)).toEqual(["AA1", "Z1", "a-1", "aa1", "z1"]);
  });
});
