import { describe, expect, it } from "vitest";
import { fieldErrors, InvitationCreateSchema, LoginSchema, SignupSchema } from "./validation";

const good = { name: " Ada ", email: " Ada@Example.ORG ", password: "0123456789", confirmPassword: "0123456789" };

describe("form schemas", () => {
  it("normalises email to lower case and trims names", () => {
    const r = SignupSchema.parse(good);
    expect(r.email).toBe("ada@example.org");
    expect(r.name).toBe("Ada");
  });

  it("reports each problem against its field", () => {
    const r = SignupSchema.safeParse({ name: "", email: "x", password: "short", confirmPassword: "nope", organisationName: "LB Sutton" });
    expect(r.success).toBe(false);
    const { fieldErrors: e } = fieldErrors(r.error!);
    expect(e.name).toEqual(["Enter your name."]);
    expect(e.email).toEqual(["Enter an email address like name@example.org."]);
    expect(e.password).toEqual(["Password must be at least 10 characters."]);
    expect(e.confirmPassword).toEqual(["The passwords do not match."]);
    expect(e.organisationType).toEqual(["Choose the type of your organisation."]);
  });

  it("keeps only same-site redirect paths; anything else goes to the workspace list", () => {
    const parse = (redirectTo: string | undefined) => LoginSchema.parse({ email: "a@b.org", password: "x", redirectTo }).redirectTo;
    expect(parse("/workspaces/1")).toBe("/workspaces/1");
    for (const bad of ["//evil.example", "/\\evil.example", "https://evil.example", "/\t/evil.example", undefined]) expect(parse(bad)).toBe("/workspaces");
  });

  it("requires a known role for an invitation", () => {
    const r = InvitationCreateSchema.safeParse({ email: "a@b.org", role: "admin" });
    expect(r.success).toBe(false);
    expect(fieldErrors(r.error!).fieldErrors.role?.[0]).toMatch(/^Choose a role: facilitator, commissioner/);
  });
});
