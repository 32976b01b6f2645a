// Every role (and a non-member, and nobody) against every workspace route, pages,
// form actions and API alike. Expectations come from the permissions table, and
// the table itself must be fully exercised here.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACCOUNT_PERMISSIONS, accountCan, accountKindOf, can, PERMISSIONS, type Permission } from "~/domain/permissions";
import { ROLES, type Role } from "~/domain/roles";
import { SECTION_WRITE_PERMISSION, SECTIONS } from "~/domain/documents";
import { DEMO_PEOPLE } from "../../prisma/seed";
import { PFP_PAYMENT_MODEL, PFP_SCENARIOS } from "~/domain/examples/pfp-payment";
import { connectProvider, probeUpdate, QUERY_AWARENESS, rawSocket, updateFrame } from "../support/sync-client";
import { admin, Browser } from "../support/client";
import { startServer, type TestServer } from "../support/server";

let server: TestServer;
let workspaceId: string;
const browsers = new Map<Role | "outsider", Browser>();
const tokens = new Map<Role | "outsider", string>();

async function tokenFor(b: Browser): Promise<string> {
  await b.page("/settings/tokens");
  const res = await b.post("/settings/tokens", { intent: "create", name: "permissions test" });
  const m = /id="new-token"[^>]*value="([^"]+)"/.exec(await res.text());
  if (!m) throw new Error("no token in page");
  return m[1]!;
}

beforeAll(async () => {
  server = await startServer();
  for (const role of ROLES) {
    const person = DEMO_PEOPLE.find((p) => p.role === role)!;
    const b = new Browser(server.url);
    await b.login(person.email);
    browsers.set(role, b);
    // A service-user account may not create tokens itself; the operator's CLI may.
    tokens.set(role, role === "service-user" ? (await admin(server.env, ["token:create", "--email", person.email])).stdout.trim() : await tokenFor(b));
  }
  const outsider = new Browser(server.url);
  await outsider.page("/signup");
  const res = await outsider.post("/signup", { name: "Out Sider", email: "outsider@example.org", password: "a-long-password", confirmPassword: "a-long-password" });
  expect(res.status).toBe(302);
  browsers.set("outsider", outsider);
  tokens.set("outsider", await tokenFor(outsider));
  const list = await fetch(`${server.url}/api/v1/workspaces`, { headers: { Authorization: `Bearer ${tokens.get("commissioner")}` } });
  workspaceId = ((await list.json()) as { workspaces: { id: string }[] }).workspaces[0]!.id;
}, 120_000);

afterAll(async () => server?.stop());

type Check = {
  name: string;
  permission: Permission;
  /** Status for a member with the permission. */
  allowed: number;
  run: (who: Role | "outsider") => Promise<Response>;
};

let n = 0;
const page = (path: () => string) => (who: Role | "outsider") => browsers.get(who)!.get(path());
const form = (path: () => string, fields: () => Record<string, string>) => async (who: Role | "outsider") => {
  const b = browsers.get(who)!;
  return b.post(path(), fields());
};
/** An event stream: its status, then hang up (it never ends by itself). */
const stream = (path: () => string) => async (who: Role | "outsider") => {
  const controller = new AbortController();
  const res = await fetch(server.url + path(), { headers: { Cookie: browsers.get(who)!.cookieHeader() }, redirect: "manual", signal: controller.signal });
  controller.abort();
  return new Response(null, { status: res.status });
};
const api = (path: () => string) => (who: Role | "outsider") =>
  fetch(server.url + path(), { headers: { Authorization: `Bearer ${tokens.get(who)}` } });

const apiPost = (path: () => string, body: unknown) => (who: Role | "outsider") =>
  fetch(server.url + path(), { method: "POST", headers: { Authorization: `Bearer ${tokens.get(who)}`, "Content-Type": "application/json" }, body: JSON.stringify(body) });
const VIGNETTE = { age: 14, behaviours: ["criminal behaviour"], livingSituation: "family-home", riskOfCare: "significant" };

