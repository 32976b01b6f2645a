// Comment threads on outcomes and indicators over real forms (as a browser without
// JavaScript sends them): mentions notify, replies notify participants, resolve and
// reopen, a young person's comment carries no identity, bad input gets field errors,
// and an observer cannot comment.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Browser } from "../support/client";
import { startServer, type TestServer } from "../support/server";

let server: TestServer;
let workspaceId: string;
const browsers: Record<string, Browser> = {};
const as = (email: string) => browsers[email]!;
const outcomes = () => `/workspaces/${workspaceId}/outcomes`;
const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/&#x27;/g, "'").replace(/\s+/g, " ");

beforeAll(async () => {
  server = await startServer();
  for (const email of ["prime@pfp.example", "lead@sutton.example", "youth@panel.example", "fund@tnlcf.example", "commissioner@merton.example"]) {
    browsers[email] = new Browser(server.url);
    await browsers[email].login(email);
  }
  const list = await as("lead@sutton.example").page("/workspaces");
  workspaceId = /\/workspaces\/([a-z0-9]{20,})/.exec(list.html)![1]!;
}, 90_000);
afterAll(async () => server?.stop());

async function comment(email: string, fields: Record<string, string>) {
  await as(email).page(outcomes());
  return as(email).post(outcomes(), fields);
}
async function threadIdOf(location: string | null) {
  return /thread=([a-z0-9]+)/.exec(location ?? "")![1]!;
}

describe("comment threads", () => {
  let threadId: string;

  it("starts a thread on an outcome and notifies the member mentioned", async () => {
    const res = await comment("prime@pfp.example", { intent: "comment", target: "outcome:pfp-out-of-care", body: "@Sam Okafor can Sutton evidence nights in care from its case system?" });
    expect(res.status).toBe(302);
    threadId = await threadIdOf(res.headers.get("location"));
    const page = text((await as("lead@sutton.example").page(outcomes())).html);
    expect(page).toContain("About outcome 'Stays out of care' Open");
    expect(page).toContain("Helen Marsh");
    const header = text((await as("lead@sutton.example").page("/notifications")).html);
    expect(header).toContain("Notifications 1 unread");
    expect(header).toContain("Helen Marsh mentioned you on outcome 'Stays out of care' in Pan-London Edge of Care's outcome framework");
    // Nobody else was mentioned.
    expect(text((await as("commissioner@merton.example").page("/notifications")).html)).toContain("Nothing new.");
  });

  it("opens the notification at the thread and marks it read", async () => {
    const list = (await as("lead@sutton.example").page("/notifications")).html;
    const id = /name="id" value="([^"]+)"/.exec(list)![1]!;
    const res = await as("lead@sutton.example").post("/notifications", { intent: "open", id });
    expect(res.headers.get("location")).toBe(`/workspaces/${workspaceId}/outcomes?thread=${threadId}#thread-${threadId}`);
    expect(text((await as("lead@sutton.example").page("/notifications")).html)).toContain("Nothing new.");
    // Someone else's notification cannot be opened.
    expect((await as("commissioner@merton.example").post("/notifications", { intent: "open", id })).status).toBe(404);
  });

  it("notifies the thread's participants of a reply, and resolves and reopens", async () => {
    expect((await comment("lead@sutton.example", { intent: "reply", threadId, body: "Yes, weekly from Mosaic." })).status).toBe(302);
    expect(text((await as("prime@pfp.example").page("/notifications")).html)).toContain("Sam Okafor replied on outcome 'Stays out of care'");
    expect((await comment("prime@pfp.example", { intent: "resolve", threadId })).status).toBe(302);
    expect(text((await as("prime@pfp.example").page(outcomes())).html)).toContain("Resolved by Helen Marsh");
    expect((await comment("lead@sutton.example", { intent: "reopen", threadId })).status).toBe(302);
    expect(text((await as("prime@pfp.example").page(outcomes())).html)).toContain("About outcome 'Stays out of care' Open");
  });

  it("comments on an indicator", async () => {
    const page = (await as("prime@pfp.example").page(outcomes())).html;
    const target = /value="(indicator:pfp-out-of-care:[^"]+)"/.exec(page)![1]!;
    const res = await comment("prime@pfp.example", { intent: "comment", target, body: "Is this weekly or monthly?" });
    expect(res.status).toBe(302);
    expect(text((await as("prime@pfp.example").page(outcomes())).html)).toMatch(/About indicator '[^']+' of outcome 'Stays out of care'/);
  });

  it("shows a young person's comment without their name, and stores no id for it", async () => {
    const res = await comment("youth@panel.example", { intent: "comment", target: "outcome:pfp-out-of-care", body: "Staying with family should count even if there are rows. @Helen Marsh" });
    expect(res.status).toBe(302);
    const page = text((await as("lead@sutton.example").page(outcomes())).html);
    expect(page).toContain("A young person");
    expect(page).not.toContain("Youth panel");
    expect(text((await as("prime@pfp.example").page("/notifications")).html)).toContain("A young person mentioned you");
  });

  it("refuses an empty comment or a target that is not in the framework, with field errors, and saves nothing", async () => {
    const before = text((await as("prime@pfp.example").page(outcomes())).html);
    const empty = await comment("prime@pfp.example", { intent: "comment", target: "outcome:pfp-out-of-care", body: "   " });
    expect(empty.status).toBe(400);
    expect(text(await empty.text())).toContain("Write a comment.");
    const gone = await comment("prime@pfp.example", { intent: "comment", target: "outcome:no-such-outcome", body: "Hello" });
    expect(gone.status).toBe(400);
    expect(text(await gone.text())).toContain("That is no longer in the framework; choose something else.");
    expect(text((await as("prime@pfp.example").page(outcomes())).html)).toBe(before);
  });

  it("does not let an observer comment, reply or resolve", async () => {
    expect((await comment("fund@tnlcf.example", { intent: "comment", target: "outcome:pfp-out-of-care", body: "Hi" })).status).toBe(403);
    expect((await comment("fund@tnlcf.example", { intent: "resolve", threadId })).status).toBe(403);
    const page = (await as("fund@tnlcf.example").page(outcomes())).html;
    expect(page).toContain("weekly from Mosaic");
    expect(page).not.toContain('name="body"');
  });

  it("never puts an email address on the page", async () => {
    const page = (await as("prime@pfp.example").page(outcomes())).html;
    expect(page).not.toMatch(/@[a-z]+\.example/);
  });
});
