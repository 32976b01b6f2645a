// The schema comes up by itself on an empty database (SQLite or PostgreSQL), once,
// even with several processes starting together; /healthz tells when the database goes.
import { describe, expect, it } from "vitest";
import { migrate, readMigrations } from "../../server/db/migrate";
import { freshDatabase } from "../support/database";
import { startServer } from "../support/server";

describe("migrations", () => {
  it("apply every committed migration to an empty database, then nothing the second time", async () => {
    const db = await freshDatabase();
    try {
      const names = readMigrations(db.kind).map((m) => m.name);
      expect(names.length).toBeGreaterThan(0);
      expect(await migrate(db.url)).toEqual(names);
      expect(await migrate(db.url)).toEqual([]);
    } finally {
      await db.drop();
    }
  });

  it("are applied exactly once when several migrators start at the same time", async () => {
    const db = await freshDatabase();
    try {
      const results = await Promise.all([migrate(db.url), migrate(db.url), migrate(db.url)]);
      expect(results.flat()).toEqual(readMigrations(db.kind).map((m) => m.name));
    } finally {
      await db.drop();
    }
  });

  it("the same migrations exist for both databases", () => {
    expect(readMigrations("postgres").map((m) => m.name)).toEqual(readMigrations("sqlite").map((m) => m.name));
  });
});

describe("/healthz", () => {
  it.runIf(process.env.DATABASE_URL?.startsWith("postgres"))("answers 503 with a reason when the database is gone", async () => {
    const server = await startServer({ SEED_DEMO: "false" });
    try {
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
      const pg = (await import("pg")).default;
      const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await admin.connect();
      await admin.query(`DROP DATABASE "${new URL(server.db.url).pathname.slice(1)}" WITH (FORCE)`);
      await admin.end();
      const res = await fetch(`${server.url}/healthz`);
      expect(res.status).toBe(503);
      const body = (await res.json()) as { ok: boolean; db: string; reason: string };
      expect(body).toMatchObject({ ok: false, db: "postgres" });
      expect(body.reason).toMatch(/^database unreachable: /);
    } finally {
      await server.stop();
    }
  });
});
