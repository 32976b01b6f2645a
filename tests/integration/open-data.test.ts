// Open data and the audit trail on a real server with the demo seeded: the PFP tender
// taken through evaluation, award and into contract by its users; at each point the
// OCDS packages checked against the official 1.1.5 schema with both extensions, the
// INDIGO export against its model (and the official schema when it is here), and the
// audit chains verified; then someone with the database in hand edits and deletes
// entries, and verify names exactly those.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkRecordPackage, checkReleasePackage, reportOk } from "~/domain/open-data/ocds-check";
import { IndigoExportSchema } from "~/domain/open-data/indigo";
import { INDIGO_ORGANISATION_SCHEMA_PATH, officialIndigoValidator } from "../../scripts/indigo-official";
import { admin, Browser } from "../support/client";
import { startServer, type TestServer } from "../support/server";
import { execSql } from "../support/sql";

let server: TestServer;
const as = new Map<string, Browser>();
const LEAD = "lead@sutton.example";
const SECOND = "commissioner@merton.example";
const EVALUATOR = "evaluator@ecorys.example";
const FACILITATOR = "facilitator@gla.example";
const PRIME = "prime@pfp.example";
const RIVAL = "bids@catalyst.example";
const OBSERVER = "fund@tnlcf.example";
const b = (email: string) => as.get(email)!;
let live = ""; // the market-warming workspace (public, mid-engagement)
let tender = ""; // the tender workspace (bids in and opened)
let liveProcurement = "";
let tenderProcurement = "";
const prefix = "ocds-ocdemo";

type Json = Record<string, any>;
const json = async (res: Response) => (await res.json()) as Json;
const procurementIdOf = async (ws: string) => /\/api\/v1\/procurements\/([A-Za-z0-9_-]+)\/ocds/.exec((await b(LEAD).page(`/workspaces/${ws}/open-data`)).html)![1]!;

beforeAll(async () => {
  server = await startServer();
  for (const email of [LEAD, SECOND, EVALUATOR, FACILITATOR, PRIME, RIVAL, OBSERVER]) {
    const browser = new Browser(server.url);
    await browser.login(email);
    as.set(email, browser);
  }
  const { workspaces } = await json(await b(LEAD).get("/api/v1/workspaces"));
  live = workspaces.find((w: Json) => w.name === "Pan-London Edge of Care").id;
  tender = workspaces.find((w: Json) => w.name === "Edge of Care tender: bids in").id;
  liveProcurement = await procurementIdOf(live);
  tenderProcurement = await procurementIdOf(tender);
}, 120_000);

afterAll(async () => {
  await server?.stop();
});

const releasesOf = (who: Browser | null, id: string) => (who ? who.get(`/api/v1/procurements/${id}/ocds/releases`) : fetch(`${server.url}/api/v1/procurements/${id}/ocds/releases`));
const recordOf = (who: Browser | null, id: string) => (who ? who.get(`/api/v1/procurements/${id}/ocds/record`) : fetch(`${server.url}/api/v1/procurements/${id}/ocds/record`));

async function validPackages(who: Browser | null, id: string) {
  const releases = await json(await releasesOf(who, id));
  const record = await json(await recordOf(who, id));
  const releaseReport = checkReleasePackage(releases, prefix);
  const recordReport = checkRecordPackage(record, prefix);
  expect(releaseReport).toEqual({ schemaErrors: [], additionalFields: [], deprecatedFields: [], codelistErrors: [], duplicateIds: [], duplicateReleases: [], ocidErrors: [] });
  expect(reportOk(recordReport), JSON.stringify(recordReport)).toBe(true);
  return { releases, record, compiled: record.records[0].compiledRelease as Json };
}

