import { describe, expect, it } from "vitest";
import { parseCsv } from "./csv";
import { PFP_COMMITMENTS, PFP_CRITERIA, PFP_FRAMEWORK, PFP_PATHWAY, PFP_VIGNETTES } from "./examples/pfp";
import { frameworkCsv, referralCsv } from "./exports";

describe("exports", () => {
  it("writes the PFP framework as CSV a spreadsheet opens: goal, header, outcomes and their indicators", () => {
    const rows = parseCsv(frameworkCsv(PFP_FRAMEWORK));
    expect(rows[0]).toEqual(["Goal", PFP_FRAMEWORK.goal]);
    expect(rows[1]![0]).toBe("Outcome");
    expect(rows.filter((r) => r[0] === "Stays out of care")).toHaveLength(3); // the outcome and its two indicators
    expect(rows.find((r) => r[0] === "Stays out of care" && r[1] === "")![10]).toBe("yes");
  });

  it("writes the PFP referral criteria in the referral form's words", () => {
    const rows = parseCsv(referralCsv({ criteria: PFP_CRITERIA, pathway: PFP_PATHWAY, commitments: PFP_COMMITMENTS, vignettes: PFP_VIGNETTES }));
    expect(rows).toContainEqual(["Inclusion", "Aged 11 to 16", "Aged 11 to 16 (10 and 17 by exception)."]);
    expect(rows.filter((r) => r[0] === "Exclusion")).toHaveLength(5);
    expect(rows.filter((r) => r[0] === "Partner commitment")).toHaveLength(5);
    // Anonymised test cases are working material, not part of the export.
    expect(rows.flat().join(" ")).not.toContain("Repeated missing episodes");
  });
});
