// Forecasts recomputed in a Web Worker whenever the model or scenarios change. One
// worker lives as long as the page: its module is loaded once, so it keeps working
// offline (a new worker would have to fetch its script). Every request goes to it at
// once; it drops a request made stale by a newer one within 50 runs, so the
// newest edit's figures come first, and only the newest request's result is shown. If the worker cannot start at
// all (the network went before its script arrived), the page computes on its own
// thread, so the figures follow the edits offline too.
import { useEffect, useRef, useState } from "react";
import { forecast, type Forecast, type ForecastInput } from "~/domain/payment/forecast";

export type ForecastState = { result: Forecast | null; progress: number; running: boolean; error: string | null };
type Reply = { id: number; progress?: { done: number; total: number }; result?: Forecast; error?: string; dropped?: true };
type Job = { id: number; input: ForecastInput };
type Slot = { w: Worker; running: Job | null };

/** `delayMs`: how long after a change to ask, so one burst of re-renders makes one request. */
export function useForecast(input: ForecastInput | null, delayMs = 20): ForecastState {
  const [state, setState] = useState<ForecastState>({ result: null, progress: 0, running: false, error: null });
  const slot = useRef<Slot | null>(null);
  const lastId = useRef(0);
  const key = input ? JSON.stringify(input) : null;

  useEffect(() => {
    if (!key) return;
    const request = JSON.parse(key) as ForecastInput;
    const timer = setTimeout(() => {
      const id = ++lastId.current;
      setState((s) => ({ ...s, running: true, progress: 0, error: null }));
      const current = (slot.current ??= start());
      current.running = { id, input: request };
      current.w.postMessage({ id, input: request });
    }, delayMs);
    return () => clearTimeout(timer);

    /** Without a worker: the newest job, on this thread (a page-sized forecast takes a few hundred ms). */
    function computeHere(job: Job) {
      setTimeout(() => {
        if (job.id !== lastId.current) return;
        try {
          setState({ result: forecast(job.input), progress: 1, running: false, error: null });
        } catch (error) {
          setState((st) => ({ ...st, running: false, error: error instanceof Error ? error.message : String(error) }));
        }
      }, 0);
    }

    function start(): Slot {
      const w = new Worker(new URL("./forecast.worker.ts", import.meta.url), { type: "module" });
      const s: Slot = { w, running: null };
      w.onmessage = (event: MessageEvent<Reply>) => {
        const { id, progress, result, error } = event.data;
        if ((result || error) && s.running?.id === id) s.running = null;
        if (id !== lastId.current) return;
        if (progress) setState((st) => ({ ...st, progress: progress.done / progress.total }));
        if (result) setState({ result, progress: 1, running: false, error: null });
        if (error) setState((st) => ({ ...st, running: false, error }));
      };
      // The worker's script could not be loaded (offline before it ever ran): compute here,
      // and try a worker again next time.
      w.onerror = (event) => {
        event.preventDefault();
        w.terminate();
        if (slot.current === s) slot.current = null;
        const job = s.running;
        s.running = null;
        if (job) computeHere(job);
      };
      return s;
    }
  }, [key, delayMs]);

  useEffect(
    () => () => {
      slot.current?.w.terminate();
      slot.current = null;
    },
    [],
  );
  return state;
}
