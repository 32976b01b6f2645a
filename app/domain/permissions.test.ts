import { describe, expect, it } from "vitest";
import { ACCOUNT_PERMISSIONS, accountCan, accountKindOf, can, PERMISSIONS, ROLE_PERMISSIONS } from "./permissions";
import { ROLES } from "./roles";

describe("permissions table", () => {
  it("gives every role a row and only known permissions", () => {
    expect(Object.keys(ROLE_PERMISSIONS).sort()).toEqual([...ROLES].sort());
    for (const perms of Object.values(ROLE_PERMISSIONS)) for (const p of perms) expect(PERMISSIONS).toContain(p);
  });

  it("lets every member read the workspace and its members", () => {
    for (const role of ROLES) {
      expect(can(role, "read:workspace")).toBe(true);
      expect(can(role, "read:members")).toBe(true);
    }
  });

  it("lets only facilitators and commissioners manage members, invite, or see emails", () => {
    const managers = ROLES.filter((r) => can(r, "manage:members"));
    expect(managers.sort()).toEqual(["commissioner", "facilitator"]);
    for (const p of ["create:invitations", "read:member-emails", "read:invitations", "update:workspace"] as const) {
      expect(ROLES.filter((r) => can(r, p)).sort()).toEqual(["commissioner", "facilitator"]);
    }
  });

  it("never lets observers change anything; service users only add to the board, comment and rate outcomes (anonymously)", () => {
    expect(ROLE_PERMISSIONS.observer.filter((p) => !p.startsWith("read:"))).toEqual([]);
    expect(ROLE_PERMISSIONS["service-user"].filter((p) => !p.startsWith("read:")).sort()).toEqual(["comment:co-design", "rate:outcomes", "write:board"]);
  });

  it("keeps the shared payment model to facilitators and commissioners", () => {
    expect(ROLES.filter((r) => can(r, "write:payment")).sort()).toEqual(["commissioner", "facilitator"]);
  });
});

describe("account permissions", () => {
  it("a service-user account creates nothing of its own (no workspace, so never its commissioner; no API token)", () => {
    expect(accountKindOf(["provider", "service-user"])).toBe("service-user");
    expect(accountKindOf(["commissioner"])).toBe("person");
    expect(accountKindOf([])).toBe("person");
    for (const p of ACCOUNT_PERMISSIONS) {
      expect(accountCan("service-user", p)).toBe(false);
      expect(accountCan("person", p)).toBe(true);
    }
  });
});
