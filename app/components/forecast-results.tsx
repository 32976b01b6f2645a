// Every view of the forecast, in reading order: what is missing, what the commissioners
// pay (chart, table, over time, by payer), the investors and the provider, the costs
// avoided and the options appraisal. Redrawn only when the figures change, not on every
// keystroke in the room (a redraw of all of it is the page's costliest work).
import { memo } from "react";
import type { Forecast } from "~/domain/payment/forecast";
import { CommissionerPaymentsChart, CostChart, InvestorCashChart, type CapLine } from "./payment-charts";
import { Appraisal } from "./payment-results";
import { CostsAvoidedTable, ForecastByPayer, ForecastGaps, ForecastTable, InvestorTable, ProviderTable } from "./payment-tables";

type Props = { figures: Forecast; cap: CapLine | null; payerNames: Record<string, string> };

export const ForecastResults = memo(function ForecastResults({ figures, cap, payerNames }: Props) {
  return (
    <>
      <ForecastGaps forecast={figures} />
      <CostChart forecast={figures} cap={cap} />
      <ForecastTable forecast={figures} />
      <CommissionerPaymentsChart forecast={figures} cap={cap} />
      <ForecastByPayer forecast={figures} payerNames={payerNames} />
      <h4 className="mt-4 font-semibold">The investors and the provider</h4>
      <InvestorTable forecast={figures} />
      <InvestorCashChart forecast={figures} />
      <ProviderTable forecast={figures} />
      <h4 className="mt-4 font-semibold">Costs avoided</h4>
      <CostsAvoidedTable forecast={figures} />
      <h4 className="mt-4 font-semibold">Options appraisal</h4>
      <Appraisal forecast={figures} />
    </>
  );
});
