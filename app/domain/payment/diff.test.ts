import { describe, expect, it } from "vitest";
import { PFP_PAYMENT_MODEL } from "../examples/pfp-payment";
import { diffPaymentModels, paymentChanges } from "./diff";

describe("diffPaymentModels", () => {
  it("says what changed in the model's own terms", () => {
    const after = structuredClone(PFP_PAYMENT_MODEL);
    (after.components[0] as { tariffPence: number }).tariffPence = 24_000;
    after.coFunder!.topUpBps = 2000;
    after.caps.totalFromSuccessRate!.successRateBps = 8000;
    after.invoicing.lagWeeks = 4;
    expect(diffPaymentModels(PFP_PAYMENT_MODEL, after)).toEqual([
      "Tariff of 'Seven consecutive days not in care' changed from £225.00 to £240.00.",
      "Success-rate cap changed from 75% of the first 384 cases to 80% of the first 384 cases.",
      "Co-funder's share changed from 18.5% to 20%.",
      "Default invoicing changed from monthly, 6 weeks after each month ends to monthly, 4 weeks after each month ends.",
    ]);
    expect(paymentChanges(PFP_PAYMENT_MODEL, after)[0]).toMatchObject({ verb: "changed the tariff of", label: "'Seven consecutive days not in care'" });
    expect(diffPaymentModels(PFP_PAYMENT_MODEL, structuredClone(PFP_PAYMENT_MODEL))).toEqual([]);
  });
});

describe("the cap's basis", () => {
  it("says in words what the total cap now limits", () => {
    const after = { ...PFP_PAYMENT_MODEL, caps: { ...PFP_PAYMENT_MODEL.caps, basis: "all-outcome-payments" as const } };
    expect(diffPaymentModels(PFP_PAYMENT_MODEL, after)).toEqual([
      "What the total cap limits changed from what the commissioners pay (the co-funder's top-up on top) to all outcome payments (the co-funder's top-up included).",
    ]);
  });
});

describe("invoicing schedules", () => {
  it("says whose schedule changed, and to what", () => {
    const after = structuredClone(PFP_PAYMENT_MODEL);
    after.invoicing.coFunder = null;
    after.invoicing.byPayer.sutton = { frequency: "quarterly", lagWeeks: 4 };
    expect(diffPaymentModels(PFP_PAYMENT_MODEL, after)).toEqual([
      "Co-funder's claims changed from quarterly, 6 weeks after each quarter ends to as the default.",
      "Invoicing of London Borough of Sutton changed from as the default to quarterly, 4 weeks after each quarter ends.",
    ]);
  });
});
