// The app's sync hooks: authentication by session cookie (same origin only), personal
// API token or sync token; authorisation from the same permissions table as every
// route, re-checked with the credential while the connection is open; persistence
// through Prisma.
import type { IncomingMessage } from "node:http";
import { parseBidDocumentName, parseDocumentName, SECTION_WRITE_PERMISSION, type BidDocumentName, type Section } from "~/domain/documents";
import { bidAccess } from "~/domain/procurement/bids";
import { bidCodec, bidFacts, getBid, type BidRecord } from "~/models/bid.server";
import { getProcurement, type ProcurementRecord } from "~/models/procurement.server";
import { can } from "~/domain/permissions";
import { isRole, SERVICE_USER_DISPLAY_NAME } from "~/domain/roles";
import { findApiToken } from "~/models/api-token.server";
import { appendDocumentUpdates, compactDocument, loadDocument, type DocumentCodec } from "~/models/document.server";
import { getUserById } from "~/models/user.server";
import { getSession, liveCredentials, type Credential } from "~/utils/auth.server";
import { db } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { authoriseMember } from "~/utils/permissions.server";
import { verifySyncToken } from "~/utils/sync-token.server";
import { principalKey, type AuthResult, type Principal, type SyncHooks } from "./hooks";
import { CLOSE } from "./connection";
import { cookieOriginAllowed } from "./origin";

type Caller = { userId: string; credential: Credential };

/**
 * Who opens the connection, from `?token=` (a sync token or a personal API token) or
 * the session cookie; a cookie from another site's page is refused (cross-site
 * WebSocket hijacking). The credential must still be live.
 */
async function callerFrom(request: IncomingMessage, workspaceId: string): Promise<Caller | (AuthResult & { ok: false }) | null> {
  const token = new URL(request.url ?? "/", "http://localhost").searchParams.get("token");
  if (token) {
    const sync = verifySyncToken(token);
    if (sync) {
      // A valid token for another workspace opens nothing here: forbidden, not unauthenticated.
      if (sync.workspaceId !== workspaceId) return { ok: false, code: CLOSE.forbidden, reason: "this sync token is for another workspace" };
      return (await liveCredentials([sync.credential])).has(sync.credential) ? { userId: sync.userId, credential: sync.credential } : null;
    }
    const api = await findApiToken(token);
    return api ? { userId: api.user.id, credential: `api-token:${api.id}` } : null;
  }
  const cookie = request.headers.cookie;
  if (!cookie) return null;
  const config = env();
  const originRequest = {
    origin: request.headers.origin,
    host: request.headers.host,
    forwardedProto: header(request.headers["x-forwarded-proto"]),
    trustProxy: config.TRUST_PROXY === "true",
  };
  if (!cookieOriginAllowed(originRequest, config.ALLOWED_ORIGINS)) {
    return { ok: false, code: CLOSE.forbidden, reason: "cross-origin connections must use a sync token" };
  }
  return getSession(new Request("http://localhost/", { headers: { cookie } }));
}

const header = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** How a member appears in this document: a service user never by name. */
function principalFor(user: { id: string; name: string }, role: string, section: Section, credential: string): Principal | null {
  if (!isRole(role)) return null;
  const name = role === "service-user" ? SERVICE_USER_DISPLAY_NAME : user.name;
  return { userId: user.id, name, role, canWrite: can(role, SECTION_WRITE_PERMISSION[section]), credential };
}

/**
 * Coalesces the stores requested in one turn of the event loop into one INSERT. The
 * sync server's batch timer stores every changed document in the same turn, so with
 * many open documents this is one statement per batch window, not one per document.
 */
class WriteCoalescer<T> {
  private queue: { item: T; resolve: () => void; reject: (e: unknown) => void }[] = [];
  private scheduled = false;

  constructor(private readonly write: (items: T[]) => Promise<void>) {}

  add(item: T): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => void this.flush());
      }
    });
  }

  private async flush() {
    this.scheduled = false;
    const batch = this.queue.splice(0);
    try {
      await this.write(batch.map((b) => b.item));
      for (const b of batch) b.resolve();
    } catch (error) {
      for (const b of batch) b.reject(error);
    }
  }
}

