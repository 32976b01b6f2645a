// A fresh, empty database per test server: a temporary SQLite file by default, or a
// new PostgreSQL database when DATABASE_URL points at PostgreSQL (the CI's second pass).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";

export type TestDatabase = { url: string; kind: "sqlite" | "postgres"; drop: () => Promise<void> };

export async function freshDatabase(): Promise<TestDatabase> {
  const base = process.env.DATABASE_URL;
  if (base && /^postgres(ql)?:\/\//.test(base)) {
    const name = `oc_test_${process.pid}_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const url = new URL(base);
    url.pathname = `/${name}`;
    return {
      url: url.toString(),
      kind: "postgres",
      drop: async () => {
        const c = new pg.Client({ connectionString: base });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await c.end();
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), "oc-test-"));
  return { url: `file:${join(dir, "test.db")}`, kind: "sqlite", drop: async () => rmSync(dir, { recursive: true, force: true }) };
}
