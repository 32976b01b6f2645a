// The payment model, live: commissioners and facilitators change prices, caps and
// timing in the shared `payment` document; providers, investors and commissioners try
// what-ifs in their own named copies (kept on the server, private until shown to the
// room; any shown one can be put beside the shared model). Forecasts recompute in a Web
// Worker for everyone within moments of any change; the actuals of a synthetic
// cohort are exact to the penny. The server renders the stored model's forecast (the same
// runs and seed), so figures show at once, and without JavaScript too.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { keepDataWhenOffline, useKeepLoaderData } from "~/utils/offline-data";
import { useActionData, useLoaderData } from "@remix-run/react";
import { RecentActivity } from "~/components/activity";
import { Versions } from "~/components/versions";
import { listActivity } from "~/models/activity.server";
import { diffPaymentModels } from "~/domain/payment/diff";
import { comparisonFor, listVersions } from "~/models/version.server";
import { readForm } from "~/utils/csrf.server";
import { invalid } from "~/utils/forms.server";
import { publishFromForm } from "~/utils/versions.server";
import { useMemo, useState } from "react";
import { PaymentEditor } from "~/components/payment-editor";
import { ScenarioEditor } from "~/components/scenario-editor";
import { ActualsSummary } from "~/components/payment-results";
import { ForecastResults } from "~/components/forecast-results";
import { useSettled, useStable } from "~/utils/use-stable";
import { PresenceList, SyncStatusBadge } from "~/components/sync-status";
import { toCsv } from "~/domain/csv";
import { evaluateActuals } from "~/domain/payment/actuals";
import { syntheticCohort } from "~/domain/payment/cohort";
import { IsoDateSchema } from "~/domain/payment/dates";
import { applyModelChange, readPaymentDesign, removeScenario, setScenario, writePaymentDesign } from "~/domain/payment/design";
import { readReferralDesign } from "~/domain/referral-design";
import { StartPaymentModel } from "~/components/payment-components";
import { eventsToTime } from "~/domain/payment/components";
import { capLine, type Scenario } from "~/domain/payment/forecast";
import { useStableCallback } from "~/utils/use-stable-callback";
import { forecastRows, invoiceRows } from "~/domain/payment/exports";
import { paymentWorkbook, PAGE_FORECAST, toWriteExcelSheets, type WorkbookSheet } from "~/domain/payment/workbook";
import { PaymentModelSchema } from "~/domain/payment/model";
import type { WhatIfContent } from "~/domain/payment/what-if";
import { listWhatIfs } from "~/models/what-if.server";
import { createWhatIfFromForm } from "~/utils/what-ifs.server";
import { useWhatIfs } from "~/payment/use-what-ifs";
import { useWorkspaceEvents } from "~/utils/use-workspace-events";
import { WhatIfPanel } from "~/components/what-if-panel";
import { WhatIfBeside } from "~/components/what-if-beside";
import { can } from "~/domain/permissions";
import { presenceColour } from "~/domain/presence";
import { readStoredDocument } from "~/models/document.server";
import { useForecast } from "~/payment/use-forecast";
import { useYDoc } from "~/sync/use-ydoc";
import { requireWorkspaceMember } from "~/utils/permissions.server";
import { storedForecast } from "~/utils/forecast.server";

const { runs: RUNS, seed: SEED } = PAGE_FORECAST;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { workspace, membership, user } = await requireWorkspaceMember(request, params.workspaceId, "read:workspace");
  const stored = readPaymentDesign(await readStoredDocument(`${workspace.id}/payment`));
  // Started first: it runs in the worker thread while the database reads below go on.
  // The same runs and seed as the page's Web Worker, so its figures replace these unchanged.
  const figures = stored.model && stored.scenarios.length ? storedForecast(context, { model: stored.model, scenarios: stored.scenarios, runs: RUNS, seed: SEED }) : null;
  const parse = (model: unknown) => PaymentModelSchema.safeParse(model).data ?? null;
  const versions = await listVersions(workspace.id, "payment");
  return {
    activity: await listActivity(workspace.id, { section: "payment", limit: 5 }),
    versions: versions.map((v) => ({ ...v, createdAt: v.createdAt.toISOString() })),
    comparison: stored.model ? await comparisonFor(request, workspace.id, "payment", parse, stored.model, diffPaymentModels) : null,
    workspaceId: workspace.id,
    canWrite: can(membership.role, "write:payment"),
    canWhatIf: can(membership.role, "what-if:payment"),
    whatIfs: await listWhatIfs(workspace.id, user.id),
    colour: presenceColour(user.id),
    stored,
    storedForecast: await figures,
    // A new model's payers and forecast volumes start from the referral partners.
    partners: stored.model ? [] : readReferralDesign(await readStoredDocument(`${workspace.id}/referral`)).design.commitments.partners.map((p) => ({ name: p.partner, expectedPerYear: p.expectedPerYear })),
  };
}

