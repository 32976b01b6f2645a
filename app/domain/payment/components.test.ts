import { describe, expect, it } from "vitest";
import { PFP_PAYMENT_MODEL } from "../examples/pfp-payment";
import { uniqueId, eventsToTime, newComponent, NewComponentSchema } from "./components";
import { PaymentModelSchema, type PaymentModel } from "./model";

const add = (input: Record<string, string>, model: PaymentModel = PFP_PAYMENT_MODEL) => {
  const parsed = NewComponentSchema.safeParse(input);
  if (!parsed.success) return { errors: Object.fromEntries(parsed.error.issues.map((i) => [i.path.join("."), i.message])) };
  return { component: newComponent(parsed.data, model, "2018-02-01") };
};

describe("adding a payment", () => {
  it("makes a milestone that the whole model accepts, under an id from its name", () => {
    const { component } = add({ kind: "milestone", name: "Family plan agreed", amount: "1,000", event: "plan-agreed" });
    expect(component).toEqual({ kind: "milestone", id: "family-plan-agreed", name: "Family plan agreed", amountPence: 100_000, event: "plan-agreed" });
    expect(PaymentModelSchema.safeParse({ ...PFP_PAYMENT_MODEL, components: [...PFP_PAYMENT_MODEL.components, component] }).success).toBe(true);
  });

  it("gives a fixed fee its schedule and start, and a per-period outcome the usual weekly window", () => {
    expect(add({ kind: "fixed-fee", name: "Service fee", amount: "12500", schedule: "quarterly" }).component).toMatchObject({ kind: "fixed-fee", amountPence: 1_250_000, schedule: "quarterly", start: "2018-02-01" });
    expect(add({ kind: "outcome-period", name: "In school", amount: "50" }).component).toMatchObject({ tariffPence: 5_000, periodDays: 7, counting: "aligned", window: { anchor: "first-meeting", lengthDays: 730 } });
  });

  it("says what is wrong, field by field", () => {
    expect(add({ kind: "milestone", name: " ", amount: "£1,0x0", event: "" }).errors).toEqual({
      name: "Name the payment, e.g. Family plan agreed",
      amount: "Enter an amount in pounds, e.g. 225 or 1,000.50.",
      event: "Say which event it is paid on, e.g. plan-agreed",
    });
    expect(add({ kind: "outcome-event", name: "Back in school", amount: "300", event: "Back In School" }).errors).toEqual({ event: "Use lower-case words joined by -, e.g. plan-agreed" });
  });

  it("never reuses an id", () => {
    expect(uniqueId("Out of care", ["out-of-care", "out-of-care-2"])).toBe("out-of-care-3");
    expect(uniqueId("£££", [])).toBe("payment");
  });

  it("lists the events a scenario has to time, not those every referral reaches", () => {
    const model: PaymentModel = {
      ...PFP_PAYMENT_MODEL,
      components: [
        ...PFP_PAYMENT_MODEL.components,
        { kind: "per-participant-fee", id: "a", name: "Referral fee", amountPence: 1, event: "referral-accepted" },
        { kind: "milestone", id: "b", name: "Plan agreed", amountPence: 1, event: "plan-agreed" },
        { kind: "outcome-event", id: "c", name: "Plan kept", amountPence: 1, tariffPence: 1, event: "plan-agreed" } as never,
      ],
    };
    expect(eventsToTime(model)).toEqual([{ event: "plan-agreed", payments: ["Plan agreed", "Plan kept"] }]);
  });
});
