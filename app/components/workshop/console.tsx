// The facilitator's console for one workshop (see the route for what it does). Every
// form is a plain POST with an intent; the page follows the room live over the wall's
// stream and reloads its lists when the room changes.
import { Form, Link, useRevalidator } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { Button, CsrfInput, Field, FormErrors, Notice, SelectField, TextAreaField } from "~/components/forms";
import type { HoldReason } from "~/domain/workshop/moderation";
import { suggestedTheme } from "~/domain/workshop/tallies";
import { ACTIVITY_LABELS, AGE_BAND_LABELS, AGE_BANDS, DEFAULT_PROMPTS, MODERATION_LABELS, MODERATION_MODES, PARTICIPATION, PARTICIPATION_LEVELS, type ActivityKind, type ActivityState } from "~/domain/workshop/workshop";
import type { CardForFacilitator, MessageRecord, ThemeRecord } from "~/models/workshop.server";
import { useStream } from "~/utils/use-stream";
import type { WallRoom } from "~/utils/workshop.server";
import type { ThemeOutcome } from "~/utils/you-said.server";
import { ParticipationBadge } from "./participation";
import { ResultsList } from "./results";
import { YouSaidList } from "./you-said";

export const HOLD_LABELS: Record<HoldReason, string> = {
  name: "looks like a name",
  email: "has an e-mail address",
  phone: "has a phone number",
  address: "looks like a street address",
  postcode: "has a postcode",
  date: "has a date (a birthday?)",
  school: "names a school",
  abuse: "has abusive words",
};

type Workshop = { id: string; title: string; heldOn: string; heldOnLong: string; code: string; status: "draft" | "open" | "closed"; moderation: "pre" | "post"; ageBand: "8-11" | "12-14" | "15-18"; deleteCardsAfterDays: number; participationLevel: (typeof PARTICIPATION_LEVELS)[number] | null; participationReason: string; showPseudonyms: boolean; activity: ActivityState; cardsDeletedAt: string | null; closedAt: string | null };
type Run = { room: WallRoom; cards: CardForFacilitator[]; themes: ThemeRecord[]; messages: MessageRecord[]; suggestions: Record<string, Record<string, number>>; outcomes: { id: string; title: string }[]; canPromote: boolean; joinUrl: string };
type Result = { ok: true; intent: string; notice: string } | { ok: false; intent?: string; errors: Record<string, string[] | undefined>; formErrors: string[]; values: Record<string, string> } | null;

const box = "mt-4 rounded border border-slate-300 bg-white p-4";

function Intent({ intent, children, className = "" }: { intent: string; children: React.ReactNode; className?: string }) {
  return (
    <Form method="post" className={className}>
      <CsrfInput />
      <input type="hidden" name="intent" value={intent} />
      {children}
    </Form>
  );
}