const writes = new WriteCoalescer(appendDocumentUpdates);

/**
 * A bid draft's connection: only its consortium's people, and writing only while the
 * bid policy allows (before the deadline, not while submitted). Anyone else is told
 * "unknown document", as for a bid that does not exist.
 */
async function bidPrincipal(userId: string, role: string, doc: BidDocumentName, credential: string, name: string, organisationId: string | null): Promise<Principal | null> {
  return principalInBid(await bidClock(doc), { userId, role, credential, name, organisationId });
}

type BidClockNow = { procurement: ProcurementRecord; bid: BidRecord } | null;

/** The bid and its procurement, read once per document (per check, not per connection). */
async function bidClock(doc: BidDocumentName): Promise<BidClockNow> {
  const procurement = await getProcurement(doc.workspaceId);
  const bid = procurement ? await getBid(procurement.id, doc.bidId) : null;
  return procurement && bid ? { procurement, bid } : null;
}

function principalInBid(clock: BidClockNow, who: { userId: string; role: string; credential: string; name: string; organisationId: string | null }): Principal | null {
  if (!clock || !isRole(who.role)) return null;
  const { procurement, bid } = clock;
  const access = bidAccess({ userId: who.userId, role: who.role, organisationId: who.organisationId, evaluator: null }, bidFacts(bid), { procurement, bidsOpenedAt: procurement.bidsOpenedAt, now: new Date() });
  return access.consortium ? { userId: who.userId, name: who.name, role: who.role, canWrite: access.write, credential: who.credential } : null;
}

// A bid's procurement never changes: remembered, so each stored update is not a query.
const bidProcurements = new Map<string, Promise<string | null>>();
function procurementOfBid(bidId: string): Promise<string | null> {
  let hit = bidProcurements.get(bidId);
  if (!hit) {
    hit = db().bid.findUnique({ where: { id: bidId }, select: { procurementId: true } }).then((b) => b?.procurementId ?? null);
    bidProcurements.set(bidId, hit);
    // An unknown bid is not remembered: it may be created in a moment.
    hit.then((id) => void (id || bidProcurements.delete(bidId)), () => bidProcurements.delete(bidId));
  }
  return hit;
}

/** Bid documents are stored encrypted; every other document as it is. */
async function codecFor(docName: string): Promise<DocumentCodec | undefined> {
  const bid = parseBidDocumentName(docName);
  if (!bid) return undefined;
  const procurementId = await procurementOfBid(bid.bidId);
  if (!procurementId) throw new Error("sync: a bid document without a bid");
  return bidCodec(procurementId, bid.bidId);
}

async function reauthoriseBid(doc: BidDocumentName, principals: Principal[]): Promise<Map<string, AuthResult>> {
  // Three queries per open bid document, however many of the consortium are in it.
  const [live, clock, members] = await Promise.all([
    liveCredentials([...new Set(principals.map((p) => p.credential))]),
    bidClock(doc),
    db().membership.findMany({
      where: { workspaceId: doc.workspaceId, userId: { in: [...new Set(principals.map((p) => p.userId))] } },
      select: { userId: true, role: true, user: { select: { name: true, organisationId: true } } },
    }),
  ]);
  const byUser = new Map(members.map((m) => [m.userId, m]));
  const out = new Map<string, AuthResult>();
  for (const p of principals) {
    if (!live.has(p.credential)) {
      out.set(principalKey(p), { ok: false, code: CLOSE.unauthenticated, reason: "signed out or credential revoked" });
      continue;
    }
    const m = byUser.get(p.userId);
    const principal = m ? principalInBid(clock, { userId: p.userId, role: m.role, credential: p.credential, name: m.user.name, organisationId: m.user.organisationId }) : null;
    out.set(principalKey(p), principal ? { ok: true, principal } : { ok: false, code: CLOSE.forbidden, reason: "no longer in this bid's consortium" });
  }
  return out;
}

