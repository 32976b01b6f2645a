// What a page or the API reads as "now" includes an edit made a moment ago, even while
// the sync server is still batching it: reading the stored document first has the
// server store what it holds pending. (Batching is stretched to 1 s here so the edit
// would otherwise certainly be missing.)
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFramework, setGoal } from "~/domain/outcome-framework";
import { admin } from "../support/client";
import { startServer, type TestServer } from "../support/server";
import { connectProvider, eventually } from "../support/sync-client";

let server: TestServer;
let token: string;
let workspaceId: string;
const api = (path: string) => fetch(server.url + path, { headers: { Authorization: `Bearer ${token}` } });

beforeAll(async () => {
  server = await startServer({ SYNC_BATCH_MS: "1000" });
  token = (await admin(server.env, ["token:create", "--email", "facilitator@gla.example"])).stdout.trim();
  workspaceId = ((await (await api("/api/v1/workspaces")).json()) as { workspaces: { id: string }[] }).workspaces[0]!.id;
}, 90_000);
afterAll(async () => server?.stop());

describe("reading the stored document", () => {
  it("includes an edit still in the sync server's batching window", async () => {
    const client = await connectProvider(server.url, `${workspaceId}/outcomes`, token);
    const goal = `Young people stay safely at home (${Date.now()})`;
    setGoal(client.doc, goal);
    // The edit has reached the server (it relays it back as soon as it applies it)...
    const echo = await connectProvider(server.url, `${workspaceId}/outcomes`, token);
    await eventually(() => readFramework(echo.doc).goal === goal, 5000, "the edit on the server");
    // ...but is not stored for up to a second more, unless reading asks for it.
    const res = await api(`/api/v1/workspaces/${workspaceId}/outcome-framework`);
    expect(((await res.json()) as { framework: { goal: string } }).framework.goal).toBe(goal);
    client.close();
    echo.close();
  });
});