const CHECKS: Check[] = [
  { name: "GET overview page", permission: "read:workspace", allowed: 200, run: page(() => `/workspaces/${workspaceId}`) },
  { name: "GET members page", permission: "read:members", allowed: 200, run: page(() => `/workspaces/${workspaceId}/members`) },
  { name: "GET settings page", permission: "update:workspace", allowed: 200, run: page(() => `/workspaces/${workspaceId}/settings`) },
  {
    name: "POST settings (rename)",
    permission: "update:workspace",
    allowed: 302,
    run: form(() => `/workspaces/${workspaceId}/settings`, () => ({ name: "Pan-London Edge of Care", description: "" })),
  },
  {
    name: "POST invite",
    permission: "create:invitations",
    allowed: 200,
    run: form(() => `/workspaces/${workspaceId}/members`, () => ({ intent: "invite", email: `new${++n}@example.org`, role: "observer" })),
  },
  // Unknown ids: a permitted member gets a 400 "not a member", which proves the
  // permission check passed without changing anyone; others get 403/404.
  {
    name: "POST change-role",
    permission: "manage:members",
    allowed: 400,
    run: form(() => `/workspaces/${workspaceId}/members`, () => ({ intent: "change-role", membershipId: "nope", role: "observer" })),
  },
  { name: "POST set-lead", permission: "manage:members", allowed: 400, run: form(() => `/workspaces/${workspaceId}/members`, () => ({ intent: "set-lead", membershipId: "nope" })) },
  { name: "POST remove", permission: "manage:members", allowed: 400, run: form(() => `/workspaces/${workspaceId}/members`, () => ({ intent: "remove", membershipId: "nope" })) },
  {
    name: "POST revoke-invitation",
    permission: "manage:members",
    allowed: 400,
    run: form(() => `/workspaces/${workspaceId}/members`, () => ({ intent: "revoke-invitation", invitationId: "nope" })),
  },
  { name: "GET /api/v1/workspaces/:id", permission: "read:workspace", allowed: 200, run: api(() => `/api/v1/workspaces/${workspaceId}`) },
  { name: "GET /api/v1/workspaces/:id/members", permission: "read:members", allowed: 200, run: api(() => `/api/v1/workspaces/${workspaceId}/members`) },
  { name: "GET /api/v1/workspaces/:id/audit", permission: "read:audit", allowed: 200, run: api(() => `/api/v1/workspaces/${workspaceId}/audit`) },
  { name: "GET audit trail CSV", permission: "read:audit", allowed: 200, run: page(() => `/workspaces/${workspaceId}/open-data/audit.csv`) },
  { name: "GET open data page", permission: "read:workspace", allowed: 200, run: page(() => `/workspaces/${workspaceId}/open-data`) },
  { name: "GET /api/v1/workspaces/:id/indigo", permission: "read:workspace", allowed: 200, run: api(() => `/api/v1/workspaces/${workspaceId}/indigo`) },
  { name: "GET board page", permission: "read:workspace", allowed: 200, run: page(() => `/workspaces/${workspaceId}/board`) },
  { name: "GET outcome framework page", permission: "read:workspace", allowed: 200, run: page(() => `/workspaces/${workspaceId}/outcomes`) },
  { name: "GET referral criteria page", permission: "read:workspace", allowed: 200, run: page(() => `/workspaces/${workspaceId}/referral`) },
  {
    name: "POST publish an outcome framework version",
    permission: "write:outcomes",
    allowed: 302,
    run: form(() => `/workspaces/${workspaceId}/outcomes`, () => ({ intent: "publish", name: `Version ${++n}` })),
  },
  {
    name: "POST judge a test case",
    permission: "judge:vignettes",
    allowed: 302,
    run: form(() => `/workspaces/${workspaceId}/referral`, () => ({ intent: "judge", vignetteId: "v1", judgement: "refer" })),
  },
  {
    name: "POST publish a referral criteria version",
    permission: "write:referral",
    allowed: 302,
    run: form(() => `/workspaces/${workspaceId}/referral`, () => ({ intent: "publish", name: `Criteria ${++n}` })),
  },
  { name: "GET referral.json", permission: "read:workspace", allowed: 200, run: page(() => `/workspaces/${workspaceId}/referral.json`) },
  {
    name: "POST rate outcomes",
    permission: "rate:outcomes",
    allowed: 302,
    run: form(() => `/workspaces/${workspaceId}/outcomes`, () => ({ intent: "rate", "score:pfp-out-of-care": "4" })),
  },
  { name: "GET payment model page", permission: "read:workspace", allowed: 200, run: page(() => `/workspaces/${workspaceId}/payment`) },
  {
    name: "POST publish a payment model version",
    permission: "write:payment",
    allowed: 302,
    run: form(() => `/workspaces/${workspaceId}/payment`, () => ({ intent: "publish", name: `Payment ${++n}` })),
  },
  { name: "GET /api/v1/workspaces/:id/payment-model", permission: "read:workspace", allowed: 200, run: api(() => `/api/v1/workspaces/${workspaceId}/payment-model`) },
  { name: "GET /api/v1/workspaces/:id/what-ifs", permission: "read:workspace", allowed: 200, run: api(() => `/api/v1/workspaces/${workspaceId}/what-ifs`) },
  {
    name: "POST /api/v1/workspaces/:id/what-ifs",
    permission: "what-if:payment",
    allowed: 201,
    run: (who) => apiPost(() => `/api/v1/workspaces/${workspaceId}/what-ifs`, { name: `What-if ${++n}`, model: PFP_PAYMENT_MODEL, scenarios: PFP_SCENARIOS })(who),
  },
  // An id that is nobody's: a permitted member gets 404, others 403 before any look-up.
  {
    name: "PATCH /api/v1/workspaces/:id/what-ifs/:whatIfId",
    permission: "what-if:payment",
    allowed: 404,
    run: (who) => fetch(`${server.url}/api/v1/workspaces/${workspaceId}/what-ifs/nope`, { method: "PATCH", headers: { Authorization: `Bearer ${tokens.get(who)}`, "Content-Type": "application/json" }, body: JSON.stringify({ shown: true }) }),
  },
  {
    name: "POST create a what-if (form)",
    permission: "what-if:payment",
    allowed: 302,
    run: form(() => `/workspaces/${workspaceId}/payment`, () => ({ intent: "what-if-create", name: `Form what-if ${++n}` })),
  },
  { name: "GET payment.xlsx", permission: "read:workspace", allowed: 200, run: page(() => `/workspaces/${workspaceId}/payment.xlsx`) },
  { name: "GET /api/v1/workspaces/:id/payment-model.xlsx", permission: "read:workspace", allowed: 200, run: api(() => `/api/v1/workspaces/${workspaceId}/payment-model.xlsx`) },
  { name: "GET activity page", permission: "read:workspace", allowed: 200, run: page(() => `/workspaces/${workspaceId}/activity`) },
  { name: "GET workspace event stream", permission: "read:workspace", allowed: 200, run: stream(() => `/workspaces/${workspaceId}/events`) },
  { name: "GET /api/v1/workspaces/:id/activity", permission: "read:workspace", allowed: 200, run: api(() => `/api/v1/workspaces/${workspaceId}/activity`) },
  {
    name: "POST comment on an outcome",
    permission: "comment:co-design",
    allowed: 302,
    run: form(() => `/workspaces/${workspaceId}/outcomes`, () => ({ intent: "comment", target: "outcome:pfp-out-of-care", body: `Comment ${++n}` })),
  },
  // An unknown thread: a permitted member gets 404 for the thread, others 403.
  { name: "POST resolve a thread", permission: "comment:co-design", allowed: 404, run: form(() => `/workspaces/${workspaceId}/outcomes`, () => ({ intent: "resolve", threadId: "nope" })) },
  { name: "GET outcomes.csv", permission: "read:workspace", allowed: 200, run: page(() => `/workspaces/${workspaceId}/outcomes.csv`) },
  { name: "GET outcomes.json", permission: "read:workspace", allowed: 200, run: page(() => `/workspaces/${workspaceId}/outcomes.json`) },
  { name: "GET referral.csv", permission: "read:workspace", allowed: 200, run: page(() => `/workspaces/${workspaceId}/referral.csv`) },
  { name: "GET /api/v1/workspaces/:id/outcome-framework", permission: "read:workspace", allowed: 200, run: api(() => `/api/v1/workspaces/${workspaceId}/outcome-framework`) },
  { name: "GET /api/v1/workspaces/:id/referral-criteria", permission: "read:workspace", allowed: 200, run: api(() => `/api/v1/workspaces/${workspaceId}/referral-criteria`) },
  {
    name: "POST /api/v1/workspaces/:id/referral-criteria/evaluate",
    permission: "read:workspace",
    allowed: 200,
    run: apiPost(() => `/api/v1/workspaces/${workspaceId}/referral-criteria/evaluate`, { vignettes: [VIGNETTE] }),
  },
];

