// The app's sync hooks: authentication by session cookie, personal API token or
// sync token; authorisation from the same permissions table as every route;
// persistence through Prisma.
import type { IncomingMessage } from "node:http";
import { parseDocumentName, SECTION_WRITE_PERMISSION } from "~/domain/documents";
import { can } from "~/domain/permissions";
import { isRole } from "~/domain/roles";
import { findUserByApiToken } from "~/models/api-token.server";
import { appendDocumentUpdates, compactDocument, loadDocument } from "~/models/document.server";
import { getUserById } from "~/models/user.server";
import { getUserId } from "~/utils/auth.server";
import { db } from "~/utils/db.server";
import { authoriseMember } from "~/utils/permissions.server";
import { verifySyncToken } from "~/utils/sync-token.server";
import type { AuthResult, Principal, SyncHooks } from "./hooks";
import { CLOSE } from "./connection";

async function userIdFrom(request: IncomingMessage, workspaceId: string): Promise<string | null> {
  const token = new URL(request.url ?? "/", "http://localhost").searchParams.get("token");
  if (token) {
    const sync = verifySyncToken(token);
    if (sync) return sync.workspaceId === workspaceId ? sync.userId : null;
    return (await findUserByApiToken(token))?.id ?? null;
  }
  const cookie = request.headers.cookie;
  if (!cookie) return null;
  return getUserId(new Request("http://localhost/", { headers: { cookie } }));
}

function principalFor(user: { id: string; name: string }, role: string, section: keyof typeof SECTION_WRITE_PERMISSION): Principal | null {
  if (!isRole(role)) return null;
  return { userId: user.id, name: user.name, role, canWrite: can(role, SECTION_WRITE_PERMISSION[section]) };
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

export const prismaSyncHooks: SyncHooks = {
  async authenticate(request, docName): Promise<AuthResult> {
    const parsed = parseDocumentName(docName);
    const userId = await userIdFrom(request, parsed?.workspaceId ?? "");
    if (!userId) return { ok: false, code: CLOSE.unauthenticated, reason: "sign in or send a valid token" };
    if (!parsed) return { ok: false, code: CLOSE.forbidden, reason: "unknown document" };
    const result = await authoriseMember(userId, parsed.workspaceId, "read:workspace");
    const user = result.ok ? await getUserById(userId) : null;
    const principal = result.ok && user ? principalFor(user, result.member.membership.role, parsed.section) : null;
    if (!principal) return { ok: false, code: CLOSE.forbidden, reason: "not a member of this workspace" };
    return { ok: true, principal };
  },

  async reauthorise(checks) {
    // One query for every open document, so the cost does not grow with their number.
    const parsed = checks.map((c) => ({ ...c, doc: parseDocumentName(c.docName)! }));
    const memberships = await db().membership.findMany({
      where: {
        workspaceId: { in: [...new Set(parsed.map((p) => p.doc.workspaceId))] },
        userId: { in: [...new Set(parsed.flatMap((p) => p.userIds))] },
      },
      select: { workspaceId: true, role: true, user: { select: { id: true, name: true } } },
    });
    const byKey = new Map(memberships.map((m) => [`${m.workspaceId} ${m.user.id}`, m]));
    return new Map(
      parsed.map((p) => [
        p.docName,
        new Map(
          p.userIds.map((userId) => {
            const m = byKey.get(`${p.doc.workspaceId} ${userId}`);
            return [userId, m ? principalFor(m.user, m.role, p.doc.section) : null] as const;
          }),
        ),
      ]),
    );
  },

  async load(docName) {
    const stored = await loadDocument(docName);
    return stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates;
  },

  store: (docName, update) => writes.add({ docName, update }),

  async compact(docName) {
    await compactDocument(docName);
  },
};
