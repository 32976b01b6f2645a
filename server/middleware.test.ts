import { describe, expect, it } from "vitest";
import { redactPath } from "./middleware";

describe("redactPath", () => {
  it("hides invitation secrets and leaves other paths alone", () => {
    expect(redactPath("/invitations/abcDEF123")).toBe("/invitations/[redacted]");
    expect(redactPath("/workspaces/abc/members")).toBe("/workspaces/abc/members");
  });
});
