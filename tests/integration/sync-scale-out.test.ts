// Two real server processes on one database, fanning out through a real Redis:
// clients on different processes converge, see each other's presence, and what
// they wrote survives a restart.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { admin } from "../support/client";
import { startServer, type TestServer } from "../support/server";
import { connectProvider, eventually } from "../support/sync-client";

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
let a: TestServer;
let b: TestServer;
let token: string;
let token2: string;
let workspaceId: string;

beforeAll(async () => {
  a = await startServer({ REDIS_URL, SYNC_UNLOAD_AFTER_MS: "100" });
  b = await startServer({ REDIS_URL, SYNC_UNLOAD_AFTER_MS: "100", SEED_DEMO: "false" }, a.db);
  token = (await admin(a.env, ["token:create", "--email", "lead@sutton.example"])).stdout.trim();
  token2 = (await admin(a.env, ["token:create", "--email", "prime@pfp.example"])).stdout.trim();
  const res = await fetch(`${a.url}/api/v1/workspaces`, { headers: { Authorization: `Bearer ${token}` } });
  workspaceId = ((await res.json()) as { workspaces: { id: string }[] }).workspaces[0]!.id;
}, 120_000);

afterAll(async () => {
  await b?.stopKeepingDb();
  await a?.stop();
});

describe("sync across two processes with Redis", () => {
  it("clients on different processes converge and see each other's presence", async () => {
    const docName = `${workspaceId}/board`;
    const onA = await connectProvider(a.url, docName, token);
    const onB = await connectProvider(b.url, docName, token2);
    onA.doc.getText("t").insert(0, "A");
    await eventually(() => onB.doc.getText("t").toString() === "A", 5000, "A's edit on B");
    onB.doc.getText("t").insert(1, "B");
    await eventually(() => onA.doc.getText("t").toString() === "AB", 5000, "B's edit on A");
    for (let i = 0; i < 50; i++) (i % 2 ? onA : onB).doc.getArray("n").push([i]);
    await eventually(() => onA.doc.getArray("n").length === 50 && onB.doc.getArray("n").length === 50, 5000, "50 edits both sides");
    onA.provider.awareness.setLocalState({ user: { color: "#00aa00" } });
    await eventually(() => onB.provider.awareness.getStates().has(onA.doc.clientID), 5000, "A's presence on B");
    expect((onB.provider.awareness.getStates().get(onA.doc.clientID) as { user: { name: string } }).user.name).toBe("Sam Okafor");
    onA.close();
    onB.close();
  });

  it("a process that loads a document late gets what the other has not stored yet", async () => {
    const docName = `${workspaceId}/outcomes`;
    const onA = await connectProvider(a.url, docName, token);
    onA.doc.getMap("m").set("k", "v");
    const onB = await connectProvider(b.url, docName, token2); // B loads now, maybe before A stores
    await eventually(() => onB.doc.getMap("m").get("k") === "v", 5000, "k on B");
    onA.close();
    onB.close();
  });

  it("what clients on both processes wrote survives a restart", async () => {
    const docName = `${workspaceId}/board`;
    await new Promise((r) => setTimeout(r, 500)); // both processes unload (and compact) the document
    await b.stopKeepingDb();
    b = await startServer({ REDIS_URL, SEED_DEMO: "false" }, a.db);
    const fresh = await connectProvider(b.url, docName, token);
    expect(fresh.doc.getText("t").toString()).toBe("AB");
    expect(fresh.doc.getArray("n").length).toBe(50);
    fresh.close();
  });
});
