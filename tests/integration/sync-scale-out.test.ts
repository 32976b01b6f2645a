// Two real server processes on one database, fanning out through a real Redis:
// clients on different processes converge, see each other's presence, and what
// they wrote survives a restart; one process compacts a document at a time; sign-in
// limits count across processes.
import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Awareness, encodeAwarenessUpdate } from "y-protocols/awareness";
import * as Y from "yjs";
import { SyncMetrics } from "../../server/sync/metrics";
import { createRedisFanout } from "../../server/sync/redis-fanout";
import { admin, Browser } from "../support/client";
import { startServer, type TestServer } from "../support/server";
import { connectProvider, eventually } from "../support/sync-client";

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
let a: TestServer;
let b: TestServer;
let token: string;
let token2: string;
let workspaceId: string;

beforeAll(async () => {
  // Redis outlives the test run: a secret of this run's own keeps its sign-in counters
  // (keyed by it) apart from earlier runs'.
  const SESSION_SECRET = `scale-out-${randomBytes(16).toString("hex")}`;
  a = await startServer({ REDIS_URL, SESSION_SECRET, SYNC_UNLOAD_AFTER_MS: "100" });
  b = await startServer({ REDIS_URL, SESSION_SECRET, SYNC_UNLOAD_AFTER_MS: "100", SEED_DEMO: "false" }, a.db);
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

  it("a young person's presence reaches the other process as 'A young person', without a cursor, even if a process relays it raw", async () => {
    const docName = `${workspaceId}/board`;
    const youthToken = (await admin(a.env, ["token:create", "--email", "youth@panel.example"])).stdout.trim();
    const youth = await connectProvider(a.url, docName, youthToken);
    const watcher = await connectProvider(b.url, docName, token2);
    youth.provider.awareness.setLocalState({ user: { name: "Real Name", color: "#9d174d" }, cursor: { noteId: "n1" } });
    const seen = () => watcher.provider.awareness.getStates().get(youth.doc.clientID) as { user?: { name: string }; cursor?: unknown } | undefined;
    await eventually(() => seen()?.user !== undefined, 5000, "the young person's presence on B");
    expect(seen()).toEqual({ user: { name: "A young person", role: "service-user", color: "#9d174d" } });
    // A process that did not sanitise (another version, a bug) publishes a raw state: B still never relays it.
    const rogue = await createRedisFanout(REDIS_URL, new SyncMetrics());
    const forged = new Awareness(new Y.Doc());
    forged.setLocalState({ user: { name: "Jamie Smith", role: "service-user", color: "#000000" }, cursor: { noteId: "n2" }, email: "jamie@example.org" });
    rogue.publishAwareness(docName, encodeAwarenessUpdate(forged, [forged.clientID]));
    await eventually(() => watcher.provider.awareness.getStates().has(forged.clientID), 5000, "the relayed state on B's client");
    expect(watcher.provider.awareness.getStates().get(forged.clientID)).toEqual({ user: { name: "A young person", role: "service-user", color: "#000000" } });
    expect(JSON.stringify([...watcher.provider.awareness.getStates().values()])).not.toMatch(/Jamie|Real Name|Youth panel|@/);
    forged.destroy();
    await rogue.close();
    youth.close();
    watcher.close();
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
    b = await startServer({ REDIS_URL, SESSION_SECRET: a.env.SESSION_SECRET!, SEED_DEMO: "false" }, a.db);
    const fresh = await connectProvider(b.url, docName, token);
    expect(fresh.doc.getText("t").toString()).toBe("AB");
    expect(fresh.doc.getArray("n").length).toBe(50);
    fresh.close();
  });
});

describe("compaction across processes", () => {
  it("one process at a time holds a document's compaction lease; the other skips until it is released", async () => {
    const one = await createRedisFanout(REDIS_URL, new SyncMetrics());
    const two = await createRedisFanout(REDIS_URL, new SyncMetrics());
    const key = `compact:test-${Date.now()}/board`;
    let release!: () => void;
    const running = one.exclusively(key, () => new Promise<void>((r) => (release = r)));
    await eventually(() => release !== undefined, 2000, "the first task to start");
    let ranTwice = false;
    expect(await two.exclusively(key, async () => void (ranTwice = true))).toBe(false);
    expect(ranTwice).toBe(false);
    release();
    expect(await running).toBe(true);
    expect(await two.exclusively(key, async () => void (ranTwice = true))).toBe(true);
    expect(ranTwice).toBe(true);
    // A process that died holding a lease blocks others only until the lease expires.
    const redis = new Redis(REDIS_URL);
    await redis.set(`oc:lease:${key}:dead`, "a process that died", "PX", 300);
    expect(await two.exclusively(`${key}:dead`, async () => {})).toBe(false);
    await new Promise((r) => setTimeout(r, 400));
    expect(await two.exclusively(`${key}:dead`, async () => {})).toBe(true);
    await Promise.all([one.close(), two.close(), redis.quit()]);
  });
});

describe("sign-in limits across processes", () => {
  it("five failures on one process lock the account on the other, and Redis holds no email", async () => {
    await admin(a.env, ["user:create", "--email", "scale-out@example.org", "--password", "long-enough-pw", "--name", "Scale Out"]);
    const attacker = new Browser(a.url);
    await attacker.page("/login");
    for (let i = 0; i < 5; i++) expect((await attacker.post("/login", { email: "scale-out@example.org", password: `guess-${i}-guess` })).status).toBe(400);
    const elsewhere = new Browser(b.url);
    await elsewhere.page("/login");
    const locked = await elsewhere.post("/login", { email: "scale-out@example.org", password: "long-enough-pw" });
    expect(locked.status).toBe(429);
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys("oc:fail:*");
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.join(" ")).not.toContain("scale-out@example.org");
    await redis.quit();
  });
});
