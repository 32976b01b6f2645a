// The sync server over real WebSockets with the stock y-websocket client:
// convergence, authentication close codes, read-only roles at the message level,
// bad frames, membership changes, presence without emails, and durability across
// restarts (graceful and kill -9).
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import { admin, Browser } from "../support/client";
import { startServer, type TestServer } from "../support/server";
import { connectProvider, eventually, probeUpdate, QUERY_AWARENESS, rawSocket, updateFrame } from "../support/sync-client";

let server: TestServer;
let workspaceId: string;
const tokens: Record<string, string> = {};
const SYNC_ENV = { SYNC_MAX_MESSAGE_BYTES: "4096", SYNC_RECHECK_MS: "300", SYNC_UNLOAD_AFTER_MS: "200", ALLOWED_ORIGINS: "https://board.partner.example" };

async function token(email: string) {
  const r = await admin(server.env, ["token:create", "--email", email]);
  expect(r.code).toBe(0);
  return r.stdout.trim();
}

beforeAll(async () => {
  server = await startServer(SYNC_ENV);
  for (const [k, email] of [
    ["lead", "lead@sutton.example"],
    ["provider", "prime@pfp.example"],
    ["observer", "fund@tnlcf.example"],
    ["evaluator", "evaluator@ecorys.example"],
    ["youth", "youth@panel.example"],
  ] as const) {
    tokens[k] = await token(email);
  }
  await admin(server.env, ["user:create", "--email", "outsider@example.org", "--password", "long-enough-pw", "--name", "Outsider"]);
  tokens.outsider = await token("outsider@example.org");
  const res = await fetch(`${server.url}/api/v1/workspaces`, { headers: { Authorization: `Bearer ${tokens.lead}` } });
  workspaceId = ((await res.json()) as { workspaces: { id: string }[] }).workspaces[0]!.id;
}, 120_000);

afterAll(async () => server?.stop());

const board = () => `${workspaceId}/board`;

describe("sync: convergence", () => {
  it("two stock y-websocket clients converge, both ways", async () => {
    const a = await connectProvider(server.url, board(), tokens.lead!);
    const b = await connectProvider(server.url, board(), tokens.provider!);
    a.doc.getArray<string>("notes").push(["from a"]);
    b.doc.getArray<string>("notes").push(["from b"]);
    await eventually(() => a.doc.getArray("notes").length === 2 && b.doc.getArray("notes").length === 2, 5000, "both notes on both sides");
    expect(a.doc.getArray("notes").toJSON().sort()).toEqual(["from a", "from b"]);
    expect(Y.encodeStateVector(a.doc)).toEqual(Y.encodeStateVector(b.doc));
    a.close();
    b.close();
  });

  it("accepts a short-lived sync token from the API instead of a personal token", async () => {
    const res = await fetch(`${server.url}/api/v1/workspaces/${workspaceId}/sync-token`, { headers: { Authorization: `Bearer ${tokens.provider}` } });
    const { token: syncToken, documents } = (await res.json()) as { token: string; documents: string[] };
    expect(documents).toContain(board());
    const c = await connectProvider(server.url, board(), syncToken);
    await eventually(() => c.doc.getArray("notes").length >= 2, 5000, "existing notes");
    c.close();
  });
});

describe("sync: who may connect", () => {
  it("closes with 4401 without credentials or with a bad token", async () => {
    expect((await rawSocket(server.url, board()).closed).code).toBe(4401);
    expect((await rawSocket(server.url, board(), "oc_pat_nope").closed).code).toBe(4401);
    expect((await rawSocket(server.url, board(), "oc_sync_forged.mac").closed).code).toBe(4401);
  });

  it("closes with 4403 for a non-member, an unknown section (with any valid credential), or a sync token for another workspace", async () => {
    expect((await rawSocket(server.url, board(), tokens.outsider).closed).code).toBe(4403);
    expect((await rawSocket(server.url, `${workspaceId}/secrets`, tokens.lead).closed).code).toBe(4403);
    const res = await fetch(`${server.url}/api/v1/workspaces/${workspaceId}/sync-token`, { headers: { Authorization: `Bearer ${tokens.lead}` } });
    const { token: t } = (await res.json()) as { token: string };
    expect((await rawSocket(server.url, `${workspaceId}/secrets`, t).closed).code).toBe(4403);
    expect((await rawSocket(server.url, `${workspaceId}/Board`, t).closed).code).toBe(4403);
    expect((await rawSocket(server.url, "someotherworkspace/board", t).closed).code).toBe(4403);
  });

  it("accepts the session cookie of a signed-in browser", async () => {
    const b = new Browser(server.url);
    await b.login("commissioner@merton.example");
    const s = rawSocket(server.url, board(), undefined, { Cookie: b.cookieHeader() });
    await s.open;
    await s.messages(1);
    s.ws.close();
  });
});

