// Named versions of a shared document: an immutable copy of its stored Yjs state and
// of its typed model, with who published it and when. Restoring is done by writing the
// model into the live document as a new edit (never by rewriting history).
import * as Y from "yjs";
import type { Section } from "~/domain/documents";
import { readFramework } from "~/domain/outcome-framework";
import { readPaymentDesign } from "~/domain/payment/design";
import { readReferralDesign } from "~/domain/referral-design";
import { db } from "~/utils/db.server";
import { readStoredDocument } from "./document.server";
import { auditWorkspace } from "./audit.server";
import { sha256 } from "~/domain/audit/chain";

/** The typed model of a section's document, as stored in a version. */
const MODELS: Partial<Record<Section, (doc: Y.Doc) => unknown>> = {
  outcomes: readFramework,
  referral: (doc) => readReferralDesign(doc).design,
  payment: (doc) => readPaymentDesign(doc).model,
};

export type VersionSummary = { id: string; name: string; createdByName: string; createdAt: Date };

export function versionable(section: Section): boolean {
  return MODELS[section] !== undefined;
}

/** Publishes the document as stored now under `name`; refuses a name already used. */
export async function publishVersion(input: { workspaceId: string; section: Section; name: string; userId: string; userName: string }): Promise<{ ok: true; version: VersionSummary } | { ok: false; error: string }> {
  const read = MODELS[input.section];
  if (!read) return { ok: false, error: "This section has no versions." };
  const taken = await db().documentVersion.findUnique({ where: { workspaceId_section_name: { workspaceId: input.workspaceId, section: input.section, name: input.name } }, select: { id: true } });
  if (taken) return { ok: false, error: `A version named "${input.name}" already exists. Choose another name.` };
  const doc = await readStoredDocument(`${input.workspaceId}/${input.section}`);
  const model = JSON.stringify(read(doc));
  const version = await db().documentVersion.create({
    data: {
      workspaceId: input.workspaceId,
      section: input.section,
      name: input.name,
      state: Y.encodeStateAsUpdate(doc) as Uint8Array<ArrayBuffer>,
      model,
      createdById: input.userId,
      createdByName: input.userName,
    },
    select: { id: true, name: true, createdByName: true, createdAt: true },
  });
  // The version's model is kept in full in its own row; the trail proves it by hash.
  await auditWorkspace(input.workspaceId, { id: input.userId, name: input.userName }, "version.published", `version:${version.id}`, { after: { section: input.section, name: input.name, modelSha256: sha256(model) } }, version.createdAt);
  return { ok: true, version };
}

export function listVersions(workspaceId: string, section: Section): Promise<VersionSummary[]> {
  return db().documentVersion.findMany({ where: { workspaceId, section }, orderBy: { createdAt: "desc" }, select: { id: true, name: true, createdByName: true, createdAt: true } });
}

/** One version's typed model, found by id or by name; null if there is none. */
export async function getVersionModel(workspaceId: string, section: Section, idOrName: string): Promise<{ version: VersionSummary; model: unknown } | null> {
  const v = await db().documentVersion.findFirst({
    where: { workspaceId, section, OR: [{ id: idOrName }, { name: idOrName }] },
    select: { id: true, name: true, createdByName: true, createdAt: true, model: true },
  });
  if (!v) return null;
  const { model, ...version } = v;
  return { version, model: JSON.parse(model) as unknown };
}

/**
 * `?from=<version>&to=<version or "now">`: the changes between two versions, or
 * between a version and `now`, in the words `diff` uses; null when not asked for or
 * when either version is unknown.
 */
export async function comparisonFor<T>(
  request: Request,
  workspaceId: string,
  section: Section,
  parse: (model: unknown) => T | null,
  now: T,
  diff: (before: T, after: T) => string[],
): Promise<{ from: string; to: string; fromName: string; toName: string; changes: string[] } | null> {
  const params = new URL(request.url).searchParams;
  const from = params.get("from");
  const to = params.get("to") ?? "now";
  if (!from) return null;
  const before = await getVersionModel(workspaceId, section, from);
  const after = to === "now" ? null : await getVersionModel(workspaceId, section, to);
  if (!before || (to !== "now" && !after)) return null;
  const beforeModel = parse(before.model);
  const afterModel = after ? parse(after.model) : now;
  if (beforeModel === null || afterModel === null) return null;
  return { from: before.version.id, to: after ? after.version.id : "now", fromName: before.version.name, toName: after ? after.version.name : "now", changes: diff(beforeModel, afterModel) };
}

/** A published payment version's model and the scenarios it was published with (bids are priced under them). */
export async function getPaymentVersionDesign(workspaceId: string, versionId: string): Promise<{ version: VersionSummary; design: ReturnType<typeof readPaymentDesign> } | null> {
  const v = await db().documentVersion.findFirst({ where: { workspaceId, section: "payment", id: versionId }, select: { id: true, name: true, createdByName: true, createdAt: true, state: true } });
  if (!v) return null;
  const doc = new Y.Doc();
  Y.applyUpdate(doc, new Uint8Array(v.state));
  const { state: _state, ...version } = v;
  return { version, design: readPaymentDesign(doc) };
}
