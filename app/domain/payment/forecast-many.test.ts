import { describe, expect, it } from "vitest";
import { PFP_PAYMENT_MODEL, PFP_SCENARIOS } from "../examples/pfp-payment";
import { forecast, forecastMany } from "./forecast";
import type { PaymentModel } from "./model";

const tariff = (model: PaymentModel, tariffPence: number): PaymentModel => ({ ...model, components: model.components.map((c) => (c.kind === "outcome-period" ? { ...c, tariffPence } : c)) as PaymentModel["components"] });
const withFees = (model: PaymentModel, perFamily: number, milestone: number): PaymentModel => ({
  ...model,
  components: [
    ...model.components,
    { kind: "per-participant-fee", id: "fee", name: "Fee per family", amountPence: perFamily, event: "first-meeting" },
    { kind: "milestone", id: "plan", name: "Plan agreed", amountPence: milestone, event: "plan-agreed" },
    { kind: "fixed-fee", id: "mobilisation", name: "Mobilisation", amountPence: 1_000_000, schedule: "quarterly", start: "2018-03-01", end: "2019-03-01" },
  ],
});
const scenarios = PFP_SCENARIOS.map((s) => ({ ...s, events: { ...s.events, "plan-agreed": { daysAfterFirstMeeting: 30, reachedBps: 7_000 } } }));

describe("forecastMany", () => {
  it("prices each model exactly as forecast does, sharing the cohort between models that differ only in amounts", () => {
    const models = [
      PFP_PAYMENT_MODEL,
      tariff(PFP_PAYMENT_MODEL, 20_000),
      tariff(PFP_PAYMENT_MODEL, 25_000),
      withFees(tariff(PFP_PAYMENT_MODEL, 21_000), 300_000, 50_000),
      withFees(tariff(PFP_PAYMENT_MODEL, 24_000), 100_000, 0),
      // Not shareable: fixed cost shares, and a per-participant cap.
      { ...PFP_PAYMENT_MODEL, costSharing: { kind: "fixed-shares", sharesBps: { sutton: 2_000, merton: 2_000, bexley: 2_000, newham: 2_000, "tower-hamlets": 2_000 } } },
      { ...PFP_PAYMENT_MODEL, caps: { ...PFP_PAYMENT_MODEL.caps, perParticipantPence: 2_000_000 } },
    ] as PaymentModel[];
    const many = forecastMany(models, scenarios, 60, 7);
    models.forEach((model, i) => expect(many[i], `model ${i}`).toEqual(forecast({ model, scenarios, runs: 60, seed: 7 })));
    // The tariff moved the price, so the shared cohort really was priced per model.
    expect(many[2]!.scenarios[0]!.commissionerCostPence.p50).toBeGreaterThan(many[1]!.scenarios[0]!.commissionerCostPence.p50);
  });
});
