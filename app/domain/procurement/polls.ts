// Live polls at a market-warming day: what a response may be for each kind of poll,
// and the tally the room sees. A named poll keeps who answered what for the
// commissioning team; an anonymous one keeps only a keyed hash to stop a second vote.
import { z } from "zod";

export const POLL_KINDS = ["single", "multiple", "scale", "ranking"] as const;
export type PollKind = (typeof POLL_KINDS)[number];

export const POLL_KIND_LABELS: Record<PollKind, string> = {
  single: "Choose one",
  multiple: "Choose any",
  scale: "Scale of 1 to 5",
  ranking: "Rank in order",
};

export const POLL_STATUSES = ["draft", "open", "closed"] as const;
export type PollStatus = (typeof POLL_STATUSES)[number];

export const SCALE = [1, 2, 3, 4, 5] as const;

export type PollDefinition = { kind: PollKind; options: string[] };

/**
 * A response as submitted: the chosen option numbers (0-based) for single, multiple
 * and ranking (in rank order), or the point on the scale.
 */
export type PollChoice = number[];

/** Checks a response against its poll; the error in words, or the normalised choice. */
export function checkChoice(poll: PollDefinition, raw: readonly number[]): { ok: true; choice: PollChoice } | { ok: false; error: string } {
  const n = poll.options.length;
  const inRange = (i: number) => Number.isInteger(i) && i >= 0 && i < n;
  switch (poll.kind) {
    case "single":
      return raw.length === 1 && inRange(raw[0]!) ? { ok: true, choice: [raw[0]!] } : { ok: false, error: "Choose one option." };
    case "multiple": {
      if (!raw.length) return { ok: false, error: "Choose at least one option." };
      if (!raw.every(inRange)) return { ok: false, error: "Choose from the options given." };
      return { ok: true, choice: [...new Set(raw)].sort((a, b) => a - b) };
    }
    case "scale":
      return raw.length === 1 && SCALE.includes(raw[0] as 1) ? { ok: true, choice: [raw[0]!] } : { ok: false, error: "Choose a point from 1 to 5." };
    case "ranking": {
      const unique = new Set(raw);
      if (raw.length !== n || unique.size !== n || !raw.every(inRange)) return { ok: false, error: `Give every option a different place, from 1 to ${n}.` };
      return { ok: true, choice: [...raw] };
    }
  }
}

export type PollTally = {
  responses: number;
  /** Per option (or per scale point 1–5): how many chose it; for ranking, its Borda score. */
  counts: { label: string; count: number }[];
  /** Scale: the mean to one decimal place (×10, an integer); null otherwise or with no responses. */
  meanTenths: number | null;
};

/**
 * The room's result. Ranking uses Borda points (first of n gets n − 1 points, last 0),
 * so every ranking counts in full. Options are reported in the poll's own order.
 */
export function tally(poll: PollDefinition, choices: readonly PollChoice[]): PollTally {
  if (poll.kind === "scale") {
    const counts = SCALE.map((point) => ({ label: String(point), count: choices.filter((c) => c[0] === point).length }));
    const total = choices.reduce((s, c) => s + (c[0] ?? 0), 0);
    return { responses: choices.length, counts, meanTenths: choices.length ? Math.round((total * 10) / choices.length) : null };
  }
  const counts = poll.options.map((label) => ({ label, count: 0 }));
  for (const c of choices) {
    if (poll.kind === "ranking") c.forEach((option, place) => counts[option] && (counts[option].count += poll.options.length - 1 - place));
    else for (const option of c) if (counts[option]) counts[option].count += 1;
  }
  return { responses: choices.length, counts, meanTenths: null };
}

const optionLine = z.string().trim().min(1).max(120);

export const PollCreateSchema = z
  .object({
    question: z.string({ error: "Enter the question." }).trim().min(1, "Enter the question.").max(200, "Keep the question to 200 characters or fewer."),
    kind: z.enum(POLL_KINDS, { error: "Choose the kind of poll." }),
    options: z.string().max(2_000, "Keep the options shorter.").default(""),
    anonymous: z.enum(["on"]).optional(),
  })
  .transform((v, ctx) => {
    const options = v.options.split(/\r?\n/).map((o) => o.trim()).filter(Boolean);
    if (v.kind !== "scale") {
      if (options.length < 2) ctx.addIssue({ code: "custom", path: ["options"], message: "Give at least two options, one a line." });
      if (options.length > 10) ctx.addIssue({ code: "custom", path: ["options"], message: "Give at most ten options." });
      if (new Set(options.map((o) => o.toLowerCase())).size !== options.length) ctx.addIssue({ code: "custom", path: ["options"], message: "Each option must be different." });
      if (options.some((o) => !optionLine.safeParse(o).success)) ctx.addIssue({ code: "custom", path: ["options"], message: "Keep each option to 120 characters or fewer." });
    }
    return { question: v.question, kind: v.kind, options: v.kind === "scale" ? [] : options, anonymous: v.anonymous === "on" };
  });

/** Reads a response from form fields: `choice` (repeated for multiple) or `rank-<i>` places. */
export function choiceFromForm(poll: PollDefinition, form: { getAll(name: string): unknown[] }): number[] {
  if (poll.kind === "ranking") {
    const places = poll.options.map((_, i) => Number(form.getAll(`rank-${i}`)[0]));
    // places[i] is the place (1-based) given to option i; the choice lists options in place order.
    const order = poll.options.map((_, i) => i).sort((a, b) => (places[a] ?? 0) - (places[b] ?? 0));
    return places.every((p) => Number.isInteger(p) && p >= 1 && p <= poll.options.length) && new Set(places).size === places.length ? order : [];
  }
  return form
    .getAll("choice")
    .map((v) => (typeof v === "string" && /^\d{1,2}$/.test(v) ? Number(v) : -1));
}
