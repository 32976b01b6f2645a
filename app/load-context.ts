// What server/ passes to every loader and action.
import type { LinesPage, PagedActuals } from "~/domain/payment/actuals";
import type { Forecast, ForecastInput, Scenario } from "~/domain/payment/forecast";
import type { ActualsInput, PaymentModel } from "~/domain/payment/model";

/** Work done off the event loop: the value, or why there is none. */
export type ComputeResult<T> = { ok: true; value: T } | { ok: false; reason: "busy" | "timeout" | "failed" };

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** This response's Content-Security-Policy nonce (server/middleware.ts). */
    cspNonce?: string;
    /** The client's address, for rate limiting only; never logged with identities. */
    clientAddress?: string;
    /** Runs a forecast in a worker thread (server/compute); absent, routes compute in-process. */
    runForecast?: (input: ForecastInput) => Promise<ComputeResult<Forecast>>;
    /** Several payment models (bids) priced on one cohort, in a worker thread. */
    runForecastMany?: (models: PaymentModel[], scenarios: Scenario[], runs: number, seed: number) => Promise<ComputeResult<Forecast[]>>;
    /** Actuals with one page of lines, in a worker thread; absent, routes compute in-process. */
    runActuals?: (input: ActualsInput, page: LinesPage) => Promise<ComputeResult<PagedActuals>>;
  }
}
