// Comment threads on one outcome (and its indicators): read, start, answer, resolve,
// reopen. Plain forms, so they work without JavaScript; an action's field errors come
// back to the form that was sent (matched by its key).
import { Form, useNavigation } from "@remix-run/react";
import type { ThreadView } from "~/models/comment.server";
import { CsrfInput } from "./forms";

export type CommentResult = { intent?: string | undefined; errors?: Record<string, string[] | undefined>; formErrors?: string[]; values?: Record<string, string> } | undefined;

const buttonClass = "inline-flex min-h-11 items-center rounded border border-slate-600 bg-white px-3";
const inputClass = "mt-1 block w-full rounded border border-slate-500 bg-white px-3 py-2";

function when(iso: string) {
  return new Date(iso).toLocaleString("en-GB", { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", timeZone: "Europe/London" });
}

/** One comment box with its field error; `formKey` ties an action's errors back to it. */
function CommentBox({ id, label, formKey, result }: { id: string; label: string; formKey: string; result: CommentResult }) {
  const mine = result?.intent === formKey;
  const error = mine ? result?.errors?.body?.[0] : undefined;
  return (
    <div>
      <label htmlFor={id} className="block font-medium">{label}</label>
      <p id={`${id}-hint`} className="text-sm text-slate-700">Mention someone with @ and their name, e.g. @Sam Okafor; they will be notified.</p>
      <textarea id={id} name="body" rows={3} maxLength={4000} required defaultValue={mine ? result?.values?.body : undefined} aria-invalid={error ? true : undefined} aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`} className={inputClass} />
      {error ? <p id={`${id}-error`} className="mt-1 text-sm font-medium text-red-800">{error}</p> : null}
    </div>
  );
}

function Thread({ thread, canComment, result }: { thread: ThreadView; canComment: boolean; result: CommentResult }) {
  const resolved = thread.resolvedAt !== null;
  return (
    <article id={`thread-${thread.id}`} aria-labelledby={`thread-${thread.id}-heading`} className={`rounded border p-3 ${resolved ? "border-slate-300 bg-slate-50" : "border-brand-700 bg-white"}`}>
      <h6 id={`thread-${thread.id}-heading`} className="font-medium">
        About {thread.targetLabel}
        <span className="ml-2 text-sm font-normal text-slate-700">{resolved ? `Resolved${thread.resolvedByName ? ` by ${thread.resolvedByName}` : ""}` : "Open"}</span>
      </h6>
      <ol className="mt-2 space-y-2">
        {thread.comments.map((c) => (
          <li key={c.id}>
            <p className="text-sm text-slate-700">
              <span className="font-medium text-slate-900">{c.authorName}</span> · <time dateTime={c.createdAt}>{when(c.createdAt)}</time>
            </p>
            <p className="whitespace-pre-wrap">{c.body}</p>
          </li>
        ))}
      </ol>
      {canComment ? (
        <div className="mt-3 space-y-2">
          <Form method="post" className="space-y-2">
            <CsrfInput />
            <input type="hidden" name="intent" value="reply" />
            <input type="hidden" name="threadId" value={thread.id} />
            <CommentBox id={`reply-${thread.id}`} label="Reply" formKey={`reply:${thread.id}`} result={result} />
            <button type="submit" className={buttonClass}>Reply</button>
          </Form>
          <Form method="post">
            <CsrfInput />
            <input type="hidden" name="intent" value={resolved ? "reopen" : "resolve"} />
            <input type="hidden" name="threadId" value={thread.id} />
            <button type="submit" className={buttonClass}>{resolved ? "Reopen thread" : "Resolve thread"}</button>
          </Form>
        </div>
      ) : null}
    </article>
  );
}

/**
 * The threads about one outcome and its indicators, behind a disclosure that says how
 * many are open; opened by a link to one of its threads (`?thread=`).
 */
export function CommentPanel({ subjectId, subjectName, targets, threads, canComment, focusThread, result }: { subjectId: string; subjectName: string; targets: { target: string; label: string }[]; threads: ThreadView[]; canComment: boolean; focusThread: string | null; result: CommentResult }) {
  const navigation = useNavigation();
  const open = threads.filter((t) => t.resolvedAt === null).length;
  const formKey = `comment:${subjectId}`;
  const mine = result?.intent?.startsWith("comment:") && targets.some((t) => result.intent === `comment:${t.target}`);
  const targetError = mine ? result?.errors?.target?.[0] : undefined;
  const expanded = Boolean(mine) || threads.some((t) => t.id === focusThread || result?.intent?.endsWith(`:${t.id}`));
  return (
    <details className="mt-2 print:hidden" open={expanded || undefined}>
      <summary className="min-h-11 cursor-pointer py-2 font-medium text-brand-800">
        Comments on {subjectName}: {threads.length === 0 ? "none yet" : `${open} open${threads.length > open ? `, ${threads.length - open} resolved` : ""}`}
      </summary>
      <div className="mt-2 space-y-3">
        {threads.map((t) => <Thread key={t.id} thread={t} canComment={canComment} result={result} />)}
        {canComment ? (
          <Form method="post" className="space-y-2 rounded border border-slate-300 p-3" aria-label={`Start a thread on ${subjectName}`}>
            <CsrfInput />
            <input type="hidden" name="intent" value="comment" />
            <div>
              <label htmlFor={`${formKey}-target`} className="block font-medium">About</label>
              <select id={`${formKey}-target`} name="target" defaultValue={mine ? result?.values?.target : undefined} aria-invalid={targetError ? true : undefined} aria-describedby={targetError ? `${formKey}-target-error` : undefined} className={inputClass}>
                {targets.map((t) => <option key={t.target} value={t.target}>{t.label}</option>)}
              </select>
              {targetError ? <p id={`${formKey}-target-error`} className="mt-1 text-sm font-medium text-red-800">{targetError}</p> : null}
            </div>
            <CommentBox id={`${formKey}-body`} label="New comment" formKey={mine ? result!.intent! : formKey} result={mine ? result : undefined} />
            <button type="submit" disabled={navigation.state === "submitting"} className="inline-flex min-h-11 items-center rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">
              Comment
            </button>
          </Form>
        ) : null}
      </div>
    </details>
  );
}
