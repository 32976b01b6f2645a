// Forecasts recomputed in a Web Worker whenever the model or scenarios change
// (shortly after, so typing does not queue runs); a newer request cancels an older one.
import { useEffect, useRef, useState } from "react";
import type { Forecast, ForecastInput } from "~/domain/payment/forecast";

export type ForecastState = { result: Forecast | null; progress: number; running: boolean; error: string | null };

export function useForecast(input: ForecastInput | null, delayMs = 150): ForecastState {
  const [state, setState] = useState<ForecastState>({ result: null, progress: 0, running: false, error: null });
  const worker = useRef<Worker | null>(null);
  const key = input ? JSON.stringify(input) : null;
  useEffect(() => {
    if (!key) return;
    const request = JSON.parse(key) as ForecastInput;
    const timer = setTimeout(() => {
      worker.current?.terminate();
      const w = new Worker(new URL("./forecast.worker.ts", import.meta.url), { type: "module" });
      worker.current = w;
      setState((s) => ({ ...s, running: true, progress: 0, error: null }));
      w.onmessage = (event: MessageEvent<{ progress?: { done: number; total: number }; result?: Forecast; error?: string }>) => {
        const { progress, result, error } = event.data;
        if (progress) setState((s) => ({ ...s, progress: progress.done / progress.total }));
        if (result) setState({ result, progress: 1, running: false, error: null });
        if (error) setState((s) => ({ ...s, running: false, error }));
      };
      w.postMessage({ id: 1, input: request });
    }, delayMs);
    return () => clearTimeout(timer);
  }, [key, delayMs]);
  useEffect(() => () => worker.current?.terminate(), []);
  return state;
}
