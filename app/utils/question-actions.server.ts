// What the commissioning team and the asking parties do to a question, the same from the
// clarification log and from an event's room: withdraw, decide confidentiality, moderate,
// answer (or change the answer), vote. Each route authorises the intent first.
import { data } from "@remix-run/node";
import { z } from "zod";
import type { Viewer } from "~/domain/procurement/questions";
import { AnswerFormSchema } from "~/domain/procurement/record";
import type { ProcurementRecord } from "~/models/procurement.server";
import { answerQuestion, moderateQuestion, QuestionRuleError, voteQuestion, withdrawQuestion } from "~/models/question.server";
import { invalid, parseForm } from "./forms.server";
import { refusal } from "./procurement.server";

export const QUESTION_INTENTS = ["withdraw", "agree-confidential", "refuse-confidential", "approve", "hide", "answer", "vote", "unvote"] as const;
export type QuestionIntent = (typeof QUESTION_INTENTS)[number];

export function isQuestionIntent(intent: string): intent is QuestionIntent {
  return (QUESTION_INTENTS as readonly string[]).includes(intent);
}

const QuestionId = z.object({ questionId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "Choose a question.") });

const DONE: Record<QuestionIntent, string> = {
  withdraw: "Question withdrawn.",
  "agree-confidential": "Agreed: the answer will go to the asker only.",
  "refuse-confidential": "Refused: the asker is told the question will be published, and may withdraw it.",
  approve: "Shown to the room.",
  hide: "Hidden from the room.",
  answer: "Answer published to every registered party at the same moment; it is in the clarification log.",
  vote: "Voted up.",
  unvote: "Vote taken back.",
};

/** Does `intent` to the question the form names: the message to show, or the failure as a 400. */
export async function questionAction(intent: QuestionIntent, formData: FormData, ctx: { procurement: ProcurementRecord; viewer: Viewer; user: { id: string; name: string } }) {
  const { procurement, viewer, user } = ctx;
  try {
    if (intent === "answer") {
      const form = parseForm(formData, AnswerFormSchema);
      if (!form.ok) return invalid(form, intent);
      await answerQuestion(procurement, form.data.questionId, form.data, user);
    } else {
      const form = parseForm(formData, QuestionId);
      if (!form.ok) return invalid(form, intent);
      const id = form.data.questionId;
      if (intent === "withdraw") await withdrawQuestion(procurement, id, viewer.organisationId);
      else if (intent === "vote" || intent === "unvote") await voteQuestion(procurement, id, user.id, viewer, intent === "vote");
      else await moderateQuestion(procurement, id, intent, user);
    }
  } catch (error) {
    if (error instanceof QuestionRuleError) return data(refusal(error.message, intent), { status: 400 });
    throw error;
  }
  return data({ ok: true as const, intent, message: DONE[intent] });
}
