// What a facilitator does in the workshop console, one intent at a time: settings, the
// ladder, open and close, the activity and timer, moderation, themes, promotion into the
// outcome framework (keeping the link back), decisions, messages. Every id posted is
// checked as an id and as this workshop's before anything is stored.
import { z } from "zod";
import { multiLine, singleLine } from "~/domain/validation";
import { can } from "~/domain/permissions";
import { addIndicator, addOutcome, addServiceQuality, readFramework } from "~/domain/outcome-framework";
import { tooHard } from "~/domain/workshop/readability";
import { ActivitySchema, ParticipationSchema, provenanceLabel, READING_GRADE, WorkshopSettingsSchema, AGE_BAND_LABELS } from "~/domain/workshop/workshop";
import { recordActivity } from "~/models/activity.server";
import { readStoredDocument, writeDocument } from "~/models/document.server";
import type { UserSummary } from "~/models/user.server";
import * as model from "~/models/workshop.server";
import type { MemberContext } from "./permissions.server";
import { invalid, parseForm } from "./forms.server";
import { CSRF_FIELD } from "./csrf.server";
import { auditWorkspace } from "~/models/audit.server";
import { sealedValue } from "~/domain/audit/chain";

const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "Choose one from the list");
const title = singleLine(z.string().trim().min(1, "Give it a title").max(300, "Keep it under 300 characters"));

type Invalid = ReturnType<typeof invalid>;
export type ConsoleResult = { ok: true; intent: string; notice: string } | Invalid;

const ok = (intent: string, notice: string): ConsoleResult => ({ ok: true as const, intent, notice });
const refuse = (intent: string, message: string) => invalid({ formErrors: [message] }, intent);

const Schemas = {
  card: z.object({ cardId: id }),
  edit: z.object({ cardId: id, text: singleLine(z.string().trim().min(1, "Write the corrected words").max(200, "Keep it under 200 characters")) }),
  merge: z.object({ cardId: id, intoId: id }),
  sort: z.object({ cardId: id, themeId: z.union([id, z.literal("")]) }),
  theme: z.object({ title }),
  themeId: z.object({ themeId: id }),
  rename: z.object({ themeId: id, title }),
  promote: z.object({ themeId: id, as: z.enum(["outcome", "indicator", "service-quality"], { message: "Choose what it becomes" }), title, outcomeId: z.union([id, z.literal("")]).optional() }),
  decide: z.object({ themeId: id, decision: z.enum(["changed", "not-adopted", "none"], { message: "Choose a decision" }), reason: multiLine(z.string().trim().max(2000, "Keep the reason under 2000 characters")) }),
  timer: z.object({ seconds: z.coerce.number({ message: "Give a number of seconds" }).int("Give whole seconds").min(0, "Give 0 or more seconds").max(3600, "Keep the timer under an hour") }),
  message: z.object({ messageId: id }),
};

// What the audit trail keeps of a console action: the facilitator's decisions, never a
// young person's words (a corrected card is kept as a hash).
const AUDITED = new Set(["settings", "participation", "open", "close", "approve", "hide", "edit", "merge", "remove-theme", "promote", "decide"]);

export async function workshopAction(w: model.WorkshopRecord, member: MemberContext & { user: UserSummary }, form: FormData): Promise<ConsoleResult> {
  const result = await runWorkshopAction(w, member, form);
  const intent = String(form.get("intent") ?? "");
  if ("ok" in result && result.ok && AUDITED.has(intent)) {
    const fields = Object.fromEntries([...form.entries()].filter(([k, v]) => typeof v === "string" && k !== CSRF_FIELD && k !== "intent").map(([k, v]) => [k, k === "text" ? JSON.parse(sealedValue(v)) : v]));
    await auditWorkspace(w.workspaceId, member.user, `workshop.${intent}`, `workshop:${w.id}`, { after: fields });
  }
  return result;
}

