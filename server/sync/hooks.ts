// The sync server's extension points, as one typed object (Hocuspocus style).
// server/sync/prisma-hooks.ts is the implementation the app uses.
import type { IncomingMessage } from "node:http";
import type * as Y from "yjs";

/** Who a connection is and what it may do in its document. */
export type Principal = {
  userId: string;
  /** What others see in presence and activity; never a service user's own name. */
  name: string;
  role: string;
  canWrite: boolean;
  /**
   * The credential the connection was opened with (opaque to the sync server, e.g.
   * "session:<id>"): when it is revoked, the connection closes.
   */
  credential: string;
};

export type AuthResult = { ok: true; principal: Principal } | { ok: false; code: 4401 | 4403; reason: string };

/** One key per person and credential, for re-checks. */
export function principalKey(principal: Pick<Principal, "userId" | "credential">): string {
  return `${principal.userId} ${principal.credential}`;
}

export type SyncHooks = {
  /** Decides, before the upgrade completes, whether this request may open `docName`. */
  authenticate(request: IncomingMessage, docName: string): Promise<AuthResult>;
  /**
   * Re-checks open connections, for many documents at once: the membership may have
   * changed, and the credential may have been revoked (signed out, token revoked,
   * password changed). Per document name, per `principalKey`, the current principal
   * or why the connection must close (4401 for the credential, 4403 for membership).
   */
  reauthorise(checks: { docName: string; principals: Principal[] }[]): Promise<Map<string, Map<string, AuthResult>>>;
  /** The stored updates of a document, oldest first (snapshot first when there is one). */
  load(docName: string): Promise<Uint8Array[]>;
  /** Appends one update; resolves once it is durable. */
  store(docName: string, update: Uint8Array): Promise<void>;
  /** Folds the stored log of a document into its snapshot. */
  compact(docName: string): Promise<void>;
  /** Optional: a document has been loaded, before anyone joins it. */
  loaded?(docName: string, doc: Y.Doc): void;
  /**
   * Optional: a loaded document changed. `principal` is who changed it when the change
   * came from one of this process's connections; null when it came from another
   * process (through Redis), which reports its own.
   */
  changed?(docName: string, doc: Y.Doc, principal: Principal | null): void;
  /** Optional: a document is about to leave memory. */
  unloaded?(docName: string): void;
};
