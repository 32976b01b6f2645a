// Every form action and every API write, sent what a careless client or an attacker
// would send: the wrong content type, too much, missing fields, wrong types and values,
// control characters, huge strings, extra fields. Each must answer a 4xx that says what
// is wrong, and the whole database must read back exactly as before.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PFP_PAYMENT_MODEL, PFP_SCENARIOS } from "~/domain/examples/pfp-payment";
import { admin, Browser } from "../support/client";
import { fingerprint } from "../support/fingerprint";
import { startServer, type TestServer } from "../support/server";

let server: TestServer;
let lead: Browser;
let token: string;
let ws: string;
const ids = { membership: "", invitation: "", token: "", thread: "", invitationToken: "", event: "", question: "" };

beforeAll(async () => {
  server = await startServer();
  lead = new Browser(server.url);
  await lead.login("lead@sutton.example");
  token = (await admin(server.env, ["token:create", "--email", "lead@sutton.example"])).stdout.trim();
  ws = ((await (await api("/api/v1/workspaces")).json()) as { workspaces: { id: string }[] }).workspaces[0]!.id;
  // Real objects to aim at, made before anything is compared.
  const members = (await (await api(`/api/v1/workspaces/${ws}/members`)).json()) as { members: { id: string; role: string }[] };
  ids.membership = members.members.find((m) => m.role === "provider")!.id;
  await lead.page(`/workspaces/${ws}/members`);
  const invited = await (await lead.post(`/workspaces/${ws}/members`, { intent: "invite", email: "pending@example.org", role: "observer" })).text();
  ids.invitationToken = /\/invitations\/([A-Za-z0-9_-]+)/.exec(invited)![1]!;
  ids.invitation = /name="invitationId" value="([^"]+)"/.exec((await lead.page(`/workspaces/${ws}/members`)).html)![1]!;
  await lead.page("/settings/tokens");
  await lead.post("/settings/tokens", { intent: "create", name: "bad input" });
  ids.token = /name="tokenId" value="([^"]+)"/.exec((await lead.page("/settings/tokens")).html)![1]!;
  await lead.page(`/workspaces/${ws}/outcomes`);
  const commented = await lead.post(`/workspaces/${ws}/outcomes`, { intent: "comment", target: "outcome:pfp-out-of-care", body: "A thread to reply to" });
  ids.thread = /thread=([^&#]+)/.exec(commented.headers.get("location") ?? "")![1]!;
  ids.event = /procurement\/events\/([^"/]+)"/.exec((await lead.page(`/workspaces/${ws}/procurement`)).html)![1]!;
  ids.question = /id="q-([^"]+)"/.exec((await lead.page(`/workspaces/${ws}/procurement/clarifications`)).html)![1]!;
  await lead.page("/workspaces");
}, 120_000);

afterAll(async () => server?.stop());

function api(path: string, init: RequestInit = {}) {
  return fetch(server.url + path, { ...init, headers: { Authorization: `Bearer ${token}`, ...init.headers } });
}

/** Sends `send` and expects a 4xx with a message, and the database exactly as before. */
async function refused(what: string, send: () => Promise<Response>, status?: number | RegExp) {
  const before = await fingerprint(server.db);
  const res = await send();
  const text = await res.text();
  if (status instanceof RegExp) expect(String(res.status), `${what}: ${text.slice(0, 200)}`).toMatch(status);
  else if (status) expect(res.status, `${what}: ${text.slice(0, 200)}`).toBe(status);
  else expect(res.status >= 400 && res.status < 500, `${what} answered ${res.status}: ${text.slice(0, 200)}`).toBe(true);
  expect(text.length, `${what}: a message`).toBeGreaterThan(0);
  expect(await fingerprint(server.db), `${what}: the database changed`).toBe(before);
  return text;
}

const CONTROL = "bad\u0001\u0007name";
const NUL = "bad\u0000name";
const HUGE = "x".repeat(200_000); // under the form limit: the field's own limit must refuse it

const cases = (...bodies: Record<string, string>[]) => bodies;

type FormCase = { name: string; path: () => string; fields: () => Record<string, string>; bad: () => Record<string, string>[] };

