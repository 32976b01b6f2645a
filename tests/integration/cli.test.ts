// The admin CLI against a real database: what operators script with.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { admin } from "../support/client";
import { freshDatabase, type TestDatabase } from "../support/database";

let db: TestDatabase;
let env: Record<string, string>;
beforeAll(async () => {
  db = await freshDatabase();
  env = { DATABASE_URL: db.url, SESSION_SECRET: "cli-test-secret-cli-test-secret-000000" };
});
afterAll(async () => db?.drop());

describe("admin CLI", () => {
  it("prints usage and exits 2 for unknown commands, unknown flags and bad values", async () => {
    const none = await admin(env, []);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("Usage: npm run admin");
    expect((await admin(env, ["frobnicate"])).code).toBe(2);
    const flag = await admin(env, ["user:create", "--bogus", "x"]);
    expect(flag.code).toBe(2);
    const bad = await admin(env, ["user:create", "--email", "nope", "--password", "short", "--name", "X"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--email: Enter an email address like name@example.org.");
    expect(bad.stderr).toContain("--password: Password must be at least 10 characters.");
  });

  it("creates users, a workspace, members and a token, saying what it did", async () => {
    const u = await admin(env, ["user:create", "--email", "Ada@Sutton.example", "--password", "long-enough-pw", "--name", "Ada Lovelace", "--org", "London Borough of Sutton", "--org-type", "local-authority"]);
    expect(u.code).toBe(0);
    expect(u.stdout).toMatch(/created user ada@sutton\.example .* in London Borough of Sutton/);
    expect((await admin(env, ["user:create", "--email", "bo@provider.example", "--password", "long-enough-pw", "--name", "Bo"])).code).toBe(0);
    const dup = await admin(env, ["user:create", "--email", "ada@sutton.example", "--password", "long-enough-pw", "--name", "Ada"]);
    expect(dup.code).toBe(1);
    expect(dup.stderr).toContain("already exists");

    const w = await admin(env, ["workspace:create", "--name", "Sutton Edge of Care", "--owner", "ada@sutton.example"]);
    expect(w.code).toBe(0);
    const id = w.stdout.trim();
    expect(id).toMatch(/^\w{10,}$/);
    expect((await admin(env, ["workspace:create", "--name", "X", "--owner", "ghost@example.org"])).code).toBe(2);

    const add = await admin(env, ["member:add", "--workspace", id, "--email", "bo@provider.example", "--role", "provider"]);
    expect(add.stdout).toContain("added bo@provider.example as provider");
    const change = await admin(env, ["member:add", "--workspace", id, "--email", "bo@provider.example", "--role", "investor"]);
    expect(change.stdout).toContain("changed bo@provider.example from provider to investor");
    const badRole = await admin(env, ["member:add", "--workspace", id, "--email", "bo@provider.example", "--role", "king"]);
    expect(badRole.code).toBe(2);
    expect(badRole.stderr).toContain("--role: Choose a role");

    const t = await admin(env, ["token:create", "--email", "ada@sutton.example"]);
    expect(t.code).toBe(0);
    expect(t.stdout.trim()).toMatch(/^oc_pat_[\w-]{40,}$/);

    const dir = mkdtempSync(join(tmpdir(), "oc-csv-"));
    const file = join(dir, "invites.csv");
    writeFileSync(
      file,
      [
        "name,email,organisation,role",
        '"Okafor, Chi",chi@family-action.example,Family Action,provider',
        "Dee,not-an-email,Somewhere,provider",
        "Eve,eve@bridges.example,Bridges Outcomes Partnerships,banker",
        "Bo,bo@provider.example,,observer",
        "Chi again,CHI@family-action.example,Family Action,provider",
        "Fay,fay@ecorys.example,Ecorys UK,evaluator",
      ].join("\n"),
    );
    const csv = await admin(env, ["invite:csv", "--workspace", id, "--file", file, "--base-url", "https://oc.example"]);
    expect(csv.code).toBe(1); // some rows refused
    const lines = csv.stdout.trim().split("\n");
    expect(lines[0]).toMatch(/^row 2: invited chi@family-action\.example as provider: https:\/\/oc\.example\/invitations\//);
    expect(lines[1]).toMatch(/^row 3: refused: email: Enter an email address/);
    expect(lines[2]).toMatch(/^row 4: refused: role: Choose a role/);
    expect(lines[3]).toMatch(/^row 5: refused: bo@provider\.example: This person is already a member/);
    expect(lines[4]).toMatch(/^row 6: refused: chi@family-action\.example appears earlier in the file/);
    expect(lines[5]).toMatch(/^row 7: invited fay@ecorys\.example as evaluator/);
    expect(lines[6]).toBe("2 invited, 4 refused");
  });

  it("demo:seed is idempotent", async () => {
    const first = await admin(env, ["demo:seed"]);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain("seeded demo workspace");
    const second = await admin(env, ["demo:seed"]);
    expect(second.stdout).toContain("already present; nothing changed");
  });
});