describe("OCDS", () => {
  it("publishes the live engagement as open data to anyone, valid against the official schema", async () => {
    const { releases, compiled } = await validPackages(null, liveProcurement);
    expect(releases.releases.map((r: Json) => r.tag)).toEqual([["planning"]]);
    expect(releases.extensions).toHaveLength(2);
    expect(compiled.ocid).toBe(`${prefix}-${liveProcurement}`);
    expect(compiled.buyer.name).toBe("London Borough of Sutton");
    expect(compiled.planning.milestones[0]).toMatchObject({ type: "engagement" });
    expect(compiled.planning.documents.map((d: Json) => d.documentType).sort()).toEqual(["contractDraft", "eligibilityCriteria", "technicalSpecifications"]);
    // The public opportunity page links to it and gives the ocid.
    const page = await (await fetch(`${server.url}/opportunities/${liveProcurement}`)).text();
    expect(page).toContain(`/api/v1/procurements/${liveProcurement}/ocds/releases`);
    expect(page).toContain(`${prefix}-${liveProcurement}`);
  });

  it("keeps a procurement that is not public to its members, and answers everyone else alike", async () => {
    expect((await releasesOf(null, tenderProcurement)).status).toBe(404);
    expect((await recordOf(null, tenderProcurement)).status).toBe(404);
    // A stale or forged session cookie learns no more than no cookie at all.
    const cookie = b(LEAD).cookieHeader().replace(/=([^;]+)/g, "=stale");
    expect((await fetch(`${server.url}/api/v1/procurements/${tenderProcurement}/ocds/releases`, { headers: { Cookie: cookie } })).status).toBe(404);
    const stranger = new Browser(server.url);
    await stranger.page("/signup");
    const signup = await stranger.post("/signup", { name: "Stranger", email: "stranger@elsewhere.example", password: "a-long-enough-password", confirmPassword: "a-long-enough-password" });
    expect(signup.status).toBe(302);
    expect((await releasesOf(stranger, tenderProcurement)).status).toBe(404);
    expect((await releasesOf(stranger, "no-such-thing")).status).toBe(404);
    // A NUL in the address is refused before any route sees it.
    expect((await releasesOf(null, "bad%00id")).status).toBe(400);
    expect((await fetch(`${server.url}/api/v1/procurements/${tenderProcurement}/ocds/releases`, { headers: { Authorization: "Bearer oc_pat_forged" } })).status).toBe(401);
    for (const email of [LEAD, RIVAL, OBSERVER, EVALUATOR]) expect((await releasesOf(b(email), tenderProcurement)).status).toBe(200);
    expect((await b(LEAD).post(`/api/v1/procurements/${tenderProcurement}/ocds/releases`, {})).status).toBe(405);
  });

  it("says nothing of who bid or what before the award, though the bids are in and opened", async () => {
    const { releases } = await validPackages(b(RIVAL), tenderProcurement);
    const text = JSON.stringify(releases);
    expect(releases.releases.map((r: Json) => r.tag.join("+"))).toEqual(["planning", "tender"]);
    for (const name of ["Catalyst", "Positive Families Partnership", "Bridges", "Family Action"]) expect(text).not.toContain(name);
    expect(text).not.toMatch(/"bids"|"awards"|"contracts"|numberOfTenderers/);
  });
});