/** Every form action: a well-formed body (never sent) and malformed variants of it. */
const FORMS: FormCase[] = [
  {
    name: "sign in",
    path: () => "/login",
    fields: () => ({ email: "lead@sutton.example", password: "outcomes-demo" }),
    bad: () => cases({ email: "not-an-email", password: "x" }, { email: "" }, { password: "outcomes-demo" }, { email: HUGE, password: "x" }, { email: CONTROL, password: "x" }),
  },
  {
    name: "sign up",
    path: () => "/signup",
    fields: () => ({ name: "New Person", email: "new-person@example.org", password: "a-long-password", confirmPassword: "a-long-password", organisationName: "", organisationType: "" }),
    bad: () => cases(
      { name: CONTROL, email: "a@b.org", password: "a-long-password", confirmPassword: "a-long-password" },
      { name: HUGE, email: "a@b.org", password: "a-long-password", confirmPassword: "a-long-password" },
      { name: "A", email: "a@b.org", password: "a-long-password", confirmPassword: "a-long-password", organisationName: "Org", organisationType: "bank" },
      { name: "A", email: "a@b.org", password: "short", confirmPassword: "short", extra: "field", isAdmin: "true" },
      { name: "A", email: "a@b.org", password: HUGE, confirmPassword: HUGE },
    ),
  },
  {
    name: "create a workspace",
    path: () => "/workspaces/new",
    fields: () => ({ name: "A workspace", description: "", ownerRole: "commissioner" }),
    bad: () => cases(
      { name: "", ownerRole: "commissioner" },
      { name: "W", ownerRole: "service-user" },
      { name: "W", ownerRole: "admin", extra: "1" },
      { name: CONTROL, ownerRole: "commissioner" },
      { name: HUGE, ownerRole: "commissioner" },
      { name: "W", description: "ok\u0000", ownerRole: "commissioner" },
      { name: "W", description: "bell\u0007", ownerRole: "commissioner" },
    ),
  },
  {
    name: "workspace settings",
    path: () => `/workspaces/${ws}/settings`,
    fields: () => ({ name: "Pan-London Edge of Care", description: "" }),
    bad: () => cases({ name: "" }, { name: HUGE }, { name: CONTROL }, { name: "W", description: HUGE }, { description: "no name", extra: "x" }),
  },
  {
    name: "invite someone",
    path: () => `/workspaces/${ws}/members`,
    fields: () => ({ intent: "invite", email: "someone@example.org", name: "", organisationName: "", role: "provider" }),
    bad: () => cases(
      { intent: "invite", email: "nope", role: "provider" },
      { intent: "invite", email: "x@example.org", role: "owner" },
      { intent: "invite", email: "x@example.org", role: "provider", name: CONTROL },
      { intent: "invite", email: "x@example.org", role: "provider", organisationName: HUGE },
      { intent: "invite", role: "provider" },
      { intent: "promote-me", email: "x@example.org", role: "facilitator" },
    ),
  },
  {
    name: "change a member's role",
    path: () => `/workspaces/${ws}/members`,
    fields: () => ({ intent: "change-role", membershipId: ids.membership, role: "observer" }),
    bad: () => cases(
      { intent: "change-role", membershipId: ids.membership, role: "god" },
      { intent: "change-role", membershipId: "", role: "observer" },
      { intent: "change-role", membershipId: CONTROL, role: "observer" },
      { intent: "change-role", membershipId: HUGE, role: "observer" },
      { intent: "change-role", role: "observer" },
    ),
  },
  { name: "set the lead", path: () => `/workspaces/${ws}/members`, fields: () => ({ intent: "set-lead", membershipId: ids.membership }), bad: () => cases({ intent: "set-lead" }, { intent: "set-lead", membershipId: CONTROL }, { intent: "set-lead", membershipId: ids.membership }) },
  { name: "remove a member", path: () => `/workspaces/${ws}/members`, fields: () => ({ intent: "remove", membershipId: ids.membership }), bad: () => cases({ intent: "remove" }, { intent: "remove", membershipId: HUGE }, { intent: "remove", membershipId: `${ids.membership}x` }) },
  {
    name: "withdraw an invitation",
    path: () => `/workspaces/${ws}/members`,
    fields: () => ({ intent: "revoke-invitation", invitationId: ids.invitation }),
    bad: () => cases({ intent: "revoke-invitation" }, { intent: "revoke-invitation", invitationId: CONTROL }, { intent: "revoke-invitation", invitationId: "not-one" }),
  },
  {
    name: "accept an invitation",
    path: () => `/invitations/${ids.invitationToken}`,
    fields: () => ({}),
    // Signed in as someone the invitation is not for: refused, nothing changes.
    bad: () => cases({}, { extra: "field" }),
  },
  {
    name: "publish an outcome framework version",
    path: () => `/workspaces/${ws}/outcomes`,
    fields: () => ({ intent: "publish", name: "A version" }),
    bad: () => cases({ intent: "publish", name: "" }, { intent: "publish", name: HUGE }, { intent: "publish", name: CONTROL }, { intent: "publish" }, { intent: "bogus", name: "v" }),
  },
  {
    name: "rate outcomes",
    path: () => `/workspaces/${ws}/outcomes`,
    fields: () => ({ intent: "rate", "score:pfp-out-of-care": "4" }),
    bad: () => cases(
      { intent: "rate", "score:pfp-out-of-care": "9" },
      { intent: "rate", "score:pfp-out-of-care": "2.5" },
      { intent: "rate", "score:pfp-out-of-care": "four" },
      { intent: "rate", "score:no-such-outcome": "3" },
      { intent: "rate", [`score:${CONTROL}`]: "3" },
    ),
  },
  {
    name: "comment on an outcome",
    path: () => `/workspaces/${ws}/outcomes`,
    fields: () => ({ intent: "comment", target: "outcome:pfp-out-of-care", body: "A comment" }),
    bad: () => cases(
      { intent: "comment", target: "outcome:pfp-out-of-care", body: "" },
      { intent: "comment", target: "outcome:pfp-out-of-care", body: HUGE },
      { intent: "comment", target: "outcome:pfp-out-of-care", body: "bell\u0007" },
      { intent: "comment", target: "outcome:no-such-outcome", body: "hello" },
      { intent: "comment", target: `outcome:${CONTROL}`, body: "hello" },
      { intent: "comment", target: "admin:everything", body: "hello" },
    ),
  },
  {
    name: "reply, resolve, reopen",
    path: () => `/workspaces/${ws}/outcomes`,
    fields: () => ({ intent: "reply", threadId: ids.thread, body: "A reply" }),
    bad: () => cases(
      { intent: "reply", threadId: ids.thread, body: "" },
      { intent: "reply", threadId: ids.thread, body: HUGE },
      { intent: "reply", threadId: "no-such-thread", body: "hi" },
      { intent: "reply", threadId: CONTROL, body: "hi" },
      { intent: "resolve", threadId: HUGE },
      { intent: "reopen" },
    ),
  },
  {
    name: "publish a referral criteria version",
    path: () => `/workspaces/${ws}/referral`,
    fields: () => ({ intent: "publish", name: "Criteria v1" }),
    bad: () => cases({ intent: "publish", name: "" }, { intent: "publish", name: HUGE }, { intent: "publish", name: CONTROL }, { intent: "bogus", name: "x" }),
  },
  {
    name: "judge a test case",
    path: () => `/workspaces/${ws}/referral`,
    fields: () => ({ intent: "judge", vignetteId: "v1", judgement: "refer" }),
    bad: () => cases(
      { intent: "judge", vignetteId: "v1\u0000", judgement: "refer" },
      { intent: "judge", vignetteId: "v1\u0001", judgement: "refer" },
      { intent: "judge", vignetteId: "no-such-case", judgement: "refer" },
      { intent: "judge", vignetteId: "v1", judgement: "maybe" },
      { intent: "judge", vignetteId: HUGE, judgement: "refer" },
      { intent: "judge", judgement: "refer" },
    ),
  },
  {
    name: "publish a payment model version",
    path: () => `/workspaces/${ws}/payment`,
    fields: () => ({ intent: "publish", name: "Payment v1" }),
    bad: () => cases({ intent: "publish", name: "" }, { intent: "publish", name: HUGE }, { intent: "publish", name: CONTROL }, { name: "no intent" }),
  },
  {
    name: "create an API token",
    path: () => "/settings/tokens",
    fields: () => ({ intent: "create", name: "Script" }),
    bad: () => cases({ intent: "create", name: "" }, { intent: "create", name: HUGE }, { intent: "create", name: CONTROL }),
  },
  { name: "revoke an API token", path: () => "/settings/tokens", fields: () => ({ intent: "revoke", tokenId: ids.token }), bad: () => cases({ intent: "revoke" }, { intent: "revoke", tokenId: "not-mine" }, { intent: "revoke", tokenId: CONTROL }) },
  {
    name: "change the password",
    path: () => "/settings/account",
    fields: () => ({ currentPassword: "outcomes-demo", password: "a-new-long-password", confirmPassword: "a-new-long-password" }),
    bad: () => cases(
      { currentPassword: "outcomes-demo", password: "short", confirmPassword: "short" },
      { currentPassword: "outcomes-demo", password: "a-new-long-password", confirmPassword: "different-one-here" },
      { currentPassword: "wrong-password", password: "a-new-long-password", confirmPassword: "a-new-long-password" },
      { password: "a-new-long-password", confirmPassword: "a-new-long-password" },
      { currentPassword: "outcomes-demo", password: HUGE, confirmPassword: HUGE },
    ),
  },
  { name: "notifications", path: () => "/notifications", fields: () => ({ intent: "read-all" }), bad: () => cases({ intent: "open", id: "no-such" }, { intent: "open" }, { intent: "delete-everything" }, { intent: "open", id: CONTROL }) },
  {
    name: "procurement record",
    path: () => `/workspaces/${ws}/procurement`,
    fields: () => ({ intent: "details", title: "T", procedure: "open" }),
    bad: () => cases(
      { intent: "details", title: "", procedure: "open" },
      { intent: "details", title: HUGE, procedure: "open" },
      { intent: "details", title: CONTROL, procedure: "open" },
      { intent: "details", title: "T", procedure: "closed" },
      { intent: "details", title: "T", procedure: "competitive-flexible", shape: "secret" },
      { intent: "timeline", "bid-deadline": "next tuesday" },
      { intent: "timeline", "tender-notice": "2027-13-45T99:99" },
      { intent: "timeline", enquiryEndsAt: "1899-01-01T10:00" },
      { intent: "move", to: "contract" },
      { intent: "move", to: "nowhere" },
      { intent: "move" },
      { intent: "extend", deadline: "soon" },
      { intent: "extend", deadline: "2020-01-01T10:00" },
      { intent: "add-lot", title: "" },
      { intent: "add-lot", title: HUGE },
      { intent: "remove-lot", lotId: "no-such-lot" },
      { intent: "publication", outcomes: "No such version", public: "on" },
      { intent: "create-event", title: "Day", startsAt: "2027-01-01T10:00", endsAt: "2027-01-01T09:00", place: "Hall" },
      { intent: "create-event", title: "Day", startsAt: "2027-01-01T10:00", endsAt: "2027-01-01T12:00" },
      { intent: "create-event", title: "Day", startsAt: "2027-01-01T10:00", endsAt: "2027-01-01T12:00", onlineUrl: "javascript:alert(1)" },
      { intent: "take-over" },
    ),
  },
  {
    name: "market-warming day",
    path: () => `/workspaces/${ws}/procurement/events/${ids.event}`,
    fields: () => ({ intent: "status", status: "live" }),
    bad: () => cases(
      { intent: "status", status: "exploded" },
      { intent: "show", showing: "agenda:no-such-item" },
      { intent: "show", showing: "everything" },
      { intent: "agenda-add", time: "25:99", title: "Lunch" },
      { intent: "agenda-add", time: "12:00", title: HUGE },
      { intent: "agenda-remove", itemId: "no-such-item" },
      { intent: "pin", outcomes: "No such version" },
      { intent: "poll-create", question: "", kind: "single", options: "A\nB" },
      { intent: "poll-create", question: "Q?", kind: "single", options: "Only one" },
      { intent: "poll-create", question: "Q?", kind: "secret-ballot", options: "A\nB" },
      { intent: "poll-status", pollId: "no-such-poll", status: "open" },
      { intent: "respond", pollId: "no-such-poll", choice: "0" },
      { intent: "answer", questionId: CONTROL, answer: "x" },
      { intent: "answer", questionId: ids.question, answer: "" },
      { intent: "answer", questionId: ids.question, answer: HUGE },
      { intent: "approve", questionId: "no-such-question" },
      { intent: "vote", questionId: "no-such-question" },
      { intent: "ask", body: "" },
    ),
  },
  {
    name: "clarifications",
    path: () => `/workspaces/${ws}/procurement/clarifications`,
    fields: () => ({ intent: "answer", questionId: ids.question, answer: "An answer." }),
    bad: () => cases(
      { intent: "answer", questionId: "no-such-question", answer: "x" },
      { intent: "answer", questionId: ids.question, answer: "bell\u0007" },
      { intent: "agree-confidential", questionId: ids.question },
      { intent: "refuse-confidential" },
      { intent: "publish-everything" },
    ),
  },
  {
    name: "dialogue",
    path: () => `/workspaces/${ws}/procurement/dialogue`,
    fields: () => ({ intent: "schedule", partyId: "x", scheduledAt: "2027-01-01T10:00" }),
    bad: () => cases(
      { intent: "schedule", partyId: "no-such-party", scheduledAt: "2027-01-01T10:00" },
      { intent: "schedule", partyId: "x", scheduledAt: "tomorrow" },
      { intent: "minutes", sessionId: "no-such-session", minutes: "Notes" },
      { intent: "issue", sessionId: "no-such-session", body: "An issue" },
      { intent: "to-clarification", issueId: "no-such-issue" },
    ),
  },
  {
    name: "tender terms",
    path: () => `/workspaces/${ws}/procurement/tender`,
    fields: () => ({ intent: "split", quality: "60", price: "40" }),
    bad: () => cases(
      { intent: "split", quality: "70", price: "40" },
      { intent: "split", quality: "sixty", price: "40" },
      { intent: "rules", paymentVersionId: "no-such-version" },
      { intent: "rules", paymentVersionId: "", minAtRisk: "150" },
      { intent: "add-question", title: "", wordLimit: "500", weight: "10" },
      { intent: "add-question", title: "Q", wordLimit: "-5", weight: "10" },
      { intent: "add-question", title: HUGE, wordLimit: "500", weight: "10" },
      { intent: "remove-question", questionId: "no-such-question" },
    ),
  },
  {
    name: "bids",
    path: () => `/workspaces/${ws}/procurement/bids`,
    fields: () => ({ intent: "open" }),
    bad: () => cases({ intent: "open" }, { intent: "start", name: "A bid" }, { intent: "open-everything" }),
  },
  {
    name: "evaluation",
    path: () => `/workspaces/${ws}/procurement/evaluation`,
    fields: () => ({ intent: "add-evaluator", userId: "no-such-user" }),
    bad: () => cases(
      { intent: "add-evaluator", userId: "no-such-user" },
      { intent: "remove-evaluator", evaluatorId: "no-such-evaluator" },
      { intent: "declare" },
      { intent: "start-moderation" },
      { intent: "consensus", bidId: "no-such-bid", questionId: "delivery", score: "3", reasons: "x" },
      { intent: "award", bidId: "no-such-bid", reasons: "x" },
    ),
  },
];

