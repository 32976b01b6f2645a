// The phone screen of a workshop. Large type, one thing at a time, plain words (every
// string comes from COPY, which a test scores for reading age).
import { Form, Link, useRevalidator } from "@remix-run/react";
import { useState, type FormEvent } from "react";
import { CsrfInput } from "~/components/forms";
import type { COPY as CopyType } from "~/domain/workshop/copy";
import type { HoldReason } from "~/domain/workshop/moderation";
import { CARD_MAX_LENGTH, MESSAGE_MAX_LENGTH, REACTION_LABELS, REACTIONS, type ModerationMode } from "~/domain/workshop/workshop";
import type { PhoneRoom } from "~/utils/workshop.server";
import { useStream } from "~/utils/use-stream";
import { newClientId, usePhoneOutbox, type SendResult } from "./phone-queue";
import { Timer } from "./timer";

type Card = { id: string; text: string; status: string; heldReason: string | null };
type Props = {
  code: string;
  moderation: ModerationMode;
  phone: { pseudonym: string; avatar: string };
  room: PhoneRoom;
  cards: Card[];
  ballot: { targetId: string; value: number }[];
  clientId: string;
  noScriptResult: SendResult | null;
  copy: typeof CopyType;
};

const button = "rounded bg-brand-700 px-4 py-3 text-lg font-bold text-white hover:bg-brand-800 focus:outline-none focus-visible:ring-4 focus-visible:ring-brand-300";

