// The app's sync hooks: authentication by session cookie, personal API token or
// sync token; authorisation from the same permissions table as every route;
// persistence through Prisma.
import type { IncomingMessage } from "node:http";
import { parseDocumentName, SECTION_WRITE_PERMISSION } from "~/domain/documents";
import { can } from "~/domain/permissions";
import { isRole } from "~/domain/roles";
import { findUserByApiToken } from "~/models/api-token.server";
import { appendDocumentUpdate, compactDocument, loadDocument } from "~/models/document.server";
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

  async reauthorise(docName, userIds) {
    const parsed = parseDocumentName(docName)!;
    const memberships = await db().membership.findMany({
      where: { workspaceId: parsed.workspaceId, userId: { in: userIds } },
      select: { role: true, user: { select: { id: true, name: true } } },
    });
    const out = new Map<string, Principal | null>(userIds.map((id) => [id, null]));
    for (const m of memberships) out.set(m.user.id, principalFor(m.user, m.role, parsed.section));
    return out;
  },

  async load(docName) {
    const stored = await loadDocument(docName);
    return stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates;
  },

  store: appendDocumentUpdate,

  async compact(docName) {
    await compactDocument(docName);
  },
};
