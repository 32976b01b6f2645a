// Security headers on real responses: a nonce-based Content-Security-Policy that the
// page's own scripts carry, no framing, HSTS only behind a trusted proxy over HTTPS,
// and nothing dynamic cached.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Browser } from "../support/client";
import { startServer, type TestServer } from "../support/server";

let server: TestServer;
let proxied: TestServer;
let signedIn: Browser;
let workspacePath: string;

beforeAll(async () => {
  server = await startServer();
  proxied = await startServer({ TRUST_PROXY: "true", SEED_DEMO: "false" }, server.db);
  signedIn = new Browser(server.url);
  await signedIn.login("lead@sutton.example");
  const list = await signedIn.page("/workspaces");
  workspacePath = /href="(\/workspaces\/[^"/]+)"/.exec(list.html.replace(/href="\/workspaces\/new"/, ""))![1]!;
}, 120_000);

afterAll(async () => {
  await proxied?.stopKeepingDb();
  await server?.stop();
});

const directives = (csp: string) => new Map(csp.split(";").map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));

describe("security headers", () => {
  it("every page has a nonce-based Content-Security-Policy, and every script in it carries that nonce", async () => {
    const anonymous = new Browser(server.url);
    for (const [who, path] of [[anonymous, "/login"], [signedIn, "/workspaces"], [signedIn, workspacePath], [signedIn, `${workspacePath}/outcomes`]] as const) {
      const res = await who.get(path);
      expect(res.status, path).toBe(200);
      const csp = directives(res.headers.get("content-security-policy") ?? "");
      const nonce = /^'nonce-([A-Za-z0-9+/=]+)'$/.exec(csp.get("script-src")?.find((v) => v.startsWith("'nonce-")) ?? "")?.[1];
      expect(nonce, `${path}: a nonce in script-src`).toBeTruthy();
      expect(csp.get("script-src")).not.toContain("'unsafe-inline'");
      expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
      expect(csp.get("object-src")).toEqual(["'none'"]);
      expect(csp.get("base-uri")).toEqual(["'none'"]);
      const html = await res.text();
      const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]!);
      expect(scripts.length, path).toBeGreaterThan(0);
      for (const attrs of scripts) expect(attrs, `${path}: <script${attrs}>`).toContain(`nonce="${nonce}"`);
    }
  });

  it("uses a new nonce for each response", async () => {
    const nonces = await Promise.all([1, 2, 3].map(async () => /'nonce-([^']+)'/.exec((await fetch(`${server.url}/login`)).headers.get("content-security-policy")!)![1]));
    expect(new Set(nonces).size).toBe(3);
  });

  it("refuses framing and sniffing on every response, the API included", async () => {
    for (const path of ["/login", "/api/v1/me", "/healthz", "/no-such-page"]) {
      const res = await fetch(server.url + path);
      expect(res.headers.get("x-frame-options"), path).toBe("DENY");
      expect(res.headers.get("x-content-type-options"), path).toBe("nosniff");
      expect(res.headers.get("content-security-policy"), path).toContain("frame-ancestors 'none'");
    }
  });

  it("sends Cache-Control: no-store on signed-in pages, data requests, downloads and the API; static assets stay cacheable", async () => {
    const token = await tokenFor(signedIn);
    const checks: [string, Response][] = [
      ["workspace page", await signedIn.get(workspacePath)],
      ["members page", await signedIn.get(`${workspacePath}/members`)],
      ["route data", await signedIn.get(`${workspacePath}/members.data`)],
      ["download", await signedIn.get(`${workspacePath}/outcomes.csv`)],
      ["API", await fetch(`${server.url}/api/v1/workspaces`, { headers: { Authorization: `Bearer ${token}` } })],
      ["API error", await fetch(`${server.url}/api/v1/workspaces`)],
    ];
    for (const [what, res] of checks) {
      expect(res.status, what).toBeLessThan(500);
      expect(res.headers.get("cache-control"), what).toBe("no-store");
    }
    const asset = /href="(\/assets\/[^"]+\.css)"/.exec((await signedIn.page("/workspaces")).html)![1]!;
    expect((await fetch(server.url + asset)).headers.get("cache-control")).toMatch(/immutable/);
  });

  it("sends HSTS only behind a trusted proxy and only for HTTPS requests", async () => {
    const direct = await fetch(`${server.url}/login`, { headers: { "X-Forwarded-Proto": "https" } });
    expect(direct.headers.get("strict-transport-security"), "TRUST_PROXY=false ignores X-Forwarded-Proto").toBeNull();
    const overHttp = await fetch(`${proxied.url}/login`, { headers: { "X-Forwarded-Proto": "http" } });
    expect(overHttp.headers.get("strict-transport-security")).toBeNull();
    const overHttps = await fetch(`${proxied.url}/login`, { headers: { "X-Forwarded-Proto": "https" } });
    expect(overHttps.headers.get("strict-transport-security")).toMatch(/^max-age=31536000; includeSubDomains$/);
  });
});

async function tokenFor(b: Browser): Promise<string> {
  await b.page("/settings/tokens");
  const res = await b.post("/settings/tokens", { intent: "create", name: "headers test" });
  return /id="new-token"[^>]*value="([^"]+)"/.exec(await res.text())![1]!;
}
