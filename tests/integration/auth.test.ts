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

  it("only redirects to same-site paths after sign-in", async () => {
    const b = new Browser(server.url);
    await b.page("/login");
    const res = await b.post("/login", { email: "prime@pfp.example", password: "outcomes-demo", redirectTo: "//evil.example/x" });
    expect(res.headers.get("location")).toBe("/workspaces");
  });

  it("never writes passwords or session secrets to the log", () => {
    const logs = server.logs();
    expect(logs).not.toContain(signup.password);
    expect(logs).not.toContain("outcomes-demo\n");
    expect(logs).not.toMatch(/oc_session=/);
  });
});
