// Text inputs bound to a shared document field. When someone else's edit changes the
// field you are typing in, React would put your caret at the end; these keep it (and
// any selection) where it was relative to the text around it (domain/text-span.ts).
import { useLayoutEffect, useRef, type InputHTMLAttributes, type TextareaHTMLAttributes } from "react";
import { transformCaret } from "~/domain/text-span";

type Field = HTMLInputElement | HTMLTextAreaElement;

/** Keeps the caret of a focused field in place across remote changes to `value`. */
function useStableCaret<T extends Field>(value: string) {
  const ref = useRef<T>(null);
  // The value and selection the field had when the user last saw it.
  const last = useRef({ value, start: 0, end: 0 });
  useLayoutEffect(() => {
    const el = ref.current;
    const seen = last.current;
    if (el && seen.value !== value && el === el.ownerDocument.activeElement) {
      const start = transformCaret(seen.value, value, seen.start);
      const end = transformCaret(seen.value, value, seen.end);
      el.setSelectionRange(start, end, el.selectionDirection ?? undefined);
    }
    last.current = { value, start: el?.selectionStart ?? 0, end: el?.selectionEnd ?? 0 };
  }, [value]);
  const remember = (el: Field) => {
    last.current = { value: el.value, start: el.selectionStart ?? 0, end: el.selectionEnd ?? 0 };
  };
  return { ref, remember };
}

type Common = { value: string; onValueChange: (value: string) => void };

export function SharedInput({ value, onValueChange, ...rest }: Common & Omit<InputHTMLAttributes<HTMLInputElement>, "value" | "onChange">) {
  const { ref, remember } = useStableCaret<HTMLInputElement>(value);
  return (
    <input
      {...rest}
      ref={ref}
      value={value}
      onSelect={(e) => remember(e.currentTarget)}
      onChange={(e) => {
        remember(e.currentTarget);
        onValueChange(e.currentTarget.value);
      }}
    />
  );
}

export function SharedTextarea({ value, onValueChange, ...rest }: Common & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "value" | "onChange">) {
  const { ref, remember } = useStableCaret<HTMLTextAreaElement>(value);
  return (
    <textarea
      {...rest}
      ref={ref}
      value={value}
      onSelect={(e) => remember(e.currentTarget)}
      onChange={(e) => {
        remember(e.currentTarget);
        onValueChange(e.currentTarget.value);
      }}
    />
  );
}