describe("taken through the award into contract", () => {
  let bids: string[] = [];
  const questions = ["delivery", "partnership", "voice"];
  const evaluation = () => `/workspaces/${tender}/procurement/evaluation`;

  it("evaluates and awards as its users would", async () => {
    const page = (await b(EVALUATOR).page(evaluation())).html;
    bids = [...new Set([...page.matchAll(/name="conflict-([A-Za-z0-9_-]+)"/g)].map((m) => m[1]!))];
    expect(bids).toHaveLength(2);
    expect((await b(EVALUATOR).post(evaluation(), { intent: "declare", ...Object.fromEntries(bids.map((id) => [`conflict-${id}`, "no"])) })).status).toBe(200);
    for (const bid of bids) for (const q of questions) expect((await b(EVALUATOR).post(`/workspaces/${tender}/procurement/bids/${bid}`, { intent: "score", questionId: q, score: "3", justification: "Meets the descriptors." })).status).toBe(200);
    expect((await b(LEAD).post(evaluation(), { intent: "start-moderation" })).status).toBe(200);
    for (const bid of bids) for (const q of questions) expect((await b(LEAD).post(evaluation(), { intent: "consensus", bidId: bid, questionId: q, score: bid === bids[0] ? "4" : "3", reasons: "Agreed at moderation." })).status).toBe(200);
    const figures = (await b(LEAD).page(evaluation())).html;
    const pfp = bids.find((id) => new RegExp(`value="${id}">Positive Families Partnership`).test(figures)) ?? bids[0]!;
    const award = await b(LEAD).post(evaluation(), { intent: "award", bidId: pfp, reasons: "Highest combined score, within the cap." });
    expect(await award.text()).toContain("Awarded to");
  }, 120_000);

  it("publishes the award, the pending contract and bid statistics, validly, naming only the winning consortium", async () => {
    const { releases, compiled } = await validPackages(b(OBSERVER), tenderProcurement);
    expect(releases.releases.map((r: Json) => r.tag.join("+"))).toEqual(["planning", "tender", "award+contract"]);
    expect(compiled.awards[0]).toMatchObject({ status: "pending", suppliers: [{ name: "Positive Families Partnership" }] });
    expect(compiled.contracts[0].status).toBe("pending");
    const stat = (m: string) => compiled.bids.statistics.find((s: Json) => s.measure === m).value;
    expect(stat("bids")).toBe(2);
    expect(stat("validBids")).toBe(2);
    expect(compiled.tender.status).toBe("complete");
    expect(compiled.parties.find((p: Json) => p.name === "Bridges Outcomes Partnerships").roles).toEqual(["funder"]);
    // The losing bidder is counted, never named.
    expect(JSON.stringify(releases)).not.toContain("Catalyst");
    expect(Number.isInteger(compiled.awards[0].value.amount * 100)).toBe(true);
  });

  it("publishes the contract in force once the standstill is over", async () => {
    // Move the clock: every date of the procurement twenty days earlier, as if the
    // standstill had begun then.
    const keys = ["tender-notice", "participation", "shortlist", "clarification", "enquiryEndsAt", "clarificationsUntil", "bid-deadline", "evaluation", "award-decision", "standstill", "contract"];
    for (const k of keys) {
      const sql =
        server.db.kind === "sqlite"
          ? `UPDATE "Procurement" SET "timeline" = json_set("timeline", '$."${k}"', strftime('%Y-%m-%dT%H:%M:%fZ', json_extract("timeline", '$."${k}"'), '-20 days')) WHERE "id" = $1 AND json_extract("timeline", '$."${k}"') IS NOT NULL`
          : `UPDATE "Procurement" SET "timeline" = jsonb_set("timeline"::jsonb, '{${k}}', to_jsonb(to_char(((("timeline"::jsonb)->>'${k}')::timestamptz - interval '20 days') AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')))::text WHERE "id" = $1 AND ("timeline"::jsonb) ? '${k}'`;
      await execSql(server.db, sql, [tenderProcurement]);
    }
    const moved = await b(LEAD).post(`/workspaces/${tender}/procurement`, { intent: "move", to: "contract" });
    expect(moved.status, await moved.clone().text()).toBe(200);
    const { releases, compiled } = await validPackages(b(LEAD), tenderProcurement);
    expect(releases.releases.at(-1).tag).toEqual(["awardUpdate", "contractUpdate"]);
    expect(compiled.awards[0].status).toBe("active");
    expect(compiled.contracts[0].status).toBe("active");
  });

  it("exports the outcomes contract in INDIGO's shape, linked to the ocid", async () => {
    expect((await fetch(`${server.url}/api/v1/workspaces/${tender}/indigo`)).status).toBe(401);
    const res = await b(PRIME).get(`/api/v1/workspaces/${tender}/indigo?download=1`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toContain("indigo-project-");
    const exported = IndigoExportSchema.parse(await res.json());
    const p = exported.data;
    expect(p.stage_development?.value).toBe("Contracted");
    expect(p.open_contracting_datas[0]!.ocid).toBe(`${prefix}-${tenderProcurement}`);
    expect(p.outcome_pricings[0]!.price_per_unit.amount.value).toBeGreaterThan(0);
    expect(p.outcome_payment_commitments.map((c) => c.organisation_id.value)).toContain("INDIGO-ORG-OC-PAYER-SUTTON");
    const investor = exported.organisations.find((o) => o.id === p.investments[0]!.organisation_id.value);
    expect(investor?.data.name.value).toBe("Bridges Outcomes Partnerships");
    expect(p.investments[0]!.investment_commitment.amount?.exact.value).toBe(4_500_000);
    const official = officialIndigoValidator();
    if (official) expect(official(p), JSON.stringify(official.errors)).toBe(true);
    const organisation = officialIndigoValidator(INDIGO_ORGANISATION_SCHEMA_PATH);
    if (organisation) for (const o of exported.organisations) expect(organisation(o.data), JSON.stringify(organisation.errors)).toBe(true);
  });
});

describe("the audit trail", () => {
  const audit = (email: string, ws = tender) => b(email).get(`/api/v1/workspaces/${ws}/audit`);

  it("is readable by commissioners and evaluators only, and verifies", async () => {
    for (const email of [PRIME, RIVAL, OBSERVER, FACILITATOR]) expect((await audit(email)).status).toBe(403);
    expect((await b(PRIME).get(`/workspaces/${tender}/open-data/audit.csv`)).status).toBe(403);
    const body = await json(await audit(EVALUATOR));
    expect(body.chains.map((c: Json) => c.chain)).toEqual([`workspace:${tender}`, `bids:${tenderProcurement}`]);
    for (const c of body.chains) expect(c.verified).toBe(true);
    const actions = body.chains[0].entries.map((e: Json) => e.action);
    for (const a of ["bids.opened", "evaluation.declared", "evaluation.scored", "evaluation.moderation-started", "evaluation.consensus", "award.decided", "version.published", "procurement.stage"]) expect(actions).toContain(a);
    // Scores are kept as hashes only; nobody's e-mail is in the trail.
    const scored = body.chains[0].entries.find((e: Json) => e.action === "evaluation.scored");
    expect(scored.after).toMatch(/^\{"sha256":"[0-9a-f]{64}"\}$/);
    expect(JSON.stringify(body)).not.toMatch(/@[a-z]+\.example/);
    // The opening took the sealed chain's head at that moment.
    const opened = body.chains[0].entries.find((e: Json) => e.action === "bids.opened");
    const sealed = body.chains[1].entries;
    expect(JSON.parse(opened.after).sealedHead).toBe(sealed.at(-1).hash);
    expect(sealed.filter((e: Json) => e.action === "bid.submitted")).toHaveLength(2);
    expect(sealed.find((e: Json) => e.action === "bid.submitted").after).toMatch(/"receipt":"[0-9a-f]{64}"/);
    const csv = await b(LEAD).get(`/workspaces/${tender}/open-data/audit.csv`);
    expect(csv.status).toBe(200);
    expect(await csv.text()).toContain("award.decided");
  });

  it("shows no sealed chain where bids are not opened, and is scoped to its workspace", async () => {
    const body = await json(await audit(LEAD, live));
    expect(body.chains.map((c: Json) => c.chain)).toEqual([`workspace:${live}`]);
    expect(body.chains[0].entries.every((e: Json) => e.chain === `workspace:${live}`)).toBe(true);
    // The market-warming day is in it: planned, its agenda, its poll opened; and the question answered.
    const actions = body.chains[0].entries.map((e: Json) => e.action);
    for (const a of ["event.created", "event.changed", "poll.created", "poll.status", "clarification.answered", "procurement.publication"]) expect(actions).toContain(a);
    expect((await b(LEAD).get(`/api/v1/workspaces/not-a-workspace/audit`)).status).toBe(404);
  });

  it("prints the head on the engagement record and the award's entry on the award", async () => {
    const body = await json(await audit(LEAD, live));
    const record = (await b(LEAD).page(`/workspaces/${live}/procurement/record`)).html;
    expect(record).toContain(body.chains[0].head);
    const tenderTrail = await json(await audit(LEAD));
    const awardEntry = tenderTrail.chains[0].entries.find((e: Json) => e.action === "award.decided");
    expect((await b(LEAD).page(`/workspaces/${tender}/procurement/evaluation`)).html).toContain(awardEntry.hash);
    expect((await b(RIVAL).page(`/workspaces/${tender}/procurement/bids`)).html).toContain(awardEntry.hash);
    const openData = (await b(LEAD).page(`/workspaces/${tender}/open-data`)).html;
    expect(openData).toContain("The chain verifies");
    expect(openData).toContain("valid.");
    expect((await b(PRIME).page(`/workspaces/${tender}/open-data`)).html).not.toContain("Audit trail");
  });

  it("verify names exactly the entry edited or deleted directly in the database", async () => {
    const env = server.env;
    const clean = await admin(env, ["audit:verify"]);
    expect(clean.code, clean.stdout + clean.stderr).toBe(0);
    const body = await json(await audit(LEAD));
    const target = body.chains[0].entries[4];
    // The application cannot rewrite the trail...
    await expect(execSql(server.db, `UPDATE "AuditEntry" SET "actorName" = 'Someone else' WHERE "id" = $1`, [target.id])).rejects.toThrow(/append-only/);
    // ...someone with the database in hand can, by removing the guard first.
    const unguard = server.db.kind === "sqlite" ? [`DROP TRIGGER "AuditEntry_no_update"`, `DROP TRIGGER "AuditEntry_no_delete"`] : [`ALTER TABLE "AuditEntry" DISABLE TRIGGER "AuditEntry_append_only"`];
    for (const sql of unguard) await execSql(server.db, sql);
    await execSql(server.db, `UPDATE "AuditEntry" SET "actorName" = 'Someone else' WHERE "id" = $1`, [target.id]);
    const edited = await admin(env, ["audit:verify", "--chain", `workspace:${tender}`]);
    expect(edited.code).toBe(1);
    expect(edited.stdout).toContain(`Entry ${target.seq} of workspace:${tender} (id ${target.id}) was edited`);
    // The page says so too.
    expect((await b(LEAD).page(`/workspaces/${tender}/open-data`)).html).toContain("The chain does not verify");
    // A deleted entry in the sealed chain is named by its number.
    const sealed = body.chains[1].entries;
    await execSql(server.db, `DELETE FROM "AuditEntry" WHERE "id" = $1`, [sealed[2].id]);
    const deleted = await admin(env, ["audit:verify", "--chain", `bids:${tenderProcurement}`]);
    expect(deleted.code).toBe(1);
    expect(deleted.stdout).toContain(`Entry ${sealed[2].seq} of bids:${tenderProcurement} is missing`);
    // A head printed earlier catches the newest entries being cut off.
    const liveTrail = await json(await audit(LEAD, live));
    const head = liveTrail.chains[0].head;
    expect((await admin(env, ["audit:verify", "--chain", `workspace:${live}`, "--head", head])).code).toBe(0);
    await execSql(server.db, `DELETE FROM "AuditEntry" WHERE "hash" = $1`, [head]);
    const cut = await admin(env, ["audit:verify", "--chain", `workspace:${live}`, "--head", head]);
    expect(cut.code).toBe(1);
    expect(cut.stdout).toContain("were removed");
  }, 60_000);
});
