// Runs forecasts off the page's main thread (a page-sized one takes about a quarter of a
// second, so it reports no progress: each report would redraw the page).
// Every 50 runs it lets newer requests in: a request made stale by a newer one (the
// next keystroke, someone else's edit) is dropped there, so the newest starts at once.
import { forecastSteps, type ForecastInput, type ScenarioForecast } from "~/domain/payment/forecast";

type Request = { id: number; input: ForecastInput };
let newest = 0;
// A message to itself rather than setTimeout, which browsers slow to 4 ms once nested.
const channel = new MessageChannel();
const waiting: (() => void)[] = [];
channel.port1.onmessage = () => waiting.shift()?.();
const yieldToMessages = () =>
  new Promise<void>((resolve) => {
    waiting.push(resolve);
    channel.port2.postMessage(null);
  });

self.onmessage = async (event: MessageEvent<Request>) => {
  const { id, input } = event.data;
  newest = id;
  try {
    const scenarios: ScenarioForecast[] = [];
    for (let si = 0; si < input.scenarios.length; si++) {
      const steps = forecastSteps(input, si);
      for (let step = steps.next(); ; step = steps.next()) {
        await yieldToMessages();
        if (newest !== id) return self.postMessage({ id, dropped: true });
        if (step.done) {
          scenarios.push(step.value);
          break;
        }
      }
    }
    self.postMessage({ id, result: { seed: input.seed, runs: input.runs, scenarios } });
  } catch (error) {
    self.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
};
