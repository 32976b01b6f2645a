// The payment workbook, built on the server from the workspace's stored model: the
// forecast from the compute worker (the page's runs and seed, so the figures agree with
// the page), the actuals of the page's synthetic cohort, every input. For the download
// route and the API alike.
import type { AppLoadContext } from "@remix-run/node";
import writeXlsxFile, { type Sheet } from "write-excel-file/node";
import { z } from "zod";
import { evaluateActuals } from "~/domain/payment/actuals";
import { syntheticCohort } from "~/domain/payment/cohort";
import { IsoDateSchema } from "~/domain/payment/dates";
import { readPaymentDesign } from "~/domain/payment/design";
import { forecast as computeForecast, type Forecast } from "~/domain/payment/forecast";
import { PAGE_FORECAST, paymentWorkbook, toWriteExcelSheets } from "~/domain/payment/workbook";
import { readStoredDocument } from "~/models/document.server";

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
export const WorkbookQuerySchema = z.object({ asOf: IsoDateSchema.default("2022-12-31") });

/** The workbook's bytes, or null when the workspace has no payment model yet. */
export async function paymentWorkbookBytes(context: AppLoadContext, workspaceId: string, asOf: string): Promise<Uint8Array<ArrayBuffer> | null> {
  const { model, scenarios } = readPaymentDesign(await readStoredDocument(`${workspaceId}/payment`));
  if (!model) return null;
  let forecast: Forecast | null = null;
  if (scenarios.length) {
    const input = { model, scenarios, ...PAGE_FORECAST };
    const result = context.runForecast ? await context.runForecast(input) : { ok: true as const, value: computeForecast(input) };
    forecast = result.ok ? result.value : null;
  }
  const participants = syntheticCohort(model, { participants: 120, start: scenarios[0]?.start ?? "2018-02-01", seed: PAGE_FORECAST.seed });
  const actuals = evaluateActuals({ model, participants, asOf });
  const payerNames = Object.fromEntries(model.payers.map((p) => [p.id, p.name]));
  const sheets = paymentWorkbook({ model, scenarios, forecast, actuals, payerNames });
  // No images, so the sheets do not depend on the library's file-content type.
  return new Uint8Array(await writeXlsxFile(toWriteExcelSheets<Buffer>(sheets) as Sheet<Buffer>[]).toBuffer());
}
