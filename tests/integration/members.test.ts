// Invitations (once, expiring, to the invited email) and member management rules.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Browser } from "../support/client";
import { startServer, type TestServer } from "../support/server";

let server: TestServer;
let lead: Browser;
let workspaceId: string;

beforeAll(async () => {
  server = await startServer();
  lead = new Browser(server.url);
  await lead.login("lead@sutton.example");
  const list = await lead.page("/workspaces");
  workspaceId = /href="\/workspaces\/(?!new")([^"/]+)"/.exec(list.html)![1]!;
}, 90_000);
afterAll(async () => server?.stop());

const members = () => `/workspaces/${workspaceId}/members`;

async function invite(email: string, role = "provider") {
  await lead.page(members());
  const res = await lead.post(members(), { intent: "invite", email, role, name: "", organisationName: "Catch22" });
  const html = await res.text();
  const link = /id="invite-link"[^>]*value="([^"]+)"/.exec(html)?.[1];
  return { res, html, link };
}

async function membershipIdOf(name: string) {
  const { html } = await lead.page(members());
  const at = html.indexOf(`Role for ${name}`);
  const before = html.slice(0, at);
  return [...before.matchAll(/name="membershipId" value="([^"]+)"/g)].pop()![1]!;
}

describe("invitations", () => {
  it("invites by email; the link works once, for that email, and adds the member with the role", async () => {
    const { res, link } = await invite("Kofi@Catch22.example", "provider");
    expect(res.status).toBe(200);
    expect(link).toMatch(/\/invitations\/[\w-]{40,}$/);
    const path = new URL(link!).pathname;

    const stranger = new Browser(server.url);
    await stranger.page("/signup");
    await stranger.post("/signup", { name: "Someone Else", email: "else@example.org", password: "a-long-password", confirmPassword: "a-long-password" });
    const wrong = await stranger.page(path);
    expect(wrong.html).toContain("sent to a different email address");
    expect((await stranger.post(path, {})).status).toBe(400);

    const kofi = new Browser(server.url);
    const landing = await kofi.page(path);
    expect(landing.html).toContain("Join Pan-London Edge of Care");
    expect(landing.html).toContain('name="referrer" content="same-origin"');
    await kofi.page(`/signup?redirectTo=${encodeURIComponent(path)}`);
    const signed = await kofi.post("/signup", { name: "Kofi Mensah", email: "kofi@catch22.example", password: "a-long-password", confirmPassword: "a-long-password", redirectTo: path });
    expect(signed.headers.get("location")).toBe(path);
    await kofi.page(path);
    const accepted = await kofi.post(path, {});
    expect(accepted.status).toBe(302);
    expect(accepted.headers.get("location")).toBe(`/workspaces/${workspaceId}`);
    const overview = await kofi.page(`/workspaces/${workspaceId}`);
    expect(overview.html).toContain("Kofi Mensah");
    expect(overview.html).toContain("Catch22"); // organisation taken from the invitation

    const again = await kofi.page(path);
    expect(again.html).toContain("already been used");
    expect((await kofi.post(path, {})).status).toBe(400);
  });

  it("refuses to invite someone who is already a member, with a field error", async () => {
    const { res, html } = await invite("prime@pfp.example");
    expect(res.status).toBe(400);
    expect(html).toContain("This person is already a member of the workspace.");
  });

  it("validates the invitation form field by field", async () => {
    await lead.page(members());
    const res = await lead.post(members(), { intent: "invite", email: "nope", role: "emperor" });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain("Enter an email address like name@example.org.");
    expect(html).toContain("Choose a role:");
  });

  it("a withdrawn invitation no longer works", async () => {
    const { link } = await invite("withdrawn@example.org", "observer");
    const { html } = await lead.page(members());
    const invitationId = /name="invitationId" value="([^"]+)"/.exec(html)![1]!;
    expect((await lead.post(members(), { intent: "revoke-invitation", invitationId })).status).toBe(200);
    const visitor = new Browser(server.url);
    expect((await visitor.page(new URL(link!).pathname)).html).toContain("This invitation was withdrawn.");
  });

  it("signing up from an invitation fills in the invited address and joins in one step, without JavaScript", async () => {
    const { link } = await invite("Ama@Catch22.example", "investor");
    const token = new URL(link!).pathname.split("/").pop()!;
    const visitor = new Browser(server.url);
    const landing = await visitor.page(new URL(link!).pathname);
    expect(landing.html).toContain(`href="/signup?invitation=${token}"`);
    const form = await visitor.page(`/signup?invitation=${token}`);
    expect(form.html).toContain("You are joining");
    expect(form.html).toMatch(/<input[^>]*(value="ama@catch22\.example"[^>]*readonly|readonly[^>]*value="ama@catch22\.example")/i);
    expect(form.html).toContain('value="Catch22"');
    // Another address than the invited one is refused, and no account is made.
    const other = await visitor.post("/signup", { invitation: token, name: "Ama Boateng", email: "someone-else@example.org", password: "a-long-password", confirmPassword: "a-long-password", organisationName: "Catch22", organisationType: "investor" });
    expect(other.status).toBe(400);
    expect(await other.text()).toContain("This invitation is for ama@catch22.example");
    const res = await visitor.post("/signup", { invitation: token, name: "Ama Boateng", email: "ama@catch22.example", password: "a-long-password", confirmPassword: "a-long-password", organisationName: "Catch22", organisationType: "investor" });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe(`/workspaces/${workspaceId}`);
    const overview = await visitor.page(`/workspaces/${workspaceId}`);
    expect(overview.html).toContain("you are Investor");
    // The link is spent: signing up with it again is refused with the reason.
    const again = new Browser(server.url);
    await again.page("/signup");
    const reuse = await again.post("/signup", { invitation: token, name: "Copy Cat", email: "ama@catch22.example", password: "a-long-password", confirmPassword: "a-long-password" });
    expect(reuse.status).toBe(400);
    expect(await reuse.text()).toContain("This invitation has been used, withdrawn or has expired.");
  });

  it("after an invitation the form is empty, and the notice says who was invited as what, from where", async () => {
    await lead.page(members());
    const res = await lead.post(members(), { intent: "invite", email: "jo@medway.example", role: "commissioner", name: "Jo Patel", organisationName: "Medway Council" });
    const html = (await res.text()).replaceAll("<!-- -->", "");
    expect(html).toContain("Invited Jo Patel (jo@medway.example) as Commissioner, from Medway Council.");
    // Without JavaScript the page comes back with an empty invite form.
    const invite = html.slice(html.indexOf('id="invite-heading"'));
    expect(invite).not.toContain('value="jo@medway.example"');
    expect(invite).not.toContain('value="Medway Council"');
  });

  it("an unknown invitation link is a 404", async () => {
    expect((await new Browser(server.url).page("/invitations/not-a-token")).status).toBe(404);
  });

  it("never logs the invitation secret", async () => {
    const { link } = await invite("logged@example.org");
    const secret = new URL(link!).pathname.split("/").pop()!;
    await new Browser(server.url).page(new URL(link!).pathname);
    expect(server.logs()).not.toContain(secret);
  });
});