export function PhoneScreen({ code, moderation, phone, room: initial, cards, ballot, clientId, noScriptResult, copy }: Props) {
  const room = useStream<PhoneRoom>(`/join/${code}/stream`, "room", initial);
  const revalidator = useRevalidator();
  const [last, setLast] = useState<SendResult | null>(noScriptResult);
  const [id, setId] = useState(clientId);
  const outbox = usePhoneOutbox(code, (r) => {
    setLast(r);
    void Promise.resolve(revalidator.revalidate()).catch(() => {}); // overtaken by another load: not an error
  });
  const queue = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    outbox.send(form, (e.nativeEvent as SubmitEvent).submitter);
    if (form.dataset.kind === "card") {
      form.reset();
      setId(newClientId());
    }
  };
  const shownIds = new Set(room.cards.map((c) => c.id));
  const activity = room.activity.activity;
  const mine = new Map(ballot.map((b) => [b.targetId, b.value]));

  if (room.status === "closed") {
    return (
      <div className="mx-auto max-w-md px-4 py-8 text-lg">
        <h1 className="text-2xl font-bold">{room.title}</h1>
        <p className="mt-4">{copy.ended}</p>
        <p className="mt-4"><Link className="font-semibold text-brand-800 underline" to={`/join/${code}/results`}>{copy.seeResults}</Link></p>
      </div>
    );
  }

  return (
    <div className="mx-auto max-w-md px-4 py-4 text-lg">
      <p className="flex items-center gap-2 text-base"><span aria-hidden="true" className="text-3xl">{phone.avatar}</span><span>{copy.youAre} <strong>{phone.pseudonym}</strong></span></p>
      <h1 className="mt-2 text-2xl font-bold">{room.title}</h1>
      {!outbox.online || outbox.waiting > 0 ? (
        <p role="status" className="mt-2 rounded border-2 border-amber-600 bg-amber-50 p-2 text-base font-medium text-amber-950">
          {!outbox.online ? `${copy.offline} ` : ""}
          {outbox.waiting > 0 ? copy.queued(outbox.waiting) : ""}
        </p>
      ) : null}
      {last ? <p role={last.ok ? "status" : "alert"} className={`mt-2 rounded p-2 text-base font-medium ${last.ok ? "bg-green-50 text-green-900" : "bg-red-50 text-red-900"}`}>{last.ok ? (last.card?.status === "held" && last.card.heldReason ? copy.held[last.card.heldReason as HoldReason] : last.message ?? copy.sent) : last.error}</p> : null}
      <Timer endsAt={room.activity.timerEndsAt} serverNow={room.serverNow} labels={{ left: copy.timeLeft, up: copy.timeUp }} />

      <section aria-labelledby="now-heading" className="mt-4 rounded-lg border-2 border-slate-300 bg-white p-4">
        <h2 id="now-heading" className="text-xl font-bold">{activity.kind === "waiting" ? copy.waiting : activity.prompt}</h2>
        {activity.kind === "cards" ? (
          <Form method="post" data-kind="card" onSubmit={queue} className="mt-3 space-y-2">
            <CsrfInput />
            <input type="hidden" name="intent" value="card" />
            <input type="hidden" name="clientId" value={id} />
            <label htmlFor="card-text" className="block font-semibold">{copy.cardLabel}</label>
            <textarea id="card-text" name="text" required maxLength={CARD_MAX_LENGTH} rows={3} className="block w-full rounded border-2 border-slate-500 p-2" />
            <button type="submit" className={`${button} w-full`}>{copy.cardButton}</button>
          </Form>
        ) : null}
        {activity.kind === "dots" ? <Dots key={room.activity.round} themes={room.themes} dots={activity.dots} mine={mine} onSubmit={queue} copy={copy} /> : null}
        {activity.kind === "rank" ? <Rank key={room.activity.round} themes={room.themes} mine={mine} onSubmit={queue} copy={copy} /> : null}
        {activity.kind === "scale" ? <Scale key={room.activity.round} themes={room.themes} mine={mine} onSubmit={queue} copy={copy} /> : null}
        {activity.kind === "react" ? <React_ key={room.activity.round} cards={room.cards} mine={mine} onSubmit={queue} copy={copy} /> : null}
        {activity.kind === "sort" ? <Sort key={room.activity.round} cards={room.cards} themes={room.themes} mine={mine} onSubmit={queue} copy={copy} /> : null}
      </section>

      {cards.length ? (
        <section aria-labelledby="mine-heading" className="mt-4">
          <h2 id="mine-heading" className="text-xl font-bold">{copy.yourCards}</h2>
          <ul className="mt-2 space-y-2">
            {cards.map((c) => {
              const status = shownIds.has(c.id) ? "shown" : c.status;
              return (
                <li key={c.id} className="rounded border border-slate-300 bg-white p-3">
                  <p>{c.text}</p>
                  <p className="mt-1 text-base text-slate-700">
                    {status === "shown" ? copy.statusShown : status === "pending" ? copy.statusPending : status === "held" ? copy.held[(c.heldReason ?? "name") as HoldReason] : status === "merged" ? copy.statusMerged : copy.statusHidden}
                  </p>
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}

      <details className="mt-6 rounded border-2 border-slate-300 bg-white p-3">
        <summary className="cursor-pointer text-lg font-bold">{copy.tellTitle}</summary>
        <p className="mt-2 text-base">{copy.tellHelp}</p>
        <Form method="post" onSubmit={queue} className="mt-2 space-y-2">
          <CsrfInput />
          <input type="hidden" name="intent" value="message" />
          <label htmlFor="tell-text" className="block font-semibold">{copy.tellLabel}</label>
          <textarea id="tell-text" name="text" required maxLength={MESSAGE_MAX_LENGTH} rows={3} className="block w-full rounded border-2 border-slate-500 p-2" />
          <button type="submit" className={button}>{copy.tellButton}</button>
        </Form>
      </details>
      <p className="mt-4 text-base text-slate-700">{copy.whoReads[moderation]}</p>
    </div>
  );
}

type Themes = PhoneRoom["themes"];
type Copy = typeof CopyType;
type BallotProps = { mine: Map<string, number>; onSubmit: (e: FormEvent<HTMLFormElement>) => void; copy: Copy };

function BallotForm({ kind, children, copy, onSubmit }: { kind: string; children: React.ReactNode; copy: Copy; onSubmit: BallotProps["onSubmit"] }) {
  return (
    <Form method="post" onSubmit={onSubmit} className="mt-3 space-y-3">
      <CsrfInput />
      <input type="hidden" name="intent" value="ballot" />
      <input type="hidden" name="kind" value={kind} />
      {children}
      <button type="submit" className={`${button} w-full`}>{copy.sendVote}</button>
    </Form>
  );
}

function Dots({ themes, dots, mine, onSubmit, copy }: BallotProps & { themes: Themes; dots: number }) {
  const [given, setGiven] = useState<Record<string, number>>(() => Object.fromEntries(themes.map((t) => [t.id, mine.get(t.id) ?? 0])));
  const left = dots - Object.values(given).reduce((a, b) => a + b, 0);
  if (!themes.length) return <p className="mt-2">{copy.noThemes}</p>;
  return (
    <BallotForm kind="dots" copy={copy} onSubmit={onSubmit}>
      <p aria-live="polite" className="font-semibold">{copy.dotsLeft(Math.max(0, left))}</p>
      <ul className="space-y-2">
        {themes.map((t) => (
          <li key={t.id} className="flex items-center justify-between gap-2 rounded border border-slate-300 p-2">
            <label htmlFor={`dots-${t.id}`} className="flex-1">{t.title}</label>
            <input id={`dots-${t.id}`} name={`t:${t.id}`} type="number" min={0} max={dots} value={given[t.id] ?? 0} onChange={(e) => setGiven({ ...given, [t.id]: Math.max(0, Math.min(dots, Number(e.target.value) || 0)) })} className="w-20 rounded border-2 border-slate-500 p-2 text-center text-xl" />
          </li>
        ))}
      </ul>
    </BallotForm>
  );
}

function Rank({ themes, mine, onSubmit, copy }: BallotProps & { themes: Themes }) {
  if (!themes.length) return <p className="mt-2">{copy.noThemes}</p>;
  return (
    <BallotForm kind="rank" copy={copy} onSubmit={onSubmit}>
      <ul className="space-y-2">
        {themes.map((t, i) => (
          <li key={t.id} className="flex items-center justify-between gap-2 rounded border border-slate-300 p-2">
            <label htmlFor={`rank-${t.id}`} className="flex-1">{t.title}</label>
            <select id={`rank-${t.id}`} name={`t:${t.id}`} defaultValue={String((mine.get(t.id) ?? i) + 1)} className="rounded border-2 border-slate-500 p-2 text-xl">
              {themes.map((_, n) => <option key={n} value={n + 1}>{n + 1}</option>)}
            </select>
          </li>
        ))}
      </ul>
    </BallotForm>
  );
}

function Scale({ themes, mine, onSubmit, copy }: BallotProps & { themes: Themes }) {
  if (!themes.length) return <p className="mt-2">{copy.noThemes}</p>;
  return (
    <BallotForm kind="scale" copy={copy} onSubmit={onSubmit}>
      {themes.map((t) => (
        <fieldset key={t.id} className="rounded border border-slate-300 p-2">
          <legend className="font-semibold">{t.title}</legend>
          <div className="flex items-center justify-between gap-1">
            <span className="text-sm">{copy.scaleLow}</span>
            {[1, 2, 3, 4, 5].map((n) => (
              <label key={n} className="flex flex-col items-center">
                <input type="radio" name={`t:${t.id}`} value={n} defaultChecked={mine.get(t.id) === n} className="h-6 w-6" />
                <span>{n}</span>
              </label>
            ))}
            <span className="text-sm">{copy.scaleHigh}</span>
          </div>
        </fieldset>
      ))}
    </BallotForm>
  );
}

function Sort({ cards, themes, mine, onSubmit, copy }: BallotProps & { cards: PhoneRoom["cards"]; themes: Themes }) {
  if (!cards.length || !themes.length) return <p className="mt-2">{cards.length ? copy.noThemes : copy.noCards}</p>;
  // This phone's last choices: rows are "<cardId>:<themeId>".
  const chosen = new Map([...mine.keys()].map((k) => k.split(":") as [string, string]));
  return (
    <BallotForm kind="sort" copy={copy} onSubmit={onSubmit}>
      {cards.map((c) => (
        <div key={c.id} className="rounded border border-slate-300 p-2">
          <label htmlFor={`sort-${c.id}`} className="block font-semibold">{c.text}</label>
          <span className="block text-base text-slate-700">{copy.sortPick}</span>
          <select id={`sort-${c.id}`} name={`t:${c.id}`} defaultValue={chosen.get(c.id) ?? ""} className="mt-1 block w-full rounded border-2 border-slate-500 p-2">
            <option value="">{copy.notSure}</option>
            {themes.map((t) => <option key={t.id} value={t.id}>{t.title}</option>)}
          </select>
        </div>
      ))}
    </BallotForm>
  );
}

function React_({ cards, mine, onSubmit, copy }: BallotProps & { cards: PhoneRoom["cards"] }) {
  if (!cards.length) return <p className="mt-2">{copy.noCards}</p>;
  return (
    <BallotForm kind="react" copy={copy} onSubmit={onSubmit}>
      {cards.map((c) => (
        <fieldset key={c.id} className="rounded border border-slate-300 p-2">
          <legend className="font-semibold">{c.text}</legend>
          <div className="flex gap-2">
            {REACTIONS.map((emoji, i) => (
              <label key={emoji} className="flex items-center gap-1 text-2xl">
                <input type="radio" name={`t:${c.id}`} value={emoji} defaultChecked={mine.get(c.id) === i} className="h-5 w-5" />
                <span aria-hidden="true">{emoji}</span>
                <span className="sr-only">{REACTION_LABELS[emoji]}</span>
              </label>
            ))}
          </div>
        </fieldset>
      ))}
    </BallotForm>
  );
}