// For sign-in and sign-up the visitor must be signed out: a fresh browser each time.
const SIGNED_OUT = new Set(["sign in", "sign up"]);
async function who(c: FormCase): Promise<Browser> {
  if (!SIGNED_OUT.has(c.name)) return lead;
  const b = new Browser(server.url);
  await b.page("/login");
  return b;
}

describe("bad input to every form action: a 4xx, and nothing stored", () => {
  for (const c of FORMS) {
    it(`${c.name}: JSON, plain text, oversized and chunked-oversized bodies, NUL anywhere`, async () => {
      const b = await who(c);
      const headers = { Cookie: b.cookieHeader() };
      const body = { csrf: b.csrf, ...c.fields() };
      const json = await refused(`${c.name} as JSON`, () => fetch(server.url + c.path(), { method: "POST", redirect: "manual", headers: { ...headers, "Content-Type": "application/json" }, body: JSON.stringify(body) }), 415);
      expect(json).toContain("This address takes a web form");
      for (const origin of ["https://evil.example", "null"]) {
        const cross = await refused(`${c.name} from another site (${origin})`, () => fetch(server.url + c.path(), { method: "POST", redirect: "manual", headers: { ...headers, Origin: origin, "Content-Type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(body) }), 403);
        expect(cross).toContain("came from another site");
      }
      await refused(`${c.name} as text`, () => fetch(server.url + c.path(), { method: "POST", redirect: "manual", headers: { ...headers, "Content-Type": "text/plain" }, body: "hello" }), 415);
      await refused(`${c.name} with no content type`, () => fetch(server.url + c.path(), { method: "POST", redirect: "manual", headers, body: new Uint8Array([1, 2, 3]) }), 415);
      const big = new URLSearchParams({ ...body, padding: "x".repeat(300_000) });
      expect(await refused(`${c.name} oversized`, () => fetch(server.url + c.path(), { method: "POST", redirect: "manual", headers: { ...headers, "Content-Type": "application/x-www-form-urlencoded" }, body: big }), 413)).toContain("256 KB");
      const chunks = new TextEncoder().encode(big.toString());
      const stream = new ReadableStream({
        start(controller) {
          for (let i = 0; i < chunks.length; i += 16_384) controller.enqueue(chunks.subarray(i, i + 16_384));
          controller.close();
        },
      });
      await refused(`${c.name} oversized, chunked`, () => fetch(server.url + c.path(), { method: "POST", redirect: "manual", headers: { ...headers, "Content-Type": "application/x-www-form-urlencoded" }, body: stream, duplex: "half" } as RequestInit), 413);
      for (const field of Object.keys(c.fields())) {
        // A NUL in the intent makes it an unknown action: refused too, for that reason.
        await refused(`${c.name}: NUL in ${field}`, () => b.post(c.path(), { ...c.fields(), [field]: `${c.fields()[field]}\u0000` }), field === "intent" ? /^4\d\d$/ : 400);
      }
      const [first] = Object.keys(c.fields()).filter((k) => k !== "intent");
      if (first) {
        const multipart = new FormData();
        for (const [k, v] of Object.entries({ ...body, [first]: `a\u0000b` })) multipart.append(k, v);
        await refused(`${c.name}: NUL in a multipart field`, () => fetch(server.url + c.path(), { method: "POST", redirect: "manual", headers, body: multipart }), 400);
      }
    });

    it(`${c.name}: missing fields, wrong values, control characters, huge strings, extra fields`, async () => {
      const b = await who(c);
      for (const fields of c.bad()) {
        const shown = JSON.stringify(fields, (_k, v: unknown) => (typeof v === "string" && v.length > 40 ? `${v.slice(0, 20)}…(${v.length})` : v));
        await refused(`${c.name} ${shown}`, () => b.post(c.path(), fields), /^4\d\d$/);
      }
    });
  }
});

type ApiCase = { name: string; path: () => string; body: () => Record<string, unknown>; bad: () => unknown[] };

const VIGNETTE = { age: 14, behaviours: ["criminal behaviour"], livingSituation: "family-home", riskOfCare: "significant" };
const CASE = { id: "case-1", payerId: "sutton", intervention: "fft", events: { "first-meeting": "2018-03-05" }, engagementDays: 40, care: [] };

/** Every API write (and the stateless computations): malformed bodies. */
const APIS: ApiCase[] = [
  {
    name: "POST /api/v1/workspaces",
    path: () => "/api/v1/workspaces",
    body: () => ({ name: "Via the API" }),
    bad: () => [{}, { name: 42 }, { name: "" }, { name: "x".repeat(100_000) }, { name: "W", ownerRole: "service-user" }, { name: "W", extra: true }, { name: "bell\u0007" }, { name: "W", description: ["a"] }, [], "a string", null],
  },
  {
    name: "POST /api/v1/payment-models/evaluate",
    path: () => "/api/v1/payment-models/evaluate",
    body: () => ({ model: PFP_PAYMENT_MODEL, participants: [CASE], asOf: "2021-01-01" }),
    bad: () => [
      {},
      { model: PFP_PAYMENT_MODEL, participants: [CASE] },
      { model: PFP_PAYMENT_MODEL, participants: "all", asOf: "2021-01-01" },
      { model: PFP_PAYMENT_MODEL, participants: [CASE], asOf: "x" },
      { model: PFP_PAYMENT_MODEL, participants: [{ ...CASE, engagementDays: "forty" }], asOf: "2021-01-01" },
      { model: PFP_PAYMENT_MODEL, participants: [CASE], asOf: "2021-01-01", extra: 1 },
      { model: { ...PFP_PAYMENT_MODEL, components: "none" }, participants: [CASE], asOf: "2021-01-01" },
    ],
  },
  {
    name: "POST /api/v1/payment-models/forecast",
    path: () => "/api/v1/payment-models/forecast",
    body: () => ({ model: PFP_PAYMENT_MODEL, scenarios: PFP_SCENARIOS, runs: 10, seed: 1 }),
    bad: () => [{}, { model: PFP_PAYMENT_MODEL, scenarios: PFP_SCENARIOS, runs: -1, seed: 1 }, { model: PFP_PAYMENT_MODEL, scenarios: PFP_SCENARIOS, runs: "ten", seed: 1 }, { model: PFP_PAYMENT_MODEL, scenarios: [], runs: 10, seed: 1, extra: 1 }],
  },
  {
    name: "POST /api/v1/workspaces/:id/referral-criteria/evaluate",
    path: () => `/api/v1/workspaces/${ws}/referral-criteria/evaluate`,
    body: () => ({ vignettes: [VIGNETTE] }),
    bad: () => [{}, { vignettes: "one" }, { vignettes: [{ ...VIGNETTE, age: "fourteen" }] }, { vignettes: [{ ...VIGNETTE, notes: "Jane Smith, 12 Acacia Avenue" }] }, { vignettes: [VIGNETTE], extra: 1 }],
  },
];

describe("bad input to every API write: problem+json 4xx, and nothing stored", () => {
  for (const c of APIS) {
    it(`${c.name}: content type, size, syntax, NUL, types, missing and extra fields`, async () => {
      const post = (body: BodyInit, type = "application/json", extra: Record<string, string> = {}) =>
        api(c.path(), { method: "POST", headers: { "Content-Type": type, ...extra }, body });
      await refused(`${c.name} from another site's page`, () => post(JSON.stringify(c.body()), "application/json", { Origin: "https://evil.example" }), 403);
      await refused(`${c.name} as a form`, () => post(new URLSearchParams({ a: "1" }), "application/x-www-form-urlencoded"), 415);
      await refused(`${c.name} not JSON`, () => post("{not json"), 400);
      await refused(`${c.name} not UTF-8`, () => post(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])), 400);
      const limit = c.path().startsWith("/api/v1/payment-models/") ? 32 * 1024 * 1024 : 1024 * 1024;
      const tooBig = JSON.stringify({ ...c.body(), padding: "x".repeat(limit) });
      const big = await refused(`${c.name} oversized`, () => post(tooBig), 413);
      expect(JSON.parse(big)).toMatchObject({ status: 413, title: "Content Too Large" });
      const nul = await refused(`${c.name} NUL`, () => post(JSON.stringify({ ...c.body(), nested: { name: "a\u0000b" } })), 400);
      expect(JSON.parse(nul).errors).toEqual({ "nested.name": ["Contains a NUL character (\\u0000), which cannot be stored."] });
      for (const body of c.bad()) {
        const text = await refused(`${c.name} ${JSON.stringify(body).slice(0, 80)}`, () => post(JSON.stringify(body)), /^4\d\d$/);
        const problem = JSON.parse(text) as { status: number; detail: string; errors?: Record<string, string[]> };
        expect(problem.detail.length).toBeGreaterThan(0);
      }
    }, 120_000);
  }

  it("a NUL in an address (a workspace id, a version name) is a 400, never a database error", async () => {
    for (const path of ["/workspaces/%00", `/workspaces/${ws}/outcomes?version=%00`, `/workspaces/${ws}/outcomes?from=a%00b`, "/invitations/%00"]) {
      await refused(`GET ${path}`, () => lead.get(path), 400);
    }
    for (const path of ["/api/v1/workspaces/%00", `/api/v1/workspaces/${ws}/outcome-framework?version=%00`, `/api/v1/workspaces/${ws}/activity?section=outcomes%00`]) {
      const text = await refused(`GET ${path}`, () => api(path), 400);
      expect(JSON.parse(text)).toMatchObject({ status: 400 });
    }
  });

  it("cookie-authenticated API writes without the CSRF header are refused, and change nothing", async () => {
    await refused("POST /api/v1/workspaces by cookie, no CSRF header", () => fetch(`${server.url}/api/v1/workspaces`, { method: "POST", headers: { Cookie: lead.cookieHeader(), "Content-Type": "application/json" }, body: JSON.stringify({ name: "CSRF" }) }), 403);
  });
});
