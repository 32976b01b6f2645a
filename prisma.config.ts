// Prisma CLI config for the embedded SQLite database. The JS schema engine and a
// driver adapter keep the CLI from downloading native engines (see
// docs/decisions/0002-database.md). The PostgreSQL twin is prisma/postgres.config.ts.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { defineConfig } from "prisma/config";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  async adapter() {
    return new PrismaBetterSQLite3({ url: process.env.DATABASE_URL ?? "file:./data/outcome-commons.db" });
  },
});
