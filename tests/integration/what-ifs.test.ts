// What-if copies on a real server (issue 12, point 13): kept per person, named and
// restorable; private until shown; shown ones readable by every member, never with an
// email; only the owner changes one; another role, person or workspace gets 404 or 403;
// bad input is refused by field and stores nothing; the room hears when one is shown.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PFP_PAYMENT_MODEL, PFP_SCENARIOS } from "~/domain/examples/pfp-payment";
import { admin, Browser } from "../support/client";
import { openEventStream } from "../support/event-stream";
import { startServer, type TestServer } from "../support/server";

let server: TestServer;
let workspaceId: string;
const tokens: Record<string, string> = {};
const call = (who: string, path: string, init: RequestInit = {}) => fetch(server.url + path, { ...init, headers: { Authorization: `Bearer ${tokens[who]}`, "Content-Type": "application/json", ...init.headers } });
const send = (who: string, method: string, path: string, body: unknown) => call(who, path, { method, body: JSON.stringify(body) });
const base = () => `/api/v1/workspaces/${workspaceId}/what-ifs`;
const tariff240 = { ...PFP_PAYMENT_MODEL, components: [{ ...PFP_PAYMENT_MODEL.components[0]!, tariffPence: 24_000 }] };
type View = { id: string; name: string; mine: boolean; shown: boolean; ownerName: string; organisation: string | null; model: typeof PFP_PAYMENT_MODEL };

beforeAll(async () => {
  server = await startServer();
  for (const [who, email] of [["prime", "prime@pfp.example"], ["investor", "investor@bridges.example"], ["lead", "lead@sutton.example"], ["observer", "fund@tnlcf.example"], ["youth", "youth@panel.example"]] as const) {
    tokens[who] = (await admin(server.env, ["token:create", "--email", email])).stdout.trim();
  }
  workspaceId = ((await (await call("lead", "/api/v1/workspaces")).json()) as { workspaces: { id: string }[] }).workspaces[0]!.id;
}, 120_000);
afterAll(async () => server?.stop());

