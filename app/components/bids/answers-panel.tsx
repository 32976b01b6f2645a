// The answers to the tender's quality questions, typed together live (each a shared
// text), with the word count against each question's limit.
import { SharedTextarea } from "~/components/shared-text";
import { wordCount } from "~/domain/procurement/bid-rules";
import type { QualityQuestion } from "~/domain/procurement/tender";

export function AnswersPanel({ questions, answers, readOnly, onChange }: { questions: QualityQuestion[]; answers: Record<string, string>; readOnly: boolean; onChange: (questionId: string, text: string) => void }) {
  if (!questions.length) return <p className="mt-2 text-slate-700">The tender has no quality questions yet.</p>;
  return (
    <ol className="mt-2 space-y-4">
      {questions.map((q, i) => {
        const text = answers[q.id] ?? "";
        const words = wordCount(text);
        const over = words > q.wordLimit;
        return (
          <li key={q.id}>
            <label htmlFor={`answer-${q.id}`} className="block font-medium">{i + 1}. {q.title} <span className="font-normal text-slate-700">({q.weightBps / 100}% of quality)</span></label>
            {q.guidance ? <p id={`guidance-${q.id}`} className="text-sm text-slate-700">{q.guidance}</p> : null}
            <SharedTextarea
              id={`answer-${q.id}`}
              rows={6}
              value={text}
              readOnly={readOnly}
              aria-describedby={`count-${q.id}${q.guidance ? ` guidance-${q.id}` : ""}`}
              aria-invalid={over || undefined}
              onValueChange={(v) => onChange(q.id, v)}
              className="mt-1 block w-full rounded border border-slate-500 bg-white px-3 py-2"
            />
            <p id={`count-${q.id}`} className={over ? "text-sm font-medium text-red-800" : "text-sm text-slate-700"}>
              {words} of {q.wordLimit} words{over ? `: ${words - q.wordLimit} over the limit` : ""}
            </p>
          </li>
        );
      })}
    </ol>
  );
}
