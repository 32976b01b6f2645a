// Records who changed what in the shared documents that have a typed model (the
// outcome framework, the referral design, the payment model). Each change arrives from the sync server
// with the principal of the connection that sent it, so attribution is a fact, not an
// inference. The model before and after the change is compared in domain terms
// (app/domain/activity.ts); a person's run of edits to one thing becomes one line,
// written once it has gone quiet.
import { randomUUID } from "node:crypto";
import type * as Y from "yjs";
import { ActivityBuffer, describeChange, frameworkActivity, referralActivity, summariseEdit, type ActivityChange } from "~/domain/activity";
import { parseDocumentName, type Section } from "~/domain/documents";
import { readFramework } from "~/domain/outcome-framework";
import { readPaymentDesign } from "~/domain/payment/design";
import { paymentChanges } from "~/domain/payment/diff";
import type { PaymentModel } from "~/domain/payment/model";
import { readReferralDesign } from "~/domain/referral-design";
import { SERVICE_USER_DISPLAY_NAME } from "~/domain/roles";
import { recordActivity, type ActivityRow } from "~/models/activity.server";
import type { Principal, SyncHooks } from "./sync/hooks";

type Model = unknown;
type Tracked = { read(doc: Y.Doc): Model; describe(before: Model, after: Model): ActivityChange[] };

const TRACKED: Partial<Record<Section, Tracked>> = {
  outcomes: { read: readFramework, describe: (a, b) => frameworkActivity(a as ReturnType<typeof readFramework>, b as ReturnType<typeof readFramework>) },
  payment: {
    read: (doc) => readPaymentDesign(doc).model,
    describe: (a, b) => (a && b ? paymentChanges(a as PaymentModel, b as PaymentModel).map(({ sentence: _sentence, ...change }) => change) : []),
  },
  referral: {
    read: (doc) => readReferralDesign(doc).design,
    describe: (a, b) => referralActivity(a as ReturnType<typeof readReferralDesign>["design"], b as ReturnType<typeof readReferralDesign>["design"]),
  },
};

type OpenDocument = { workspaceId: string; section: Section; tracked: Tracked; model: Model; buffer: ActivityBuffer };
export type ActivityOptions = { quietMs: number; maxMs: number };

export class ActivityRecorder {
  private readonly docs = new Map<string, OpenDocument>();
  private readonly actors = new Map<string, { id: string | null; name: string }>();
  private readonly timer: NodeJS.Timeout;
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly options: ActivityOptions) {
    this.timer = setInterval(() => void this.flush(false), Math.max(100, Math.min(options.quietMs, 5000)));
    this.timer.unref();
  }

  readonly hooks: Required<Pick<SyncHooks, "loaded" | "changed" | "unloaded">> = {
    loaded: (docName, doc) => {
      const parsed = parseDocumentName(docName);
      const tracked = parsed && TRACKED[parsed.section];
      if (!parsed || !tracked) return;
      this.docs.set(docName, { workspaceId: parsed.workspaceId, section: parsed.section, tracked, model: tracked.read(doc), buffer: new ActivityBuffer(this.options) });
    },
    changed: (docName, doc, principal) => {
      const open = this.docs.get(docName);
      if (!open) return;
      const after = open.tracked.read(doc);
      if (principal) this.attribute(open, principal, open.tracked.describe(open.model, after));
      open.model = after;
    },
    unloaded: (docName) => {
      const open = this.docs.get(docName);
      this.docs.delete(docName);
      if (open) void this.write(open, open.buffer.take(Date.now(), true));
    },
  };

  private attribute(open: OpenDocument, principal: Principal, changes: ActivityChange[]): void {
    if (changes.length === 0) return;
    // A young person's edits are shown without their name, and counted as one actor.
    const young = principal.role === "service-user";
    const key = young ? `service-user:${open.workspaceId}` : principal.userId;
    this.actors.set(key, young ? { id: null, name: SERVICE_USER_DISPLAY_NAME } : { id: principal.userId, name: principal.name });
    open.buffer.add(key, summariseEdit(changes, randomUUID()), Date.now());
  }

  /** Writes the lines that have gone quiet (every open line with `all`). */
  async flush(all: boolean): Promise<void> {
    const now = Date.now();
    await Promise.all([...this.docs.values()].map((open) => this.write(open, open.buffer.take(now, all))));
    await this.writing;
  }

  private write(open: OpenDocument, entries: ReturnType<ActivityBuffer["take"]>): Promise<void> {
    if (entries.length === 0) return this.writing;
    const rows: ActivityRow[] = entries.map((e) => {
      const actor = this.actors.get(e.actorKey) ?? { id: null, name: "Someone" };
      return { workspaceId: open.workspaceId, section: open.section, actorId: actor.id, actorName: actor.name, subject: e.subject, summary: describeChange(e), startedAt: new Date(e.startedAt), at: new Date(e.at) };
    });
    // One write at a time, in order; a failure loses feed lines, never document data.
    this.writing = this.writing.then(() =>
      recordActivity(rows).catch((error: unknown) => console.error(`activity: recording ${rows.length} line(s) failed: ${error instanceof Error ? error.message : String(error)}`)),
    );
    return this.writing;
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.flush(true);
  }
}
