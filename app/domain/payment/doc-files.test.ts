import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { evaluateActuals } from "./actuals";
import { paymentDocFiles } from "./doc-files";
import { ActualsInputSchema } from "./model";

describe("published payment formats", () => {
  const files = paymentDocFiles();
  for (const [path, contents] of Object.entries(files)) {
    it(`${path} is up to date (npm run docs:payment)`, () => {
      expect(readFileSync(new URL(`../../../${path}`, import.meta.url), "utf8")).toBe(contents);
    });
  }

  it("the example model and cohort evaluate", () => {
    const input = ActualsInputSchema.parse({ model: JSON.parse(files["docs/examples/pfp-payment-model.json"]!), participants: JSON.parse(files["docs/examples/synthetic-cohort.json"]!), asOf: "2023-12-31" });
    expect(evaluateActuals(input).totals.paidPence).toBeGreaterThan(0);
  });
});
