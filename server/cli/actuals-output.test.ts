import { describe, expect, it } from "vitest";
import { PFP_PAYMENT_MODEL } from "~/domain/examples/pfp-payment";
import { evaluateActuals } from "~/domain/payment/actuals";
import { syntheticCohort } from "~/domain/payment/cohort";
import { csvRow, parseCsv } from "~/domain/csv";
import { csvRows, lineJson } from "./actuals-output";

const model = { ...PFP_PAYMENT_MODEL, caps: { ...PFP_PAYMENT_MODEL.caps, totalFromSuccessRate: { componentId: "out-of-care", successRateBps: 7500, cases: 20 } } };
const { lines } = evaluateActuals({ model, participants: syntheticCohort(model, { participants: 60, start: "2018-02-01", seed: 5 }), asOf: "2022-12-31" });

describe("streamed actuals output", () => {
  it("writes each line as JSON.stringify would, capped lines included", () => {
    expect(lines.some((l) => l.cappedBy.length > 0)).toBe(true);
    for (const line of lines) expect(lineJson(line)).toBe(JSON.stringify(line));
  });

  it("writes CSV rows a CSV reader reads back as the line's cells, one per share", () => {
    for (const line of lines.slice(0, 400)) {
      const rows = parseCsv(csvRows(line));
      expect(rows).toHaveLength(Math.max(1, line.shares.length));
      line.shares.forEach((s, i) => {
        expect(rows[i]).toEqual([line.participantId ?? "", line.componentId, line.kind, line.earnedOn, String(line.grossPence), String(line.paidPence), line.cappedBy.join("; "), s.payerId, String(s.payerPence), s.invoiceMonth, String(s.coFunderPence), s.coFunderClaimMonth]);
      });
    }
    // A cell that could run as a formula is neutralised as toCsv does.
    expect(csvRow(["-1"])).toBe("'-1");
  });
});