export const prismaSyncHooks: SyncHooks = {
  async authenticate(request, docName): Promise<AuthResult> {
    // The workspace is read before the section is checked, so a valid sync token for an
    // unknown section is told "unknown document" (4403), not "sign in" (4401).
    const workspaceId = /^([A-Za-z0-9_-]{1,64})\//.exec(docName)?.[1] ?? "";
    const caller = await callerFrom(request, workspaceId);
    if (!caller) return { ok: false, code: CLOSE.unauthenticated, reason: "sign in or send a valid token" };
    if ("ok" in caller) return caller;
    const bidDoc = parseBidDocumentName(docName);
    if (bidDoc) {
      const member = await authoriseMember(caller.userId, bidDoc.workspaceId, "read:workspace");
      const user = member.ok ? await getUserById(caller.userId) : null;
      const principal = member.ok && user ? await bidPrincipal(user.id, member.member.membership.role, bidDoc, caller.credential, user.name, user.organisation?.id ?? null) : null;
      return principal ? { ok: true, principal } : { ok: false, code: CLOSE.forbidden, reason: "unknown document" };
    }
    const parsed = parseDocumentName(docName);
    if (!parsed) return { ok: false, code: CLOSE.forbidden, reason: "unknown document" };
    const result = await authoriseMember(caller.userId, parsed.workspaceId, "read:workspace");
    const user = result.ok ? await getUserById(caller.userId) : null;
    const principal = result.ok && user ? principalFor(user, result.member.membership.role, parsed.section, caller.credential) : null;
    if (!principal) return { ok: false, code: CLOSE.forbidden, reason: "not a member of this workspace" };
    return { ok: true, principal };
  },

  async reauthorise(allChecks) {
    // Bid drafts are few and each needs its own policy check (the deadline may have passed).
    const bidChecks = allChecks.filter((c) => parseBidDocumentName(c.docName));
    const bidResults = await Promise.all(bidChecks.map(async (c) => [c.docName, await reauthoriseBid(parseBidDocumentName(c.docName)!, c.principals)] as const));
    const checks = allChecks.filter((c) => !parseBidDocumentName(c.docName));
    // Two queries for every open document, so the cost does not grow with their number.
    const parsed = checks.map((c) => ({ ...c, doc: parseDocumentName(c.docName)! }));
    const principals = parsed.flatMap((p) => p.principals);
    const [memberships, live] = await Promise.all([
      db().membership.findMany({
        where: {
          workspaceId: { in: [...new Set(parsed.map((p) => p.doc.workspaceId))] },
          userId: { in: [...new Set(principals.map((p) => p.userId))] },
        },
        select: { workspaceId: true, role: true, user: { select: { id: true, name: true } } },
      }),
      liveCredentials([...new Set(principals.map((p) => p.credential))]),
    ]);
    const byKey = new Map(memberships.map((m) => [`${m.workspaceId} ${m.user.id}`, m]));
    const decide = (workspaceId: string, section: Section, p: Principal): AuthResult => {
      if (!live.has(p.credential)) return { ok: false, code: CLOSE.unauthenticated, reason: "signed out or credential revoked" };
      const m = byKey.get(`${workspaceId} ${p.userId}`);
      const principal = m ? principalFor(m.user, m.role, section, p.credential) : null;
      return principal ? { ok: true, principal } : { ok: false, code: CLOSE.forbidden, reason: "no longer a member" };
    };
    return new Map([...parsed.map((p) => [p.docName, new Map(p.principals.map((pr) => [principalKey(pr), decide(p.doc.workspaceId, p.doc.section, pr)] as const))] as const), ...bidResults]);
  },

  async load(docName) {
    const stored = await loadDocument(docName, await codecFor(docName));
    return stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates;
  },

  async store(docName, update) {
    const codec = await codecFor(docName);
    return writes.add({ docName, update: codec ? await codec.encode(update) : update });
  },

  async compact(docName) {
    await compactDocument(docName, await codecFor(docName));
  },
};
