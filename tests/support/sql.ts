// One SQL statement against a test server's database, SQLite or PostgreSQL: for moving
// a procurement's clock as if weeks had passed (stages that wait for real dates), never
// for checking what the product does.
import Database from "better-sqlite3";
import pg from "pg";
import type { TestDatabase } from "./database";

/** Runs `sql` with `$1, $2, …` parameters on either database. */
export async function execSql(database: TestDatabase, sql: string, params: unknown[] = []): Promise<void> {
  if (database.kind === "sqlite") {
    const db = new Database(database.url.replace(/^file:/, ""), { fileMustExist: true });
    try {
      db.prepare(sql.replace(/\$\d+/g, "?")).run(...params);
    } finally {
      db.close();
    }
    return;
  }
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    await client.query(sql, params);
  } finally {
    await client.end();
  }
}
