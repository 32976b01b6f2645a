// Runs forecasts off the page's main thread, reporting progress as it goes.
import { forecast, type ForecastInput } from "~/domain/payment/forecast";

type Request = { id: number; input: ForecastInput };

self.onmessage = (event: MessageEvent<Request>) => {
  const { id, input } = event.data;
  try {
    const result = forecast(input, (done, total) => self.postMessage({ id, progress: { done, total } }));
    self.postMessage({ id, result });
  } catch (error) {
    self.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
};
