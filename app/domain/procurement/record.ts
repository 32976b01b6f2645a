// The procurement record's shape and the forms that change it: details, procedure,
// planned dates, lots, what the public opportunity page shows, and a market-warming
// day's agenda and "now showing". Stored JSON is parsed with the same schemas.
import { z } from "zod";
import { multiLine, singleLine } from "../validation";
import { FLEXIBLE_SHAPES, fromLondonLocal, PROCEDURES, STAGES, type Stage, type Timeline } from "./stages";

const text = (max: number, label: string) =>
  singleLine(z.string({ error: `Enter ${label}.` }).trim().min(1, `Enter ${label}.`).max(max, `Keep ${label} to ${max} characters or fewer.`));
const optionalText = (max: number, label: string) => singleLine(z.string().trim().max(max, `Keep ${label} to ${max} characters or fewer.`)).default("");
const longText = (max: number, label: string) => multiLine(z.string().trim().max(max, `Keep ${label} to ${max} characters or fewer.`)).default("");

/** A date and time typed in a form (`datetime-local`, read as UK time) or an ISO instant ending in Z. */
export const InstantSchema = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z)?$/, "Enter a date and time, like 2026-12-01 09:30.")
  .refine((v) => !Number.isNaN(Date.parse(v.endsWith("Z") ? v : `${v}Z`)) && Number(v.slice(0, 4)) >= 2000 && Number(v.slice(0, 4)) <= 2100, "Enter a real date between 2000 and 2100.")
  .transform((v) => (v.endsWith("Z") ? new Date(v).toISOString() : fromLondonLocal(v)));

const optionalInstant = z.preprocess((v) => (v === "" ? undefined : v), InstantSchema.optional());

export const ProcurementDetailsSchema = z
  .object({
    title: text(200, "a title"),
    reference: optionalText(60, "the reference"),
    summary: longText(4_000, "the summary"),
    procedure: z.enum(PROCEDURES, { error: "Choose a procedure." }),
    shape: z.enum(FLEXIBLE_SHAPES).optional().or(z.literal("").transform(() => undefined)),
    lightTouch: z.enum(["on"]).optional(),
  })
  .transform((v, ctx) => {
    if (v.procedure === "competitive-flexible" && !v.shape) ctx.addIssue({ code: "custom", path: ["shape"], message: "Choose the shape of the competitive flexible procedure." });
    return { ...v, shape: v.procedure === "competitive-flexible" ? (v.shape ?? "restricted") : null, lightTouch: v.lightTouch === "on" };
  });

const timelineShape = Object.fromEntries([...STAGES, "enquiryEndsAt", "clarificationsUntil"].map((k) => [k, optionalInstant])) as Record<
  Stage | "enquiryEndsAt" | "clarificationsUntil",
  typeof optionalInstant
>;
export const TimelineFormSchema = z.object(timelineShape).transform((v) => Object.fromEntries(Object.entries(v).filter(([, d]) => d)) as Timeline);
export const StoredTimelineSchema = z.record(z.string(), z.string()).transform((v) => v as Timeline);

export const LotSchema = z.object({ id: z.string().regex(/^[a-z0-9-]{1,40}$/), title: text(120, "the lot's title"), description: longText(1_000, "the description") });
export type Lot = z.infer<typeof LotSchema>;
export const LotsSchema = z.array(LotSchema).max(20);
export const LotFormSchema = z.object({ title: text(120, "the lot's title"), description: longText(1_000, "the description") });

/** Which published version of each designed section the opportunity page (and an event) shows. */
export const PinnedVersionsSchema = z.object({ outcomes: z.string().optional(), referral: z.string().optional(), payment: z.string().optional() });
export type PinnedVersions = z.infer<typeof PinnedVersionsSchema>;

export const PIN_SECTIONS = ["outcomes", "referral", "payment"] as const;
export type PinSection = (typeof PIN_SECTIONS)[number];
export const PIN_SECTION_LABELS: Record<PinSection, string> = { outcomes: "Outcome framework", referral: "Referral criteria", payment: "Payment model" };

