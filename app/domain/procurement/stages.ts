// The clock of a procurement: its procedure, the stages that procedure has, the dates
// planned for them and the minimum periods between them, and the one function that
// says whether the procurement may move on now (and if not, why, in words). Every
// route asks these functions; none decides on its own.
//
// Minimum periods follow the Procurement Act 2023 as the product encodes them (s.54
// tendering periods: 25 days with electronic submission, 10 days for a light-touch
// contract such as the PFP's; s.51 standstill: 8 working days), plus the practice of
// answering clarifications at least 6 days before bids are due. They are checks to
// help a commissioner, not legal advice: the numbers live here, in one place.

export const PROCEDURES = ["open", "competitive-flexible"] as const;
export type Procedure = (typeof PROCEDURES)[number];

/** The shape of a competitive flexible procedure. */
export const FLEXIBLE_SHAPES = ["restricted", "dialogue"] as const;
export type FlexibleShape = (typeof FLEXIBLE_SHAPES)[number];

export const STAGES = [
  "preliminary-market-engagement",
  "tender-notice",
  "participation",
  "shortlist",
  "dialogue",
  "clarification",
  "bid-deadline",
  "evaluation",
  "award-decision",
  "standstill",
  "contract",
] as const;
export type Stage = (typeof STAGES)[number];

export const STAGE_LABELS: Record<Stage, string> = {
  "preliminary-market-engagement": "Preliminary market engagement",
  "tender-notice": "Tender notice published",
  participation: "Invitation to confirm interest",
  shortlist: "Shortlist",
  dialogue: "Dialogue",
  clarification: "Bids being prepared (clarification period)",
  "bid-deadline": "Bid deadline passed",
  evaluation: "Evaluation",
  "award-decision": "Award decision",
  standstill: "Standstill",
  contract: "Contract",
};

export const PROCEDURE_LABELS: Record<Procedure, string> = {
  open: "Open procedure",
  "competitive-flexible": "Competitive flexible procedure",
};

export const SHAPE_LABELS: Record<FlexibleShape, string> = {
  restricted: "Restricted shape: invitation to confirm interest, shortlist, full proposals",
  dialogue: "With dialogue: confirm interest, shortlist, dialogue rounds, final tenders",
};

export type ProcedureChoice = { procedure: Procedure; shape: FlexibleShape | null; lightTouch: boolean };

/** The stages a procedure goes through, in order. */
export function stagesOf({ procedure, shape }: Pick<ProcedureChoice, "procedure" | "shape">): Stage[] {
  const skip = new Set<Stage>(
    procedure === "open" ? ["participation", "shortlist", "dialogue"] : shape === "dialogue" ? [] : ["dialogue"],
  );
  return STAGES.filter((s) => !skip.has(s));
}

/**
 * The planned dates (ISO instants): when each stage starts, and the two dates of the
 * enquiry period that are not stage starts. `bid-deadline` starting is the moment bids close.
 */
export type Timeline = Partial<Record<Stage, string>> & { enquiryEndsAt?: string; clarificationsUntil?: string };

export const DAY_MS = 86_400_000;
export const MINIMUM = {
  tenderDays: 25,
  lightTouchTenderDays: 10,
  participationDays: 25,
  lightTouchParticipationDays: 10,
  clarificationLeadDays: 6,
  standstillWorkingDays: 8,
} as const;

/** `days` working days (Monday to Friday, UTC) after `from`. Bank holidays are not known here. */
export function addWorkingDays(from: Date, days: number): Date {
  const d = new Date(from.getTime());
  let left = days;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + 1);
    const day = d.getUTCDay();
    if (day !== 0 && day !== 6) left -= 1;
  }
  return d;
}

const ms = (iso: string | undefined) => (iso ? Date.parse(iso) : NaN);
const days = (from: number, to: number) => (to - from) / DAY_MS;