export function WorkshopConsole({ workspaceId, workshop: w, youSaid, run, result }: { workspaceId: string; workshop: Workshop; youSaid: ThemeOutcome[]; run: Run; result: Result }) {
  const room = useStream<WallRoom>(`/workspaces/${workspaceId}/workshops/${w.id}/stream`, "room", run.room);
  const revalidator = useRevalidator();
  // Reload the lists when the room says something changed, at most every 2 s: thirty
  // phones voting at once are one reload, not thirty.
  const first = useRef(true);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => {
    if (first.current) return void (first.current = false);
    if (timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      void Promise.resolve(revalidator.revalidate()).catch(() => {}); // overtaken by another load: not an error
    }, 2_000);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [room]);
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);
  const errorsFor = (intent: string) => (result && !result.ok && result.intent === intent ? result.errors : {});
  const queue = run.cards.filter((c) => c.status === "held" || c.status === "pending");
  const others = run.cards.filter((c) => c.status !== "held" && c.status !== "pending");
  const byId = new Map(run.cards.map((c) => [c.id, c]));
  const unread = run.messages.filter((m) => !m.read);

  return (
    <div>
      <h2 className="text-xl font-bold">{w.title}</h2>
      <p className="text-sm text-slate-700">{w.heldOnLong} · {AGE_BAND_LABELS[w.ageBand]} · {w.moderation === "pre" ? "Pre-moderation" : "Post-moderation"}</p>
      {room.held + room.pending + room.unreadMessages > 0 ? (
        <p aria-live="polite" className="mt-2 rounded border border-amber-700 bg-amber-50 p-2 font-medium text-amber-950">
          {room.held + room.pending} card{room.held + room.pending === 1 ? "" : "s"} to read ({room.held} held) · {room.unreadMessages} unread message{room.unreadMessages === 1 ? "" : "s"} to the leader
        </p>
      ) : null}
      {result?.ok ? <Notice>{result.notice}</Notice> : null}
      {result && !result.ok ? <FormErrors errors={result.formErrors} /> : null}

      <section aria-labelledby="join-heading" className={box}>
        <h3 id="join-heading" className="text-lg font-semibold">Joining</h3>
        {w.status === "open" ? (
          <p className="mt-1">Open. Phones join at <strong>{run.joinUrl.replace(/\?.*$/, "")}</strong> with the code <strong className="font-mono text-2xl tracking-widest">{w.code}</strong>. {room.phones} phone{room.phones === 1 ? "" : "s"} joined.</p>
        ) : w.status === "closed" ? (
          <p className="mt-1">Closed. The code now leads to “you said, we did”. {w.cardsDeletedAt ? "The raw cards have been deleted; themes stay." : `Raw cards are deleted ${w.deleteCardsAfterDays} days after closing.`}</p>
        ) : (
          <p className="mt-1">Not open yet. The code {w.code} works once you open the workshop.</p>
        )}
        <div className="mt-2 flex flex-wrap gap-2">
          {w.status !== "open" && !w.cardsDeletedAt ? <Intent intent="open"><Button>{w.status === "closed" ? "Reopen" : "Open the workshop"}</Button></Intent> : null}
          {w.status === "open" ? <Intent intent="close"><Button variant="danger">Close the workshop</Button></Intent> : null}
          <Link className="inline-flex min-h-11 items-center rounded border border-slate-600 px-4 py-2" to="projector" target="_blank" rel="noopener">Projector wall (new window)</Link>
          <Link className="inline-flex min-h-11 items-center rounded border border-slate-600 px-4 py-2" to={`/join/${w.code}/results`}>“You said, we did” page</Link>
        </div>
      </section>

      {w.status === "open" ? (
        <section aria-labelledby="now-heading" className={box}>
          <h3 id="now-heading" className="text-lg font-semibold">What phones show</h3>
          <p className="mt-1">Now: <strong>{ACTIVITY_LABELS[room.activity.activity.kind]}</strong>{"prompt" in room.activity.activity ? ` — “${room.activity.activity.prompt}”` : ""}. {room.results.voters} phone{room.results.voters === 1 ? "" : "s"} voted in this round.</p>
          <Intent intent="activity" className="mt-2 grid gap-2 sm:grid-cols-2">
            <SelectField label="Activity" name="kind" defaultValue={room.activity.activity.kind === "waiting" ? "cards" : room.activity.activity.kind} errors={errorsFor("activity").kind} options={(Object.keys(ACTIVITY_LABELS) as ActivityKind[]).map((k) => ({ value: k, label: ACTIVITY_LABELS[k] }))} />
            <Field label="Dots each (dot voting)" name="dots" type="number" min={1} max={10} defaultValue="3" errors={errorsFor("activity").dots} />
            <TextAreaField label="Question on the phones" name="prompt" rows={2} defaultValue={DEFAULT_PROMPTS.cards} hint={`Checked for reading age: ${AGE_BAND_LABELS[w.ageBand]}. Not used for the waiting screen.`} errors={errorsFor("activity").prompt} />
            <Field label="Timer in seconds (0 for none)" name="timer" type="number" min={0} max={3600} defaultValue="0" errors={errorsFor("activity").timer} />
            <div><Button>Show on phones</Button></div>
          </Intent>
          <div className="mt-3 flex flex-wrap items-end gap-4">
            <Intent intent="timer" className="flex items-end gap-2">
              <Field label="Timer (seconds)" name="seconds" type="number" min={0} max={3600} defaultValue="120" errors={errorsFor("timer").seconds} />
              <Button variant="secondary">Start timer</Button>
            </Intent>
            <Intent intent="pseudonyms" className="flex items-center gap-2">
              <label className="flex items-center gap-2"><input type="checkbox" name="show" defaultChecked={w.showPseudonyms} className="h-5 w-5" /> Show made-up names on the projector</label>
              <Button variant="secondary">Save</Button>
            </Intent>
          </div>
          <ResultsList room={room} />
        </section>
      ) : null}

      <section aria-labelledby="queue-heading" className={box}>
        <h3 id="queue-heading" className="text-lg font-semibold">To read ({queue.length})</h3>
        <p className="text-sm text-slate-700">Held cards look like personal data or abuse; the writer was told why. Under pre-moderation every card waits here.</p>
        <ul className="mt-2 space-y-2">
          {queue.map((c) => (
            <li key={c.id} className={`rounded border p-2 ${c.status === "held" ? "border-amber-600 bg-amber-50" : "border-slate-300"}`}>
              <p>{c.text}</p>
              <p className="text-sm text-slate-700">{c.status === "held" && c.heldReason ? `Held: it ${HOLD_LABELS[c.heldReason]}.` : "Waiting for approval."} From {c.pseudonym ?? "a phone"}.</p>
              <div className="mt-1 flex flex-wrap gap-2">
                <Intent intent="approve"><input type="hidden" name="cardId" value={c.id} /><Button variant="secondary">Show<span className="sr-only"> “{c.text.slice(0, 40)}”</span></Button></Intent>
                <Intent intent="hide"><input type="hidden" name="cardId" value={c.id} /><Button variant="danger">Hide<span className="sr-only"> “{c.text.slice(0, 40)}”</span></Button></Intent>
              </div>
              <EditCard card={c} />
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="themes-heading" className={box}>
        <h3 id="themes-heading" className="text-lg font-semibold">Themes</h3>
        <Intent intent="add-theme" className="mt-2 flex flex-wrap items-end gap-2">
          <Field label="New theme" name="title" required errors={errorsFor("add-theme").title} />
          <Button variant="secondary">Add theme</Button>
        </Intent>
        <ul className="mt-3 space-y-3">
          {run.themes.map((t) => (
            <ThemeItem key={t.id} theme={t} cards={run.cards.filter((c) => c.themeId === t.id && c.status !== "merged")} outcomes={run.outcomes} canPromote={run.canPromote} errors={result && !result.ok && result.values.themeId === t.id ? result.errors : {}} intent={result && !result.ok ? result.intent : undefined} />
          ))}
        </ul>
      </section>

      <section aria-labelledby="cards-heading" className={box}>
        <h3 id="cards-heading" className="text-lg font-semibold">All cards ({others.length})</h3>
        {w.cardsDeletedAt ? <p>The raw cards were deleted on schedule.</p> : null}
        <ul className="mt-2 space-y-2">
          {others.map((c) => (
            <li key={c.id} className="rounded border border-slate-300 p-2">
              <p>{c.text} {c.status !== "shown" ? <span className="text-sm text-slate-700">({c.status === "merged" ? `merged into “${byId.get(c.mergedIntoId ?? "")?.text.slice(0, 40) ?? "another card"}”` : c.status})</span> : null}</p>
              {c.originalText ? <p className="text-sm text-slate-700">Written as: “{c.originalText}”</p> : null}
              <p className="text-sm text-slate-700">From {c.pseudonym ?? "a phone"}</p>
              <Suggestion card={c} suggestions={run.suggestions} themes={run.themes} />
              {c.status !== "merged" ? (
                <div className="mt-1 flex flex-wrap items-end gap-2">
                  <Intent intent="sort" className="flex items-end gap-2">
                    <input type="hidden" name="cardId" value={c.id} />
                    <SelectField label="Theme" name="themeId" defaultValue={c.themeId ?? ""} options={[{ value: "", label: "Not sorted" }, ...run.themes.map((t) => ({ value: t.id, label: t.title }))]} />
                    <Button variant="secondary">Sort<span className="sr-only"> “{c.text.slice(0, 40)}”</span></Button>
                  </Intent>
                  <Intent intent="merge" className="flex items-end gap-2">
                    <input type="hidden" name="cardId" value={c.id} />
                    <SelectField label="Duplicate of" name="intoId" options={others.filter((o) => o.id !== c.id && o.status !== "merged").map((o) => ({ value: o.id, label: o.text.slice(0, 60) }))} />
                    <Button variant="secondary">Merge<span className="sr-only"> “{c.text.slice(0, 40)}”</span></Button>
                  </Intent>
                  {c.status === "shown" ? <Intent intent="hide"><input type="hidden" name="cardId" value={c.id} /><Button variant="danger">Hide<span className="sr-only"> “{c.text.slice(0, 40)}”</span></Button></Intent> : <Intent intent="approve"><input type="hidden" name="cardId" value={c.id} /><Button variant="secondary">Show<span className="sr-only"> “{c.text.slice(0, 40)}”</span></Button></Intent>}
                </div>
              ) : null}
              {c.status !== "merged" ? <EditCard card={c} /> : null}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="messages-heading" className={box}>
        <h3 id="messages-heading" className="text-lg font-semibold">Messages to the leader ({unread.length} unread)</h3>
        <p className="text-sm text-slate-700">Only facilitators and commissioners of this workspace read these.</p>
        <ul className="mt-2 space-y-2">
          {run.messages.map((m) => (
            <li key={m.id} className={`rounded border p-2 ${m.read ? "border-slate-300" : "border-red-700 bg-red-50"}`}>
              <p>{m.text}</p>
              <p className="text-sm text-slate-700">From {m.pseudonym ?? "a phone"} · {m.at.slice(11, 16)} UTC</p>
              {!m.read ? <Intent intent="read-message"><input type="hidden" name="messageId" value={m.id} /><Button variant="secondary">Mark as read</Button></Intent> : null}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="ladder-heading" className={box}>
        <h3 id="ladder-heading" className="text-lg font-semibold">Level of participation</h3>
        <ParticipationBadge level={w.participationLevel} reason={w.participationReason} />
        <Intent intent="participation" className="mt-2">
          <SelectField label="Rung on the ladder" name="participationLevel" defaultValue={w.participationLevel ?? "involved"} errors={errorsFor("participation").participationLevel} options={PARTICIPATION_LEVELS.map((l) => ({ value: l, label: `${PARTICIPATION[l].label}${PARTICIPATION[l].tokenistic ? " (tokenistic)" : ""}: ${PARTICIPATION[l].description}` }))} />
          <TextAreaField label="Why this level" name="participationReason" rows={2} defaultValue={w.participationReason} errors={errorsFor("participation").participationReason} />
          <Button variant="secondary">Save level</Button>
        </Intent>
      </section>

      <section aria-labelledby="settings-heading" className={box}>
        <h3 id="settings-heading" className="text-lg font-semibold">Settings</h3>
        <Intent intent="settings" className="grid gap-2 sm:grid-cols-2">
          <Field label="Name" name="title" required defaultValue={w.title} errors={errorsFor("settings").title} />
          <Field label="Date" name="heldOn" type="date" required defaultValue={w.heldOn} errors={errorsFor("settings").heldOn} />
          <SelectField label="Age band" name="ageBand" defaultValue={w.ageBand} errors={errorsFor("settings").ageBand} options={AGE_BANDS.map((b) => ({ value: b, label: AGE_BAND_LABELS[b] }))} />
          <SelectField label="Moderation" name="moderation" defaultValue={w.moderation} errors={errorsFor("settings").moderation} options={MODERATION_MODES.map((m) => ({ value: m, label: MODERATION_LABELS[m] }))} />
          <Field label="Delete raw cards this many days after closing" name="deleteCardsAfterDays" type="number" min={0} max={365} defaultValue={String(w.deleteCardsAfterDays)} errors={errorsFor("settings").deleteCardsAfterDays} />
          <div><Button variant="secondary">Save settings</Button></div>
        </Intent>
      </section>

      <section aria-labelledby="said-heading" className={box}>
        <h3 id="said-heading" className="text-lg font-semibold">You said, we did (as young people see it)</h3>
        <YouSaidList themes={youSaid} headingLevel={3} />
      </section>
    </div>
  );
}

/** What the phones suggested for this card in the sorting round, with one click to take it. */
function Suggestion({ card, suggestions, themes }: { card: CardForFacilitator; suggestions: Run["suggestions"]; themes: ThemeRecord[] }) {
  const s = suggestedTheme(suggestions[card.id]);
  const theme = s ? themes.find((t) => t.id === s.themeId) : undefined;
  if (!s || !theme) return null;
  return (
    <Intent intent="sort" className="mt-1 flex flex-wrap items-center gap-2">
      <input type="hidden" name="cardId" value={card.id} />
      <input type="hidden" name="themeId" value={theme.id} />
      <span className="text-sm">Phones suggest “{theme.title}” ({s.votes} of {s.of}).</span>
      {card.themeId !== theme.id ? <Button variant="secondary">Sort into “{theme.title}”<span className="sr-only"> : “{card.text.slice(0, 40)}”</span></Button> : null}
    </Intent>
  );
}

function EditCard({ card }: { card: CardForFacilitator }) {
  return (
    <details className="mt-1">
      <summary className="cursor-pointer text-sm underline">Correct the spelling<span className="sr-only"> of “{card.text.slice(0, 40)}”</span></summary>
      <Intent intent="edit" className="mt-1 flex flex-wrap items-end gap-2">
        <input type="hidden" name="cardId" value={card.id} />
        <Field label="Corrected words" name="text" defaultValue={card.text} maxLength={200} required />
        <Button variant="secondary">Save</Button>
      </Intent>
    </details>
  );
}

function ThemeItem({ theme: t, cards, outcomes, canPromote, errors, intent }: { theme: ThemeRecord; cards: CardForFacilitator[]; outcomes: { id: string; title: string }[]; canPromote: boolean; errors: Record<string, string[] | undefined>; intent: string | undefined }) {
  const e = (i: string) => (intent === i ? errors : {});
  return (
    <li className="rounded border border-slate-300 p-3">
      <h4 className="font-semibold">{t.title}</h4>
      <p className="text-sm text-slate-700">{t.cardCount} card{t.cardCount === 1 ? "" : "s"}{t.results.dots !== undefined ? ` · ${t.results.dots} dots` : ""}{t.results.borda !== undefined ? ` · ${t.results.borda} ranking points` : ""}{t.results.scale ? ` · scale ${(t.results.scale.meanHundredths / 100).toFixed(2)} from ${t.results.scale.count}` : ""}</p>
      {cards.length ? <ul className="ml-5 list-disc text-sm">{cards.map((c) => <li key={c.id}>{c.text}</li>)}</ul> : null}
      {t.promotedAs ? (
        <p className="mt-1 text-sm font-medium text-green-900">In the framework as {t.promotedAs === "service-quality" ? "a service quality" : t.promotedAs === "outcome" ? "an outcome" : "an indicator"}, added by {t.promotedByName} on {t.promotedAt?.slice(0, 10)}.</p>
      ) : canPromote ? (
        <Form method="post" className="mt-2 flex flex-wrap items-end gap-2">
          <CsrfInput />
          <input type="hidden" name="intent" value="promote" />
          <input type="hidden" name="themeId" value={t.id} />
          <SelectField label="Add to the framework as" name="as" defaultValue="outcome" errors={e("promote").as} options={[{ value: "outcome", label: "An outcome" }, { value: "indicator", label: "An indicator of an outcome" }, { value: "service-quality", label: "A service quality" }]} />
          <Field label="Title in the framework" name="title" defaultValue={t.title} required errors={e("promote").title} />
          <SelectField label="Outcome (for an indicator)" name="outcomeId" defaultValue="" errors={e("promote").outcomeId} options={[{ value: "", label: "Not an indicator" }, ...outcomes.map((o) => ({ value: o.id, label: o.title }))]} />
          <Button>Add<span className="sr-only"> “{t.title}”</span> to the framework</Button>
        </Form>
      ) : null}
      <Form method="post" className="mt-2 flex flex-wrap items-end gap-2">
        <CsrfInput />
        <input type="hidden" name="intent" value="decide" />
        <input type="hidden" name="themeId" value={t.id} />
        <SelectField label="Decision" name="decision" defaultValue={t.decision ?? "none"} errors={e("decide").decision} options={[{ value: "none", label: t.promotedAs ? "Adopted as it stands" : "Still being considered" }, { value: "changed", label: "Changed" }, { value: "not-adopted", label: "Not adopted" }]} />
        <Field label="Why (young people read this)" name="reason" defaultValue={t.decisionReason} errors={e("decide").reason} />
        <Button variant="secondary">Save decision<span className="sr-only"> for “{t.title}”</span></Button>
      </Form>
      <div className="mt-2 flex flex-wrap gap-2">
        <Form method="post" className="flex items-end gap-2">
          <CsrfInput />
          <input type="hidden" name="intent" value="rename-theme" />
          <input type="hidden" name="themeId" value={t.id} />
          <Field label="Rename" name="title" defaultValue={t.title} required errors={e("rename-theme").title} />
          <Button variant="secondary">Rename</Button>
        </Form>
        {!t.promotedAs ? <Intent intent="remove-theme"><input type="hidden" name="themeId" value={t.id} /><Button variant="danger">Remove<span className="sr-only"> theme “{t.title}”</span></Button></Intent> : null}
      </div>
    </li>
  );
}