const PAYMENT_EVENTS = ["what-ifs"] as const;

/** Publishes the payment model as a named version (write:payment). */
// A failed reload on a dropped network keeps the page as it is (utils/offline-data.ts).
export const clientLoader = keepDataWhenOffline;

export async function action({ request, params }: ActionFunctionArgs) {
  const formData = await readForm(request);
  if (formData.get("intent") === "what-if-create") return createWhatIfFromForm(request, params.workspaceId, formData);
  if (formData.get("intent") !== "publish") return invalid({ formErrors: ["Unknown action. Reload the page and try again."] });
  return publishFromForm(request, params.workspaceId, "payment", formData);
}

/** Writes the workbook in the browser (the library loads only when asked). */
async function downloadWorkbook(sheets: WorkbookSheet[]) {
  const { default: writeXlsxFile } = await import("write-excel-file/browser");
  const blob = await writeXlsxFile(toWriteExcelSheets<Blob>(sheets)).toBlob();
  download("payment-model-what-if.xlsx", blob.type, blob);
}

function download(name: string, type: string, data: BlobPart) {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export default function PaymentPage() {
  const data = useLoaderData<typeof loader>();
  useKeepLoaderData(data);
  const { workspaceId, canWrite, canWhatIf, colour, stored, versions, comparison, activity, partners, whatIfs, storedForecast: serverForecast } = data;
  useWorkspaceEvents(workspaceId, PAYMENT_EVENTS);
  const result = useActionData<typeof action>();
  const { doc, status, synced, ready, saving, peers } = useYDoc(workspaceId, "payment", colour);
  // Editable once loaded, from the server or this device's copy: offline is a state to keep working in.
  const live = doc !== null && ready;
  const shared = live ? readPaymentDesign(doc) : stored;
  const what = useWhatIfs(workspaceId, whatIfs, canWhatIf);
  const whatIf = what.open;
  const keepWhatIf = (w: WhatIfContent) => what.edit(w);
  const model = useStable(whatIf?.model ?? shared.model);
  const payerNames = useMemo(() => Object.fromEntries((model?.payers ?? []).map((p) => [p.id, p.name])), [model]);
  const scenarios = useStable(whatIf?.scenarios ?? shared.scenarios);
  const input = useMemo(() => (model && scenarios.length ? { model, scenarios, runs: RUNS, seed: SEED } : null), [model, scenarios]);
  const forecast = useForecast(live ? input : null);
  // Until this browser's first run finishes (or without JavaScript): the server's figures for the stored shared model.
  const figures = forecast.result ?? (whatIf ? null : serverForecast);
  const [asOf, setAsOf] = useState("2022-12-31");
  // The synthetic cohort's actuals sit below the forecast: worked out once typing has paused
  // and the forecast is done, so they never hold up the figures the room is watching.
  const settledModel = useSettled(model, 1500);
  const settledStart = useSettled(scenarios[0]?.start ?? "2018-02-01", 1500);
  const actuals = useMemo(() => {
    if (!settledModel || !IsoDateSchema.safeParse(asOf).success) return null;
    const cohort = syntheticCohort(settledModel, { participants: 120, start: settledStart, seed: SEED });
    return evaluateActuals({ model: settledModel, participants: cohort, asOf });
  }, [settledModel, asOf, settledStart]);

  const editingShared = whatIf === null;
  // Stable props, so the scenarios' fields redraw only when the scenarios do.
  const events = useStable(useMemo(() => (model ? eventsToTime(model) : []), [model]));
  const payers = useStable(model?.payers ?? []);
  const interventions = useStable(model?.interventions ?? []);
  const scenarioKeys = useStable(whatIf ? whatIf.scenarios.map((_, k) => String(k)) : shared.scenarioIds);
  const onScenarioChange = useStableCallback((i: number, next: Scenario) => {
    if (whatIf) keepWhatIf({ model: whatIf.model, scenarios: whatIf.scenarios.map((s, k) => (k === i ? next : s)) });
    else if (doc) setScenario(doc, shared.scenarioIds[i]!, next);
  });
  const onScenarioAdd = useStableCallback((next: Scenario) => {
    if (whatIf) keepWhatIf({ model: whatIf.model, scenarios: [...whatIf.scenarios, next] });
    else if (doc) setScenario(doc, `s-${Math.random().toString(36).slice(2, 10)}`, next);
  });
  const onScenarioRemove = useStableCallback((i: number) => {
    if (whatIf) keepWhatIf({ model: whatIf.model, scenarios: whatIf.scenarios.filter((_, k) => k !== i) });
    else if (doc) removeScenario(doc, shared.scenarioIds[i]!);
  });
  const cap = useMemo(() => (model ? capLine(model) : null), [model]);
  // A what-if put beside the shared model: its own forecast, the same runs and seed.
  const [besideId, setBesideId] = useState<string | null>(null);
  const beside = editingShared ? (whatIfs.find((w) => w.id === besideId && w.shown) ?? null) : null;
  const besideInput = useMemo(() => (beside ? { model: beside.model, scenarios: beside.scenarios, runs: RUNS, seed: SEED } : null), [beside]);
  const besideForecast = useForecast(besideInput);
  return (
    <section aria-labelledby="payment-heading">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="payment-heading" className="text-xl font-semibold">Payment model</h2>
        <SyncStatusBadge status={status} synced={synced} saving={saving} />
      </div>
      <p className="mt-1 text-slate-700">
        What is paid, for which outcomes, by whom, capped how and invoiced when; and what that means in each scenario. Amounts are exact to the penny.
        {canWrite ? "" : " Your role cannot change the shared model."}
      </p>
      <noscript>
        <p className="mt-2 font-medium">Changing the model needs JavaScript; below are the model as last saved and its forecast.</p>
      </noscript>
      <div className="mt-3 print:hidden">
        <PresenceList peers={peers} />
      </div>

      <WhatIfPanel
        canWhatIf={canWhatIf}
        formError={result && !result.ok && "intent" in result && result.intent === "what-if-create" ? (Object.values(result.errors ?? {})[0]?.[0] ?? result.formErrors?.[0] ?? null) : null}
        whatIfs={whatIfs}
        open={whatIf}
        save={what.save}
        saveError={what.error}
        shared={shared.model ? { model: shared.model, scenarios: shared.scenarios } : null}
        besideId={beside?.id ?? null}
        onOpen={what.setOpenId}
        onCreate={what.create}
        onChange={what.change}
        onBeside={setBesideId}
      />

      <section aria-labelledby="model-heading" className="mt-6">
        <h3 id="model-heading" className="text-lg font-semibold">{editingShared ? "The model" : "The model (your what-if copy)"}</h3>
        {model ? (
          <PaymentEditor
            model={model}
            defaultStart={scenarios[0]?.start ?? new Date().toISOString().slice(0, 10)}
            readOnly={editingShared ? !(canWrite && live) : false}
            onChange={(next) => {
              if (whatIf) keepWhatIf({ model: next, scenarios: whatIf.scenarios });
              else if (doc && shared.model) applyModelChange(doc, shared.model, next);
            }}
          />
        ) : shared.problems.length === 1 && shared.problems[0]!.path === "" ? (
          canWrite && live && doc ? (
            <StartPaymentModel partners={partners} onStart={({ model: m, scenarios: s }) => writePaymentDesign(doc, m, s)} />
          ) : (
            <p className="mt-2">No payment model yet.{canWrite ? "" : " A commissioner or facilitator can start one."}</p>
          )
        ) : (
          <ul className="mt-2 list-disc pl-5 text-red-800">{shared.problems.map((p) => <li key={`${p.path}${p.message}`}>{p.path ? `${p.path}: ` : ""}{p.message}</li>)}</ul>
        )}
      </section>

      <section aria-labelledby="forecast-heading" className="mt-6">
        <h3 id="forecast-heading" className="text-lg font-semibold">Forecast</h3>
        {model ? (
          <ScenarioEditor
            scenarios={scenarios}
            payers={payers}
            interventions={interventions}
            whose={editingShared ? "estimate" : "own"}
            events={events}
            readOnly={editingShared ? !(canWrite && live) : false}
            keys={scenarioKeys}
            onChange={onScenarioChange}
            onAdd={onScenarioAdd}
            onRemove={onScenarioRemove}
          />
        ) : null}
        <p className="text-slate-700" aria-live="polite">
          {forecast.running ? "Recomputing…" : figures ? `${RUNS} runs per scenario (seed ${SEED}).` : !live ? "Forecasts run in your browser once the model has loaded." : ""}
          {forecast.error ? ` The forecast failed: ${forecast.error}` : ""}
        </p>
        {figures ? (
          <>
            {beside && !forecast.running ? <WhatIfBeside whatIf={beside} shared={figures} sharedScenarios={shared.scenarios} theirs={besideForecast.running ? null : besideForecast.result} differences={diffPaymentModels(shared.model, beside.model)} /> : null}
            <ForecastResults figures={figures} cap={cap} payerNames={payerNames} />
          </>
        ) : null}
      </section>

      {actuals ? (
        <section aria-labelledby="actuals-heading" className="mt-6">
          <h3 id="actuals-heading" className="text-lg font-semibold">Actuals on a synthetic cohort</h3>
          <p className="text-slate-700">120 made-up cases (never real people), to see the mechanism at work, exact to the penny.</p>
          <div className="mt-2 max-w-xs">
            <label htmlFor="as-of" className="block font-medium">Data up to</label>
            <input id="as-of" type="date" value={asOf} onChange={(e) => setAsOf(e.target.value)} className="mt-1 block w-full rounded border border-slate-500 bg-white px-3 py-2" />
          </div>
          <ActualsSummary actuals={actuals} payerNames={payerNames} />
        </section>
      ) : null}

      <Versions
        subject="payment model"
        versions={versions}
        comparison={comparison}
        canPublish={canWrite}
        result={result}
        onRestore={
          canWrite && live && shared.model
            ? async (id) => {
                const res = await fetch(`/api/v1/workspaces/${workspaceId}/payment-model?version=${encodeURIComponent(id)}`);
                const parsed = PaymentModelSchema.safeParse(((await res.json()) as { model?: unknown }).model);
                if (res.ok && parsed.success && doc && shared.model) applyModelChange(doc, shared.model, parsed.data);
              }
            : null
        }
      />

      <RecentActivity workspaceId={workspaceId} section="payment" initial={activity} doc={live ? doc : null} />

      <div className="mt-6 flex flex-wrap gap-x-4 gap-y-1 print:hidden">
        {figures ? (
          <button type="button" onClick={() => download("forecast.csv", "text/csv", toCsv(forecastRows(figures, payerNames).map((r) => r.map(String))))} className="inline-flex min-h-11 items-center text-brand-800 underline">
            Download forecast (CSV)
          </button>
        ) : null}
        {actuals ? (
          <button type="button" onClick={() => download("invoices.csv", "text/csv", toCsv(invoiceRows(actuals, payerNames).map((r) => r.map(String))))} className="inline-flex min-h-11 items-center text-brand-800 underline">
            Download invoices (CSV)
          </button>
        ) : null}
        {whatIf ? (
          // A what-if copy lives only in this browser: its workbook is written here.
          <button
            type="button"
            onClick={() => void downloadWorkbook(paymentWorkbook({ model, scenarios, forecast: figures, actuals, payerNames }))}
            className="inline-flex min-h-11 items-center text-brand-800 underline"
          >
            Download this what-if as a workbook (.xlsx)
          </button>
        ) : shared.model ? (
          // The shared model's workbook comes from the server (no JavaScript needed; the API has it too).
          <a href={`/workspaces/${workspaceId}/payment.xlsx?${new URLSearchParams({ asOf })}`} download className="inline-flex min-h-11 items-center text-brand-800 underline">
            Download workbook (.xlsx: inputs, forecast, appraisal, cash flow, invoices, payments)
          </a>
        ) : null}
      </div>
    </section>
  );
}

export const meta: MetaFunction = () => [{ title: "Payment model · Outcome Commons" }];
