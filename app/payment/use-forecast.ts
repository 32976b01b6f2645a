// Forecasts recomputed in a Web Worker whenever the model or scenarios change
// (shortly after, so typing does not queue runs). One worker lives as long as the
// page: its module is loaded once, so it keeps working offline (a new worker would
// have to fetch its script). While it is busy, only the newest request waits; the
// running one finishes (a page recompute takes a few hundred milliseconds) and its
// result is shown only if nothing newer was asked for.
import { useEffect, useRef, useState } from "react";
import type { Forecast, ForecastInput } from "~/domain/payment/forecast";

export type ForecastState = { result: Forecast | null; progress: number; running: boolean; error: string | null };
type Reply = { id: number; progress?: { done: number; total: number }; result?: Forecast; error?: string };
type Slot = { w: Worker; busy: boolean; next: { id: number; input: ForecastInput } | null };

export function useForecast(input: ForecastInput | null, delayMs = 150): ForecastState {
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
      if (current.busy) current.next = { id, input: request };
      else send(current, id, request);
    }, delayMs);
    return () => clearTimeout(timer);

    function send(s: Slot, id: number, request: ForecastInput) {
      s.busy = true;
      s.w.postMessage({ id, input: request });
    }

    function start(): Slot {
      const w = new Worker(new URL("./forecast.worker.ts", import.meta.url), { type: "module" });
      const s: Slot = { w, busy: false, next: null };
      const done = () => {
        s.busy = false;
        const next = s.next;
        s.next = null;
        if (next) send(s, next.id, next.input);
      };
      w.onmessage = (event: MessageEvent<Reply>) => {
        const { id, progress, result, error } = event.data;
        if (result || error) done();
        if (id !== lastId.current) return;
        if (progress) setState((st) => ({ ...st, progress: progress.done / progress.total }));
        if (result) setState({ result, progress: 1, running: false, error: null });
        if (error) setState((st) => ({ ...st, running: false, error }));
      };
      // The worker's script could not be loaded (offline before it ever ran): try again next time.
      w.onerror = () => {
        w.terminate();
        if (slot.current === s) slot.current = null;
        setState((st) => ({ ...st, running: false, error: "The forecast could not start. It will be computed when you are back online." }));
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