// Procurement dates are UK dates: typed and shown in London time (GMT or BST), stored
// as instants. Intl's Europe/London rules decide the offset; nothing depends on the
// machine's own time zone or locale.
const LONDON = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });

/** An instant as London wall-clock time, `YYYY-MM-DDTHH:MM` (the value of a datetime-local input). */
export function toLondonLocal(iso: string): string {
  const p = Object.fromEntries(LONDON.formatToParts(new Date(iso)).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/** London wall-clock time (`YYYY-MM-DDTHH:MM[:SS]`) as an ISO instant. */
export function fromLondonLocal(local: string): string {
  const asUtc = Date.parse(`${local}Z`);
  const offset = (at: number) => Date.parse(`${toLondonLocal(new Date(at).toISOString())}:00Z`) - Math.floor(at / 60_000) * 60_000;
  // The offset at the guess, then at the answer (they differ only across a clock change).
  const first = asUtc - offset(asUtc);
  return new Date(asUtc - offset(first)).toISOString();
}

const fmt = (iso: string) => `${toLondonLocal(iso).replace("T", " ")} UK time`;

/** The stage in which the invitation to tender goes out (full proposals or final tenders). */
function tenderStart(choice: ProcedureChoice): Stage {
  return choice.procedure === "open" ? "tender-notice" : "clarification";
}

/**
 * Problems with a timeline, in words: dates out of order, periods shorter than the
 * minimum, an enquiry period that ends after clarifications stop. Empty when it is fine.
 * Only dates that are set are checked; `required` names dates the next move needs.
 */
export function timelineProblems(choice: ProcedureChoice, timeline: Timeline, required: readonly (keyof Timeline)[] = [], current?: Stage): string[] {
  const problems: string[] = [];
  const stages = stagesOf(choice);
  // Stages already started carry when they started: two can start at the same moment
  // (opening the bids closes them and starts evaluation; an award starts the standstill).
  const started = current ? stages.slice(0, stages.indexOf(current) + 1) : [];
  for (const key of required) if (!timeline[key]) problems.push(`Set the date for “${dateLabel(key)}”.`);
  let previous: { stage: Stage; at: number } | null = null;
  for (const stage of stages) {
    const at = ms(timeline[stage]);
    if (Number.isNaN(at)) continue;
    const sameMomentAllowed = previous !== null && started.includes(stage) && started.includes(previous.stage);
    if (previous && (sameMomentAllowed ? at < previous.at : at <= previous.at)) problems.push(`“${STAGE_LABELS[stage]}” (${fmt(timeline[stage]!)}) must come after “${STAGE_LABELS[previous.stage]}”.`);
    previous = { stage, at };
  }
  const bid = ms(timeline["bid-deadline"]);
  const itt = ms(timeline[tenderStart(choice)]);
  const tenderMin = choice.lightTouch ? MINIMUM.lightTouchTenderDays : MINIMUM.tenderDays;
  if (!Number.isNaN(bid) && !Number.isNaN(itt) && days(itt, bid) < tenderMin) {
    problems.push(
      `Bidders need at least ${tenderMin} days from “${STAGE_LABELS[tenderStart(choice)]}” to the bid deadline${choice.lightTouch ? " (light-touch contract)" : ""}; this plan gives ${Math.floor(days(itt, bid))}.`,
    );
  }
  if (choice.procedure === "competitive-flexible") {
    const notice = ms(timeline["tender-notice"]);
    const shortlist = ms(timeline.shortlist);
    const min = choice.lightTouch ? MINIMUM.lightTouchParticipationDays : MINIMUM.participationDays;
    if (!Number.isNaN(notice) && !Number.isNaN(shortlist) && days(notice, shortlist) < min) {
      problems.push(`Organisations need at least ${min} days to confirm interest before the shortlist; this plan gives ${Math.floor(days(notice, shortlist))}.`);
    }
  }
  const enquiryEnds = ms(timeline.enquiryEndsAt);
  const until = ms(timeline.clarificationsUntil);
  if (!Number.isNaN(enquiryEnds) && !Number.isNaN(until) && until < enquiryEnds) {
    problems.push("“Clarifications until” must not be before the end of the enquiry period: questions asked at the end still need answers.");
  }
  if (!Number.isNaN(until) && !Number.isNaN(bid) && days(until, bid) < MINIMUM.clarificationLeadDays) {
    problems.push(`Answer clarifications at least ${MINIMUM.clarificationLeadDays} days before the bid deadline, so every bidder can use them.`);
  }
  const standstill = ms(timeline.standstill);
  const contract = ms(timeline.contract);
  if (!Number.isNaN(standstill) && !Number.isNaN(contract) && contract < addWorkingDays(new Date(standstill), MINIMUM.standstillWorkingDays).getTime()) {
    problems.push(`Standstill lasts at least ${MINIMUM.standstillWorkingDays} working days before the contract is signed.`);
  }
  return problems;
}

export function dateLabel(key: keyof Timeline): string {
  if (key === "enquiryEndsAt") return "Enquiry period ends";
  if (key === "clarificationsUntil") return "Clarifications until";
  return key === "bid-deadline" ? "Bid deadline" : STAGE_LABELS[key];
}

/** The stage after `stage` in this procedure, or null at the end. */
export function nextStage(choice: ProcedureChoice, stage: Stage): Stage | null {
  const stages = stagesOf(choice);
  const i = stages.indexOf(stage);
  return i >= 0 && i < stages.length - 1 ? stages[i + 1]! : null;
}

export type ProcurementClock = ProcedureChoice & { stage: Stage; timeline: Timeline; title: string; summary: string };

export type MoveDecision = { ok: true; to: Stage } | { ok: false; reason: string };

/** Dates a procurement must have planned before it may enter `to`. */
function requiredFor(choice: ProcedureChoice, to: Stage): (keyof Timeline)[] {
  if (to === "tender-notice") {
    const base: (keyof Timeline)[] = ["enquiryEndsAt", "clarificationsUntil", "bid-deadline"];
    return choice.procedure === "open" ? base : ["shortlist", "clarification", ...base];
  }
  if (to === "standstill") return ["contract"];
  return [];
}

/**
 * Whether the procurement may move from its stage to `to` at `now` (the server's
 * clock). Stages only move forward, one at a time; bids close only at the deadline;
 * the contract waits for the standstill.
 */
export function decideMove(p: ProcurementClock, to: Stage, now: Date): MoveDecision {
  const next = nextStage(p, p.stage);
  if (next === null) return { ok: false, reason: "The procurement is at its last stage." };
  if (to !== next) {
    const stages = stagesOf(p);
    if (!stages.includes(to)) return { ok: false, reason: `A ${PROCEDURE_LABELS[p.procedure].toLowerCase()} has no “${STAGE_LABELS[to]}” stage.` };
    return stages.indexOf(to) <= stages.indexOf(p.stage)
      ? { ok: false, reason: `Stages only move forward: the procurement is already at “${STAGE_LABELS[p.stage]}”.` }
      : { ok: false, reason: `Move to “${STAGE_LABELS[next]}” first: stages are not skipped.` };
  }
  if (to === "tender-notice") {
    if (!p.title.trim() || !p.summary.trim()) return { ok: false, reason: "Give the procurement a title and a summary before the tender notice." };
  }
  const problems = timelineProblems(p, p.timeline, requiredFor(p, to), p.stage);
  if (problems.length) return { ok: false, reason: problems.join(" ") };
  const planned = ms(p.timeline[to]);
  if ((to === "bid-deadline" || to === "shortlist") && !Number.isNaN(planned) && now.getTime() < planned) {
    const what = to === "bid-deadline" ? "Bids close" : "Interest can be confirmed until";
    return { ok: false, reason: `${what} ${fmt(p.timeline[to]!)}; it is now ${fmt(now.toISOString())}.` };
  }
  if (to === "contract") {
    const standstillFrom = ms(p.timeline.standstill);
    const ends = addWorkingDays(new Date(Number.isNaN(standstillFrom) ? now.getTime() : standstillFrom), MINIMUM.standstillWorkingDays);
    if (now < ends) return { ok: false, reason: `Standstill ends ${fmt(ends.toISOString())}; the contract cannot be signed before.` };
  }
  return { ok: true, to };
}

/** The timeline after a move: the stage's date becomes when it actually started. */
export function recordMove(timeline: Timeline, to: Stage, now: Date): Timeline {
  // A planned date in the future stays the plan for a stage that starts early (e.g. a
  // notice published ahead of plan); the actual start replaces it.
  return { ...timeline, [to]: now.toISOString() };
}

/** Whether a stage comes at or after another in this procedure. */
export function reached(choice: ProcedureChoice, stage: Stage, atLeast: Stage): boolean {
  const stages = stagesOf(choice);
  return stages.indexOf(stage) >= stages.indexOf(atLeast);
}

export type EnquiryState = { open: true; endsAt: string } | { open: false; reason: string };

/**
 * Whether registered parties may ask clarification questions now: from the tender
 * notice until the enquiry period ends, and never once bids have closed.
 */
export function enquiryState(p: ProcurementClock, now: Date): EnquiryState {
  if (!reached(p, p.stage, "tender-notice")) {
    return { open: false, reason: "Clarification questions open with the tender notice. Until then, ask at a market-warming day." };
  }
  const ends = p.timeline.enquiryEndsAt;
  if (reached(p, p.stage, "bid-deadline")) return { open: false, reason: "Bids have closed, so clarification questions are closed too." };
  if (!ends) return { open: false, reason: "The commissioner has not set the end of the enquiry period yet." };
  if (now.getTime() >= ms(ends)) return { open: false, reason: `The enquiry period closed on ${fmt(ends)}. No new questions can be asked.` };
  return { open: true, endsAt: ends };
}

/** Whether answers may still be published or edited now ("clarifications until"). */
export function answersOpen(p: ProcurementClock, now: Date): { open: true } | { open: false; reason: string } {
  const until = p.timeline.clarificationsUntil;
  if (reached(p, p.stage, "bid-deadline")) return { open: false, reason: "Bids have closed: answers can no longer change." };
  if (until && reached(p, p.stage, "tender-notice") && now.getTime() >= ms(until)) {
    return { open: false, reason: `Clarifications closed on ${fmt(until)}: answers can no longer be given or changed.` };
  }
  return { open: true };
}

/**
 * Whether the bid deadline may move to `to`: only later, only while bids are open,
 * and still leaving the clarification lead time.
 */
export function decideExtension(p: ProcurementClock, to: Date, now: Date): { ok: true; timeline: Timeline } | { ok: false; reason: string } {
  if (reached(p, p.stage, "bid-deadline")) return { ok: false, reason: "Bids have already closed." };
  const current = ms(p.timeline["bid-deadline"]);
  if (Number.isNaN(current)) return { ok: false, reason: "There is no bid deadline to extend yet; set one in the plan." };
  if (to.getTime() <= current) return { ok: false, reason: `The new deadline must be after the current one (${fmt(p.timeline["bid-deadline"]!)}).` };
  if (to.getTime() <= now.getTime()) return { ok: false, reason: "The new deadline must be in the future." };
  const later: Timeline = { ...p.timeline, "bid-deadline": to.toISOString() };
  // Later stages planned before the new deadline move with it, by the same amount.
  const shift = to.getTime() - current;
  for (const stage of ["evaluation", "award-decision", "standstill", "contract"] as const) {
    const at = ms(later[stage]);
    if (!Number.isNaN(at)) later[stage] = new Date(at + shift).toISOString();
  }
  return { ok: true, timeline: later };
}

export function formatInstant(iso: string): string {
  return fmt(iso);
}

export function isStage(value: string): value is Stage {
  return (STAGES as readonly string[]).includes(value);
}
