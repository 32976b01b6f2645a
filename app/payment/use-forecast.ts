// Forecasts recomputed in a Web Worker whenever the model or scenarios change
// (shortly after, so typing does not queue runs). An idle worker is reused (its
// module is already loaded, so a recompute starts at once); a newer request while
// one is running stops the older one by replacing the worker.
import { useEffect, useRef, useState } from "react";
import type { Forecast, ForecastInput } from "~/domain/payment/forecast";

export type ForecastState = { result: Forecast | null; progress: number; running: boolean; error: string | null };
type Reply = { id: number; progress?: { done: number; total: number }; result?: Forecast; error?: string };

export function useForecast(input: ForecastInput | null, delayMs = 150): ForecastState {
  const [state, setState] = useState<ForecastState>({ result: null, progress: 0, running: false, error: null });
  const worker = useRef<{ w: Worker; busy: boolean } | null>(null);
  const lastId = useRef(0);
  const key = input ? JSON.stringify(input) : null;
  useEffect(() => {
    if (!key) return;
    const request = JSON.parse(key) as ForecastInput;
    const timer = setTimeout(() => {
      if (worker.current?.busy) {
        worker.current.w.terminate();
        worker.current = null;
      }
      if (!worker.current) {
        const w = new Worker(new URL("./forecast.worker.ts", import.meta.url), { type: "module" });
        const current = { w, busy: false };
        w.onmessage = (event: MessageEvent<Reply>) => {
          const { id, progress, result, error } = event.data;
          if (id !== lastId.current) return;
          if (progress) setState((s) => ({ ...s, progress: progress.done / progress.total }));
          if (result) {
            current.busy = false;
            setState({ result, progress: 1, running: false, error: null });
          }
          if (error) {
            current.busy = false;
            setState((s) => ({ ...s, running: false, error }));
          }
        };
        worker.current = current;
      }
      worker.current.busy = true;
      const id = ++lastId.current;
      setState((s) => ({ ...s, running: true, progress: 0, error: null }));
      worker.current.w.postMessage({ id, input: request });
    }, delayMs);
    return () => clearTimeout(timer);
  }, [key, delayMs]);
  useEffect(() => () => worker.current?.w.terminate(), []);
  return state;
}
