// A callback whose identity never changes but which always runs the latest `fn`, so a
// memoised child is not redrawn just because its parent made a new closure.
import { useCallback, useRef } from "react";

export function useStableCallback<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  const latest = useRef(fn);
  latest.current = fn;
  return useCallback((...args: A) => latest.current(...args), []);
}
