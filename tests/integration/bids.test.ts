// Hybrid bids against their users and attackers, on a real server with the demo seeded:
// two consortia draft over the sync server and submit; every person against every bid
// route at each stage (before the deadline, after it, after opening, after the award);
// the bid rules; the deadline boundary by the server's clock; sealed content absent
// from the raw database and the server's log; opening against the receipts;
// declarations, scores, moderation, the award and the contract model.
import { createHash } from "node:crypto";
import { readFileSync, existsSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { applyModelChange, readPaymentDesign } from "~/domain/payment/design";
import type { PaymentModel } from "~/domain/payment/model";
import { readBid, setAnswer, setBidName, setTerms } from "~/domain/procurement/bid-document";
import { DEMO_PEOPLE } from "../../prisma/seed";
import { Browser } from "../support/client";
import { fingerprint } from "../support/fingerprint";
import { startServer, type TestServer } from "../support/server";
import { execSql } from "../support/sql";
import { connectProvider, messageType, QUERY_AWARENESS, rawSocket } from "../support/sync-client";

let server: TestServer;
let ws: string;
let procurementId: string;
const as = new Map<string, Browser>();
const PRIME = "prime@pfp.example"; // Positive Families Partnership
const INVESTOR = "investor@bridges.example"; // Bridges
const PARTNERS = ["mst@familyaction.example", "mst@swlstg.example", "fft@fpm.example"];
const RIVAL = "bids@catalyst.example"; // Catalyst Family Services
const LEAD = "lead@sutton.example";
const FACILITATOR = "facilitator@gla.example";
const EVALUATOR = "evaluator@ecorys.example";
const SECOND_EVALUATOR = "commissioner@merton.example";
const OBSERVER = "fund@tnlcf.example";
const YOUTH = "youth@panel.example";
// Text typed into the bids that must never appear at rest or in the log.
const MARK_A = "ZEBRA-MARKER-7c1f consortium plan";
const MARK_B = "OKAPI-MARKER-93ad rival plan";
const MARK_FILE = "NARWHAL-MARKER-51e0 attachment body";

const b = (email: string) => as.get(email)!;
const base = () => `/workspaces/${ws}/procurement`;
let bidA = "";
let bidB = "";
let receiptA = "";

async function syncToken(email: string): Promise<string> {
  const res = await b(email).get(`/api/v1/workspaces/${ws}/sync-token`);
  return ((await res.json()) as { token: string }).token;
}

async function orgId(email: string, name: string): Promise<string> {
  const html = (await b(email).page(`${base()}/bids/${bidA}`)).html;
  return new RegExp(`<option value="([^"]+)">${name}</option>`).exec(html)![1]!;
}

/**
 * Edits a bid's shared document as a consortium member would, over the sync server, and
 * waits until the server has handled the edit (applied, or dropped for a read-only
 * connection): frames are handled in order, so the reply to a query sent after it says so.
 */
async function editBid(email: string, bidId: string, edit: (doc: Y.Doc) => void) {
  const c = await connectProvider(server.url, `${ws}/bid/${bidId}`, await syncToken(email));
  edit(c.doc);
  const socket = c.provider.ws!;
  const handled = new Promise<void>((resolve) => {
    const onMessage = (e: MessageEvent) => {
      if (messageType(new Uint8Array(e.data as ArrayBuffer)) !== 1) return;
      socket.removeEventListener("message", onMessage);
      resolve();
    };
    socket.addEventListener("message", onMessage);
  });
  socket.send(QUERY_AWARENESS);
  await handled;
  c.close();
}

function withTariff(model: PaymentModel, tariffPence: number, fee = true): PaymentModel {
  const components = model.components.map((c) => (c.kind === "outcome-period" ? { ...c, tariffPence } : c));
  return { ...model, components: fee ? [...components, { kind: "per-participant-fee", id: "engagement-fee", name: "Fee per family engaged", amountPence: 300_000, event: "first-meeting" }] : components } as PaymentModel;
}

/** As if the tender period had run: the procurement in its clarification stage, bids due at `deadline`. */
async function biddingUntil(deadline: Date) {
  const past = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
  const soon = new Date(Math.min(deadline.getTime(), Date.now() + 3_600_000) - 1000).toISOString();
  const timeline = { "tender-notice": past(30), participation: past(29), shortlist: past(15), dialogue: past(14), clarification: past(3), enquiryEndsAt: soon, clarificationsUntil: soon, "bid-deadline": deadline.toISOString() };
  await execSql(server.db, `UPDATE "Procurement" SET stage = $1, timeline = $2 WHERE id = $3`, ["clarification", JSON.stringify(timeline), procurementId]);
}

const everyone = () => DEMO_PEOPLE.map((p) => p.email);
/** Who may read bid A at each stage: its consortium always; evaluators once opened and declared without conflict. */
async function statusesOf(path: string) {
  return Object.fromEntries(await Promise.all(everyone().map(async (e) => [e, (await b(e).get(path)).status] as const)));
}
const consortiumA = [PRIME, INVESTOR, ...PARTNERS];

beforeAll(async () => {
  server = await startServer();
  for (const p of DEMO_PEOPLE) {
    const browser = new Browser(server.url);
    await browser.login(p.email);
    as.set(p.email, browser);
  }
  const list = await b(LEAD).page("/workspaces");
  ws = /href="\/workspaces\/([^"/]+)"[^>]*>Pan-London Edge of Care/.exec(list.html)![1]!;
  procurementId = /opportunities\/([^"/]+)"/.exec((await b(LEAD).page(`${base()}`)).html)![1]!;
}, 120_000);

afterAll(async () => server?.stop());

describe("the tender's terms", () => {
  it("every role reads them; only the commissioning team changes them; bad input changes nothing", async () => {
    for (const email of everyone()) {
      const expected = email === YOUTH ? 403 : 200;
      expect((await b(email).get(`${base()}/tender`)).status, email).toBe(expected);
    }
    const page = (await b(LEAD).page(`${base()}/tender`)).html;
    expect(page).toContain("Seven consecutive days not in care");
    const version = /<option value="([^"]+)" selected="">For the market-warming day<\/option>/.exec(page)?.[1] ?? /<option value="([^"]+)">For the market-warming day<\/option>/.exec(page)![1]!;
    const before = await fingerprint(server.db);
    const bad: [Record<string, string>, string][] = [
      [{ intent: "rules", paymentVersionId: version, "min-out-of-care": "250", "max-out-of-care": "200", capFixed: "on" }, "The maximum must not be below the minimum."],
      [{ intent: "rules", paymentVersionId: version, "min-out-of-care": "two hundred", capFixed: "on" }, "Enter an amount in pounds"],
      [{ intent: "rules", paymentVersionId: version, minAtRisk: "150" }, "cannot be above 100%"],
      [{ intent: "rules", paymentVersionId: "not-a-version" }, "Choose a published payment version"],
      [{ intent: "add-question", title: "", wordLimit: "500", weight: "10" }, "Enter the question."],
      [{ intent: "add-question", title: "Q", wordLimit: "many", weight: "10" }, "Enter a word limit."],
      [{ intent: "split", quality: "70", price: "40" }, "Quality and price must add up to 100%."],
      [{ intent: "remove-question", questionId: "nope" }, "That question is not in this tender."],
    ];
    for (const [fields, message] of bad) {
      const res = await b(LEAD).post(`${base()}/tender`, fields);
      expect(res.status, JSON.stringify(fields)).toBe(400);
      expect(await res.text()).toContain(message);
    }
    for (const email of [PRIME, INVESTOR, EVALUATOR, OBSERVER]) expect((await b(email).post(`${base()}/tender`, { intent: "split", quality: "50", price: "50" })).status, email).toBe(403);
    expect(await fingerprint(server.db)).toBe(before);
    // A good change is kept; the tender notice then fixes the terms.
    expect((await b(FACILITATOR).post(`${base()}/tender`, { intent: "split", quality: "60", price: "40" })).status).toBe(200);
    await biddingUntil(new Date(Date.now() + 3 * 86_400_000));
    const fixed = await b(LEAD).post(`${base()}/tender`, { intent: "split", quality: "50", price: "50" });
    expect(fixed.status).toBe(400);
    expect(await fixed.text()).toContain("fixed once the tender notice is published");
  });
});

describe("drafting a bid, sealed", () => {
  it("the prime starts a bid and invites its partners; only the consortium can open it", async () => {
    const start = await b(PRIME).post(`${base()}/bids`, { intent: "start", name: "Positive Families Partnership" });
    expect(start.status).toBe(302);
    bidA = /bids\/([^/]+)$/.exec(start.headers.get("location")!)![1]!;
    for (const [email, name, role, small] of [
      [INVESTOR, "Bridges Outcomes Partnerships", "investor", false],
      [PARTNERS[0]!, "Family Action", "delivery", true],
      [PARTNERS[1]!, "South West London and St George&#x27;s Mental Health NHS Trust", "delivery", false],
      [PARTNERS[2]!, "Family Psychology Mutual", "delivery", true],
    ] as const) {
      const id = await orgId(PRIME, name);
      expect((await b(PRIME).post(`${base()}/bids/${bidA}`, { intent: "add-partner", organisationId: id, role, ...(small ? { small: "on" } : {}) })).status).toBe(200);
      expect((await b(email).get(`${base()}/bids/${bidA}`)).status).toBe(200);
    }
    // A partner cannot change the consortium; an unknown organisation is refused with a field error.
    expect((await b(INVESTOR).post(`${base()}/bids/${bidA}`, { intent: "add-partner", organisationId: "x", role: "delivery" })).status).toBe(400);
    const unknown = await b(PRIME).post(`${base()}/bids/${bidA}`, { intent: "add-partner", organisationId: "nope", role: "delivery" });
    expect(await unknown.text()).toContain("Only organisations registered as interested parties");

    const rival = await b(RIVAL).post(`${base()}/bids`, { intent: "start", name: "Catalyst Families Consortium" });
    bidB = /bids\/([^/]+)$/.exec(rival.headers.get("location")!)![1]!;
    // Someone who cannot bid (a commissioner) is refused.
    expect((await b(LEAD).post(`${base()}/bids`, { intent: "start", name: "Nope" })).status).toBe(403);
  });

  it("before the deadline nobody outside the consortium can reach the bid, by any route", async () => {
    const statuses = await statusesOf(`${base()}/bids/${bidA}`);
    for (const email of everyone()) {
      const expected = consortiumA.includes(email) ? 200 : email === YOUTH ? 403 : 404;
      expect(statuses[email], email).toBe(expected);
    }
    // The bid list: a commissioner sees no bid, not even that one exists.
    for (const email of [LEAD, FACILITATOR, EVALUATOR, OBSERVER, RIVAL]) {
      const html = (await b(email).page(`${base()}/bids`)).html;
      expect(html, email).not.toContain("Positive Families Partnership</a>");
      expect(html, email).not.toContain(bidA);
    }
    expect((await b(PRIME).page(`${base()}/bids`)).html).toContain(bidA);
    // Evaluation and its export say nothing before opening; only the team reaches them.
    for (const email of everyone()) {
      const team = email === LEAD || email === FACILITATOR || email.startsWith("commissioner@");
      expect((await b(email).get(`${base()}/evaluation`)).status, email).toBe(team ? 200 : 403);
      expect((await b(email).get(`${base()}/evaluation.csv`)).status, email).toBe(team ? 404 : 403);
      expect((await b(email).get(`${base()}/bids`)).status, email).toBe(email === YOUTH ? 403 : 200);
    }
    expect((await b(LEAD).page(`${base()}/evaluation`)).html).not.toContain("Positive Families Partnership");
    // Attachments and submissions are as sealed as the bid.
    for (const email of [LEAD, RIVAL, EVALUATOR]) expect((await b(email).get(`${base()}/bids/${bidA}/attachments/x`)).status, email).toBe(404);
    // The audit trail and open data say nothing of bids before opening: no entry, no
    // sealed chain (its length would be a count), no bidder in any OCDS release.
    for (const email of [LEAD, EVALUATOR]) {
      const trail = await (await b(email).get(`/api/v1/workspaces/${ws}/audit`)).text();
      expect(trail, email).not.toContain(bidA);
      expect(trail, email).not.toContain('"bid.');
      expect(trail, email).not.toContain(`bids:${procurementId}`);
      expect(await (await b(email).get(`/workspaces/${ws}/open-data/audit.csv`)).text(), email).not.toContain(bidA);
    }
    const ocds = await (await fetch(`${server.url}/api/v1/procurements/${procurementId}/ocds/record`)).text();
    for (const name of ["Positive Families Partnership", "Catalyst", bidA]) expect(ocds).not.toContain(name);
  });

  it("the sync server lets only the consortium open the draft", async () => {
    for (const email of [LEAD, FACILITATOR, RIVAL, EVALUATOR, OBSERVER]) {
      const closed = await rawSocket(server.url, `${ws}/bid/${bidA}`, await syncToken(email)).closed;
      expect(closed.code, email).toBe(4403);
    }
    // The workspace's document list never names a bid.
    const docs = (await (await b(PRIME).get(`/api/v1/workspaces/${ws}/sync-token`)).json()) as { documents: string[] };
    expect(docs.documents.join(" ")).not.toContain("bid/");
    const c = await connectProvider(server.url, `${ws}/bid/${bidA}`, await syncToken(PARTNERS[0]!));
    expect(readBid(c.doc).name).toBe("Positive Families Partnership");
    c.close();
  });

  it("the proposal is checked against the bid rules, in words, and refused at submission when outside them", async () => {
    await editBid(INVESTOR, bidA, (doc) => {
      const current = readPaymentDesign(doc).model!;
      applyModelChange(doc, current, withTariff(current, 26_000));
    });
    const res = await b(PRIME).post(`${base()}/bids/${bidA}`, { intent: "submit" });
    expect(res.status).toBe(400);
    const text = await res.text();
    expect(text).toContain("tariff £260.00 is above the tender");
    expect(text).toContain("maximum of £250.00");
    expect(text).toContain("Answer “How will you deliver MST and FFT");
  });

  it("a partner cannot submit; the prime submits inside the rules and gets a receipt over the exact content", async () => {
    await editBid(PARTNERS[0]!, bidA, (doc) => {
      const current = readPaymentDesign(doc).model!;
      applyModelChange(doc, current, withTariff(current, 23_000));
      setAnswer(doc, "delivery", `${MARK_A}: two MST teams and one FFT team from month one.`);
      setAnswer(doc, "partnership", "Delivery partners are paid a fee per family; Bridges carries the outcome risk.");
      setAnswer(doc, "voice", "A young people's panel meets every quarter with the board.");
    });
    const attach = await b(PRIME).postMultipart(`${base()}/bids/${bidA}`, { intent: "attach" }, { file: { name: "delivery-plan.txt", type: "text/plain", bytes: new TextEncoder().encode(MARK_FILE) } });
    expect(attach.status).toBe(200);
    expect((await b(PARTNERS[1]!).post(`${base()}/bids/${bidA}`, { intent: "submit" })).status).toBe(400);
    const res = await b(PRIME).post(`${base()}/bids/${bidA}`, { intent: "submit" });
    const text = await res.text();
    expect(res.status, text.slice(text.indexOf("actionData"), text.indexOf("actionData") + 800)).toBe(200);
    const page = (await b(PRIME).page(`${base()}/bids/${bidA}`)).html;
    receiptA = /Receipt: SHA-256 <code[^>]*>([0-9a-f]{64})</.exec(page)![1]!;
    const snapshotId = /snapshots\/([^"]+)" download="">Download exactly/.exec(page)?.[1] ?? /snapshots\/([^"]+)"[^>]*>Download exactly/.exec(page)![1]!;
    const body = await (await b(PRIME).get(`${base()}/bids/${bidA}/snapshots/${snapshotId}`)).text();
    expect(createHash("sha256").update(body, "utf8").digest("hex")).toBe(receiptA);
    expect(body).toContain(MARK_A);
    // Submitted: the draft is read-only (an edit over sync is dropped) until it is withdrawn.
    await editBid(PRIME, bidA, (doc) => setBidName(doc, "Changed after submission"));
    expect((await b(PRIME).page(`${base()}/bids/${bidA}`)).html).not.toContain("Changed after submission");
    expect((await b(PRIME).post(`${base()}/bids/${bidA}`, { intent: "withdraw" })).status).toBe(200);
    const again = await b(PRIME).post(`${base()}/bids/${bidA}`, { intent: "submit" });
    expect(again.status).toBe(200);
    // The same content, the same hash.
    expect(/Receipt: SHA-256 <code[^>]*>([0-9a-f]{64})</.exec((await b(PRIME).page(`${base()}/bids/${bidA}`)).html)![1]).toBe(receiptA);
  });

  it("a small provider carrying too much of its income at risk is named", async () => {
    const rivalPage = (await b(RIVAL).page(`${base()}/bids/${bidB}`)).html;
    const fa = new RegExp(`<option value="([^"]+)">Family Action</option>`).exec(rivalPage)![1]!;
    expect((await b(RIVAL).post(`${base()}/bids/${bidB}`, { intent: "add-partner", organisationId: fa, role: "delivery", small: "on" })).status).toBe(200);
    await editBid(RIVAL, bidB, (doc) => {
      const current = readPaymentDesign(doc).model!;
      applyModelChange(doc, current, withTariff(current, 24_000, false));
      setTerms(doc, fa, { feePerFamilyPence: 0, caseShareBps: 5_000, outcomeShareBps: 5_000 });
      for (const q of ["delivery", "partnership", "voice"]) setAnswer(doc, q, `${MARK_B} for ${q}.`);
    });
    const res = await b(RIVAL).post(`${base()}/bids/${bidB}`, { intent: "submit" });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("Family Action (a small provider) carries 100% of its income at risk; the tender allows at most 25%");
    await editBid(RIVAL, bidB, (doc) => setTerms(doc, fa, { feePerFamilyPence: 900_000, caseShareBps: 5_000, outcomeShareBps: 0 }));
  });
});

describe("the deadline, by the server's clock", () => {
  it("a submission just before the deadline is kept; just after, refused with the time it closed", async () => {
    const deadline = new Date(Date.now() + 8_000);
    expect((await b(LEAD).post(base(), { intent: "timeline", "bid-deadline": deadline.toISOString() })).status).toBe(200);
    const before = await b(RIVAL).post(`${base()}/bids/${bidB}`, { intent: "submit" });
    const beforeText = await before.text();
    expect(before.status, beforeText.slice(beforeText.indexOf("actionData"), beforeText.indexOf("actionData") + 800)).toBe(200);
    await new Promise((r) => setTimeout(r, Math.max(0, deadline.getTime() - Date.now() + 200)));
    const withdraw = await b(RIVAL).post(`${base()}/bids/${bidB}`, { intent: "withdraw" });
    expect(withdraw.status).toBe(400);
    expect(await withdraw.text()).toContain("Bids closed at");
    const late = await b(PRIME).post(`${base()}/bids/${bidA}`, { intent: "save-version", label: "late" });
    expect(late.status).toBe(200); // the consortium may still keep versions for itself
    const edit = await b(PRIME).postMultipart(`${base()}/bids/${bidA}`, { intent: "attach" }, { file: { name: "late.txt", type: "text/plain", bytes: new TextEncoder().encode("late") } });
    expect(edit.status).toBe(400);
    // Still sealed after the deadline until the bids are opened.
    const statuses = await statusesOf(`${base()}/bids/${bidA}`);
    for (const email of everyone()) expect(statuses[email], email).toBe(consortiumA.includes(email) ? 200 : email === YOUTH ? 403 : 404);
  });

  it("nothing of either bid is readable in the raw database or the server's log", async () => {
    const dump = await fingerprint(server.db);
    const files = server.db.kind === "sqlite" ? [server.db.url.replace(/^file:/, ""), `${server.db.url.replace(/^file:/, "")}-wal`].filter(existsSync).map((f) => readFileSync(f).toString("latin1")) : [];
    for (const mark of [MARK_A, MARK_B, MARK_FILE, "ZEBRA-MARKER", "OKAPI-MARKER", "NARWHAL-MARKER", "delivery-plan.txt", "Catalyst Families Consortium"]) {
      expect(dump.includes(mark), mark).toBe(false);
      for (const f of files) expect(f.includes(mark), `${mark} in the database file`).toBe(false);
      expect(server.logs().includes(mark), `${mark} in the log`).toBe(false);
    }
  });
});

describe("opening, evaluation and award", () => {
  it("only the commissioning team opens the bids, once; each matches its receipt", async () => {
    expect((await b(RIVAL).post(`${base()}/bids`, { intent: "open" })).status).toBe(403);
    const res = await b(LEAD).post(`${base()}/bids`, { intent: "open" });
    expect(await res.text()).toContain("Every submission matches its receipt");
    expect((await b(LEAD).post(`${base()}/bids`, { intent: "open" })).status).toBe(400);
    const list = (await b(LEAD).page(`${base()}/bids`)).html;
    expect(list).toContain(receiptA);
    expect(list).toContain("matches its receipt");
    expect((await b(LEAD).page(`/workspaces/${ws}/activity`)).html).toContain("opened the bids");
  });

  it("evaluators are named, declare before seeing any bid, and a declared conflict hides that bid", async () => {
    const page = (await b(LEAD).page(`${base()}/evaluation`)).html;
    for (const email of [EVALUATOR, SECOND_EVALUATOR]) {
      const name = DEMO_PEOPLE.find((p) => p.email === email)!.name;
      const userId = new RegExp(`<option value="([^"]+)">${name} \\(`).exec(page)![1]!;
      expect((await b(LEAD).post(`${base()}/evaluation`, { intent: "add-evaluator", userId })).status).toBe(200);
    }
    // A bidder cannot be named.
    expect((await b(LEAD).post(`${base()}/evaluation`, { intent: "add-evaluator", userId: "nobody" })).status).toBe(400);
    // Named but not yet declared: no bid content.
    expect((await b(EVALUATOR).get(`${base()}/bids/${bidA}`)).status).toBe(404);
    const missing = await b(EVALUATOR).post(`${base()}/evaluation`, { intent: "declare", [`conflict-${bidA}`]: "no" });
    expect(missing.status).toBe(400);
    expect((await b(EVALUATOR).post(`${base()}/evaluation`, { intent: "declare", [`conflict-${bidA}`]: "no", [`conflict-${bidB}`]: "yes", [`note-${bidB}`]: "I advised Catalyst last year." })).status).toBe(200);
    expect((await b(SECOND_EVALUATOR).post(`${base()}/evaluation`, { intent: "declare", [`conflict-${bidA}`]: "no", [`conflict-${bidB}`]: "no" })).status).toBe(200);
    expect((await b(EVALUATOR).get(`${base()}/bids/${bidA}`)).status).toBe(200);
    expect((await b(EVALUATOR).get(`${base()}/bids/${bidB}`)).status).toBe(404);
    expect((await b(SECOND_EVALUATOR).get(`${base()}/bids/${bidB}`)).status).toBe(200);
    // A commissioner who is not an evaluator still cannot read a bid's content.
    expect((await b(LEAD).get(`${base()}/bids/${bidA}`)).status).toBe(404);
    expect((await b(LEAD).page(`${base()}/evaluation`)).html).toContain("I advised Catalyst last year.");
    // The evaluator's comparison leaves out the bid they declared a conflict with.
    const csv = await (await b(EVALUATOR).get(`${base()}/evaluation.csv`)).text();
    expect(csv).toContain("Positive Families Partnership");
    expect(csv).not.toContain("Catalyst");
  });

  it("scores are private until moderation; consensus; the ranking follows the weights; the award makes the contract model", async () => {
    for (const [email, bid, score] of [[EVALUATOR, bidA, 4], [SECOND_EVALUATOR, bidA, 3], [SECOND_EVALUATOR, bidB, 2]] as const) {
      for (const q of ["delivery", "partnership", "voice"]) {
        const r = await b(email).post(`${base()}/bids/${bid}`, { intent: "score", questionId: q, score: String(score), justification: `Justified by ${email}` });
        expect(r.status).toBe(200);
      }
    }
    expect((await b(EVALUATOR).post(`${base()}/bids/${bidA}`, { intent: "score", questionId: "delivery", score: "9", justification: "x" })).status).toBe(400);
    expect((await b(EVALUATOR).post(`${base()}/bids/${bidB}`, { intent: "score", questionId: "delivery", score: "1", justification: "x" })).status).toBe(404);
    // Before moderation, one evaluator does not see another's scores.
    expect((await b(EVALUATOR).page(`${base()}/evaluation`)).html).not.toContain(`Justified by ${SECOND_EVALUATOR}`);
    expect((await b(LEAD).post(`${base()}/evaluation`, { intent: "start-moderation" })).status).toBe(200);
    const moderation = (await b(LEAD).page(`${base()}/evaluation`)).html;
    expect(moderation).toContain(`Justified by ${SECOND_EVALUATOR}`);
    expect(moderation).toContain(`Justified by ${EVALUATOR}`);
    for (const [bid, score] of [[bidA, 4], [bidB, 2]] as const) {
      for (const q of ["delivery", "partnership", "voice"]) {
        expect((await b(LEAD).post(`${base()}/evaluation`, { intent: "consensus", bidId: bid, questionId: q, score: String(score), reasons: `Agreed ${score} for ${q}` })).status).toBe(200);
      }
    }
    expect((await b(LEAD).post(`${base()}/evaluation`, { intent: "consensus", bidId: bidA, questionId: "delivery", score: "4", reasons: "" })).status).toBe(400);
    const ranked = (await b(LEAD).page(`${base()}/evaluation`)).html;
    expect(ranked).toContain("Ranking");
    expect(/data-testid="total-[^"]+">(\d+\.\d\d)/.exec(ranked)).not.toBeNull();
    // The award: a facilitator cannot; a commissioner can, once.
    expect((await b(FACILITATOR).post(`${base()}/evaluation`, { intent: "award", bidId: bidA, reasons: "x" })).status).toBe(403);
    const award = await b(LEAD).post(`${base()}/evaluation`, { intent: "award", bidId: bidA, reasons: "Highest quality, within the cap." });
    expect(await award.text()).toContain("Awarded to Positive Families Partnership");
    expect((await b(LEAD).post(`${base()}/evaluation`, { intent: "award", bidId: bidB, reasons: "again" })).status).toBe(400);
    const model = (await (await b(LEAD).get(`/api/v1/workspaces/${ws}/payment-model`)).json()) as { model: PaymentModel };
    expect(model.model.components.find((c) => c.kind === "outcome-period")).toMatchObject({ tariffPence: 23_000 });
    expect(model.model.components.some((c) => c.id === "engagement-fee")).toBe(true);
    expect((await b(LEAD).page(`/workspaces/${ws}/payment`)).html).toContain("Contract: Positive Families Partnership");
  });

  it("the losing bidder reads its assessment summary, with the winner's scores; the winner reads its own", async () => {
    const losing = (await b(RIVAL).page(`${base()}/bids`)).html;
    expect(losing).toContain("Assessment summary: Catalyst Families Consortium");
    expect(losing).toContain("Your bid was not selected.");
    expect(losing).toContain("Agreed 2 for delivery");
    expect(losing).toContain("Agreed 4 for delivery");
    expect(losing).toContain("Highest quality, within the cap.");
    expect(losing).toContain("8 working days");
    const winning = (await b(PARTNERS[2]!).page(`${base()}/bids`)).html;
    expect(winning).toContain("Your bid has been selected for award.");
    // Other parties are told of the decision, without bid content.
    expect((await b(INVESTOR).page("/notifications")).html).toContain("The award decision has been made");
    // After the award the rival still cannot read the winner's bid.
    expect((await b(RIVAL).get(`${base()}/bids/${bidA}`)).status).toBe(404);
  });
});

