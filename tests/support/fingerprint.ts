// Everything a test server's database holds, as one comparable value: to prove a
// request changed nothing at all. Sessions are left out (signing in makes them), and
// so is when an API token was last used.
import Database from "better-sqlite3";
import pg from "pg";
import type { TestDatabase } from "./database";

const IGNORED_TABLES = new Set(["Session", "_prisma_migrations", "_oc_migrations"]);
const IGNORED_COLUMNS = new Set(["lastUsedAt"]);

const canonical = (row: Record<string, unknown>) =>
  JSON.stringify(Object.entries(row).filter(([k]) => !IGNORED_COLUMNS.has(k)).sort(([a], [b]) => (a < b ? -1 : 1)), (_k, v: unknown) => (typeof v === "bigint" ? String(v) : v instanceof Date ? v.toISOString() : v));

/** Every table's rows, each table's sorted, as one string. */
export async function fingerprint(database: TestDatabase): Promise<string> {
  const tables: Record<string, string[]> = {};
  if (database.kind === "sqlite") {
    const db = new Database(database.url.replace(/^file:/, ""), { readonly: true, fileMustExist: true });
    try {
      const names = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[];
      for (const { name } of names) if (!IGNORED_TABLES.has(name)) tables[name] = (db.prepare(`SELECT * FROM "${name}"`).all() as Record<string, unknown>[]).map(canonical).sort();
    } finally {
      db.close();
    }
  } else {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const names = (await client.query<{ tablename: string }>("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")).rows;
      for (const { tablename } of names) if (!IGNORED_TABLES.has(tablename)) tables[tablename] = (await client.query(`SELECT * FROM "${tablename}"`)).rows.map(canonical).sort();
    } finally {
      await client.end();
    }
  }
  return JSON.stringify(Object.entries(tables).sort(([a], [b]) => (a < b ? -1 : 1)));
}
