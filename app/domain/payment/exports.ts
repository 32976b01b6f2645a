// The payment views as rows, for CSV and for the .xlsx workbook (one sheet per view).
// Amounts are pounds with pence (two decimals), computed from integer pence. Pure: no I/O.
import type { Actuals } from "./actuals";
import { OPTION_LABELS } from "./appraisal";
import type { Forecast } from "./forecast";
import type { Sheet } from "../xlsx";

const pounds = (pence: number) => Math.round(pence) / 100;

export function forecastRows(f: Forecast, payerNames: Record<string, string> = {}): (string | number)[][] {
  const rows: (string | number)[][] = [["Scenario", "Measure", "P10 (£)", "P50 (£)", "P90 (£)"]];
  for (const s of f.scenarios) {
    const money: [string, { p10: number; p50: number; p90: number }][] = [
      // Every label says whose money it is (one figure, one name).
      ["Commissioners pay, in all", s.commissionerCostPence],
      ["Co-funder pays", s.coFunderCostPence],
      ["Provider receives", s.providerIncomePence],
      ["Outcome payments per successful case, commissioners' and co-funder's", s.costPerSuccessPence],
      ["Costs the public sector avoids", s.costsAvoidedPence],
      ["Commissioners' cashable savings", s.cashableSavingsPence],
      ["Commissioners' net benefit", s.netBenefitPence],
      ["Investors' net cash", s.investor.netCashPence],
      ["Investors' peak capital in", s.investor.peakCapitalPence],
      ["Cash short between tranches (the provider covers it)", s.investor.shortfallPence],
    ];
    for (const p of s.byPayer) {
      money.push([`${payerNames[p.payerId] ?? p.payerId} pays in all`, p.totalCostPence]);
      money.push([`${payerNames[p.payerId] ?? p.payerId}: outcome payments (after the co-funder)`, p.outcomeCostPence]);
    }
    for (const [label, v] of money) rows.push([s.scenario, label, pounds(v.p10), pounds(v.p50), pounds(v.p90)]);
    rows.push([s.scenario, "Investors' IRR a year (%)", Math.round(s.investor.irr.p10 * 1000) / 10, Math.round(s.investor.irr.p50 * 1000) / 10, Math.round(s.investor.irr.p90 * 1000) / 10]);
    rows.push([s.scenario, "Investors' money multiple (×)", Math.round(s.investor.multiple.p10 * 100) / 100, Math.round(s.investor.multiple.p50 * 100) / 100, Math.round(s.investor.multiple.p90 * 100) / 100]);
    rows.push([s.scenario, "Share of provider income at risk (%)", Math.round(s.atRiskShare.p10 * 1000) / 10, Math.round(s.atRiskShare.p50 * 1000) / 10, Math.round(s.atRiskShare.p90 * 1000) / 10]);
  }
  return rows;
}

export function optionsRows(f: Forecast): (string | number)[][] {
  return [
    ["Scenario", "Option", "Commissioners pay, in all: P10 (£)", "P50 (£)", "P90 (£)", "Commissioners pay per successful case: P50 (£)"],
    ...f.scenarios.flatMap((s) => s.options.map((o) => [s.scenario, OPTION_LABELS[o.option], pounds(o.commissionerCostPence.p10), pounds(o.commissionerCostPence.p50), pounds(o.commissionerCostPence.p90), pounds(o.costPerSuccessPence.p50)])),
  ];
}

export function cashFlowRows(f: Forecast): (string | number)[][] {
  const rows: (string | number)[][] = [["Scenario", "Month", "Commissioners pay P50 (£)", "Investor cumulative P10 (£)", "P50 (£)", "P90 (£)"]];
  for (const s of f.scenarios)
    s.monthly.months.forEach((month, i) => {
      const c = s.monthly.commissionerPence[i]!;
      const inv = s.monthly.investorCumulativePence[i]!;
      rows.push([s.scenario, month, pounds(c.p50), pounds(inv.p10), pounds(inv.p50), pounds(inv.p90)]);
    });
  return rows;
}

export function invoiceRows(a: Actuals, payerNames: Record<string, string>): (string | number)[][] {
  return [["Invoice month", "Payer", "Amount (£)"], ...a.invoices.map((i) => [i.month, payerNames[i.payerId] ?? i.payerId, pounds(i.pence)]), ...a.coFunderInvoices.map((i) => [i.month, "Co-funder", pounds(i.pence)])];
}

export function paymentLineRows(a: Actuals): (string | number)[][] {
  return [
    ["Participant", "Payment", "Earned on", "Invoice month", "Earned (£)", "Paid (£)", "Capped by", "Payer", "Payer pays (£)", "Co-funder pays (£)"],
    ...a.lines.flatMap((l) => l.shares.map((s) => [l.participantId ?? "", l.componentId, l.earnedOn, l.invoiceMonth, pounds(l.grossPence), pounds(l.paidPence), l.cappedBy.join("; "), s.payerId, pounds(s.payerPence), pounds(s.coFunderPence)])),
  ];
}

/** Every view, one sheet each. */
export function paymentWorkbook(f: Forecast | null, a: Actuals | null, payerNames: Record<string, string>): Sheet[] {
  return [
    ...(f ? [{ name: "Forecast", rows: forecastRows(f, payerNames) }, { name: "Options appraisal", rows: optionsRows(f) }, { name: "Cash flow", rows: cashFlowRows(f) }] : []),
    ...(a ? [{ name: "Invoices", rows: invoiceRows(a, payerNames) }, { name: "Payments", rows: paymentLineRows(a) }] : []),
  ];
}
