// What a phone may send: a card, a ballot, a private message to the leader. One
// handler for the page's own forms (no JavaScript) and for the phone's offline queue
// (join.$code.send.ts), so both are checked the same way. Answers are plain words.
import { z } from "zod";
import { COPY } from "~/domain/workshop/copy";
import { DotsBallotSchema, RankBallotSchema, ReactBallotSchema, ScaleBallotSchema, SortBallotSchema, type Ballot } from "~/domain/workshop/tallies";
import { CARD_MAX_LENGTH, MESSAGE_MAX_LENGTH } from "~/domain/workshop/workshop";
import { addCard, castBallot, sendMessage, type Phone, type SentCard, type WorkshopRecord } from "~/models/workshop.server";
import { cleanText } from "~/domain/workshop/moderation";

export type PhoneResult = { ok: true; intent: string; card?: SentCard; message?: string } | { ok: false; intent: string; error: string };

const clientId = z.string().regex(/^[A-Za-z0-9_-]{6,64}$/);

/** A ballot from the form: dots and scores as `t:<themeId>` fields, a ranking as positions, reactions per card. */
function ballotFrom(form: FormData, kind: string): Ballot | null {
  const fields = [...form.entries()].filter(([k, v]) => k.startsWith("t:") && typeof v === "string" && v !== "").map(([k, v]) => [k.slice(2), v as string] as const);
  const ints = (min: number, max: number) => {
    const out: Record<string, number> = {};
    for (const [k, v] of fields) {
      const n = Number(v);
      if (!Number.isInteger(n) || n < min || n > max) return null;
      out[k] = n;
    }
    return out;
  };
  if (kind === "dots") {
    const dots = DotsBallotSchema.safeParse(ints(0, 10));
    return dots.success ? { kind, dots: dots.data } : null;
  }
  if (kind === "scale") {
    const scores = ScaleBallotSchema.safeParse(ints(1, 5));
    return scores.success ? { kind, scores: scores.data } : null;
  }
  if (kind === "rank") {
    const positions = ints(1, 100);
    if (!positions) return null;
    const order = RankBallotSchema.safeParse(Object.entries(positions).sort((a, b) => a[1] - b[1]).map(([k]) => k));
    return order.success && new Set(Object.values(positions)).size === order.data.length ? { kind, order: order.data } : null;
  }
  if (kind === "sort") {
    const themes = SortBallotSchema.safeParse(Object.fromEntries(fields));
    return themes.success ? { kind, themes: themes.data } : null;
  }
  if (kind === "react") {
    const reactions = ReactBallotSchema.safeParse(Object.fromEntries(fields));
    return reactions.success ? { kind, reactions: reactions.data } : null;
  }
  return null;
}

export async function handlePhoneForm(w: WorkshopRecord, phone: Phone, form: FormData): Promise<PhoneResult> {
  const intent = String(form.get("intent") ?? "");
  if (w.status !== "open") return { ok: false, intent, error: COPY.ended };
  if (intent === "card") {
    const text = cleanText(String(form.get("text") ?? ""));
    if (!text) return { ok: false, intent, error: COPY.cardEmpty };
    if (text.length > CARD_MAX_LENGTH) return { ok: false, intent, error: COPY.cardTooLong };
    const id = clientId.safeParse(form.get("clientId"));
    if (!id.success) return { ok: false, intent, error: COPY.cardEmpty };
    const result = await addCard(w, phone, id.data, text);
    if (!result.ok) return { ok: false, intent, error: result.problem === "too-many" ? COPY.cardTooMany : result.problem === "empty" ? COPY.cardEmpty : COPY.ended };
    return { ok: true, intent, card: result.card };
  }
  if (intent === "ballot") {
    const ballot = ballotFrom(form, String(form.get("kind") ?? ""));
    if (!ballot) return { ok: false, intent, error: COPY.voteBroken };
    const problem = await castBallot(w, phone, ballot);
    return problem ? { ok: false, intent, error: problem } : { ok: true, intent, message: COPY.voteSent };
  }
  if (intent === "message") {
    const text = cleanText(String(form.get("text") ?? ""));
    if (!text) return { ok: false, intent, error: COPY.messageEmpty };
    if (text.length > MESSAGE_MAX_LENGTH) return { ok: false, intent, error: COPY.messageTooLong };
    await sendMessage(w, phone, text);
    return { ok: true, intent, message: COPY.tellSent };
  }
  return { ok: false, intent, error: COPY.broken };
}
