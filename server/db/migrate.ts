// Applies the committed migration SQL (prisma/migrations/<provider>/NNNN_name) in
// order, once each, recording name and checksum. Our own runner rather than
// `prisma migrate deploy`: the Prisma CLI cannot migrate PostgreSQL here without a
// native engine (docs/decisions/0002-database.md). Safe to run from several
// processes at once: SQLite takes a write lock, PostgreSQL an advisory lock.
import Database from "better-sqlite3";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { databaseKind } from "~/utils/env.server";

const MIGRATIONS_ROOT = join(dirname(fileURLToPath(import.meta.url)), "../../prisma/migrations");
const TABLE = "_oc_migrations";
const PG_LOCK_KEY = 7_304_511; // arbitrary, constant: serialises migrators across processes

type Migration = { name: string; sql: string; checksum: string };

/** The migrations committed for a provider, in order. */
export function readMigrations(kind: "sqlite" | "postgres"): Migration[] {
  const dir = join(MIGRATIONS_ROOT, kind);
  return readdirSync(dir)
    .filter((d) => /^\d{4}_[a-z0-9_]+$/.test(d))
    .sort()
    .map((name) => {
      const sql = readFileSync(join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

function checkApplied(applied: Map<string, string>, migrations: Migration[]) {
  for (const m of migrations) {
    const sum = applied.get(m.name);
    if (sum && sum !== m.checksum) {
      throw new Error(`Migration ${m.name} was changed after it was applied. Add a new migration instead of editing an applied one.`);
    }
  }
  const known = new Set(migrations.map((m) => m.name));
  const unknown = [...applied.keys()].filter((n) => !known.has(n));
  if (unknown.length) throw new Error(`The database has migrations this code does not know (${unknown.join(", ")}): is this an older version of the app?`);
}

/** Brings the database at `url` up to date; returns the names it applied. */
export async function migrate(url: string): Promise<string[]> {
  return databaseKind(url) === "postgres" ? migratePostgres(url) : migrateSqlite(url);
}

function migrateSqlite(url: string): string[] {
  const file = url.replace(/^file:/, "");
  if (file !== ":memory:" && !existsSync(dirname(file))) mkdirSync(dirname(file), { recursive: true });
  const sqlite = new Database(file);
  try {
    sqlite.pragma("journal_mode = WAL");
    sqlite.pragma("busy_timeout = 5000");
    sqlite.exec(`CREATE TABLE IF NOT EXISTS "${TABLE}" (name TEXT PRIMARY KEY, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)`);
    const migrations = readMigrations("sqlite");
    const run = sqlite.transaction(() => {
      const rows = sqlite.prepare(`SELECT name, checksum FROM "${TABLE}"`).all() as { name: string; checksum: string }[];
      const applied = new Map(rows.map((r) => [r.name, r.checksum]));
      checkApplied(applied, migrations);
      const done: string[] = [];
      for (const m of migrations.filter((m) => !applied.has(m.name))) {
        sqlite.exec(m.sql);
        sqlite.prepare(`INSERT INTO "${TABLE}" (name, checksum, applied_at) VALUES (?, ?, ?)`).run(m.name, m.checksum, new Date().toISOString());
        done.push(m.name);
      }
      return done;
    });
    return run.immediate();
  } finally {
    sqlite.close();
  }
}

async function migratePostgres(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [PG_LOCK_KEY]);
    await client.query(`CREATE TABLE IF NOT EXISTS "${TABLE}" (name TEXT PRIMARY KEY, checksum TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())`);
    const migrations = readMigrations("postgres");
    const { rows } = await client.query<{ name: string; checksum: string }>(`SELECT name, checksum FROM "${TABLE}"`);
    const applied = new Map(rows.map((r) => [r.name, r.checksum]));
    checkApplied(applied, migrations);
    const done: string[] = [];
    for (const m of migrations.filter((m) => !applied.has(m.name))) {
      await client.query("BEGIN");
      try {
        await client.query(m.sql);
        await client.query(`INSERT INTO "${TABLE}" (name, checksum) VALUES ($1, $2)`, [m.name, m.checksum]);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new Error(`Migration ${m.name} failed: ${error instanceof Error ? error.message : String(error)}`);
      }
      done.push(m.name);
    }
    return done;
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [PG_LOCK_KEY]).catch(() => {});
    await client.end();
  }
}
