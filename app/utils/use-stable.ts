// The same object for the same content: a shared document is read afresh on every
// change anywhere in it, and without this every figure derived from an unchanged part
// would be recomputed and redrawn.
import { useEffect, useRef, useState } from "react";

export function useStable<T>(value: T): T {
  const last = useRef<{ json: string; value: T } | null>(null);
  const json = JSON.stringify(value) ?? "";
  if (!last.current || last.current.json !== json) last.current = { json, value };
  return last.current.value;
}

/** `value` once it has stayed the same for `ms` (at first, at once): for work below the fold that need not follow every keystroke. */
export function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    if (settled === value) return;
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms, settled]);
  return settled;
}