async function runWorkshopAction(w: model.WorkshopRecord, member: MemberContext & { user: UserSummary }, form: FormData): Promise<ConsoleResult> {
  const intent = String(form.get("intent") ?? "");
  // The parsed fields, or the 400 that says which field is wrong.
  const parse = <S extends z.ZodType>(schema: S): { data: z.infer<S> } | { refused: Invalid } => {
    const r = parseForm(form, schema);
    return r.ok ? { data: r.data } : { refused: invalid(r, intent) };
  };

  switch (intent) {
    case "settings": {
      const parsed = parse(WorkshopSettingsSchema);
      if ("refused" in parsed) return parsed.refused;
      const d = parsed.data;
      await model.updateWorkshop(w, d);
      return ok(intent, "Settings saved.");
    }
    case "participation": {
      const parsed = parse(ParticipationSchema);
      if ("refused" in parsed) return parsed.refused;
      const d = parsed.data;
      await model.updateWorkshop(w, d);
      return ok(intent, "Level of participation saved.");
    }
    case "open":
      if (w.status === "open") return refuse(intent, "The workshop is already open.");
      await model.openWorkshop(w);
      return ok(intent, `Open: phones join with the code ${w.code}.`);
    case "close":
      if (w.status !== "open") return refuse(intent, "The workshop is not open.");
      await model.closeWorkshop(w);
      return ok(intent, "Closed: the code no longer joins, and phones see the end.");
    case "pseudonyms":
      await model.updateWorkshop(w, { showPseudonyms: form.get("show") === "on" });
      return ok(intent, form.get("show") === "on" ? "The projector shows made-up names." : "The projector shows no names.");
    case "activity": {
      const kind = String(form.get("kind") ?? "");
      const a = ActivitySchema.safeParse({ kind, prompt: form.get("prompt") ?? undefined, dots: form.get("dots") ?? undefined });
      if (!a.success) return invalid({ errors: Object.fromEntries(a.error.issues.map((i) => [String(i.path[0] ?? "kind"), [i.message]])) }, intent);
      if ("prompt" in a.data) {
        const hard = tooHard(a.data.prompt, READING_GRADE[w.ageBand]);
        if (hard) return invalid({ errors: { prompt: [`This question is hard to read for ${AGE_BAND_LABELS[w.ageBand]}: it ${hard}. Use shorter words and sentences.`] } }, intent);
      }
      const seconds = z.coerce.number().int().min(0).max(3600).safeParse(form.get("timer") || 0);
      if (!seconds.success) return invalid({ errors: { timer: ["Give the timer in whole seconds, up to an hour"] } }, intent);
      await model.setActivity(w, a.data, seconds.data || null);
      return ok(intent, "Phones show the new activity.");
    }
    case "timer": {
      const parsed = parse(Schemas.timer);
      if ("refused" in parsed) return parsed.refused;
      const d = parsed.data;
      await model.setTimer(w, d.seconds || null);
      return ok(intent, d.seconds ? "Timer started." : "Timer stopped.");
    }
    case "approve":
    case "hide": {
      const parsed = parse(Schemas.card);
      if ("refused" in parsed) return parsed.refused;
      const d = parsed.data;
      if (!(await model.moderateCard(w, d.cardId, { kind: intent }))) return refuse(intent, "That card is not in this workshop.");
      return ok(intent, intent === "approve" ? "Card shown." : "Card hidden.");
    }
    case "edit": {
      const parsed = parse(Schemas.edit);
      if ("refused" in parsed) return parsed.refused;
      const d = parsed.data;
      if (!(await model.moderateCard(w, d.cardId, { kind: "edit", text: d.text }))) return refuse(intent, "That card is not in this workshop.");
      return ok(intent, "Card corrected; the original words are kept for facilitators.");
    }
    case "merge": {
      const parsed = parse(Schemas.merge);
      if ("refused" in parsed) return parsed.refused;
      const d = parsed.data;
      if (!(await model.moderateCard(w, d.cardId, { kind: "merge", intoId: d.intoId }))) return refuse(intent, "Choose another card of this workshop to merge into.");
      return ok(intent, "Merged into the other card.");
    }
    case "sort": {
      const parsed = parse(Schemas.sort);
      if ("refused" in parsed) return parsed.refused;
      const d = parsed.data;
      if (!(await model.moderateCard(w, d.cardId, { kind: "theme", themeId: d.themeId || null }))) return refuse(intent, "That card or theme is not in this workshop.");
      return ok(intent, "Card sorted.");
    }
    case "add-theme": {
      const parsed = parse(Schemas.theme);
      if ("refused" in parsed) return parsed.refused;
      const d = parsed.data;
      await model.addTheme(w, d.title);
      return ok(intent, "Theme added.");
    }
    case "rename-theme": {
      const parsed = parse(Schemas.rename);
      if ("refused" in parsed) return parsed.refused;
      const d = parsed.data;
      if (!(await model.renameTheme(w, d.themeId, d.title))) return refuse(intent, "That theme is not in this workshop.");
      return ok(intent, "Theme renamed.");
    }
    case "remove-theme": {
      const parsed = parse(Schemas.themeId);
      if ("refused" in parsed) return parsed.refused;
      const d = parsed.data;
      if (!(await model.removeTheme(w, d.themeId))) return refuse(intent, "A theme promoted into the framework stays; record a decision instead.");
      return ok(intent, "Theme removed; its cards are unsorted.");
    }
    case "promote":
      return promote(w, member, form, intent);
    case "decide": {
      const parsed = parse(Schemas.decide);
      if ("refused" in parsed) return parsed.refused;
      const d = parsed.data;
      if (d.decision !== "none" && !d.reason) return invalid({ errors: { reason: ["Say why, in words young people will read"] } }, intent);
      if (!(await model.decideTheme(w, d.themeId, d.decision === "none" ? null : d.decision, d.reason))) return refuse(intent, "That theme is not in this workshop.");
      return ok(intent, "Decision saved; the “you said, we did” page shows it.");
    }
    case "read-message": {
      const parsed = parse(Schemas.message);
      if ("refused" in parsed) return parsed.refused;
      const d = parsed.data;
      if (!(await model.markMessageRead(w, d.messageId))) return refuse(intent, "That message is not in this workshop.");
      return ok(intent, "Marked as read.");
    }
    default:
      return refuse(intent, "Choose something to do.");
  }
}