describe("permissions: every role against every workspace route", () => {
  for (const check of CHECKS) {
    for (const role of ROLES) {
      const expected = can(role, check.permission) ? check.allowed : 403;
      it(`${check.name} as ${role} → ${expected}`, async () => {
        const res = await check.run(role);
        expect(res.status).toBe(expected);
      });
    }
    it(`${check.name} as a non-member → 404, without the workspace's name`, async () => {
      const res = await check.run("outsider");
      expect(res.status).toBe(404);
      expect(await res.text()).not.toContain("Pan-London");
    });
  }

  it("every permission in the table is exercised above or below", () => {
    const covered = new Set<Permission>([
      ...CHECKS.map((c) => c.permission),
      "read:member-emails",
      "read:invitations",
      // The procurement's routes, by role and by organisation: tests/integration/procurement.test.ts.
      "read:procurement",
      "manage:procurement",
      "answer:clarifications",
      "ask:clarifications",
      "attend:events",
      // Workshops, by role, phone and workspace: tests/integration/workshops.test.ts.
      "read:workshops",
      "run:workshops",
      ...Object.values(SECTION_WRITE_PERMISSION),
    ]);
    expect([...covered].sort()).toEqual([...PERMISSIONS].sort());
  });

  for (const role of ROLES) {
    it(`member emails are ${can(role, "read:member-emails") ? "shown" : "hidden"} to ${role}s (page and API)`, async () => {
      const html = await (await browsers.get(role)!.get(`/workspaces/${workspaceId}/members`)).text();
      const json = (await (await api(() => `/api/v1/workspaces/${workspaceId}/members`)(role)).json()) as { members: { email: string | null }[] };
      const others = DEMO_PEOPLE.filter((p) => p.role !== role).map((p) => p.email);
      if (can(role, "read:member-emails")) {
        expect(html).toContain(others[0]);
        expect(json.members.every((m) => typeof m.email === "string")).toBe(true);
      } else {
        for (const email of others) expect(html).not.toContain(email);
        expect(json.members.every((m) => m.email === null)).toBe(true);
      }
    });
  }

  for (const role of ROLES) {
    it(`the payment page ${can(role, "what-if:payment") ? "offers" : "does not offer"} ${role}s a what-if copy, and ${can(role, "write:payment") ? "lets them" : "does not let them"} change the shared model`, async () => {
      // The page offers what-if copies only to roles that may keep them.
      const html = await (await browsers.get(role)!.get(`/workspaces/${workspaceId}/payment`)).text();
      expect(html.includes("Try a what-if copy")).toBe(can(role, "what-if:payment"));
      expect(html.includes("Your role cannot change the shared model.")).toBe(!can(role, "write:payment"));
    });
  }

  for (const role of ROLES) {
    it(`pending invitations are ${can(role, "read:invitations") ? "listed" : "not shown"} to ${role}s`, async () => {
      const html = await (await browsers.get(role)!.get(`/workspaces/${workspaceId}/members`)).text();
      // The invite checks above created invitations to new<N>@example.org.
      if (can(role, "read:invitations")) expect(html).toMatch(/new\d+@example\.org/);
      else expect(html).not.toMatch(/new\d+@example\.org/);
    });
  }

  for (const section of SECTIONS) {
    it(`sync document '${section}': every role connects and reads; only roles with ${SECTION_WRITE_PERMISSION[section]} change it`, async () => {
      const docName = `${workspaceId}/${section}`;
      for (const role of ROLES) {
        const s = rawSocket(server.url, docName, tokens.get(role));
        await s.open;
        await s.messages(1); // the server's sync step 1: connected and readable
        s.ws.send(updateFrame(probeUpdate(role)));
        s.ws.send(QUERY_AWARENESS);
        await s.messages(2); // the reply proves the update frame was handled
        s.ws.close();
        await s.closed;
      }
      expect((await rawSocket(server.url, docName, tokens.get("outsider")).closed).code).toBe(4403);
      const reader = await connectProvider(server.url, docName, tokens.get("commissioner")!);
      const written = [...reader.doc.getMap("probe").keys()].sort();
      reader.close();
      expect(written).toEqual(ROLES.filter((r) => can(r, SECTION_WRITE_PERMISSION[section])).sort());
    });
  }

  // Accounts: outside any workspace. Empty names make a permitted account's request a
  // 400 (the check passed, nothing is created); a refused one is a 403.
  for (const role of ROLES) {
    const kind = accountKindOf([role]);
    it(`a ${role}'s account ${accountCan(kind, "create:workspace") ? "may" : "may not"} create a workspace (page, form and API) or an API token`, async () => {
      const b = browsers.get(role)!;
      const create = accountCan(kind, "create:workspace");
      expect((await b.get("/workspaces/new")).status).toBe(create ? 200 : 403);
      expect((await b.post("/workspaces/new", { name: "", ownerRole: "commissioner" })).status).toBe(create ? 400 : 403);
      const api = await apiPost(() => "/api/v1/workspaces", { name: "" })(role);
      expect(api.status).toBe(create ? 400 : 403);
      if (!create) expect(((await api.json()) as { detail: string }).detail).toMatch(/service-user account cannot create workspaces/);
      expect((await b.get("/workspaces")).status).toBe(200);
      expect((await (await b.get("/workspaces")).text()).includes('href="/workspaces/new"')).toBe(create);
      expect((await b.post("/settings/tokens", { intent: "create", name: "" })).status).toBe(accountCan(kind, "create:api-token") ? 400 : 403);
    });
  }

  it("every account permission is exercised above", () => {
    expect([...ACCOUNT_PERMISSIONS].sort()).toEqual(["create:api-token", "create:workspace"]);
  });

  it("signed-out visitors are sent to sign in from every page, and get 401 from the API", async () => {
    const anon = new Browser(server.url);
    for (const path of [`/workspaces/${workspaceId}`, `/workspaces/${workspaceId}/members`, `/workspaces/${workspaceId}/settings`, "/workspaces", "/workspaces/new", "/settings/tokens"]) {
      const res = await anon.get(path);
      expect(res.status, path).toBe(302);
      expect(res.headers.get("location"), path).toBe(`/login?${new URLSearchParams({ redirectTo: path })}`);
    }
    for (const path of ["/api/v1/me", "/api/v1/workspaces", `/api/v1/workspaces/${workspaceId}`, `/api/v1/workspaces/${workspaceId}/members`, `/api/v1/workspaces/${workspaceId}/outcome-framework`, `/api/v1/workspaces/${workspaceId}/referral-criteria`]) {
      const res = await fetch(server.url + path);
      expect(res.status, path).toBe(401);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
    }
  });
});
