// The payment workbook for finance teams: every input of the model and scenarios, the
// forecast, the options appraisal, the cash flow, the invoices and the payment lines,
// a sheet each, with pounds as currency, months and dates as dates, percentages as
// percentages, a frozen header row and columns wide enough to read. Described here,
// independently of the library that writes the file (write-excel-file, on the server
// and in the browser alike: `toWriteExcelSheets`). Pure: no I/O.
import type { Sheet as WriteExcelSheet } from "write-excel-file/universal";
import type { Actuals } from "./actuals";
import { OPTION_LABELS, pricesCostsAvoided, pricesDelivery } from "./appraisal";
import type { Forecast, Scenario, ScenarioForecast } from "./forecast";
import type { PaymentModel } from "./model";

/** How a column's values are shown: pounds from pence, a "YYYY-MM" month, a "YYYY-MM-DD" date, a 0–1 share, a plain number, text. */
export type CellKind = "text" | "pence" | "month" | "date" | "share" | "number";
export type Column = { header: string; kind: CellKind; width: number };
/** A value in its column's kind; or, where one column mixes units, a value with its own kind. */
export type CellValue = string | number | null | { value: string | number; kind: CellKind };
export type WorkbookSheet = { name: string; columns: Column[]; rows: CellValue[][] };

/** The forecast runs and seed the payment page and the workbook share, so their figures agree. */
export const PAGE_FORECAST = { runs: 500, seed: 2018 } as const;

const col = (header: string, kind: CellKind, width = 14): Column => ({ header, kind, width });

/** Every input, as path and value: what a finance team checks the figures against. */
export function inputRows(model: PaymentModel, scenarios: Scenario[]): CellValue[][] {
  const rows: CellValue[][] = [];
  const walk = (what: string, value: unknown, path: string) => {
    if (value === null || value === undefined || typeof value !== "object") {
      rows.push([what, path, value === null || value === undefined ? "" : typeof value === "number" ? value : String(value)]);
      return;
    }
    const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
    if (entries.length === 0) rows.push([what, path, Array.isArray(value) ? "(none)" : "(none)"]);
    for (const [k, v] of entries) walk(what, v, path ? `${path}.${k}` : k);
  };
  walk("Payment model", model, "");
  for (const s of scenarios) walk(`Scenario: ${s.name}`, s, "");
  return rows;
}

type Spread3 = { p10: number; p50: number; p90: number };

/**
 * A scenario's forecast, measure by measure, each named for whose money it is (one
 * figure, one name): for the workbook and the CSV alike.
 */
export function forecastMeasures(s: ScenarioForecast, payerNames: Record<string, string>): { label: string; kind: CellKind; spread: Spread3 }[] {
  const pence = (label: string, spread: Spread3) => ({ label, kind: "pence" as const, spread });
  // A figure whose input is missing is left out (its gap is listed instead: `forecastGapRows`), never shown as £0.
  const delivery = pricesDelivery(s);
  const avoided = pricesCostsAvoided(s);
  return [
    pence("Commissioners pay, in all", s.commissionerCostPence),
    pence("Co-funder pays", s.coFunderCostPence),
    pence("Provider receives", s.providerIncomePence),
    pence("Outcome payments per successful case, commissioners' and co-funder's", s.costPerSuccessPence),
    ...(avoided
      ? [
          pence("Costs the public sector avoids", s.costsAvoidedPence),
          ...s.costsAvoidedByWho.map((w) => pence(`Costs avoided: ${w.who}`, w.pence)),
          pence("Commissioners' cashable savings", s.cashableSavingsPence),
          pence("Commissioners' net benefit (placements avoided less what they pay)", s.netBenefitPence),
        ]
      : []),
    ...(delivery
      ? [
          pence("Provider's delivery cost", s.provider.deliveryCostPence),
          pence("Provider's margin (income less delivery cost, before the investors' return)", s.provider.marginPence),
          { label: "Provider's margin as a share of income", kind: "share" as const, spread: s.provider.marginShare },
          pence("Investors' net cash", s.investor.netCashPence),
          pence("Investors' peak capital in", s.investor.peakCapitalPence),
          pence("Cash short between tranches (the provider covers it)", s.investor.shortfallPence),
        ]
      : []),
    ...s.byPayer.flatMap((p) => [pence(`${payerNames[p.payerId] ?? p.payerId} pays in all`, p.totalCostPence), pence(`${payerNames[p.payerId] ?? p.payerId}: outcome payments (after the co-funder)`, p.outcomeCostPence)]),
    ...(delivery
      ? [
          { label: "Investors' IRR a year", kind: "share" as const, spread: s.investor.irr },
          { label: "Investors' money multiple", kind: "number" as const, spread: s.investor.multiple },
        ]
      : []),
    { label: "Share of provider income at risk", kind: "share", spread: s.atRiskShare },
  ];
}

