// The published clarifications as plain text, ready to paste into an e-mail to every
// party: questions and current answers, askers as pseudonyms. `?since=<ISO date>` gives
// only what was answered since then.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { formatInstant } from "~/domain/procurement/stages";
import { listQuestions } from "~/models/question.server";
import { download } from "~/utils/download.server";
import { requireProcurement } from "~/utils/procurement.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { procurement } = await requireProcurement(request, params.workspaceId, "read:procurement");
  const since = new URL(request.url).searchParams.get("since");
  const from = since && !Number.isNaN(Date.parse(since)) ? new Date(since).toISOString() : null;
  // The digest goes to every party: questions as any party sees them, never who asked.
  const answered = (await listQuestions(procurement.id, { commissioningTeam: false, organisationId: null })).filter((q) => q.status === "answered" && !q.private && (!from || (q.answeredAt ?? "") >= from));
  const lines = [
    `${procurement.title}${procurement.reference ? ` (${procurement.reference})` : ""}: clarifications${from ? ` answered since ${formatInstant(from)}` : ""}`,
    "",
    ...answered.flatMap((q, i) => [`${i + 1}. Question (${q.askedBy}, ${formatInstant(q.createdAt)}):`, q.body, "", `Answer (${q.answeredAt ? formatInstant(q.answeredAt) : ""}):`, q.answer ?? "", "", "---", ""]),
    answered.length ? "" : "No answers yet.",
  ];
  return download(`${lines.join("\n").trimEnd()}\n`, "clarifications.txt", "text/plain");
}
