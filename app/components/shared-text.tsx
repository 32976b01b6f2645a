// Text inputs bound to a shared document field. When someone else's edit changes the
// field you are typing in, React would put your caret at the end; these keep it (and
// any selection) where it was relative to the text around it (domain/text-span.ts).
import { useLayoutEffect, useRef, type InputHTMLAttributes, type TextareaHTMLAttributes } from "react";
import { transformCaret } from "~/domain/text-span";

type Field = HTMLInputElement | HTMLTextAreaElement;
type Selection = { before: string; start: number; end: number; direction: Field["selectionDirection"] };

/** Keeps the caret of a focused field in place across remote changes to `value`. */
function useStableCaret<T extends Field>(value: string) {
  const ref = useRef<T>(null);
  const pending = useRef<Selection | null>(null);
  // Read before React writes the new value into the field (the render phase is the
  // last moment the old selection exists; hooks have no getSnapshotBeforeUpdate). A
  // local keystroke has already put `value` in the field, so only remote changes count.
  const el = ref.current;
  if (el && el.value !== value && el === el.ownerDocument.activeElement) {
    pending.current = { before: el.value, start: el.selectionStart ?? 0, end: el.selectionEnd ?? 0, direction: el.selectionDirection };
  }
  useLayoutEffect(() => {
    const field = ref.current;
    const seen = pending.current;
    pending.current = null;
    if (!field || !seen || field.value !== value) return;
    field.setSelectionRange(transformCaret(seen.before, value, seen.start), transformCaret(seen.before, value, seen.end), seen.direction ?? undefined);
  }, [value]);
  return ref;
}

type Common = { value: string; onValueChange: (value: string) => void };

export function SharedInput({ value, onValueChange, ...rest }: Common & Omit<InputHTMLAttributes<HTMLInputElement>, "value" | "onChange">) {
  const ref = useStableCaret<HTMLInputElement>(value);
  return <input {...rest} ref={ref} value={value} onChange={(e) => onValueChange(e.currentTarget.value)} />;
}

export function SharedTextarea({ value, onValueChange, ...rest }: Common & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "value" | "onChange">) {
  const ref = useStableCaret<HTMLTextAreaElement>(value);
  return <textarea {...rest} ref={ref} value={value} onChange={(e) => onValueChange(e.currentTarget.value)} />;
}
