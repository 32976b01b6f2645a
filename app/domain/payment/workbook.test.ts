import { describe, expect, it } from "vitest";
import { PFP_PAYMENT_MODEL, PFP_SCENARIOS } from "../examples/pfp-payment";
import { evaluateActuals } from "./actuals";
import { syntheticCohort } from "./cohort";
import { forecast } from "./forecast";
import { inputRows, paymentWorkbook, toWriteExcelSheets } from "./workbook";

const payerNames = Object.fromEntries(PFP_PAYMENT_MODEL.payers.map((p) => [p.id, p.name]));
const f = forecast({ model: PFP_PAYMENT_MODEL, scenarios: PFP_SCENARIOS, runs: 50, seed: 1 });
const a = evaluateActuals({ model: PFP_PAYMENT_MODEL, participants: syntheticCohort(PFP_PAYMENT_MODEL, { participants: 30, start: "2018-02-01", seed: 1 }), asOf: "2022-12-31" });
const sheets = paymentWorkbook({ model: PFP_PAYMENT_MODEL, scenarios: PFP_SCENARIOS, forecast: f, actuals: a, payerNames });

describe("payment workbook", () => {
  it("has a sheet per view, the inputs first", () => {
    expect(sheets.map((s) => s.name)).toEqual(["Inputs", "Forecast", "Options appraisal", "Cash flow", "Invoices", "Payments"]);
  });

  it("lists every input of the model and the scenarios", () => {
    const rows = inputRows(PFP_PAYMENT_MODEL, PFP_SCENARIOS);
    expect(rows).toContainEqual(["Payment model", "components.0.tariffPence", 22_500]);
    expect(rows).toContainEqual(["Payment model", "caps.basis", "commissioners-share"]);
    expect(rows).toContainEqual(["Payment model", "invoicing.coFunder.frequency", "quarterly"]);
    expect(rows.some((r) => r[0] === `Scenario: ${PFP_SCENARIOS[0]!.name}` && r[1] === "start")).toBe(true);
  });

  it("writes pounds from pence as currency, months and dates as dates, shares as percentages, with a bold frozen header", () => {
    const [inputs, forecastSheet, , cash, invoices] = toWriteExcelSheets<Blob>(sheets);
    expect(inputs!.stickyRowsCount).toBe(1);
    expect(forecastSheet!.data[0]![0]).toMatchObject({ value: "Scenario", fontWeight: "bold" });
    const firstMoney = forecastSheet!.data[1]!;
    expect(firstMoney[1]).toMatchObject({ value: "Commissioners pay, in all" });
    expect(firstMoney[3]).toMatchObject({ value: f.scenarios[0]!.commissionerCostPence.p50 / 100, type: Number, format: "£#,##0.00;-£#,##0.00" });
    const irr = forecastSheet!.data.find((row) => (row[1] as { value?: string } | null)?.value === "Investors' IRR a year")!;
    expect(irr[3]).toMatchObject({ type: Number, format: "0.0%" });
    expect(cash!.data[1]![1]).toMatchObject({ type: Date, format: "mmm yyyy" });
    expect(invoices!.data[1]![0]).toMatchObject({ type: Date, value: new Date(`${a.invoices[0]!.month}-01T00:00:00Z`) });
    for (const sheet of toWriteExcelSheets<Blob>(sheets)) expect(sheet.columns!.every((c) => (c.width ?? 0) >= 12)).toBe(true);
  });
});