describe("sync: Origin of cookie-authenticated upgrades", () => {
  it("refuses a cookie-authenticated upgrade from another site's page with 4403; accepts the app's own origin and ALLOWED_ORIGINS", async () => {
    const b = new Browser(server.url);
    await b.login("commissioner@merton.example");
    const cookie = b.cookieHeader();
    const evil = rawSocket(server.url, board(), undefined, { Cookie: cookie, Origin: "https://evil.example" });
    expect((await evil.closed).code).toBe(4403);
    for (const origin of [server.url, "https://board.partner.example"]) {
      const s = rawSocket(server.url, board(), undefined, { Cookie: cookie, Origin: origin });
      await s.open;
      await s.messages(1); // sync step 1: connected
      s.ws.close();
    }
  });

  it("lets token-authenticated clients through whatever their Origin", async () => {
    const s = rawSocket(server.url, board(), tokens.lead, { Origin: "https://evil.example" });
    await s.open;
    await s.messages(1);
    s.ws.close();
  });
});

describe("sync: revoking a credential closes what it opened", () => {
  const syncTokenFor = async (b: Browser) => {
    const res = await b.get(`/api/v1/workspaces/${workspaceId}/sync-token`);
    expect(res.status).toBe(200);
    return ((await res.json()) as { token: string }).token;
  };

  it("signing out closes sockets opened with that session's cookie or its sync token (4401), and the sync token stops working", async () => {
    const b = new Browser(server.url);
    await b.login("commissioner@merton.example");
    const other = new Browser(server.url);
    await other.login("commissioner@merton.example"); // the same person in another browser
    const syncToken = await syncTokenFor(b);
    const byCookie = rawSocket(server.url, board(), undefined, { Cookie: b.cookieHeader() });
    const byToken = rawSocket(server.url, board(), syncToken);
    const elsewhere = rawSocket(server.url, board(), await syncTokenFor(other));
    await Promise.all([byCookie.open, byToken.open, elsewhere.open]);
    await b.page("/workspaces");
    expect((await b.post("/logout", {})).status).toBe(302);
    const started = Date.now();
    expect((await byCookie.closed).code).toBe(4401);
    expect((await byToken.closed).code).toBe(4401);
    expect(Date.now() - started).toBeLessThan(3000); // the re-check runs every 300 ms here
    expect((await rawSocket(server.url, board(), syncToken).closed).code).toBe(4401);
    // The other browser's session is another credential: still connected.
    elsewhere.ws.send(QUERY_AWARENESS);
    await elsewhere.messages(2);
    elsewhere.ws.close();
  });

  it("revoking an API token closes its sockets (and sockets from sync tokens minted with it), and their writes stop", async () => {
    const b = new Browser(server.url);
    await b.login("lead@sutton.example");
    await b.page("/settings/tokens");
    const created = await (await b.post("/settings/tokens", { intent: "create", name: "to revoke" })).text();
    const pat = /id="new-token"[^>]*value="([^"]+)"/.exec(created)![1]!;
    const minted = await fetch(`${server.url}/api/v1/workspaces/${workspaceId}/sync-token`, { headers: { Authorization: `Bearer ${pat}` } });
    const fromPat = ((await minted.json()) as { token: string }).token;
    const direct = rawSocket(server.url, board(), pat);
    const viaSync = rawSocket(server.url, board(), fromPat);
    await Promise.all([direct.open, viaSync.open]);
    const tokenId = /name="tokenId" value="([^"]+)"/.exec((await b.page("/settings/tokens")).html)![1]!;
    expect((await b.post("/settings/tokens", { intent: "revoke", tokenId })).status).toBe(200);
    expect((await direct.closed).code).toBe(4401);
    expect((await viaSync.closed).code).toBe(4401);
    expect((await rawSocket(server.url, board(), pat).closed).code).toBe(4401);
    expect((await rawSocket(server.url, board(), fromPat).closed).code).toBe(4401);
  });

  it("changing the password signs out every session and closes their sockets; the browser that changed it stays signed in", async () => {
    await admin(server.env, ["user:create", "--email", "changer@example.org", "--password", "first-password", "--name", "Pat Changer"]);
    await admin(server.env, ["member:add", "--workspace", workspaceId, "--email", "changer@example.org", "--role", "provider"]);
    const here = new Browser(server.url);
    await here.login("changer@example.org", "first-password");
    const phone = new Browser(server.url);
    await phone.login("changer@example.org", "first-password");
    const onPhone = rawSocket(server.url, board(), await syncTokenFor(phone));
    const onHere = rawSocket(server.url, board(), await syncTokenFor(here));
    await Promise.all([onPhone.open, onHere.open]);
    await here.page("/settings/account");
    const wrong = await here.post("/settings/account", { currentPassword: "not-it-at-all", password: "second-password", confirmPassword: "second-password" });
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain("That is not your current password.");
    const res = await here.post("/settings/account", { currentPassword: "first-password", password: "second-password", confirmPassword: "second-password" });
    expect(res.status).toBe(302);
    expect((await onPhone.closed).code).toBe(4401);
    expect((await onHere.closed).code).toBe(4401); // its tab reconnects with a fresh token
    expect((await phone.get("/workspaces")).status).toBe(302); // signed out
    expect((await here.get("/workspaces")).status).toBe(200); // still signed in, on a new session
    const again = rawSocket(server.url, board(), await syncTokenFor(here));
    await again.open;
    await again.messages(1);
    again.ws.close();
  });
});

