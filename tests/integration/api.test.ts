// The JSON API: bearer tokens, problem+json errors, validation, OpenAPI.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { admin, Browser } from "../support/client";
import { startServer, type TestServer } from "../support/server";

let server: TestServer;
let token: string;
const call = (path: string, init: RequestInit = {}, t = token) =>
  fetch(server.url + path, { ...init, headers: { Authorization: `Bearer ${t}`, ...init.headers } });

beforeAll(async () => {
  server = await startServer();
  const r = await admin(server.env, ["token:create", "--email", "lead@sutton.example", "--name", "api test"]);
  expect(r.code).toBe(0);
  token = r.stdout.trim();
}, 90_000);
afterAll(async () => server?.stop());

describe("JSON API", () => {
  it("GET /api/v1/me identifies the token's owner", async () => {
    const res = await call("/api/v1/me");
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ email: "lead@sutton.example", organisation: { name: "London Borough of Sutton", type: "local-authority" } });
  });

  it("lists workspaces with the caller's role, and one workspace with its permissions", async () => {
    const { workspaces } = (await (await call("/api/v1/workspaces")).json()) as { workspaces: { id: string; name: string; role: string; isLead: boolean; memberCount: number }[] };
    // The demo's two workspaces: the live co-design and market engagement first, then the tender with bids in.
    expect(workspaces.map((w) => w.name)).toEqual(["Pan-London Edge of Care", "Edge of Care tender: bids in"]);
    expect(workspaces[0]).toMatchObject({ name: "Pan-London Edge of Care", role: "commissioner", isLead: true, memberCount: 15 });
    const one = (await (await call(`/api/v1/workspaces/${workspaces[0]!.id}`)).json()) as { permissions: string[] };
    expect(one.permissions).toContain("manage:members");
  });

  it("creates a workspace from valid JSON, and explains invalid JSON field by field without creating anything", async () => {
    const bad = await call("/api/v1/workspaces", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ name: "", ownerRole: "king", extra: 1 }) });
    expect(bad.status).toBe(400);
    expect(bad.headers.get("content-type")).toBe("application/problem+json");
    const problem = (await bad.json()) as { status: number; errors: Record<string, string[]> };
    expect(problem.status).toBe(400);
    expect(problem.errors.name).toEqual(["Enter a workspace name."]);
    expect(problem.errors.ownerRole?.length).toBe(1);
    const notJson = await call("/api/v1/workspaces", { method: "POST", headers: { "Content-Type": "application/json" }, body: "{" });
    expect(notJson.status).toBe(400);
    const wrongType = await call("/api/v1/workspaces", { method: "POST", body: "name=x" });
    expect(wrongType.status).toBe(415);
    const before = ((await (await call("/api/v1/workspaces")).json()) as { workspaces: unknown[] }).workspaces.length;
    expect(before).toBe(2);

    const ok = await call("/api/v1/workspaces", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ name: "Kent Youth Employment", ownerRole: "facilitator" }) });
    expect(ok.status).toBe(201);
    const created = (await ok.json()) as { id: string; role: string };
    expect(created.role).toBe("facilitator");
    expect(ok.headers.get("location")).toBe(`/api/v1/workspaces/${created.id}`);
  });

  it("answers 401 problem+json for a bad or revoked token, with WWW-Authenticate", async () => {
    const res = await call("/api/v1/me", {}, "oc_pat_not-a-real-token");
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toMatch(/Bearer/);
    expect(((await res.json()) as { detail: string }).detail).toMatch(/token/);

    const b = new Browser(server.url);
    await b.login("prime@pfp.example");
    await b.page("/settings/tokens");
    const html = await (await b.post("/settings/tokens", { intent: "create", name: "to revoke" })).text();
    const t = /id="new-token"[^>]*value="([^"]+)"/.exec(html)![1]!;
    expect((await call("/api/v1/me", {}, t)).status).toBe(200);
    const page = await b.page("/settings/tokens");
    const tokenId = /name="tokenId" value="([^"]+)"/.exec(page.html)![1]!;
    expect((await b.post("/settings/tokens", { intent: "revoke", tokenId })).status).toBe(200);
    expect((await call("/api/v1/me", {}, t)).status).toBe(401);
  });

  it("never writes the token to the log", async () => {
    expect(server.logs()).not.toContain(token);
  });

  it("accepts the session cookie for reads, but cookie-authenticated writes need the CSRF header", async () => {
    const b = new Browser(server.url);
    await b.login("facilitator@gla.example");
    const me = await b.get("/api/v1/me");
    expect(me.status).toBe(200);
    const noHeader = await fetch(`${server.url}/api/v1/workspaces`, { method: "POST", headers: { Cookie: b.cookieHeader(), "Content-Type": "application/json" }, body: JSON.stringify({ name: "x" }) });
    expect(noHeader.status).toBe(403);
    await b.page("/workspaces");
    const withHeader = await fetch(`${server.url}/api/v1/workspaces`, {
      method: "POST",
      headers: { Cookie: b.cookieHeader(), "Content-Type": "application/json", "X-CSRF-Token": b.csrf },
      body: JSON.stringify({ name: "Cookie-made workspace" }),
    });
    expect(withHeader.status).toBe(201);
  });

  it("answers unknown endpoints and methods with problem+json", async () => {
    const missing = await call("/api/v1/nothing-here");
    expect(missing.status).toBe(404);
    expect(missing.headers.get("content-type")).toBe("application/problem+json");
    const method = await call("/api/v1/me", { method: "DELETE" });
    expect(method.status).toBe(405);
    expect(method.headers.get("allow")).toBe("GET");
  });

  it("publishes an OpenAPI document generated from the schemas", async () => {
    const doc = (await (await fetch(`${server.url}/api/v1/openapi.json`)).json()) as { openapi: string; paths: Record<string, Record<string, { requestBody?: { content: { "application/json": { schema: { properties: Record<string, unknown>; required?: string[] } } } } }>> };
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths).sort()).toEqual([
      "/me",
      "/payment-models/evaluate",
      "/payment-models/forecast",
      "/procurements/{procurementId}/ocds/record",
      "/procurements/{procurementId}/ocds/releases",
      "/workspaces",
      "/workspaces/{workspaceId}",
      "/workspaces/{workspaceId}/activity",
      "/workspaces/{workspaceId}/audit",
      "/workspaces/{workspaceId}/indigo",
      "/workspaces/{workspaceId}/members",
      "/workspaces/{workspaceId}/outcome-framework",
      "/workspaces/{workspaceId}/payment-model",
      "/workspaces/{workspaceId}/payment-model.xlsx",
      "/workspaces/{workspaceId}/referral-criteria",
      "/workspaces/{workspaceId}/referral-criteria/evaluate",
      "/workspaces/{workspaceId}/what-ifs",
      "/workspaces/{workspaceId}/what-ifs/{whatIfId}",
    ]);
    const body = doc.paths["/workspaces"]!.post!.requestBody!.content["application/json"].schema;
    expect(Object.keys(body.properties).sort()).toEqual(["description", "name", "ownerRole"]);
    expect(body.required).toContain("name");
  });

  it("GET /healthz reports the database", async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, db: server.db.kind });
  });
});
