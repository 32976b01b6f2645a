// The what-ifs on the payment page: one's own copies (kept on the server, named, opened
// again from any browser), showing one to the room, and the what-ifs others show, any of
// which can be put beside the shared model.
import { useState } from "react";
import { nextWhatIfName, shownBy, type WhatIfContent, type WhatIfView } from "~/domain/payment/what-if";
import type { SaveState } from "~/payment/use-what-ifs";
import { buttonClass, inputClass } from "./draft-field";
import { CsrfInput } from "./forms";

type Props = {
  canWhatIf: boolean;
  whatIfs: WhatIfView[];
  open: WhatIfView | null;
  save: SaveState;
  saveError: string | null;
  shared: WhatIfContent | null;
  besideId: string | null;
  onOpen: (id: string | null) => void;
  onCreate: (name: string, content: WhatIfContent) => Promise<string | null>;
  onChange: (id: string, change: { shown?: boolean; name?: string } | "delete") => Promise<string | null>;
  onBeside: (id: string | null) => void;
  /** The no-JavaScript form's refusal, from the page's action. */
  formError?: string | null;
};

const SAVE_WORDS: Record<SaveState, string> = { saved: "Saved to your account.", saving: "Saving…", unsaved: "Not saved yet: it is kept in this browser and saved when the connection is back." };
const when = (iso: string) => new Date(iso).toISOString().slice(0, 16).replace("T", " ");

export function WhatIfPanel({ canWhatIf, whatIfs, open, save, saveError, shared, besideId, onOpen, onCreate, onChange, onBeside, formError = null }: Props) {
  const mine = whatIfs.filter((w) => w.mine);
  const shown = whatIfs.filter((w) => w.shown);
  const [name, setName] = useState("");
  const [message, setMessage] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const report = (p: Promise<string | null>, done?: string) => void p.then((e) => setMessage(e ?? done ?? null));
  if (!canWhatIf && shown.length === 0) return null;
  return (
    <section aria-labelledby="what-ifs-heading" className="mt-3 rounded border border-slate-300 bg-white p-3 print:hidden">
      <h3 id="what-ifs-heading" className="font-semibold">What-ifs</h3>
      <div role="status" className="mt-1">
        {open ? (
          <p>
            <strong>Your what-if “{open.name}”</strong>: {open.shown ? "shown to the room" : "only you see it"}, and the shared model is unchanged. <span data-testid="what-if-save">{saveError ? `Not saved: ${saveError}` : SAVE_WORDS[save]}</span>{" "}
            <button type="button" onClick={() => onOpen(null)} className={buttonClass}>
              Back to the shared model
            </button>
          </p>
        ) : (
          <p>You are looking at the shared model.</p>
        )}
        {message ?? formError ? <p className="mt-1">{message ?? formError}</p> : null}
      </div>

      {canWhatIf && shared ? (
        <form
          method="post"
          aria-label="New what-if"
          className="mt-2 flex flex-wrap items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            report(onCreate(name.trim() || nextWhatIfName(mine.map((w) => w.name)), structuredClone(shared)));
            setName("");
          }}
        >
          <CsrfInput />
          <input type="hidden" name="intent" value="what-if-create" />
          <div className="min-w-0 flex-1 sm:flex-none">
            <label htmlFor="what-if-name" className="block font-medium">Name (optional)</label>
            <input id="what-if-name" name="name" value={name} maxLength={80} onChange={(e) => setName(e.target.value)} placeholder={nextWhatIfName(mine.map((w) => w.name))} className={inputClass} />
          </div>
          <button type="submit" className={buttonClass}>
            Try a what-if copy
          </button>
        </form>
      ) : null}

      {mine.length ? (
        <>
          <h4 className="mt-3 font-medium">Your what-ifs</h4>
          <ul className="mt-1 space-y-2" aria-label="Your what-ifs">
            {mine.map((w) => (
              <li key={w.id} className="flex flex-wrap items-center gap-2">
                <span className="min-w-0 break-words">
                  “{w.name}”: {w.shown ? "shown to the room" : "only you see it"}; saved {when(w.updatedAt)} UTC.
                </span>
                {open?.id === w.id ? null : (
                  <button type="button" onClick={() => onOpen(w.id)} className={buttonClass}>
                    Open “{w.name}”
                  </button>
                )}
                <button type="button" onClick={() => report(onChange(w.id, { shown: !w.shown }), w.shown ? `“${w.name}” is no longer shown.` : `“${w.name}” is shown to the room.`)} className={buttonClass}>
                  {w.shown ? `Stop showing “${w.name}”` : `Show “${w.name}” to the room`}
                </button>
                {confirming === w.id ? (
                  <button type="button" onClick={() => report(onChange(w.id, "delete"), `Deleted “${w.name}”.`)} className={`${buttonClass} border-red-800 text-red-800`}>
                    Yes, delete “{w.name}”
                  </button>
                ) : (
                  <button type="button" onClick={() => setConfirming(w.id)} className={buttonClass}>
                    Delete “{w.name}”
                  </button>
                )}
              </li>
            ))}
          </ul>
        </>
      ) : null}

      {shown.length ? (
        <>
          <h4 className="mt-3 font-medium">Shown to the room</h4>
          <ul className="mt-1 space-y-2" aria-label="What-ifs shown to the room">
            {shown.map((w) => (
              <li key={w.id} className="flex flex-wrap items-center gap-2">
                <span className="min-w-0 break-words">
                  “{w.name}”, shown by {w.mine ? "you" : shownBy(w)}; saved {when(w.updatedAt)} UTC.
                </span>
                <button type="button" aria-pressed={besideId === w.id} onClick={() => onBeside(besideId === w.id ? null : w.id)} className={buttonClass}>
                  {besideId === w.id ? `Take “${w.name}” away` : `Put “${w.name}” beside the shared model`}
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
