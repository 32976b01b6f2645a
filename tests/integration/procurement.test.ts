// The procurement against its users and attackers: every role on every new route, two
// rival providers in one workspace (organisation axis), the clarification flow through
// the enquiry period, equal treatment, dialogue minutes, the public opportunity page,
// and bad input. A real server on its own database with the demo seeded.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { can, type Permission } from "~/domain/permissions";
import { ROLES, type Role } from "~/domain/roles";
import { DEMO_PEOPLE } from "../../prisma/seed";
import { Browser } from "../support/client";
import { openEventStream } from "../support/event-stream";
import { startServer, type TestServer } from "../support/server";

let server: TestServer;
let ws: string;
let procurementId: string;
let eventId: string;
const as = new Map<string, Browser>();
const RIVAL_A = "mst@familyaction.example"; // Family Action
const RIVAL_B = "fft@fpm.example"; // Family Psychology Mutual

async function signIn(email: string) {
  const b = new Browser(server.url);
  await b.login(email);
  as.set(email, b);
  return b;
}
const byRole = (role: Role) => as.get(DEMO_PEOPLE.find((p) => p.role === role)!.email)!;
const html = async (b: Browser, path: string) => (await b.page(path)).html;

beforeAll(async () => {
  server = await startServer();
  for (const p of DEMO_PEOPLE) await signIn(p.email);
  const list = await byRole("commissioner").page("/workspaces");
  ws = /href="\/workspaces\/([^"/]+)"[^>]*>Pan-London Edge of Care/.exec(list.html)![1]!;
  const page = await html(byRole("facilitator"), `/workspaces/${ws}/procurement`);
  eventId = /procurement\/events\/([^"/]+)"/.exec(page)![1]!;
  procurementId = /opportunities\/([^"/]+)"/.exec(page)![1]!;
}, 120_000);

afterAll(async () => server?.stop());

describe("every role against every procurement route", () => {
  const pages: [string, Permission, () => string][] = [
    ["procurement record", "read:procurement", () => `/workspaces/${ws}/procurement`],
    ["clarifications", "read:procurement", () => `/workspaces/${ws}/procurement/clarifications`],
    ["clarifications digest", "read:procurement", () => `/workspaces/${ws}/procurement/clarifications.txt`],
    ["market-warming day", "read:procurement", () => `/workspaces/${ws}/procurement/events/${eventId}`],
    ["live room", "read:procurement", () => `/workspaces/${ws}/procurement/events/${eventId}/live.json`],
    ["engagement record", "read:procurement", () => `/workspaces/${ws}/procurement/record`],
    ["engagement record data", "read:procurement", () => `/workspaces/${ws}/procurement/record.json`],
    ["dialogue", "read:procurement", () => `/workspaces/${ws}/procurement/dialogue`],
    ["equal treatment", "manage:procurement", () => `/workspaces/${ws}/procurement/equal-treatment`],
  ];
  for (const [from, to] of [["tender", "procurement"], ["clarifications", "procurement/clarifications"], ["questions", "procurement/clarifications"]] as const) {
    for (const role of ROLES) {
      const expected = can(role, "read:procurement") ? 302 : 403;
      it(`GET /${from} as ${role} → ${expected}`, async () => {
        const res = await byRole(role).get(`/workspaces/${ws}/${from}`);
        expect(res.status).toBe(expected);
        if (expected === 302) expect(res.headers.get("location")).toBe(`/workspaces/${ws}/${to}`);
      });
    }
  }
  for (const role of ROLES) {
    const expected = can(role, "read:procurement") ? 200 : 403;
    it(`GET the room's stream as ${role} → ${expected}`, async () => {
      const { status, stream } = await openEventStream(`${server.url}/workspaces/${ws}/procurement/events/${eventId}/stream`, byRole(role).cookieHeader());
      expect(status).toBe(expected);
      if (stream) {
        await stream.waitFor("event: room");
        stream.close();
      }
    });
  }
  for (const [name, permission, path] of pages) {
    for (const role of ROLES) {
      const expected = can(role, permission) ? 200 : 403;
      it(`GET ${name} as ${role} → ${expected}`, async () => {
        expect((await byRole(role).get(path())).status).toBe(expected);
      });
    }
    it(`GET ${name} as a non-member → 404 without the workspace's name`, async () => {
      const outsider = new Browser(server.url);
      await outsider.page("/signup");
      await outsider.post("/signup", { name: "Out Sider", email: `out${name.length}${Math.random()}@example.org`.replace(/[^a-z0-9@.]/g, ""), password: "a-long-password", confirmPassword: "a-long-password" });
      const res = await outsider.get(path());
      expect(res.status).toBe(404);
      expect(await res.text()).not.toContain("Pan-London");
    });
  }

  const posts: [string, Permission, string, () => Record<string, string>, number][] = [
    ["move a stage (to a stage that does not follow)", "manage:procurement", "", () => ({ intent: "move", to: "contract" }), 400],
    ["add a lot", "manage:procurement", "", () => ({ intent: "add-lot", title: `Lot ${Math.random()}`, description: "" }), 200],
    ["register interest", "ask:clarifications", "", () => ({ intent: "register" }), 200],
    ["show something (unknown agenda item)", "manage:procurement", "/events/E", () => ({ intent: "show", showing: "agenda:nope" }), 400],
    ["answer a poll (unknown poll)", "attend:events", "/events/E", () => ({ intent: "respond", pollId: "nope" }), 400],
    ["answer a question (unknown)", "answer:clarifications", "/events/E", () => ({ intent: "answer", questionId: "nope", answer: "x" }), 400],
    ["ask a clarification (before the tender notice)", "ask:clarifications", "/clarifications", () => ({ intent: "ask", body: "A question about the cap?" }), 400],
    ["schedule a dialogue (unknown party)", "manage:procurement", "/dialogue", () => ({ intent: "schedule", partyId: "nope", scheduledAt: "2027-01-10T10:00" }), 400],
  ];
  for (const [name, permission, sub, fields, allowed] of posts) {
    for (const role of ROLES) {
      const expected = can(role, permission) ? allowed : 403;
      it(`POST ${name} as ${role} → ${expected}`, async () => {
        const path = `/workspaces/${ws}/procurement${sub.replace("E", eventId)}`;
        const b = byRole(role);
        await b.page(`/workspaces/${ws}`);
        const res = await b.post(path, fields());
        // Registering is refused (400) to an account with no organisation (the youth panel has none, and may not ask anyway).
        expect(res.status).toBe(expected);
      });
    }
  }
});

describe("rival providers in one workspace", () => {
  it("a rival never sees who asked, on the page, in the live room or in the record", async () => {
    const a = as.get(RIVAL_A)!;
    const b = as.get(RIVAL_B)!;
    await a.page(`/workspaces/${ws}/procurement/events/${eventId}`);
    const asked = await a.post(`/workspaces/${ws}/procurement/events/${eventId}`, { intent: "ask", body: "Can a delivery partner be paid fee-for-service under the prime?", anonymous: "on" });
    expect(asked.status).toBe(200);
    // Every screen's stream: the rival's never carries the asker; the team's does.
    const streams = await Promise.all([b, byRole("facilitator")].map((x) => openEventStream(`${server.url}/workspaces/${ws}/procurement/events/${eventId}/stream`, x.cookieHeader())));
    const [rivalStream, teamStream] = streams.map((x) => x.stream!);
    await teamStream!.waitFor("fee-for-service under the prime");
    expect(teamStream!.text()).toContain("Daniel Brooks (Family Action)");
    // Before moderation: the rival does not see it at all; the facilitator does, with the asker.
    expect(await html(b, `/workspaces/${ws}/procurement/events/${eventId}`)).not.toContain("fee-for-service under the prime");
    const facilitator = byRole("facilitator");
    const live = (await (await facilitator.get(`/workspaces/${ws}/procurement/events/${eventId}/live.json`)).json()) as { questions: { id: string; body: string; askedBy: string; status: string }[] };
    const q = live.questions.find((x) => x.body.includes("fee-for-service under the prime"))!;
    expect(q.status).toBe("pending");
    expect(q.askedBy).toContain("Family Action");
    await facilitator.page(`/workspaces/${ws}/procurement/events/${eventId}`);
    expect((await facilitator.post(`/workspaces/${ws}/procurement/events/${eventId}`, { intent: "approve", questionId: q.id })).status).toBe(200);
    // Once in the room: the rival sees the question under a pseudonym, never the name.
    for (const path of [`/events/${eventId}`, `/events/${eventId}/live.json`, "/record", "/record.json", "/clarifications"]) {
      const text = await html(b, `/workspaces/${ws}/procurement${path}`);
      expect(text, path).not.toContain("Family Action");
      expect(text, path).not.toContain("Daniel Brooks");
    }
    await rivalStream!.waitFor("fee-for-service under the prime");
    expect(rivalStream!.text()).not.toContain("Family Action");
    expect(rivalStream!.text()).not.toContain("Daniel Brooks");
    for (const x of [rivalStream, teamStream]) x!.close();
    const seen = (await (await b.get(`/workspaces/${ws}/procurement/events/${eventId}/live.json`)).json()) as { questions: { id: string; askedBy: string }[] };
    expect(seen.questions.find((x) => x.id === q.id)?.askedBy).toMatch(/^Organisation \d+$/);
    // The asker's own organisation is told it is theirs.
    const own = (await (await a.get(`/workspaces/${ws}/procurement/events/${eventId}/live.json`)).json()) as { questions: { id: string; askedBy: string; mine: boolean }[] };
    expect(own.questions.find((x) => x.id === q.id)).toMatchObject({ mine: true });
  });

  it("a what-if shown to the room reaches a rival under the owner's pseudonym", async () => {
    const rival = await html(as.get(RIVAL_A)!, `/workspaces/${ws}/payment`);
    expect(rival).toContain("A £240 tariff, with our delivery costs");
    expect(rival).not.toContain("Helen Marsh");
    expect(rival).toContain("Organisation 1");
    expect(await html(byRole("commissioner"), `/workspaces/${ws}/payment`)).toContain("Helen Marsh");
  });

  it("the party list names parties to the commissioning team only", async () => {
    expect(await html(byRole("commissioner"), `/workspaces/${ws}/procurement`)).toContain("Family Psychology Mutual");
    const rival = await html(as.get(RIVAL_A)!, `/workspaces/${ws}/procurement`);
    expect(rival).toMatch(/Other parties see your questions as from <strong>Organisation \d+<\/strong>/);
    expect(rival).not.toContain("Family Psychology Mutual</td>");
  });

  it("a vote counts once per person, and results show to those who answered", async () => {
    const a = as.get(RIVAL_A)!;
    const live = (await (await a.get(`/workspaces/${ws}/procurement/events/${eventId}/live.json`)).json()) as { polls: { id: string; tally: { responses: number } | null }[] };
    const poll = live.polls[0]!;
    const before = poll.tally!.responses;
    await a.page(`/workspaces/${ws}/procurement/events/${eventId}`);
    for (const choice of ["1", "2"]) expect((await a.post(`/workspaces/${ws}/procurement/events/${eventId}`, { intent: "respond", pollId: poll.id, choice })).status).toBe(200);
    const after = (await (await a.get(`/workspaces/${ws}/procurement/events/${eventId}/live.json`)).json()) as { polls: { id: string; tally: { responses: number; counts: { count: number }[] }; mine: number[] }[] };
    expect(after.polls[0]!.tally.responses).toBe(before + 1);
    expect(after.polls[0]!.mine).toEqual([2]);
    const bad = await a.post(`/workspaces/${ws}/procurement/events/${eventId}`, { intent: "respond", pollId: poll.id, choice: "9" });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("Choose one option.");
  });
});

describe("clarifications through the enquiry period", () => {
  it("asks, refuses confidentiality, answers all parties at once, keeps edits, proves equal treatment, and closes", async () => {
    const lead = byRole("commissioner");
    const a = as.get(RIVAL_A)!;
    const b = as.get(RIVAL_B)!;
    const base = `/workspaces/${ws}/procurement`;
    await lead.page(base);
    const moved = await lead.post(base, { intent: "move", to: "tender-notice" });
    expect(moved.status, await moved.clone().text()).toBe(200);
    // A version published after the tender notice goes to every party, with what changed.
    await lead.page(`/workspaces/${ws}/outcomes`);
    const published = await lead.post(`/workspaces/${ws}/outcomes`, { intent: "publish", name: "After the market-warming day" });
    expect(published.headers.get("location")).toContain("announced=1");
    expect(await html(b, "/notifications")).toContain("New version of the outcome framework: “After the market-warming day”. Nothing changed since “For the market-warming day”.");
    await a.page(`${base}/clarifications`);
    const ask = await a.post(`${base}/clarifications`, { intent: "ask", body: "Is the £1.5m fund cap shared across the boroughs?", confidential: "on" });
    expect(ask.status).toBe(200);
    expect(await html(b, `${base}/clarifications`)).not.toContain("£1.5m fund cap");
    const team = await html(lead, `${base}/clarifications`);
    const qid = [...team.split("£1.5m fund cap")[0]!.matchAll(/id="q-([^"]+)"/g)].at(-1)![1]!;
    expect((await lead.post(`${base}/clarifications`, { intent: "answer", questionId: qid, answer: "Early." })).status).toBe(400); // decide confidentiality first
    expect((await lead.post(`${base}/clarifications`, { intent: "refuse-confidential", questionId: qid })).status).toBe(200);
    expect(await html(a, `${base}/clarifications`)).toContain("Withdraw it now if you do not want that.");
    expect((await lead.post(`${base}/clarifications`, { intent: "answer", questionId: qid, answer: "No: the fund's cap is for the whole contract." })).status).toBe(200);
    expect((await lead.post(`${base}/clarifications`, { intent: "answer", questionId: qid, answer: "No: the fund's £1.5m cap is for the whole contract, not per borough." })).status).toBe(200);
    const rivalView = await html(b, `${base}/clarifications`);
    expect(rivalView).toContain("not per borough");
    expect(rivalView).toContain("Changed 1 time");
    expect(rivalView).not.toContain("Family Action");
    expect(await html(b, "/notifications")).toContain("published to every registered party");
    const digest = await (await b.get(`${base}/clarifications.txt`)).text();
    expect(digest).toContain("not per borough");
    expect(digest).not.toContain("Family Action");
    const equal = await html(lead, `${base}/equal-treatment`);
    expect(equal).toContain("Every party received everything published to all");
    // Close the enquiry period: a question after it is refused with when it closed.
    const past = new Date(Date.now() - 60_000).toISOString().slice(0, 16);
    expect((await lead.post(base, { intent: "timeline", enquiryEndsAt: past })).status).toBe(200);
    const late = await a.post(`${base}/clarifications`, { intent: "ask", body: "One more question, please?" });
    expect(late.status).toBe(400);
    expect(await late.text()).toContain("The enquiry period closed on");
  });

  it("refuses malformed dates with a field error and changes nothing", async () => {
    const lead = byRole("commissioner");
    const base = `/workspaces/${ws}/procurement`;
    const before = await html(lead, base);
    const res = await lead.post(base, { intent: "timeline", "bid-deadline": "next tuesday" });
    expect(res.status).toBe(400);
    const refused = await res.text();
    expect(refused, refused.slice(refused.indexOf("actionData"), refused.indexOf("actionData") + 400)).toContain("Enter a date and time");
    expect((await html(lead, base)).match(/Bid deadline passed[^<]*/)?.[0]).toBe(before.match(/Bid deadline passed[^<]*/)?.[0]);
    expect((await lead.post(base, { intent: "nonsense" })).status).toBe(400);
    expect((await lead.post(base, { intent: "move", to: "contract" }, { csrf: false })).status).toBe(403);
  });
});

describe("dialogue and the public page", () => {
  it("minutes are for that bidder and the team only", async () => {
    const lead = byRole("facilitator");
    const base = `/workspaces/${ws}/procurement/dialogue`;
    const page = await html(lead, base);
    const partyId = /<option value="([^"]+)">Organisation \d+: Family Action<\/option>/.exec(page)![1]!;
    expect((await lead.post(base, { intent: "schedule", partyId, scheduledAt: "2027-02-01T10:00", place: "Online" })).status).toBe(200);
    const sessionId = /name="sessionId" value="([^"]+)"/.exec(await html(lead, base))![1]!;
    expect((await lead.post(base, { intent: "minutes", sessionId, minutes: "Discussed step-down to FFT after MST." })).status).toBe(200);
    expect(await html(as.get(RIVAL_A)!, base)).toContain("step-down to FFT");
    expect(await html(as.get(RIVAL_B)!, base)).not.toContain("step-down to FFT");
  });

  it("the opportunity page is public; an unknown one is 404; registering makes a party and a member", async () => {
    const anon = new Browser(server.url);
    const pub = await anon.page(`/opportunities/${procurementId}`);
    expect(pub.status).toBe(200);
    expect(pub.html).toContain("Pan-London edge-of-care social outcomes contract");
    expect(pub.html).not.toContain("meet.example");
    expect((await anon.page("/opportunities/nope")).status).toBe(404);
    const newcomer = new Browser(server.url);
    await newcomer.page("/signup");
    await newcomer.post("/signup", { name: "Nia Evans", email: "nia@newprovider.example", password: "a-long-password", confirmPassword: "a-long-password" });
    await newcomer.page(`/opportunities/${procurementId}`);
    const missing = await newcomer.post(`/opportunities/${procurementId}`, {});
    expect(missing.status).toBe(400);
    const reg = await newcomer.post(`/opportunities/${procurementId}`, { organisationName: "New Provider CIC", organisationType: "provider" });
    expect(reg.status).toBe(302);
    const page = await html(newcomer, `/workspaces/${ws}/procurement`);
    expect(page).toMatch(/New Provider CIC is registered\. Other parties see your questions as from <strong>Organisation \d+/);
    // Someone who runs the procurement cannot register their authority as a bidder.
    const lead = byRole("commissioner");
    await lead.page(`/opportunities/${procurementId}`);
    const self = await lead.post(`/opportunities/${procurementId}`, {});
    expect(self.status).toBe(400);
    expect(await self.text()).toContain("cannot register as a party");
    // A late party is given everything published before, at registration.
    expect(await html(byRole("commissioner"), `/workspaces/${ws}/procurement/equal-treatment`)).toContain("Every party received everything published to all");
  });
});

describe("the end of the market-warming day", () => {
  it("sends its materials to every party at once, and the room takes no more questions", async () => {
    const facilitator = byRole("facilitator");
    const path = `/workspaces/${ws}/procurement/events/${eventId}`;
    await facilitator.page(path);
    expect((await facilitator.post(path, { intent: "status", status: "ended" })).status).toBe(200);
    expect(await html(as.get(RIVAL_B)!, "/notifications")).toContain("Materials from “Market-warming day”: the agenda, the versions discussed (“For the market-warming day”");
    const equal = await html(byRole("commissioner"), `/workspaces/${ws}/procurement/equal-treatment`);
    expect(equal).toContain("Materials from “Market-warming day”");
    expect(equal).toContain("Every party received everything published to all");
    const a = as.get(RIVAL_A)!;
    await a.page(path);
    const late = await a.post(path, { intent: "ask", body: "One more question after the day?" });
    expect(late.status).toBe(400);
    expect(await late.text()).toContain("This event has ended.");
    const record = await html(byRole("observer"), `/workspaces/${ws}/procurement/record`);
    expect(record).toContain("Which share of provider income at risk would you bid against?");
    expect(record).not.toContain("Family Action");
  });
});
