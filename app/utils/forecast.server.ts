// The stored payment model's forecast, computed on the server so the payment page
// shows figures before its own Web Worker has run, and at all without JavaScript.
// It runs in the forecast worker thread (never on the event loop) and is remembered
// per input, so page loads between edits cost nothing. A page waits at most `waitMs`
// (the first load also starts the worker): a busy or slow worker means no figures on
// this load, not a slow page; the result is still remembered for the next.
import { createHash } from "node:crypto";
import type { AppLoadContext } from "@remix-run/node";
import type { Forecast, ForecastInput } from "~/domain/payment/forecast";

const MAX_ENTRIES = 32;
const cache = new Map<string, Promise<Forecast | null>>();

export function storedForecast(context: AppLoadContext, input: ForecastInput, waitMs = 2_000): Promise<Forecast | null> {
  const pending = remembered(context, input);
  if (!pending) return Promise.resolve(null);
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), waitMs)));
  return Promise.race([pending, late]).finally(() => clearTimeout(timer));
}

function remembered(context: AppLoadContext, input: ForecastInput): Promise<Forecast | null> | null {
  if (!context.runForecast) return null;
  const key = createHash("sha256").update(JSON.stringify(input)).digest("base64url");
  const hit = cache.get(key);
  if (hit) {
    // Most recently used last.
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const pending = context.runForecast(input).then((r) => {
    if (!r.ok) cache.delete(key);
    return r.ok ? r.value : null;
  });
  cache.set(key, pending);
  while (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  return pending;
}