describe("what-if copies", () => {
  let id = "";

  it("a provider keeps a named what-if on the server; nobody else can see it, change it or learn it exists", async () => {
    const res = await send("prime", "POST", base(), { name: "Tariff £240", model: tariff240, scenarios: PFP_SCENARIOS });
    expect(res.status).toBe(201);
    const { whatIf } = (await res.json()) as { whatIf: View };
    id = whatIf.id;
    expect(whatIf).toMatchObject({ name: "Tariff £240", mine: true, shown: false });
    // Restorable: it is there on the next visit, from any client.
    const again = (await (await call("prime", `${base()}/${id}`)).json()) as { whatIf: View };
    expect(again.whatIf.model.components[0]).toMatchObject({ tariffPence: 24_000 });

    for (const who of ["investor", "lead", "observer"]) {
      const list = (await (await call(who, base())).json()) as { whatIfs: View[] };
      expect(list.whatIfs.map((w) => w.id)).not.toContain(id);
      expect((await call(who, `${base()}/${id}`)).status).toBe(404);
    }
    expect((await send("investor", "PATCH", `${base()}/${id}`, { shown: true })).status).toBe(404);
    expect((await call("lead", `${base()}/${id}`, { method: "DELETE" })).status).toBe(404);
    // An unknown id answers exactly as a hidden one does.
    const unknown = await call("investor", `${base()}/cl0000000000000000000000`);
    const hidden = await call("investor", `${base()}/${id}`);
    expect(await unknown.text()).toBe(await hidden.text());
  });

  it("shown to the room, every member reads it (the commissioning team with the owner's name, others, rivals among them, under the party's pseudonym), never an email; the room hears of it", async () => {
    const lead = new Browser(server.url);
    await lead.login("lead@sutton.example");
    const { stream } = await openEventStream(`${server.url}/workspaces/${workspaceId}/events`, lead.cookieHeader());
    try {
      const res = await send("prime", "PATCH", `${base()}/${id}`, { shown: true });
      expect(res.status).toBe(200);
      await stream!.waitFor("what-ifs");
    } finally {
      stream!.close();
    }
    for (const who of ["investor", "lead", "observer", "youth"]) {
      const res = await call(who, base());
      const text = await res.text();
      expect(text).not.toMatch(/@[a-z]+\.example/);
      const shown = (JSON.parse(text) as { whatIfs: View[] }).whatIfs.find((w) => w.id === id)!;
      expect(shown).toMatchObject(
        who === "lead"
          ? { mine: false, shown: true, ownerName: "Helen Marsh", organisation: "Positive Families Partnership" }
          : { mine: false, shown: true, ownerName: "Organisation 1", organisation: null },
      );
    }
    // Still the owner's alone to change.
    expect((await send("lead", "PATCH", `${base()}/${id}`, { name: "Mine now" })).status).toBe(404);
    const taken = await send("prime", "PATCH", `${base()}/${id}`, { shown: false });
    expect(((await taken.json()) as { whatIf: View }).whatIf.shown).toBe(false);
    expect((await call("lead", `${base()}/${id}`)).status).toBe(404);
  });

  it("only roles that price what-ifs create them", async () => {
    for (const who of ["observer", "youth"]) {
      const res = await send(who, "POST", base(), { name: "Mine", model: PFP_PAYMENT_MODEL, scenarios: PFP_SCENARIOS });
      expect(res.status).toBe(403);
    }
    expect((await send("lead", "POST", base(), { name: "Commissioners' low case", model: PFP_PAYMENT_MODEL, scenarios: PFP_SCENARIOS })).status).toBe(201);
  });

  it("refuses bad input by field and stores nothing", async () => {
    const before = ((await (await call("prime", base())).json()) as { whatIfs: View[] }).whatIfs;
    const cases: [unknown, string, string][] = [
      [{ name: "x".repeat(81), model: PFP_PAYMENT_MODEL, scenarios: PFP_SCENARIOS }, "name", "Keep the name to 80 characters or fewer."],
      [{ name: "Bad\u0007name", model: PFP_PAYMENT_MODEL, scenarios: PFP_SCENARIOS }, "name", "Remove the invisible control characters from this text."],
      [{ name: "Bad tariff", model: { ...PFP_PAYMENT_MODEL, components: [{ ...PFP_PAYMENT_MODEL.components[0]!, tariffPence: 22.5 }] }, scenarios: PFP_SCENARIOS }, "model.components.0.tariffPence", "Whole pence only"],
      [{ name: "No scenarios", model: PFP_PAYMENT_MODEL, scenarios: [] }, "scenarios", "Give at least one scenario"],
    ];
    for (const [body, field, message] of cases) {
      const res = await send("prime", "POST", base(), body);
      expect(res.status).toBe(400);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      expect(((await res.json()) as { errors: Record<string, string[]> }).errors[field]).toEqual([message]);
    }
    expect((await send("prime", "POST", base(), { name: "Extra", model: PFP_PAYMENT_MODEL, scenarios: PFP_SCENARIOS, owner: "someone" })).status).toBe(400);
    expect((await send("prime", "PATCH", `${base()}/${id}`, { model: PFP_PAYMENT_MODEL })).status).toBe(400);
    const dup = await send("prime", "POST", base(), { name: "Tariff £240", model: PFP_PAYMENT_MODEL, scenarios: PFP_SCENARIOS });
    expect(dup.status).toBe(409);
    expect(((await dup.json()) as { errors: Record<string, string[]> }).errors.name).toEqual(['You already have a what-if named "Tariff £240". Choose another name.']);
    const after = ((await (await call("prime", base())).json()) as { whatIfs: View[] }).whatIfs;
    expect(after).toEqual(before);
  });

  it("a what-if belongs to its workspace: its id under another workspace is not found, even for its owner", async () => {
    const other = (await admin(server.env, ["workspace:create", "--name", "Kent Youth", "--owner", "prime@pfp.example"])).stdout.trim();
    expect((await call("prime", `/api/v1/workspaces/${other}/what-ifs/${id}`)).status).toBe(404);
    expect((await send("prime", "PATCH", `/api/v1/workspaces/${other}/what-ifs/${id}`, { shown: true })).status).toBe(404);
    // And a non-member of that workspace gets nothing from it at all.
    expect((await call("investor", `/api/v1/workspaces/${other}/what-ifs`)).status).toBe(404);
  });

  it("a browser session must send the CSRF header to write", async () => {
    const prime = new Browser(server.url);
    await prime.login("prime@pfp.example");
    const res = await fetch(`${server.url}${base()}/${id}`, { method: "PATCH", headers: { Cookie: prime.cookieHeader(), "Content-Type": "application/json", Origin: server.url }, body: JSON.stringify({ shown: true }) });
    expect(res.status).toBe(403);
  });

  it("the owner deletes it", async () => {
    expect((await call("prime", `${base()}/${id}`, { method: "DELETE" })).status).toBe(204);
    expect((await call("prime", `${base()}/${id}`)).status).toBe(404);
  });
});
