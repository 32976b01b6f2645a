// The co-design API over the demo workspace: the PFP outcome framework and referral
// criteria as stored in the shared documents, live edits reaching the API, and
// vignettes evaluated with field-level errors for bad or identifying input.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { admin, Browser } from "../support/client";
import { startServer, type TestServer } from "../support/server";
import { connectProvider } from "../support/sync-client";

let server: TestServer;
let token: string;
let workspaceId: string;
const call = (path: string, init: RequestInit = {}) => fetch(server.url + path, { ...init, headers: { Authorization: `Bearer ${token}`, ...init.headers } });
const evaluate = (body: unknown) =>
  call(`/api/v1/workspaces/${workspaceId}/referral-criteria/evaluate`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });

beforeAll(async () => {
  server = await startServer();
  token = (await admin(server.env, ["token:create", "--email", "prime@pfp.example"])).stdout.trim();
  workspaceId = ((await (await call("/api/v1/workspaces")).json()) as { workspaces: { id: string }[] }).workspaces[0]!.id;
}, 90_000);
afterAll(async () => server?.stop());

describe("outcome framework API", () => {
  it("returns the demo's PFP framework: one outcome paid for, four wider outcomes tracked", async () => {
    const res = await call(`/api/v1/workspaces/${workspaceId}/outcome-framework`);
    expect(res.status).toBe(200);
    const { framework, problems } = (await res.json()) as { framework: { outcomes: { title: string; linkedToPayment: boolean; measureType: string }[] }; problems: { severity: string }[] };
    expect(framework.outcomes.filter((o) => o.linkedToPayment).map((o) => o.title)).toEqual(["Stays out of care"]);
    expect(framework.outcomes.filter((o) => !o.linkedToPayment)).toHaveLength(4);
    expect(problems.filter((p) => p.severity === "error")).toEqual([]);
  });

  it("reflects a live edit made through the sync server, with the problem it creates", async () => {
    const editor = await connectProvider(server.url, `${workspaceId}/outcomes`, token);
    const outcome = editor.doc.getMap<Y.Map<unknown>>("outcomes").get("pfp-out-of-care")!;
    const source = outcome.get("dataSource") as Y.Text;
    source.delete(0, source.length);
    editor.close();
    let problems: { message: string }[] = [];
    const start = Date.now();
    while (Date.now() - start < 5000) {
      problems = ((await (await call(`/api/v1/workspaces/${workspaceId}/outcome-framework`)).json()) as { problems: { message: string }[] }).problems;
      if (problems.some((p) => p.message.includes("no data source"))) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(problems.map((p) => p.message)).toContain("Outcome 'Stays out of care' is linked to payment but has no data source.");
  });

  it("answers 404 for a version that does not exist", async () => {
    const res = await call(`/api/v1/workspaces/${workspaceId}/outcome-framework?version=v1`);
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
  });
});

describe("referral criteria API", () => {
  it("returns the PFP rules, in the referral form's words, with pathway and commitments", async () => {
    const body = (await (await call(`/api/v1/workspaces/${workspaceId}/referral-criteria`)).json()) as {
      plainLanguage: { inclusions: string[]; exclusions: string[] };
      pathway: { title: string }[];
      commitments: { partners: unknown[]; rolloverPercent: number };
      problems: unknown[];
    };
    expect(body.plainLanguage.inclusions[0]).toBe("Aged 11 to 16 (10 and 17 by exception).");
    expect(body.plainLanguage.exclusions).toHaveLength(5);
    expect(body.pathway.map((s) => s.title)[0]).toBe("Consultation clinic with social workers");
    expect(body.commitments).toMatchObject({ rolloverPercent: 10 });
    expect(body.commitments.partners).toHaveLength(5);
    expect(body.problems).toEqual([]);
  });

  it("evaluates vignettes criterion by criterion", async () => {
    const res = await evaluate({
      vignettes: [
        { id: "a", age: 10, behaviours: ["physically aggressive"], livingSituation: "main-caregiver", riskOfCare: "significant" },
        { age: 15, behaviours: ["uses drugs or alcohol"], livingSituation: "in-care", weeksToReturnHome: 6, riskOfCare: "significant" },
      ],
    });
    expect(res.status).toBe(200);
    const { results } = (await res.json()) as { results: { index: number; id?: string; outcome: string; criteria: { ruleId: string; result: string; reason: string }[] }[] };
    expect(results.map((r) => [r.index, r.id, r.outcome])).toEqual([
      [0, "a", "eligible-by-exception"],
      [1, undefined, "not-eligible"],
    ]);
    expect(results[1]!.criteria.find((c) => c.ruleId === "living")).toMatchObject({ result: "fail", reason: "In care, but the plan returns them home in 6 weeks (at most 3)." });
  });

  it("refuses identifying notes and bad fields with field-level problems, and stores nothing", async () => {
    const res = await evaluate({
      vignettes: [{ age: "fourteen", livingSituation: "castle", riskOfCare: "significant", notes: "Lives with Jordan Smith; call 07700 900123" }],
    });
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    const { errors } = (await res.json()) as { errors: Record<string, string[]> };
    expect(errors["vignettes.0.age"]).toEqual(["Give the age as a whole number"]);
    expect(errors["vignettes.0.livingSituation"]![0]).toMatch(/^Living situation must be one of: family-home/);
    expect(errors["vignettes.0.notes"]![0]).toBe("Remove the phone number: vignettes must not identify anyone.");
    expect(server.logs()).not.toContain("Jordan Smith");
    expect((await evaluate({ vignettes: [] })).status).toBe(400);
  });
});

describe("downloads", () => {
  it("gives a member the framework as CSV and JSON, and the criteria as CSV, never cached", async () => {
    const b = new Browser(server.url);
    await b.login("evaluator@ecorys.example");
    const csv = await b.get(`/workspaces/${workspaceId}/outcomes.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(csv.headers.get("content-disposition")).toBe('attachment; filename="outcome-framework.csv"');
    expect(csv.headers.get("cache-control")).toBe("no-store");
    expect(await csv.text()).toContain("Stays out of care");
    const json = (await (await b.get(`/workspaces/${workspaceId}/outcomes.json`)).json()) as { schemaVersion: number; outcomes: unknown[] };
    expect(json.schemaVersion).toBe(1);
    expect(json.outcomes).toHaveLength(5);
    expect(await (await b.get(`/workspaces/${workspaceId}/referral.csv`)).text()).toContain("Aged 11 to 16 (10 and 17 by exception).");
  });
});

describe("versions", () => {
  it("publishes the framework under a name, serves that version by name or id after it changes, and 404s an unknown one", async () => {
    const lead = new Browser(server.url);
    await lead.login("lead@sutton.example");
    await lead.page(`/workspaces/${workspaceId}/outcomes`);
    const published = await lead.post(`/workspaces/${workspaceId}/outcomes`, { intent: "publish", name: "Published for market engagement, v1" });
    expect(published.status).toBe(302);
    const versionId = new URL(published.headers.get("location")!, server.url).searchParams.get("published")!;

    const editor = await connectProvider(server.url, `${workspaceId}/outcomes`, token);
    (editor.doc.getMap<Y.Map<unknown>>("outcomes").get("pfp-wellbeing")!).set("linkedToPayment", true);
    editor.close();
    await new Promise((r) => setTimeout(r, 300)); // stored within the 50 ms batching window

    const now = (await (await call(`/api/v1/workspaces/${workspaceId}/outcome-framework`)).json()) as { framework: { outcomes: { id: string; linkedToPayment: boolean }[] } };
    expect(now.framework.outcomes.find((o) => o.id === "pfp-wellbeing")!.linkedToPayment).toBe(true);
    for (const ref of ["Published for market engagement, v1", versionId]) {
      const res = await call(`/api/v1/workspaces/${workspaceId}/outcome-framework?version=${encodeURIComponent(ref)}`);
      expect(res.status).toBe(200);
      const v = (await res.json()) as { framework: { outcomes: { id: string; linkedToPayment: boolean }[] }; version: { name: string; createdByName: string } };
      expect(v.version).toMatchObject({ name: "Published for market engagement, v1", createdByName: "Sam Okafor" });
      expect(v.framework.outcomes.find((o) => o.id === "pfp-wellbeing")!.linkedToPayment).toBe(false);
    }
    expect((await call(`/api/v1/workspaces/${workspaceId}/outcome-framework?version=v9`)).status).toBe(404);
    expect((await call(`/api/v1/workspaces/${workspaceId}/referral-criteria?version=v9`)).status).toBe(404);

    const again = await lead.post(`/workspaces/${workspaceId}/outcomes`, { intent: "publish", name: "Published for market engagement, v1" });
    expect(again.status).toBe(400);
    expect(await again.text()).toContain("already exists");

    // The overview says where the framework stands now, and links to it.
    const overview = (await lead.page(`/workspaces/${workspaceId}`)).html;
    const linked = now.framework.outcomes.filter((o) => o.linkedToPayment).length;
    expect(overview).toMatch(new RegExp(`${now.framework.outcomes.length} outcomes, ${linked} linked to payment, \\d+ indicators\\.`));
    expect(overview).toContain("Published 'Published for market engagement, v1' on ");
    expect(overview).toContain(`href="/workspaces/${workspaceId}/outcomes"`);
    expect(overview).not.toContain("Not available yet");
  });
});

describe("partner judgements of test cases", () => {
  it("compares the five boroughs' judgements: per-case split and Fleiss' kappa over cases all have judged", async () => {
    const boroughs = ["lead@sutton.example", "commissioner@merton.example", "commissioner@bexley.example", "commissioner@newham.example", "commissioner@towerhamlets.example"];
    for (const [i, email] of boroughs.entries()) {
      const b = new Browser(server.url);
      await b.login(email);
      await b.page(`/workspaces/${workspaceId}/referral`);
      expect((await b.post(`/workspaces/${workspaceId}/referral`, { intent: "judge", vignetteId: "v1", judgement: "refer" })).status).toBe(302);
      expect((await b.post(`/workspaces/${workspaceId}/referral`, { intent: "judge", vignetteId: "v2", judgement: i < 3 ? "refer" : "not-refer" })).status).toBe(302);
    }
    // Changing one's mind replaces the judgement rather than adding one.
    const sutton = new Browser(server.url);
    await sutton.login("lead@sutton.example");
    await sutton.page(`/workspaces/${workspaceId}/referral`);
    expect((await sutton.post(`/workspaces/${workspaceId}/referral`, { intent: "judge", vignetteId: "v2", judgement: "refer" })).status).toBe(302);
    const bad = await sutton.post(`/workspaces/${workspaceId}/referral`, { intent: "judge", vignetteId: "v2", judgement: "maybe" });
    expect(bad.status).toBe(400);

    const { html } = await sutton.page(`/workspaces/${workspaceId}/referral`);
    // v1: 5–0; v2: 3 refer, 2 not. P̄ = 0.7, Pe = 0.68, κ = 0.0625.
    expect(html).toContain("over the 2 cases every partner has judged: 0.06.");
    expect(html).toContain("London Borough of Newham would not refer (0–1)");
    expect(html).toContain("Partners disagree on this case.");
    // A provider cannot judge: that is the commissioning partners' call.
    const provider = new Browser(server.url);
    await provider.login("prime@pfp.example");
    await provider.page(`/workspaces/${workspaceId}/referral`);
    expect((await provider.post(`/workspaces/${workspaceId}/referral`, { intent: "judge", vignetteId: "v1", judgement: "refer" })).status).toBe(403);
  });
});

describe("priorities by stakeholder group", () => {
  it("counts each person's ratings once in their group, shows groups side by side, and stores no rater identity", async () => {
    const rate = async (email: string, scores: Record<string, string>) => {
      const b = new Browser(server.url);
      await b.login(email);
      await b.page(`/workspaces/${workspaceId}/outcomes`);
      const res = await b.post(`/workspaces/${workspaceId}/outcomes`, { intent: "rate", ...Object.fromEntries(Object.entries(scores).map(([k, v]) => [`score:${k}`, v])) });
      expect(res.status).toBe(302);
      return b;
    };
    await rate("youth@panel.example", { "pfp-out-of-care": "2", "pfp-education": "5" });
    await rate("youth@panel.example", { "pfp-out-of-care": "3", "pfp-education": "5" }); // changed their mind: replaced, not added
    const lead = await rate("lead@sutton.example", { "pfp-out-of-care": "5", "pfp-education": "3", "no-such-outcome": "5" });
    const bad = await lead.post(`/workspaces/${workspaceId}/outcomes`, { intent: "rate", "score:pfp-out-of-care": "9" });
    expect(bad.status).toBe(400);

    const { html } = await lead.page(`/workspaces/${workspaceId}/outcomes`);
    const row = (title: string) => html.slice(html.indexOf(`<th scope="row" class="py-1 pr-3 font-normal">${title}`)).split("</tr>")[0]!;
    expect(row("Stays out of care")).toContain("5.0 (1) · #1"); // commissioners
    expect(row("Stays out of care")).toContain("3.0 (1) · #2"); // service users
    expect(row("Education")).toContain("5.0 (1) · #1");
    // The observer may not rate, and no one's identity is in the ratings.
    const observer = new Browser(server.url);
    await observer.login("fund@tnlcf.example");
    await observer.page(`/workspaces/${workspaceId}/outcomes`);
    expect((await observer.post(`/workspaces/${workspaceId}/outcomes`, { intent: "rate", "score:pfp-out-of-care": "1" })).status).toBe(403);
  });
});
