import { describe, expect, it } from "vitest";
import { forecast } from "./forecast";
import { PaymentModelSchema } from "./model";
import { starterPayment, StarterFormSchema } from "./starter";

const form = (payers: string, template = "blank") => StarterFormSchema.safeParse({ payers, template, start: "2027-04-01" });

describe("starting a payment model", () => {
  it("makes a valid blank model whose scenario takes each partner's expected referrals", () => {
    const parsed = form("Kent County Council\n  Medway Council \n\n");
    expect(parsed.success).toBe(true);
    const { model, scenarios } = starterPayment(parsed.data!, [{ name: "kent county council", expectedPerYear: 60 }]);
    expect(PaymentModelSchema.safeParse(model).success).toBe(true);
    expect(model.payers).toEqual([
      { id: "kent-county-council", name: "Kent County Council" },
      { id: "medway-council", name: "Medway Council" },
    ]);
    expect(scenarios[0]!.referralsPerYear).toEqual({ "kent-county-council": 60, "medway-council": 20 });
    // It forecasts at once, so the page has figures to show.
    expect(forecast({ model, scenarios, runs: 5, seed: 1 }).scenarios[0]!.participants.p50).toBeGreaterThan(0);
  });

  it("starts from the PFP mechanism with the workspace's own payers", () => {
    const { model } = starterPayment(form("Sutton\nMerton", "pfp").data!, []);
    expect(model.components[0]).toMatchObject({ id: "out-of-care", tariffPence: 22_500 });
    expect(model.payers.map((p) => p.id)).toEqual(["sutton", "merton"]);
    expect(PaymentModelSchema.safeParse(model).success).toBe(true);
  });

  it("refuses no payers, or the same payer twice, with a message for the field", () => {
    expect(form(" \n ").error!.issues[0]).toMatchObject({ path: ["payers"], message: "Name at least one outcome payer, one per line" });
    expect(form("Kent\nkent").error!.issues[0]).toMatchObject({ path: ["payers"], message: "Each payer once only" });
  });
});
