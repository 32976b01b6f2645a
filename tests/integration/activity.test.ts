// The activity feed, end to end: changes made through the real sync server by two
// people are attributed to each of them (from their connections), folded into one
// line per run of edits, and readable through the API and the page; a read-only
// member's rejected edits leave no trace.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { addIndicator, addOutcome, updateOutcome } from "~/domain/outcome-framework";
import { moveItem } from "~/domain/referral-design";
import { admin, Browser } from "../support/client";
import { startServer, type TestServer } from "../support/server";
import { connectProvider, eventually } from "../support/sync-client";

let server: TestServer;
const tokens: Record<string, string> = {};
let workspaceId: string;
type Line = { actorName: string; summary: string; section: string; at: string; id: string };

const call = (path: string, who = "lead@sutton.example") => fetch(server.url + path, { headers: { Authorization: `Bearer ${tokens[who]}` } });
async function activity(query = ""): Promise<Line[]> {
  const res = await call(`/api/v1/workspaces/${workspaceId}/activity${query}`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { activity: Line[] }).activity;
}

beforeAll(async () => {
  server = await startServer({ ACTIVITY_QUIET_MS: "300" });
  for (const email of ["lead@sutton.example", "prime@pfp.example", "fund@tnlcf.example"]) tokens[email] = (await admin(server.env, ["token:create", "--email", email])).stdout.trim();
  workspaceId = ((await (await call("/api/v1/workspaces")).json()) as { workspaces: { id: string }[] }).workspaces[0]!.id;
}, 90_000);
afterAll(async () => server?.stop());

describe("activity feed", () => {
  it("attributes each person's changes to them, one line per run of edits", async () => {
    const sam = await connectProvider(server.url, `${workspaceId}/outcomes`, tokens["lead@sutton.example"]!);
    const helen = await connectProvider(server.url, `${workspaceId}/outcomes`, tokens["prime@pfp.example"]!);
    // Sam types a target, character by character; Helen adds an outcome and names it as she types.
    for (const ch of "80% of young people") updateOutcome(sam.doc, "pfp-out-of-care", { target: `${(sam.doc.getMap<Y.Map<unknown>>("outcomes").get("pfp-out-of-care")!.get("target") as Y.Text).toString()}${ch}` });
    const id = addOutcome(helen.doc, { title: "A" });
    for (const title of ["At", "Attends school"]) updateOutcome(helen.doc, id, { title });
    addIndicator(helen.doc, id, { title: "Attendance above 90%" });
    await eventually(() => sam.doc.getMap("outcomes").has(id), 5000, "Helen's outcome reaching Sam");
    sam.close();
    helen.close();

    let lines: Line[] = [];
    const poll = async () => {
      for (let i = 0; i < 50 && lines.length < 2; i++) {
        lines = await activity("?section=outcomes");
        await new Promise((r) => setTimeout(r, 200));
      }
    };
    await poll();
    const said = lines.map((l) => `${l.actorName} ${l.summary}`);
    // One line for the whole run of keystrokes, from the target as it was to what Sam typed.
    const sams = said.find((l) => l.startsWith("Sam Okafor edited the target of outcome 'Stays out of care': "));
    expect(sams).toMatch(/: '…[^']*384 cases\.' → '…[^']*384 cases\.80% of young people'$/);
    expect(said).toContain("Helen Marsh added outcome 'Attends school'");
    expect(said).toHaveLength(2);
  }, 30_000);

  it("records referral changes separately and filters by section", async () => {
    const helen = await connectProvider(server.url, `${workspaceId}/referral`, tokens["prime@pfp.example"]!);
    const first = helen.doc.getArray<string>("pathwayOrder").get(0);
    moveItem(helen.doc, "pathway", first, 1);
    await new Promise((r) => setTimeout(r, 200));
    helen.close();
    let lines: Line[] = [];
    for (let i = 0; i < 50 && lines.length === 0; i++) {
      lines = await activity("?section=referral");
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(lines.map((l) => `${l.actorName} ${l.summary}`)).toEqual(["Helen Marsh reordered the pathway steps"]);
    expect((await activity()).map((l) => l.section).sort()).toEqual(["outcomes", "outcomes", "referral"]);
  }, 30_000);

  it("records nothing for a read-only member's attempted edit", async () => {
    const before = (await activity()).length;
    const jonah = await connectProvider(server.url, `${workspaceId}/outcomes`, tokens["fund@tnlcf.example"]!);
    updateOutcome(jonah.doc, "pfp-out-of-care", { title: "Changed by an observer" });
    await new Promise((r) => setTimeout(r, 1200));
    jonah.close();
    expect(await activity()).toHaveLength(before);
  }, 30_000);

  it("pages back with before, and refuses a bad query with field errors", async () => {
    const [newest, ...rest] = await activity();
    const older = await activity(`?before=${encodeURIComponent(newest!.at)}&beforeId=${newest!.id}`);
    expect(older.map((l) => l.id)).toEqual(rest.map((l) => l.id));
    const res = await call(`/api/v1/workspaces/${workspaceId}/activity?section=payments&limit=0`);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { errors: Record<string, string[]> };
    expect(Object.keys(body.errors).sort()).toEqual(["limit", "section"]);
  });

  it("shows the feed on the activity page and on the outcomes page", async () => {
    const browser = new Browser(server.url);
    await browser.login("evaluator@ecorys.example");
    const feed = await browser.page(`/workspaces/${workspaceId}/activity?section=referral`);
    expect(feed.status).toBe(200);
    const text = (html: string) => html.replace(/<!-- -->/g, "").replace(/<[^>]+>/g, "").replace(/&#x27;/g, "'");
    expect(text(feed.html)).toContain("Helen Marsh reordered the pathway steps");
    expect(text(feed.html)).not.toContain("Attends school");
    const outcomes = await browser.page(`/workspaces/${workspaceId}/outcomes`);
    expect(outcomes.html).toContain("Recent changes");
    expect(text(outcomes.html)).toContain("Helen Marsh added outcome 'Attends school'");
  });
});