async function promote(w: model.WorkshopRecord, member: MemberContext & { user: UserSummary }, form: FormData, intent: string): Promise<ConsoleResult> {
  if (!can(member.membership.role, "write:outcomes")) return refuse(intent, "Your role does not allow changing the outcome framework.");
  const r = parseForm(form, Schemas.promote);
  if (!r.ok) return invalid(r, intent);
  const d = r.data;
  const theme = await model.themeOf(w, d.themeId);
  if (!theme) return refuse(intent, "That theme is not in this workshop.");
  if (theme.promotedAs) return refuse(intent, "This theme is already in the framework.");
  const docName = `${w.workspaceId}/outcomes`;
  const source = provenanceLabel(w);
  const sourceRef = `workshop:${w.id}:${theme.id}`;
  const itemId = crypto.randomUUID();
  let outcomeId: string | null = null;
  if (d.as === "indicator") {
    const framework = readFramework(await readStoredDocument(docName));
    const outcome = framework.outcomes.find((o) => o.id === d.outcomeId);
    if (!outcome) return invalid({ errors: { outcomeId: ["Choose the outcome this indicator measures"] } }, intent);
    outcomeId = outcome.id;
  }
  await writeDocument(docName, (doc) => {
    if (d.as === "outcome") addOutcome(doc, { title: d.title, tags: ["proposed by young people"], source, sourceRef }, itemId);
    else if (d.as === "indicator") addIndicator(doc, outcomeId!, { title: d.title, source, sourceRef }, itemId);
    else addServiceQuality(doc, { title: d.title, source, sourceRef }, itemId);
  });
  await model.recordPromotion(w, theme.id, { as: d.as, id: itemId, outcomeId, byName: member.user.name });
  const what = d.as === "outcome" ? "an outcome" : d.as === "indicator" ? "an indicator" : "a service quality";
  const now = new Date();
  await recordActivity([{ workspaceId: w.workspaceId, section: "outcomes", actorId: member.user.id, actorName: member.user.name, subject: `quality:${itemId}`, summary: `added '${d.title}' as ${what}, ${source}`, startedAt: now, at: now }]);
  return ok(intent, `Added to the outcome framework as ${what}.`);
}