describe("member management", () => {
  it("changes a role; a commissioner who stops being one stops being lead", async () => {
    const id = await membershipIdOf("Priya Shah");
    expect((await lead.post(members(), { intent: "set-lead", membershipId: id })).status).toBe(200);
    let page = await lead.page(`/workspaces/${workspaceId}`);
    expect(page.html).toMatch(/Priya Shah.*?Lead commissioner/s);
    expect((await lead.post(members(), { intent: "change-role", membershipId: id, role: "observer" })).status).toBe(200);
    page = await lead.page(`/workspaces/${workspaceId}`);
    const api = await lead.get(`/api/v1/workspaces/${workspaceId}/members`);
    const priya = ((await api.json()) as { members: { name: string; role: string; isLead: boolean }[] }).members.find((m) => m.name === "Priya Shah")!;
    expect(priya).toMatchObject({ role: "observer", isLead: false });
  });

  it("only a commissioner can be lead", async () => {
    const id = await membershipIdOf("Helen Marsh");
    const res = await lead.post(members(), { intent: "set-lead", membershipId: id });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("Only a commissioner can be the lead commissioner.");
  });

  it("never leaves a workspace without someone who can manage it", async () => {
    const own = new Browser(server.url);
    await own.page("/signup");
    await own.post("/signup", { name: "Solo Owner", email: "solo@example.org", password: "a-long-password", confirmPassword: "a-long-password" });
    await own.page("/workspaces/new");
    const created = await own.post("/workspaces/new", { name: "Solo project", description: "", ownerRole: "facilitator" });
    const wsId = created.headers.get("location")!.split("/").pop()!;
    const { html } = await own.page(`/workspaces/${wsId}/members`);
    const membershipId = /name="membershipId" value="([^"]+)"/.exec(html)![1]!;
    const demote = await own.post(`/workspaces/${wsId}/members`, { intent: "change-role", membershipId, role: "observer" });
    expect(demote.status).toBe(400);
    expect(await demote.text()).toContain("needs at least one facilitator or commissioner");
    const remove = await own.post(`/workspaces/${wsId}/members`, { intent: "remove", membershipId });
    expect(remove.status).toBe(400);
    expect((await own.page(`/workspaces/${wsId}/settings`)).status).toBe(200); // still a manager
  });

  it("a removed member loses access at once", async () => {
    const evaluator = new Browser(server.url);
    await evaluator.login("evaluator@ecorys.example");
    expect((await evaluator.get(`/workspaces/${workspaceId}`)).status).toBe(200);
    const id = await membershipIdOf("Ruth Kaplan");
    expect((await lead.post(members(), { intent: "remove", membershipId: id })).status).toBe(200);
    expect((await evaluator.get(`/workspaces/${workspaceId}`)).status).toBe(404);
  });
});

