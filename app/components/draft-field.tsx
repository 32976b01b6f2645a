// A field that keeps what is typed and commits it only when it reads as a valid value
// (so a half-typed amount shows its error and never reaches anyone else), and the
// parsers for the payment editors' fields: pounds, percentages, whole numbers, dates.
import { useEffect, useId, useRef, useState } from "react";
import { IsoDateSchema } from "~/domain/payment/dates";
import { EventKeySchema } from "~/domain/payment/model";
import { parsePounds } from "~/domain/payment/money";

export const inputClass = "mt-1 block w-full rounded border border-slate-500 bg-white px-3 py-2";
export const buttonClass = "inline-flex min-h-11 items-center rounded border border-slate-600 bg-white px-3 disabled:opacity-60";

export type Parse<T> = (text: string) => { ok: true; value: T } | { ok: false; error: string };

export const money: Parse<number> = (t) => {
  const v = parsePounds(t);
  return v === null ? { ok: false, error: "Enter an amount in pounds, e.g. 225 or 240.50." } : { ok: true, value: v };
};
export const optionalMoney: Parse<number | null> = (t) => (t.trim() === "" ? { ok: true, value: null } : money(t));
export const whole = (min: number, max: number): Parse<number> => (t) => {
  const n = Number(t.trim());
  return t.trim() !== "" && Number.isInteger(n) && n >= min && n <= max ? { ok: true, value: n } : { ok: false, error: `Enter a whole number from ${min} to ${max}.` };
};
export const percent: Parse<number> = (t) => {
  const m = /^(\d{1,3})(?:\.(\d{1,2}))?%?$/.exec(t.trim());
  const bps = m ? Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0")) : NaN;
  return m && bps <= 10_000 ? { ok: true, value: bps } : { ok: false, error: "Enter a percentage from 0 to 100, e.g. 18.5." };
};
export const percentText = (bps: number) => String(bps / 100);
export const text = (max: number): Parse<string> => (t) => (t.trim() && t.trim().length <= max ? { ok: true, value: t.trim() } : { ok: false, error: `Enter 1 to ${max} characters.` });
export const eventKey: Parse<string> = (t) => (EventKeySchema.safeParse(t.trim()).success ? { ok: true, value: t.trim() } : { ok: false, error: "Use lower-case words joined by -, e.g. plan-agreed." });
export const isoDate: Parse<string> = (t) => (IsoDateSchema.safeParse(t.trim()).success ? { ok: true, value: t.trim() } : { ok: false, error: "Enter a date as YYYY-MM-DD, e.g. 2018-02-01." });

/** A field that keeps its text while typed, and commits when it reads as valid. */
export function DraftField<T>({ label, hint, value, format, parse, commit, disabled }: { label: string; hint?: string; value: T; format: (v: T) => string; parse: Parse<T>; commit: (v: T) => string | null; disabled: boolean }) {
  const id = useId();
  const [text, setText] = useState(format(value));
  const [error, setError] = useState<string | null>(null);
  const focused = useRef(false);
  const shown = format(value);
  // Someone else's change shows at once unless this field is being edited.
  useEffect(() => {
    if (!focused.current) {
      setText(shown);
      setError(null);
    }
  }, [shown]);
  const described = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div>
      <label htmlFor={id} className="block font-medium">{label}</label>
      {hint ? <p id={`${id}-hint`} className="text-sm text-slate-700">{hint}</p> : null}
      <input
        id={id}
        value={text}
        disabled={disabled}
        inputMode="decimal"
        aria-invalid={error ? true : undefined}
        aria-describedby={described}
        onFocus={() => (focused.current = true)}
        onBlur={() => {
          focused.current = false;
          if (!error) setText(shown);
        }}
        onChange={(e) => {
          setText(e.target.value);
          const parsed = parse(e.target.value);
          setError(parsed.ok ? commit(parsed.value) : parsed.error);
        }}
        className={inputClass}
      />
      {error ? <p id={`${id}-error`} className="mt-1 text-sm font-medium text-red-800">{error}</p> : null}
    </div>
  );
}

