// Sign-up, sign-in, sign-out, sessions, CSRF and rate limiting, over real HTTP.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Browser } from "../support/client";
import { startServer, type TestServer } from "../support/server";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
}, 90_000);
afterAll(async () => server?.stop());

const signup = { name: "Nia Campbell", email: "Nia@Example.org", password: "correct horse battery", confirmPassword: "correct horse battery" };

describe("accounts and sessions", () => {
  it("signs up, lands on the workspace list, and the session cookie is httpOnly and SameSite=Lax", async () => {
    const b = new Browser(server.url);
    await b.page("/signup");
    const res = await fetch(`${server.url}/signup`, {
      method: "POST",
      redirect: "manual",
      headers: { Cookie: b.cookieHeader(), "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrf: b.csrf, ...signup, organisationName: "Family Action", organisationType: "provider" }),
    });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/workspaces");
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith("oc_session="))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/); // plain http here; Secure is set over https
  });

  it("shows field errors for bad sign-up input and creates nothing", async () => {
    const b = new Browser(server.url);
    await b.page("/signup");
    const res = await b.post("/signup", { name: "", email: "not-an-email", password: "short", confirmPassword: "other" });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain("Enter your name.");
    expect(html).toContain("Enter an email address like name@example.org.");
    expect(html).toContain("Password must be at least 10 characters.");
    expect(html).toContain("The passwords do not match.");
    expect(html).toContain('aria-invalid="true"');
  });

  it("refuses a second account with the same email, whatever its case", async () => {
    const b = new Browser(server.url);
    await b.page("/signup");
    const res = await b.post("/signup", { ...signup, email: "nia@EXAMPLE.org" });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("An account with this email address already exists");
  });

  it("signs in with the email in any case, and out again (the session stops working)", async () => {
    const b = new Browser(server.url);
    await b.login("NIA@example.org", signup.password);
    expect((await b.get("/workspaces")).status).toBe(200);
    const stolen = b.cookieHeader();
    await b.page("/workspaces");
    const out = await b.post("/logout", {});
    expect(out.status).toBe(302);
    expect((await b.get("/workspaces")).status).toBe(302);
    // The old cookie is dead on the server too, not just cleared in this browser.
    const replay = await fetch(`${server.url}/workspaces`, { redirect: "manual", headers: { Cookie: stolen } });
    expect(replay.status).toBe(302);
  });

  it("gives one message for a wrong password and an unknown account", async () => {
    const b = new Browser(server.url);
    await b.page("/login");
    const wrong = await (await b.post("/login", { email: "nia@example.org", password: "wrong password!" })).text();
    const unknown = await (await b.post("/login", { email: "nobody@example.org", password: "wrong password!" })).text();
    expect(wrong).toContain("The email address or password is not right.");
    expect(unknown).toContain("The email address or password is not right.");
  });

  it("rejects a form without the CSRF token, or with another browser's, and changes nothing", async () => {
    const b = new Browser(server.url);
    await b.page("/signup");
    const none = await b.post("/signup", { ...signup, email: "csrf@example.org" }, { csrf: false });
    expect(none.status).toBe(403);
    const other = new Browser(server.url);
    await other.page("/signup");
    b.csrf = other.csrf;
    const mismatched = await b.post("/signup", { ...signup, email: "csrf@example.org" });
    expect(mismatched.status).toBe(403);
    const good = new Browser(server.url);
    await good.page("/login");
    const login = await good.post("/login", { email: "csrf@example.org", password: signup.password });
    expect(login.status).toBe(400); // the account was never created
  });

  it("locks an account after 5 failed sign-ins, with a message saying when to retry", async () => {
    const b = new Browser(server.url);
    await b.login("lead@sutton.example"); // demo account works before
    const attacker = new Browser(server.url);
    await attacker.page("/login");
    for (let i = 0; i < 5; i++) {
      expect((await attacker.post("/login", { email: "lead@sutton.example", password: `guess-${i}-guess` })).status).toBe(400);
    }
    const locked = await attacker.post("/login", { email: "lead@sutton.example", password: "outcomes-demo" });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await locked.text()).toMatch(/Too many failed sign-in attempts. Try again in \d+ minutes?\./);
  });

  it("only redirects to same-site paths after sign-in and sign-up, and answers a redirect (never a 500) whatever redirectTo holds", async () => {
    const cases: [string, string][] = [
      ["//evil.example/x", "/workspaces"],
      ["/\t/evil.example", "/workspaces"],
      ["/\\evil.example", "/workspaces"],
      ["https://evil.example/", "/workspaces"],
      ["/workspaces\r\nSet-Cookie: x=1", "/workspaces"],
      ["/workspaces\u0000", "/workspaces"],
      ["/notifications?x=é", "/notifications?x=%C3%A9"],
      ["/settings/tokens#new", "/settings/tokens#new"],
    ];
    for (const [redirectTo, expected] of cases) {
      const b = new Browser(server.url);
      await b.page("/login");
      const res = await b.post("/login", { email: "prime@pfp.example", password: "outcomes-demo", redirectTo });
      expect(res.status, JSON.stringify(redirectTo)).toBe(302);
      expect(res.headers.get("location"), JSON.stringify(redirectTo)).toBe(expected);
    }
    // A link that carries a hostile redirectTo: the sign-in page posts back only a safe path.
    const page = await new Browser(server.url).page(`/login?${new URLSearchParams({ redirectTo: "/\t/evil.example" })}`);
    expect(page.status).toBe(200);
    expect(page.html).toContain('name="redirectTo" value="/workspaces"');
    expect(page.html).not.toContain("evil.example");
    // The browser's own reading of the tab trick: it would have gone to evil.example.
    expect(new URL("/\t/evil.example", server.url).host).toBe("evil.example");
    const b = new Browser(server.url);
    await b.page("/signup");
    const res = await b.post("/signup", { name: "Red Irect", email: "redirect@example.org", password: "a-long-password", confirmPassword: "a-long-password", redirectTo: "/\t/evil.example" });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/workspaces");
  });

  it("never writes passwords or session secrets to the log", () => {
    const logs = server.logs();
    expect(logs).not.toContain(signup.password);
    expect(logs).not.toContain("outcomes-demo\n");
    expect(logs).not.toMatch(/oc_session=/);
  });
});