describe("bad input changes nothing", () => {
  it("workspace settings: an empty name is refused and the old name kept", async () => {
    await lead.page(`/workspaces/${workspaceId}/settings`);
    const res = await lead.post(`/workspaces/${workspaceId}/settings`, { name: "   ", description: "x".repeat(2001) });
    expect(res.status).toBe(400);
    const html = (await res.text()).replaceAll("<!-- -->", "");
    expect(html).toContain("Enter a workspace name.");
    expect(html).toContain("Description must be 2,000 characters or fewer.");
    const api = (await (await lead.get(`/api/v1/workspaces/${workspaceId}`)).json()) as { name: string; description: string };
    expect(api.name).toBe("Pan-London Edge of Care");
    expect(api.description).toMatch(/^Edge-of-care social outcomes contract/);
  });

  it("member role: an unknown role is refused and the role kept", async () => {
    const id = await membershipIdOf("Tom Reilly");
    const res = await lead.post(members(), { intent: "change-role", membershipId: id, role: "overlord" });
    expect(res.status).toBe(400);
    const api = (await (await lead.get(`/api/v1/workspaces/${workspaceId}/members`)).json()) as { members: { name: string; role: string }[] };
    expect(api.members.find((m) => m.name === "Tom Reilly")!.role).toBe("commissioner");
  });

  it("API tokens: a token needs a name, and none is created without one", async () => {
    const before = (await lead.page("/settings/tokens")).html.match(/name="tokenId"/g)?.length ?? 0;
    const res = await lead.post("/settings/tokens", { intent: "create", name: "" });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("Enter a name for the token.");
    const after = (await lead.page("/settings/tokens")).html.match(/name="tokenId"/g)?.length ?? 0;
    expect(after).toBe(before);
  });
});
