// The workspace event stream (Server-Sent Events): a page learns at once that a
// comment, a rating or a judgement changed, with no content and no names in the
// event; members only; across two processes through a real Redis.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Browser } from "../support/client";
import { openEventStream } from "../support/event-stream";
import { startServer, type TestServer } from "../support/server";

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
let a: TestServer;
let b: TestServer;
let workspaceId: string;
const browsers: Record<string, Browser> = {};

async function signedIn(server: TestServer, email: string): Promise<Browser> {
  const browser = new Browser(server.url);
  await browser.login(email);
  return browser;
}

beforeAll(async () => {
  const SESSION_SECRET = `events-${randomBytes(16).toString("hex")}`;
  a = await startServer({ REDIS_URL, SESSION_SECRET });
  b = await startServer({ REDIS_URL, SESSION_SECRET, SEED_DEMO: "false" }, a.db);
  browsers.lead = await signedIn(a, "lead@sutton.example");
  browsers.prime = await signedIn(a, "prime@pfp.example");
  browsers.leadOnB = await signedIn(b, "lead@sutton.example");
  const list = await browsers.lead.page("/workspaces");
  workspaceId = /\/workspaces\/([a-z0-9]{20,})/.exec(list.html)![1]!;
}, 120_000);

afterAll(async () => {
  await b?.stopKeepingDb();
  await a?.stop();
});

describe("workspace events", () => {
  it("tells a member's open page that a comment was posted, without its text or author", async () => {
    const { status, stream } = await openEventStream(`${a.url}/workspaces/${workspaceId}/events`, browsers.lead!.cookieHeader());
    expect(status).toBe(200);
    await stream!.waitFor("retry: 5000");
    await browsers.prime!.page(`/workspaces/${workspaceId}/outcomes`);
    const res = await browsers.prime!.post(`/workspaces/${workspaceId}/outcomes`, { intent: "comment", target: "outcome:pfp-out-of-care", body: "Can Merton evidence this from its case system?" });
    expect(res.status).toBe(302);
    await stream!.waitFor("event: change\ndata: comments\n\n");
    expect(stream!.text()).not.toContain("Merton");
    expect(stream!.text()).not.toContain("Helen");
    stream!.close();
  });

  it("reaches a page served by the other process, through Redis", async () => {
    const { stream } = await openEventStream(`${b.url}/workspaces/${workspaceId}/events`, browsers.leadOnB!.cookieHeader());
    await stream!.waitFor("retry: 5000");
    await browsers.prime!.page(`/workspaces/${workspaceId}/outcomes`);
    await browsers.prime!.post(`/workspaces/${workspaceId}/outcomes`, { intent: "comment", target: "outcome:pfp-out-of-care", body: "And Bexley?" });
    await stream!.waitFor("data: comments");
    stream!.close();
  });

  it("is for members only", async () => {
    const outsider = new Browser(a.url);
    await outsider.page("/signup");
    await outsider.post("/signup", { name: "Out Sider", email: `outsider-${Date.now()}@example.org`, password: "a-long-password", confirmPassword: "a-long-password" });
    expect((await openEventStream(`${a.url}/workspaces/${workspaceId}/events`, outsider.cookieHeader())).status).toBe(404);
    expect((await openEventStream(`${a.url}/workspaces/${workspaceId}/events`, "")).status).toBe(302);
  });

  it("ends open streams at a graceful shutdown, so they never hold the server up", async () => {
    const c = await startServer({ SEED_DEMO: "false" }, a.db);
    const lead = await signedIn(c, "lead@sutton.example");
    const { stream } = await openEventStream(`${c.url}/workspaces/${workspaceId}/events`, lead.cookieHeader());
    await stream!.waitFor("retry: 5000");
    const started = Date.now();
    await c.stopKeepingDb();
    await stream!.ended;
    // The server's own deadline is 10 s; an open stream must not run it down.
    expect(Date.now() - started).toBeLessThan(5_000);
  }, 60_000);
});