describe("sign-in limits that nobody can turn against others", () => {
  // Behind a trusted proxy the client address comes from X-Forwarded-For, so one test
  // can be several networks: a school's shared address, an attacker's, a botnet's.
  let proxied: TestServer;
  beforeAll(async () => {
    proxied = await startServer({ TRUST_PROXY: "true", SEED_DEMO: "false" }, server.db);
  }, 90_000);
  afterAll(async () => proxied?.stopKeepingDb());

  async function attempt(from: string, email: string, password: string) {
    const page = await fetch(`${proxied.url}/login`, { headers: { "X-Forwarded-For": from } });
    const cookie = page.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
    const csrf = /name="csrf" value="([^"]+)"/.exec(await page.text())![1]!;
    const started = Date.now();
    const res = await fetch(`${proxied.url}/login`, {
      method: "POST",
      redirect: "manual",
      headers: { "X-Forwarded-For": from, Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrf, email, password }),
    });
    return { status: res.status, ms: Date.now() - started, text: await res.text() };
  }

  it("50 failures from one shared address do not lock out anyone else there: correct passwords still sign in, spaced out", async () => {
    const school = "198.51.100.7";
    for (let i = 0; i < 50; i++) expect((await attempt(school, `pupil${i}@school.example`, "wrong-password-here")).status).toBe(400);
    const ok = await attempt(school, "commissioner@merton.example", "outcomes-demo");
    expect(ok.status).toBe(302);
    // Past the threshold attempts from that address queue a second apart rather than all at once.
    const parallel = await Promise.all([1, 2, 3].map(() => attempt(school, "nobody@school.example", "wrong-password-here")));
    expect(parallel.map((p) => p.status)).toEqual([400, 400, 400]);
    expect(Math.max(...parallel.map((p) => p.ms))).toBeGreaterThanOrEqual(1500);
    // Another address is not slowed at all.
    expect((await attempt("203.0.113.9", "investor@bridges.example", "outcomes-demo")).status).toBe(302);
  }, 120_000);

  it("5 failures lock an account from that address only; 20 from anywhere lock the account", async () => {
    for (let i = 0; i < 5; i++) expect((await attempt("192.0.2.1", "evaluator@ecorys.example", `guess-${i}-guess`)).status).toBe(400);
    const locked = await attempt("192.0.2.1", "evaluator@ecorys.example", "outcomes-demo");
    expect(locked.status).toBe(429);
    expect(locked.text).toMatch(/Too many failed sign-in attempts. Try again in \d+ minutes?\./);
    // The owner, from their own network, still gets in.
    expect((await attempt("192.0.2.2", "evaluator@ecorys.example", "outcomes-demo")).status).toBe(302);
    // Distributed guessing: 20 failures from 20 addresses lock the account everywhere.
    for (let i = 0; i < 20; i++) expect((await attempt(`192.0.2.${100 + i}`, "fund@tnlcf.example", `guess-${i}-guess`)).status).toBe(400);
    expect((await attempt("192.0.2.250", "fund@tnlcf.example", "outcomes-demo")).status).toBe(429);
  }, 120_000);
});