describe("sync: read-only roles, at the message level", () => {
  it("drops an observer's updates (not applied, broadcast or stored) while it keeps receiving", async () => {
    const writer = await connectProvider(server.url, board(), tokens.lead!);
    const observer = rawSocket(server.url, board(), tokens.observer);
    await observer.open;
    await observer.messages(1);
    observer.ws.send(updateFrame(probeUpdate("observer-was-here")));
    observer.ws.send(QUERY_AWARENESS);
    const before = observer.received.length;
    writer.doc.getMap("probe").set("writer", true);
    await observer.messages(before + 2); // the awareness reply and the writer's update
    await new Promise((r) => setTimeout(r, 200));
    expect(writer.doc.getMap("probe").get("observer-was-here")).toBeUndefined();
    observer.ws.close();
    writer.close();
    const fresh = await connectProvider(server.url, board(), tokens.provider!);
    expect(fresh.doc.getMap("probe").get("observer-was-here")).toBeUndefined();
    expect(fresh.doc.getMap("probe").get("writer")).toBe(true);
    fresh.close();
  });

  it("lets a provider write the outcome framework but not the payment model", async () => {
    for (const [section, expected] of [["outcomes", true], ["payment", false]] as const) {
      const s = rawSocket(server.url, `${workspaceId}/${section}`, tokens.provider);
      await s.open;
      await s.messages(1);
      s.ws.send(updateFrame(probeUpdate("provider")));
      s.ws.send(QUERY_AWARENESS);
      await s.messages(2);
      s.ws.close();
      const check = await connectProvider(server.url, `${workspaceId}/${section}`, tokens.lead!);
      expect(check.doc.getMap("probe").get("provider") ?? false, section).toBe(expected);
      check.close();
    }
  });
});