export const AgendaItemSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,40}$/),
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Enter a time like 09:30, from 00:00 to 23:59."),
  title: text(160, "the item's title"),
  presenter: optionalText(120, "who presents"),
  notes: longText(2_000, "the notes"),
});
export type AgendaItem = z.infer<typeof AgendaItemSchema>;
export const AgendaSchema = z.array(AgendaItemSchema).max(40);
export const AgendaItemFormSchema = AgendaItemSchema.omit({ id: true });

/** What the presenter shows on every attendee's screen. */
export const ShowingSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("agenda"), itemId: z.string() }),
  z.object({ kind: z.literal("section"), section: z.enum(PIN_SECTIONS) }),
  z.object({ kind: z.literal("forecast") }),
  z.object({ kind: z.literal("poll"), pollId: z.string() }),
]);
export type Showing = z.infer<typeof ShowingSchema>;

/** The form value of a "show this" button: `agenda:<id>`, `section:outcomes`, `forecast`, `poll:<id>`, or `nothing`. */
export function parseShowing(value: string): Showing | null | undefined {
  if (value === "nothing") return null;
  if (value === "forecast") return { kind: "forecast" };
  const [kind, rest] = [value.slice(0, value.indexOf(":")), value.slice(value.indexOf(":") + 1)];
  const parsed = ShowingSchema.safeParse(kind === "agenda" ? { kind, itemId: rest } : kind === "section" ? { kind, section: rest } : kind === "poll" ? { kind, pollId: rest } : null);
  return parsed.success ? parsed.data : undefined;
}

export function showingValue(s: Showing | null): string {
  if (!s) return "nothing";
  if (s.kind === "agenda") return `agenda:${s.itemId}`;
  if (s.kind === "section") return `section:${s.section}`;
  if (s.kind === "poll") return `poll:${s.pollId}`;
  return "forecast";
}

export const EVENT_STATUSES = ["planned", "live", "ended"] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

export const MarketEventFormSchema = z
  .object({
    title: text(160, "the event's title"),
    startsAt: InstantSchema,
    endsAt: InstantSchema,
    place: optionalText(200, "the place"),
    onlineUrl: z
      .string()
      .trim()
      .max(500)
      .refine((v) => v === "" || /^https:\/\/[^\s]+$/.test(v), "Enter an online link that starts with https://, or leave it empty.")
      .default(""),
    description: longText(2_000, "the description"),
  })
  .superRefine((v, ctx) => {
    if (v.endsAt <= v.startsAt) ctx.addIssue({ code: "custom", path: ["endsAt"], message: "The event must end after it starts." });
    if (!v.place && !v.onlineUrl) ctx.addIssue({ code: "custom", path: ["place"], message: "Give a place, an online link, or both." });
  });

export const QuestionFormSchema = z.object({
  body: multiLine(z.string({ error: "Write your question." }).trim().min(5, "Write your question (at least 5 characters).").max(2_000, "Keep the question to 2,000 characters or fewer.")),
  confidential: z.enum(["on"]).optional(),
  anonymous: z.enum(["on"]).optional(),
});

export const AnswerFormSchema = z.object({
  questionId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "Choose a question."),
  answer: multiLine(z.string({ error: "Write the answer." }).trim().min(1, "Write the answer.").max(6_000, "Keep the answer to 6,000 characters or fewer.")),
  /** For an issue raised in dialogue, the question as it will be published. */
  body: multiLine(z.string().trim().max(2_000)).optional(),
});

export const DialogueSessionFormSchema = z.object({
  partyId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "Choose a bidder."),
  scheduledAt: InstantSchema,
  place: optionalText(200, "the place"),
});
export const DialogueMinutesSchema = z.object({
  sessionId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "Choose a session."),
  minutes: longText(20_000, "the minutes"),
});
export const DialogueIssueSchema = z.object({
  sessionId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "Choose a session."),
  body: multiLine(z.string({ error: "Describe the issue." }).trim().min(3, "Describe the issue.").max(2_000, "Keep the issue to 2,000 characters or fewer.")),
});

/** A short id for an item in a stored list (a lot, an agenda item): its title, made safe, made unique. */
export function slugFor(title: string, taken: readonly string[]): string {
  const base = title.toLowerCase().normalize("NFKD").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 30) || "item";
  let slug = base;
  for (let i = 2; taken.includes(slug); i++) slug = `${base}-${i}`;
  return slug;
}