/** The workbook's sheets; `forecast` and `actuals` are left out when there are none. */
export function paymentWorkbook({ model, scenarios, forecast, actuals, payerNames }: { model: PaymentModel | null; scenarios: Scenario[]; forecast: Forecast | null; actuals: Actuals | null; payerNames: Record<string, string> }): WorkbookSheet[] {
  const sheets: WorkbookSheet[] = [];
  if (model) sheets.push({ name: "Inputs", columns: [col("What", "text", 34), col("Field", "text", 44), col("Value", "text", 40)], rows: inputRows(model, scenarios) });
  if (forecast) {
    const rows: CellValue[][] = [];
    for (const s of forecast.scenarios) {
      for (const m of forecastMeasures(s, payerNames)) {
        const v = m.spread;
        rows.push(m.kind === "pence" ? [s.scenario, m.label, v.p10, v.p50, v.p90] : [s.scenario, m.label, { value: v.p10, kind: m.kind }, { value: v.p50, kind: m.kind }, { value: v.p90, kind: m.kind }]);
      }
      for (const g of s.gaps) rows.push([s.scenario, `Not given: ${g.message}`, null, null, null]);
    }
    sheets.push({ name: "Forecast", columns: [col("Scenario", "text", 34), col("Measure", "text", 52), col("P10", "pence", 16), col("P50", "pence", 16), col("P90", "pence", 16)], rows });
    sheets.push({
      name: "Options appraisal",
      columns: [col("Scenario", "text", 34), col("Option", "text", 36), col("Commissioners pay, in all: P10", "pence", 18), col("P50", "pence", 16), col("P90", "pence", 16), col("Commissioners pay per successful case: P50", "pence", 22)],
      rows: forecast.scenarios.flatMap((s) =>
        s.options.map((o): CellValue[] => (o.needs ? [s.scenario, OPTION_LABELS[o.option], `Not priced: needs ${o.needs}`, null, null, null] : [s.scenario, OPTION_LABELS[o.option], o.commissionerCostPence.p10, o.commissionerCostPence.p50, o.commissionerCostPence.p90, o.costPerSuccessPence.p50])),
      ),
    });
    sheets.push({
      name: "Cash flow",
      columns: [col("Scenario", "text", 34), col("Month", "month", 12), col("Commissioners pay: P50", "pence", 18), col("Commissioners paid to date: P50", "pence", 20), col("Investors' cumulative cash: P10", "pence", 20), col("P50", "pence", 16), col("P90", "pence", 16)],
      rows: forecast.scenarios.flatMap((s) =>
        s.monthly.months.map((month, i) => [s.scenario, month, s.monthly.commissionerPence[i]!.p50, s.monthly.commissionerCumulativePence[i]!.p50, s.monthly.investorCumulativePence[i]!.p10, s.monthly.investorCumulativePence[i]!.p50, s.monthly.investorCumulativePence[i]!.p90]),
      ),
    });
  }
  if (actuals) {
    sheets.push({
      name: "Invoices",
      columns: [col("Invoice month", "month", 14), col("Who is invoiced", "text", 36), col("Amount", "pence", 16)],
      rows: [...actuals.invoices.map((i) => [i.month, payerNames[i.payerId] ?? i.payerId, i.pence]), ...actuals.coFunderInvoices.map((i) => [i.month, "Co-funder (claims)", i.pence])],
    });
    sheets.push({
      name: "Payments",
      columns: [col("Participant", "text"), col("Payment", "text", 20), col("Earned on", "date", 12), col("Earned", "pence"), col("Paid", "pence"), col("Capped by", "text", 30), col("Payer", "text"), col("Payer pays", "pence"), col("Invoice month", "month", 14), col("Co-funder pays", "pence"), col("Co-funder claim month", "month", 14)],
      rows: actuals.lines.flatMap((l) => l.shares.map((s) => [l.participantId ?? "", l.componentId, l.earnedOn, l.grossPence, l.paidPence, l.cappedBy.join("; "), s.payerId, s.payerPence, s.invoiceMonth, s.coFunderPence, s.coFunderClaimMonth])),
    });
  }
  return sheets;
}

const FORMATS: Partial<Record<CellKind, string>> = { pence: "£#,##0.00;-£#,##0.00", month: "mmm yyyy", date: "yyyy-mm-dd", share: "0.0%", number: "0.00" };

/** Cells as write-excel-file takes them: pounds from pence, dates from ISO strings, formats by kind. */
export function toWriteExcelSheets<FileContent>(sheets: WorkbookSheet[]): WriteExcelSheet<FileContent>[] {
  return sheets.map((sheet) => ({
    sheet: sheet.name,
    stickyRowsCount: 1,
    columns: sheet.columns.map((c) => ({ width: c.width })),
    data: [
      sheet.columns.map((c) => ({ value: c.header, fontWeight: "bold" as const, wrap: true })),
      ...sheet.rows.map((row) => row.map((cell, i) => excelCell(cell, sheet.columns[i]?.kind ?? "text"))),
    ],
  }));
}

function excelCell(cell: CellValue, columnKind: CellKind) {
  if (cell === null || cell === "") return null;
  const { value, kind } = typeof cell === "object" ? cell : { value: cell, kind: columnKind };
  const format = FORMATS[kind];
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return null;
    return kind === "pence" ? { value: Math.round(value) / 100, type: Number, format } : { value, type: Number, ...(format ? { format } : {}) };
  }
  if ((kind === "month" && /^\d{4}-\d{2}$/.test(value)) || (kind === "date" && /^\d{4}-\d{2}-\d{2}$/.test(value))) {
    return { value: new Date(`${kind === "month" ? `${value}-01` : value}T00:00:00Z`), type: Date, format };
  }
  return { value, type: String };
}
