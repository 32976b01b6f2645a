// The payment views as rows, for the CSV downloads (the workbook: workbook.ts).
// Amounts are pounds with pence (two decimals), computed from integer pence. Pure: no I/O.
import type { Actuals } from "./actuals";
import type { Forecast } from "./forecast";
import { forecastMeasures, type CellKind } from "./workbook";

const pounds = (pence: number) => Math.round(pence) / 100;

export function forecastRows(f: Forecast, payerNames: Record<string, string> = {}): (string | number)[][] {
  const rows: (string | number)[][] = [["Scenario", "Measure", "P10", "P50", "P90"]];
  const show = (kind: CellKind, v: number) => (kind === "pence" ? pounds(v) : kind === "share" ? Math.round(v * 1000) / 10 : Math.round(v * 100) / 100);
  const unit: Partial<Record<CellKind, string>> = { pence: " (£)", share: " (%)", number: " (×)" };
  for (const s of f.scenarios) {
    for (const m of forecastMeasures(s, payerNames)) rows.push([s.scenario, `${m.label}${unit[m.kind] ?? ""}`, show(m.kind, m.spread.p10), show(m.kind, m.spread.p50), show(m.kind, m.spread.p90)]);
    for (const g of s.gaps) rows.push([s.scenario, `Not given: ${g.message}`, "", "", ""]);
  }
  return rows;
}

export function invoiceRows(a: Actuals, payerNames: Record<string, string>): (string | number)[][] {
  return [["Invoice month", "Payer", "Amount (£)"], ...a.invoices.map((i) => [i.month, payerNames[i.payerId] ?? i.payerId, pounds(i.pence)]), ...a.coFunderInvoices.map((i) => [i.month, "Co-funder", pounds(i.pence)])];
}

