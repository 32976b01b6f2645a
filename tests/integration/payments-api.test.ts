// The payment API on a real server: the demo's PFP model as stored, actuals that agree
// to the penny with the hand-computed PFP case, seeded forecasts, and field-level
// errors for a bad model.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { admin } from "../support/client";
import { startServer, type TestServer } from "../support/server";
import { PFP_PAYMENT_MODEL, PFP_SCENARIOS } from "~/domain/examples/pfp-payment";

let server: TestServer;
let token: string;
let workspaceId: string;
const call = (path: string, init: RequestInit = {}) => fetch(server.url + path, { ...init, headers: { Authorization: `Bearer ${token}`, ...init.headers } });
const post = (path: string, body: unknown) => call(path, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
const FFT_CASE = { id: "case-1", payerId: "sutton", intervention: "fft", events: { "first-meeting": "2018-03-05" }, engagementDays: 40, care: [] };

beforeAll(async () => {
  server = await startServer();
  token = (await admin(server.env, ["token:create", "--email", "investor@bridges.example"])).stdout.trim();
  workspaceId = ((await (await call("/api/v1/workspaces")).json()) as { workspaces: { id: string }[] }).workspaces[0]!.id;
}, 90_000);
afterAll(async () => server?.stop());

describe("payment API", () => {
  it("returns the demo workspace's PFP payment model and scenarios", async () => {
    const res = await call(`/api/v1/workspaces/${workspaceId}/payment-model`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { model: unknown; problems: unknown[]; scenarios: { name: string }[] };
    expect(body.model).toEqual(PFP_PAYMENT_MODEL);
    expect(body.problems).toEqual([]);
    expect(body.scenarios.map((s) => s.name)).toEqual(PFP_SCENARIOS.map((s) => s.name));
  });

  it("evaluates actuals to the penny: an FFT case never in care earns £23,400, the CBO pays £4,328.48 of it (18.5% of each £225, rounded down)", async () => {
    const res = await post("/api/v1/payment-models/evaluate", { model: PFP_PAYMENT_MODEL, participants: [FFT_CASE], asOf: "2021-01-01" });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { totals: { paidPence: number; coFunderPence: number; payersPence: number }; lines: { invoiceMonth: string }[] };
    expect(body.totals).toMatchObject({ paidPence: 2_340_000, coFunderPence: 104 * 4_162, payersPence: 104 * 18_338 });
    expect(body.lines[0]!.invoiceMonth).toBe("2018-07");
  });

  it("refuses a bad model with field errors by path", async () => {
    const bad = { ...PFP_PAYMENT_MODEL, components: [{ ...PFP_PAYMENT_MODEL.components[0], tariffPence: 225.5, counting: "weekly" }] };
    const res = await post("/api/v1/payment-models/evaluate", { model: bad, participants: [{ ...FFT_CASE, id: "Jane Smith" }], asOf: "2021-02-30" });
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    const { errors } = (await res.json()) as { errors: Record<string, string[]> };
    expect(errors["model.components.0.tariffPence"]).toEqual(["Whole pence only"]);
    expect(errors["model.components.0.counting"]).toEqual(["Choose 'aligned' or 'runs'"]);
    expect(errors["participants.0.id"]).toEqual(["Use a case reference (letters, digits, - and _), never a name"]);
    expect(errors.asOf).toEqual(["2021-02-30 is not a date that exists (months run 01–12, days to the end of the month)."]);
  });

  it("answers a malformed or impossible date anywhere with a 400 naming the field, never a 500", async () => {
    const withDates = (asOf: unknown, firstMeeting: unknown, careStart: unknown) =>
      post("/api/v1/payment-models/evaluate", {
        model: PFP_PAYMENT_MODEL,
        participants: [{ ...FFT_CASE, events: { "first-meeting": firstMeeting }, care: [{ start: careStart, end: null }] }],
        asOf,
      });
    const res = await withDates("x", "2018-13-05", "2019-00-10");
    expect(res.status).toBe(400);
    const { errors } = (await res.json()) as { errors: Record<string, string[]> };
    expect(errors.asOf).toEqual(["Use a date like 2018-03-05."]);
    expect(errors["participants.0.events.first-meeting"]).toEqual(["2018-13-05 is not a date that exists (months run 01–12, days to the end of the month)."]);
    expect(errors["participants.0.care.0.start"]).toEqual(["2019-00-10 is not a date that exists (months run 01–12, days to the end of the month)."]);
    for (const asOf of [42, null, "", "2021-1-1", "2021-01-01T00:00:00Z", "9999-99-99"]) {
      const r = await withDates(asOf, "2018-03-05", "2019-01-10");
      expect(r.status, JSON.stringify(asOf)).toBe(400);
      expect(Object.keys(((await r.json()) as { errors: Record<string, string[]> }).errors), JSON.stringify(asOf)).toEqual(["asOf"]);
    }
    const scenario = { ...PFP_SCENARIOS[0]!, start: "2018-13-01" };
    const forecast = await post("/api/v1/payment-models/forecast", { model: PFP_PAYMENT_MODEL, scenarios: [scenario], runs: 10, seed: 1 });
    expect(forecast.status).toBe(400);
    expect(Object.keys(((await forecast.json()) as { errors: Record<string, string[]> }).errors)).toEqual(["scenarios.0.start"]);
  });

  it("refuses participants it would pay wrongly, naming the field: unknown intervention or payer, a case twice, no engagement days", async () => {
    const { engagementDays: _, ...noEngagement } = FFT_CASE;
    const res = await post("/api/v1/payment-models/evaluate", {
      model: PFP_PAYMENT_MODEL,
      participants: [FFT_CASE, { ...FFT_CASE }, { ...FFT_CASE, id: "case-2", intervention: "cbt" }, { ...FFT_CASE, id: "case-3", payerId: "croydon" }, { ...noEngagement, id: "case-4" }],
      asOf: "2021-01-01",
    });
    expect(res.status).toBe(400);
    const { errors } = (await res.json()) as { errors: Record<string, string[]> };
    expect(Object.keys(errors).sort()).toEqual(["participants.1.id", "participants.2.intervention", "participants.3.payerId", "participants.4.engagementDays"]);
  });

  it("says in the output when the data end before any window opens", async () => {
    const res = await post("/api/v1/payment-models/evaluate", { model: PFP_PAYMENT_MODEL, participants: [FFT_CASE], asOf: "2018-04-01" });
    expect(((await res.json()) as { notes: string[] }).notes[0]).toMatch(/^The data run to 2018-04-01, before any participant's tracking window opens/);
  });

  it("forecasts reproducibly from a seed, and bounds the work per request", async () => {
    const body = { model: PFP_PAYMENT_MODEL, scenarios: PFP_SCENARIOS, runs: 100, seed: 42 };
    const a = await (await post("/api/v1/payment-models/forecast", body)).json();
    const b = await (await post("/api/v1/payment-models/forecast", body)).json();
    expect(a).toEqual(b);
    const [median] = (a as { scenarios: { scenario: string; commissionerCostPence: { p10: number; p50: number; p90: number } }[] }).scenarios;
    expect(median!.commissionerCostPence.p10).toBeLessThanOrEqual(median!.commissionerCostPence.p50);
    expect(median!.commissionerCostPence.p50).toBeLessThanOrEqual(median!.commissionerCostPence.p90);
    const tooMany = await post("/api/v1/payment-models/forecast", { ...body, runs: 2000 });
    expect(tooMany.status).toBe(400);
  });

  it("runs a long forecast off the event loop: other requests are answered meanwhile", async () => {
    let forecastDoneAt = 0;
    const long = post("/api/v1/payment-models/forecast", { model: PFP_PAYMENT_MODEL, scenarios: PFP_SCENARIOS.slice(0, 1), runs: 5_000, seed: 1 }).then(async (res) => {
      forecastDoneAt = performance.now();
      return res;
    });
    await new Promise((resolve) => setTimeout(resolve, 150));
    const health = await fetch(`${server.url}/healthz`);
    const healthDoneAt = performance.now();
    expect(health.status).toBe(200);
    const res = await long;
    expect(res.status).toBe(200);
    // On the main thread the forecast (seconds of work) would hold the health check until it finished.
    expect(healthDoneAt).toBeLessThan(forecastDoneAt);
  }, 60_000);

  it("needs a token", async () => {
    const res = await fetch(`${server.url}/api/v1/payment-models/evaluate`, { method: "POST", headers: { "Content-Type": "application/json" }, body: "{}" });
    expect(res.status).toBe(401);
  });
});

describe("payment API: a big cohort's lines, a page at a time", () => {
  it("pages the lines in paying order with the same summary on every page, computed off the event loop", async () => {
    const { syntheticCohort } = await import("~/domain/payment/cohort");
    const participants = syntheticCohort(PFP_PAYMENT_MODEL, { participants: 300, start: "2018-02-01", seed: 11 });
    const body = { model: PFP_PAYMENT_MODEL, participants, asOf: "2024-12-31" };
    const page = async (query: string) => (await post(`/api/v1/payment-models/evaluate${query}`, body)).json() as Promise<{ lines: { participantId: string; earnedOn: string }[]; totals: unknown; linesPage: { offset: number; limit: number; total: number; nextOffset: number | null } }>;
    const first = await page("");
    expect(first.linesPage).toMatchObject({ offset: 0, limit: 10_000 });
    expect(first.linesPage.total).toBeGreaterThan(10_000);
    expect(first.lines).toHaveLength(10_000);
    const second = await page(`?lineOffset=${first.linesPage.nextOffset}&lineLimit=5`);
    expect(second.lines).toHaveLength(5);
    expect(second.totals).toEqual(first.totals);
    const last = await page(`?lineOffset=${first.linesPage.total - 3}&lineLimit=10`);
    expect(last.lines).toHaveLength(3);
    expect(last.linesPage.nextOffset).toBeNull();
    expect(second.lines[0]!.earnedOn >= first.lines.at(-1)!.earnedOn).toBe(true);
    const bad = await post("/api/v1/payment-models/evaluate?lineLimit=0&lineOffset=-1", body);
    expect(bad.status).toBe(400);
    expect(Object.keys(((await bad.json()) as { errors: Record<string, string[]> }).errors).sort()).toEqual(["lineLimit", "lineOffset"]);
  }, 60_000);
});

describe("the payment workbook from the server", () => {
  it("downloads from the page route and the API: every sheet, currency formats, a frozen header; members only", async () => {
    const { unzipSync, strFromU8 } = await import("fflate");
    const res = await call(`/api/v1/workspaces/${workspaceId}/payment-model.xlsx?asOf=2022-12-31`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(res.headers.get("content-disposition")).toContain("payment-model.xlsx");
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    const workbook = strFromU8(files["xl/workbook.xml"]!);
    for (const name of ["Inputs", "Forecast", "Options appraisal", "Cash flow", "Invoices", "Payments"]) expect(workbook).toContain(`name="${name}"`);
    expect(strFromU8(files["xl/styles.xml"]!)).toContain("£#,##0.00");
    expect(strFromU8(files["xl/worksheets/sheet2.xml"]!)).toMatch(/<pane[^>]*state="frozen"/);
    // Every input is there: the tariff, the cap's basis.
    const strings = strFromU8(files["xl/sharedStrings.xml"]!);
    expect(strings).toContain("components.0.tariffPence");
    expect(strings).toContain("commissioners-share");
    expect((await call(`/api/v1/workspaces/${workspaceId}/payment-model.xlsx?asOf=2022-13-01`)).status).toBe(400);
    const outsider = await fetch(`${server.url}/api/v1/workspaces/${workspaceId}/payment-model.xlsx`);
    expect(outsider.status).toBe(401);
  }, 60_000);
});