describe("sync: bad input hurts only its sender", () => {
  it("closes a malformed frame's connection with 1007; others carry on", async () => {
    const good = await connectProvider(server.url, board(), tokens.lead!);
    const bad = rawSocket(server.url, board(), tokens.provider);
    await bad.open;
    bad.ws.send(new Uint8Array([0, 9, 1, 2, 3]));
    expect((await bad.closed).code).toBe(1007);
    const other = await connectProvider(server.url, board(), tokens.provider!);
    good.doc.getMap("probe").set("after-garbage", 1);
    await eventually(() => other.doc.getMap("probe").get("after-garbage") === 1, 5000, "update after garbage");
    good.close();
    other.close();
  });

  it("closes an oversized frame's connection with 1009", async () => {
    const big = rawSocket(server.url, board(), tokens.lead);
    await big.open;
    big.ws.send(new Uint8Array(8192));
    expect((await big.closed).code).toBe(1009);
  });

  it("sends a document larger than the message limit in parts that each fit, and the stock client is complete when synced", async () => {
    const doc = `${workspaceId}/outcomes`;
    const writer = await connectProvider(server.url, doc, tokens.lead!);
    const paragraph = (i: number) => `Outcome ${i}: sustained school attendance for the young person, evidenced termly. `.repeat(12);
    const expected = Array.from({ length: 30 }, (_, i) => paragraph(i)).join("");
    for (let i = 0; i < 30; i++) writer.doc.getText("notes").insert(writer.doc.getText("notes").length, paragraph(i));
    expect(Y.encodeStateAsUpdate(writer.doc).length).toBeGreaterThan(4 * 4096);

    // The stock client: everything is there by the time it reports synced.
    const reader = await connectProvider(server.url, doc, tokens.provider!);
    expect(reader.doc.getText("notes").toString()).toBe(expected);

    // At the message level: no frame over SYNC_MAX_MESSAGE_BYTES, the last one step 2.
    const raw = rawSocket(server.url, doc, tokens.observer);
    await raw.open;
    const step1 = encoding.createEncoder();
    encoding.writeVarUint(step1, 0);
    syncProtocol.writeSyncStep1(step1, new Y.Doc());
    raw.ws.send(encoding.toUint8Array(step1));
    const rebuilt = new Y.Doc();
    let synced = false;
    for (let seen = 0; !synced; ) {
      await raw.messages(seen + 1);
      for (const frame of raw.received.slice(seen)) {
        expect(frame.length).toBeLessThanOrEqual(4096);
        const d = decoding.createDecoder(frame);
        if (decoding.readVarUint(d) !== 0) continue;
        const sub = decoding.readVarUint(d);
        if (sub === 0) continue; // the server's own step 1
        Y.applyUpdate(rebuilt, decoding.readVarUint8Array(d));
        if (sub === 1) synced = true;
      }
      seen = raw.received.length;
    }
    expect(raw.received.filter((f) => f[0] === 0 && f[1] === 2).length).toBeGreaterThan(3);
    expect(rebuilt.getText("notes").toString()).toBe(expected);
    raw.ws.close();
    writer.close();
    reader.close();
  });

  it("closes text frames with 1007", async () => {
    const s = rawSocket(server.url, board(), tokens.lead);
    await s.open;
    s.ws.send("hello");
    expect((await s.closed).code).toBe(1007);
  });
});

describe("sync: membership changes reach open connections", () => {
  it("disconnects a removed member within seconds with 4403", async () => {
    const s = rawSocket(server.url, board(), tokens.evaluator);
    await s.open;
    await s.messages(1);
    const lead = new Browser(server.url);
    await lead.login("lead@sutton.example");
    const { html } = await lead.page(`/workspaces/${workspaceId}/members`);
    const at = html.indexOf("Role for Ruth Kaplan");
    const membershipId = [...html.slice(0, at).matchAll(/name="membershipId" value="([^"]+)"/g)].pop()![1]!;
    const started = Date.now();
    expect((await lead.post(`/workspaces/${workspaceId}/members`, { intent: "remove", membershipId })).status).toBe(200);
    expect((await s.closed).code).toBe(4403);
    expect(Date.now() - started).toBeLessThan(3000);
  });
});

