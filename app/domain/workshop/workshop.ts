// A co-production workshop with young people: its settings, its activities and its
// ladder of participation, as data (zod). Pure: no I/O. The routes, the phones and the
// projector all go through here.
import { z } from "zod";
import { multiLine, singleLine } from "../validation";

/** Pre: nothing shows until the facilitator approves it. Post: shown at once, hidden if needed. */
export const MODERATION_MODES = ["pre", "post"] as const;
export type ModerationMode = (typeof MODERATION_MODES)[number];
export const MODERATION_LABELS: Record<ModerationMode, string> = {
  pre: "Pre-moderation: nothing shows until a facilitator approves it",
  post: "Post-moderation: cards show at once; a facilitator can hide them",
};

/** Age bands and the reading grade (Flesch–Kincaid, US grade) every participant string must meet. */
export const AGE_BANDS = ["8-11", "12-14", "15-18"] as const;
export type AgeBand = (typeof AGE_BANDS)[number];
export const AGE_BAND_LABELS: Record<AgeBand, string> = { "8-11": "8 to 11 years old", "12-14": "12 to 14 years old", "15-18": "15 to 18 years old" };
/** A reading age of about 8 for the youngest band, 11 for the oldest (grade ≈ reading age − 5). */
export const READING_GRADE: Record<AgeBand, number> = { "8-11": 3, "12-14": 4.5, "15-18": 6 };

export const WORKSHOP_STATUSES = ["draft", "open", "closed"] as const;
export type WorkshopStatus = (typeof WORKSHOP_STATUSES)[number];

/**
 * The ladder of participation (seed 001, Lambeth; after Arnstein): from being told or
 * asked without any way to change the result, through involvement, to co-design and
 * co-production. The lower two rungs are tokenistic and are shown as such.
 */
export const PARTICIPATION_LEVELS = ["informed", "consulted", "involved", "co-designed", "co-produced"] as const;
export type ParticipationLevel = (typeof PARTICIPATION_LEVELS)[number];
export const PARTICIPATION: Record<ParticipationLevel, { label: string; tokenistic: boolean; description: string }> = {
  informed: { label: "Informed", tokenistic: true, description: "Young people were told what had been decided." },
  consulted: { label: "Consulted", tokenistic: true, description: "Young people were asked, without any way to change the outcome." },
  involved: { label: "Involved", tokenistic: false, description: "What young people said was weighed in decisions, and they were told what became of it." },
  "co-designed": { label: "Co-designed", tokenistic: false, description: "Young people chose and prioritised outcomes that went into the framework." },
  "co-produced": { label: "Co-produced", tokenistic: false, description: "Young people share the decisions and the delivery with professionals, as equals." },
};

export const REACTIONS = ["👍", "❤️", "😮", "🤔"] as const;
export type Reaction = (typeof REACTIONS)[number];
export const REACTION_LABELS: Record<Reaction, string> = { "👍": "Yes", "❤️": "Love it", "😮": "Wow", "🤔": "Not sure" };

const prompt = multiLine(z.string().trim().min(1, "Write the question phones will show").max(200, "Keep the question under 200 characters"));

/** What phones show now: one activity at a time, chosen by the facilitator. */
export const ActivitySchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("waiting") }),
  z.object({ kind: z.literal("cards"), prompt }),
  z.object({ kind: z.literal("dots"), prompt, dots: z.coerce.number().int().min(1, "Give each phone at least 1 dot").max(10, "Give each phone at most 10 dots") }),
  z.object({ kind: z.literal("rank"), prompt }),
  z.object({ kind: z.literal("scale"), prompt }),
  z.object({ kind: z.literal("react"), prompt }),
  /** Phones suggest a theme for each card on the big screen; the facilitator decides. */
  z.object({ kind: z.literal("sort"), prompt }),
]);
export type Activity = z.infer<typeof ActivitySchema>;
export type ActivityKind = Activity["kind"];
export const ACTIVITY_LABELS: Record<ActivityKind, string> = {
  waiting: "Waiting screen",
  cards: "Cards: write ideas",
  dots: "Dot voting on themes",
  rank: "Ranking themes",
  scale: "1 to 5 scale on each theme",
  react: "Emoji reactions to cards",
  sort: "Sorting: phones suggest a theme for each card",
};
export const DEFAULT_PROMPTS: Record<Exclude<ActivityKind, "waiting">, string> = {
  cards: "What would a good result look like for you?",
  dots: "Which of these matter most to you? Put your dots on them.",
  rank: "Put these in order. Top is the one that matters most.",
  scale: "How much does each one matter to you?",
  react: "What do you think of these ideas?",
  sort: "Put each idea in the group where it fits best.",
};

/** The activity as stored: what it is, the round it started (votes belong to a round), its timer. */
export type ActivityState = { activity: Activity; round: string; startedAt: string; timerEndsAt: string | null };

export const WAITING: ActivityState = { activity: { kind: "waiting" }, round: "waiting", startedAt: new Date(0).toISOString(), timerEndsAt: null };

export function parseActivityState(value: unknown): ActivityState {
  const v = (value ?? {}) as Partial<ActivityState>;
  const activity = ActivitySchema.safeParse(v.activity);
  if (!activity.success || typeof v.round !== "string" || typeof v.startedAt !== "string") return WAITING;
  return { activity: activity.data, round: v.round, startedAt: v.startedAt, timerEndsAt: typeof v.timerEndsAt === "string" ? v.timerEndsAt : null };
}

export const WorkshopSettingsSchema = z.object({
  title: singleLine(z.string().trim().min(1, "Give the workshop a name").max(120, "Keep the name under 120 characters")),
  heldOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Give the date as a date"),
  moderation: z.enum(MODERATION_MODES, { message: "Choose pre- or post-moderation" }),
  ageBand: z.enum(AGE_BANDS, { message: "Choose an age band" }),
  deleteCardsAfterDays: z.coerce.number({ message: "Give a number of days" }).int("Give a whole number of days").min(0, "Give 0 or more days").max(365, "Keep raw cards at most 365 days"),
});
export type WorkshopSettings = z.infer<typeof WorkshopSettingsSchema>;

export const ParticipationSchema = z.object({
  participationLevel: z.enum(PARTICIPATION_LEVELS, { message: "Choose a level on the ladder" }),
  participationReason: multiLine(z.string().trim().min(1, "Say why the workshop reached this level").max(2000, "Keep the reason under 2000 characters")),
});

/** The most cards one phone may write in one workshop (a stuck key or a bored thumb). */
export const MAX_CARDS_PER_PHONE = 30;
export const CARD_MAX_LENGTH = 200;
export const MESSAGE_MAX_LENGTH = 500;

/** When a closed workshop's raw cards, votes and phones are deleted (themes stay). */
export function cardsDeleteAt(closedAt: Date, deleteCardsAfterDays: number): Date {
  return new Date(closedAt.getTime() + deleteCardsAfterDays * 86_400_000);
}

/** A date as people write it: "12 March 2026" (UTC, locale-free). */
export function longDate(iso: string): string {
  const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
  const [y, m, d] = iso.slice(0, 10).split("-").map(Number);
  return `${d} ${MONTHS[(m ?? 1) - 1]} ${y}`;
}

/** "proposed by young people, workshop of 12 March 2026" */
export function provenanceLabel(workshop: { heldOn: string }): string {
  return `proposed by young people, workshop of ${longDate(workshop.heldOn)}`;
}
