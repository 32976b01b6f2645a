import { describe, expect, it } from "vitest";
import { findPersonalData } from "./personal-data";

describe("findPersonalData", () => {
  it.each([
    ["email", "Email the family at sam.r@example.org"],
    ["phone", "Mum's mobile is 07700 900123"],
    ["phone", "Call +44 20 7946 0958"],
    ["postcode", "Lives near SM1 4AA"],
    ["date", "Born 12/03/2009"],
    ["date", "DOB 3 March 2009"],
    ["name", "The boy, called Jordan, goes missing"],
    ["name", "Allocated to Mrs Okafor"],
    ["name", "Often stays with Aisha Khan after school"],
  ])("flags %s in %j", (kind, text) => {
    const message = findPersonalData(text);
    expect(message).not.toBeNull();
    expect(message!.toLowerCase()).toContain(kind === "name" ? "name" : kind === "date" ? "date" : kind);
  });

  it.each([
    "Fourteen, goes missing at weekends; mum struggles to set boundaries.",
    "Two exclusions from school this term. Under the Youth Offending Team.",
    "Referred by Children's Social Care after a Child Protection Plan ended.",
    "Aged 15, in Year 10, uses cannabis most days.",
    "Lives with Gran since March.",
  ])("lets anonymised text through: %j", (text) => {
    expect(findPersonalData(text)).toBeNull();
  });
});