describe("sync: presence", () => {
  it("shows name, role and colour from the server, never an email", async () => {
    const a = await connectProvider(server.url, board(), tokens.provider!);
    const b = await connectProvider(server.url, board(), tokens.lead!);
    a.provider.awareness.setLocalState({ user: { name: "Fake Name", email: "prime@pfp.example", color: "#ff0000" } });
    await eventually(() => b.provider.awareness.getStates().has(a.doc.clientID), 5000, "a's presence at b");
    const seen = b.provider.awareness.getStates().get(a.doc.clientID) as { user: Record<string, string> };
    expect(seen.user).toEqual({ name: "Helen Marsh", role: "provider", color: "#ff0000" });
    expect(JSON.stringify([...b.provider.awareness.getStates().values()])).not.toContain("@");
    a.close();
    b.close();
  });

  it("shares where someone is editing, except a service user's, whose name it replaces", async () => {
    const lead = await connectProvider(server.url, board(), tokens.lead!);
    const youth = await connectProvider(server.url, board(), tokens.youth!);
    const provider = await connectProvider(server.url, board(), tokens.provider!);
    lead.provider.awareness.setLocalState({ user: { color: "#166534" }, cursor: { noteId: "n1" } });
    youth.provider.awareness.setLocalState({ user: { color: "#9d174d" }, cursor: { noteId: "n2" } });
    const stateAt = (clientId: number) => provider.provider.awareness.getStates().get(clientId) as { user?: { role: string }; cursor?: unknown } | undefined;
    await eventually(() => stateAt(lead.doc.clientID)?.cursor !== undefined && stateAt(youth.doc.clientID)?.user !== undefined, 5000, "both presences");
    expect(stateAt(lead.doc.clientID)!.cursor).toEqual({ noteId: "n1" });
    // The shared account's name never reaches anyone else: a young person is "A young person".
    expect(stateAt(youth.doc.clientID)).toEqual({ user: { name: "A young person", role: "service-user", color: "#9d174d" } });
    expect(JSON.stringify([...provider.provider.awareness.getStates().values()])).not.toContain("Youth panel");
    for (const c of [lead, youth, provider]) c.close();
  });
});

describe("sync: durability", () => {
  it("keeps content across a graceful restart, and across kill -9 beyond the batching window", async () => {
    const docName = `${workspaceId}/referral`;
    const a = await connectProvider(server.url, docName, tokens.lead!);
    a.doc.getText("criteria").insert(0, "Aged 11 to 16; 10 and 17 by exception.");
    await new Promise((r) => setTimeout(r, 300)); // > SYNC_BATCH_MS
    a.close();
    await server.stopKeepingDb(); // SIGTERM: flushes and compacts
    server = await startServer(SYNC_ENV, server.db);
    const b = await connectProvider(server.url, docName, tokens.lead!);
    expect(b.doc.getText("criteria").toString()).toBe("Aged 11 to 16; 10 and 17 by exception.");
    b.doc.getText("criteria").insert(0, "Inclusion: ");
    await new Promise((r) => setTimeout(r, 300));
    await server.kill9();
    b.close();
    server = await startServer(SYNC_ENV, server.db);
    const c = await connectProvider(server.url, docName, tokens.lead!);
    // Each character once: rebuilt from stored updates only, never duplicated.
    expect(c.doc.getText("criteria").toString()).toBe("Inclusion: Aged 11 to 16; 10 and 17 by exception.");
    c.close();
  });

  it("unloads a document nobody has open, and reloads it intact", async () => {
    const docName = `${workspaceId}/outcomes`;
    const a = await connectProvider(server.url, docName, tokens.lead!);
    a.doc.getMap("framework").set("goal", "Young people stay safely at home");
    await new Promise((r) => setTimeout(r, 100));
    a.close();
    const gauge = async () => Number(/^oc_sync_documents (\d+)$/m.exec(await (await fetch(`${server.url}/metrics`)).text())![1]);
    const start = Date.now();
    while ((await gauge()) > 0 && Date.now() - start < 5000) await new Promise((r) => setTimeout(r, 100));
    expect(await gauge()).toBe(0);
    const b = await connectProvider(server.url, docName, tokens.lead!);
    expect(b.doc.getMap("framework").get("goal")).toBe("Young people stay safely at home");
    b.close();
  });
});
