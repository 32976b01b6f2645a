// The record of preliminary market engagement, as data: what a preliminary market
// engagement notice needs (authority, title, reference, subject, dates and process)
// and what happened (events, attendance by organisation type, what was shared,
// questions asked and answered, poll results, and what changed in the design after).
// The printable page and record.json both read this; nothing here names a party.
import { PIN_SECTIONS, type PinSection } from "~/domain/procurement/record";
import { PROCEDURE_LABELS, STAGE_LABELS } from "~/domain/procurement/stages";
import { listEvents, liveRoom } from "~/models/market-event.server";
import type { ProcurementRecord } from "~/models/procurement.server";
import { listQuestions } from "~/models/question.server";
import { db } from "./db.server";
import { printableHead } from "./audit.server";

export async function engagementRecord(p: ProcurementRecord) {
  const lead = await db().membership.findFirst({ where: { workspaceId: p.workspaceId, isLead: true }, select: { user: { select: { organisation: { select: { name: true } } } } } });
  const events = await listEvents(p.id);
  // The record is what may be published: questions as any party sees them, never who asked.
  const publicViewer = { commissioningTeam: false, organisationId: null, userId: null };
  const perEvent = await Promise.all(
    events.map(async (e) => {
      const [regs, room] = await Promise.all([
        db().eventRegistration.groupBy({ by: ["organisationType"], where: { eventId: e.id }, _count: { _all: true } }),
        liveRoom(p, e.id, publicViewer),
      ]);
      const attended = await db().eventRegistration.groupBy({ by: ["organisationType"], where: { eventId: e.id, attendedAt: { not: null } }, _count: { _all: true } });
      return {
        id: e.id,
        title: e.title,
        startsAt: e.startsAt,
        endsAt: e.endsAt,
        place: e.place,
        online: e.onlineUrl !== "",
        status: e.status,
        agenda: e.agenda.map((a) => ({ time: a.time, title: a.title, presenter: a.presenter })),
        shared: e.pinned,
        attendance: regs.map((r) => ({ organisationType: r.organisationType, registered: r._count._all, attended: attended.find((a) => a.organisationType === r.organisationType)?._count._all ?? 0 })),
        polls: room.polls.filter((x) => x.status !== "draft").map((x) => ({ question: x.question, kind: x.kind, anonymous: x.anonymous, responses: x.tally?.responses ?? 0, results: x.tally?.counts ?? [], meanTenths: x.tally?.meanTenths ?? null })),
      };
    }),
  );
  const questions = (await listQuestions(p.id, publicViewer)).filter((q) => q.status === "answered" && !q.private);
  const since = events[0]?.startsAt ?? null;
  const versions = since
    ? await db().documentVersion.findMany({ where: { workspaceId: p.workspaceId, section: { in: [...PIN_SECTIONS] }, createdAt: { gte: new Date(since) } }, orderBy: { createdAt: "asc" }, select: { id: true, section: true, name: true, createdAt: true } })
    : [];
  const firstPinned = events[0]?.pinned ?? {};
  return {
    /** The audit trail's head when the record was made: a printed copy can be checked against it later. */
    audit: await printableHead(p.workspaceId),
    notice: {
      authority: lead?.user.organisation?.name ?? "The commissioning authority",
      title: p.title,
      reference: p.reference,
      subject: p.summary,
      procedure: PROCEDURE_LABELS[p.procedure],
      stage: STAGE_LABELS[p.stage],
      engagement: {
        from: events[0]?.startsAt ?? null,
        to: events.at(-1)?.endsAt ?? null,
        process: events.length
          ? `${events.length} engagement ${events.length === 1 ? "event" : "events"} open to every organisation that registered interest, with live polls and a question-and-answer session; every answer published to all registered parties.`
          : "No engagement events yet.",
      },
    },
    events: perEvent,
    questions: questions.map((q) => ({ question: q.body, askedBy: q.askedBy, askedAt: q.createdAt, answer: q.answer, answeredAt: q.answeredAt, source: q.source })),
    changes: versions.map((v) => ({
      section: v.section as PinSection,
      version: v.name,
      publishedAt: v.createdAt.toISOString(),
      /** The section page comparing the version discussed at the first event with this one. */
      compare: firstPinned[v.section as PinSection] ? `/workspaces/${p.workspaceId}/${v.section}?from=${encodeURIComponent(firstPinned[v.section as PinSection]!)}&to=${encodeURIComponent(v.id)}` : `/workspaces/${p.workspaceId}/${v.section}`,
    })),
  };
}

export type EngagementRecord = Awaited<ReturnType<typeof engagementRecord>>;
