// Derives the PostgreSQL schema from the canonical SQLite one, then generates
// both Prisma clients. Runs on `npm install` (postinstall).
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { postgresSchema } from "./postgres-schema.mjs";

mkdirSync("prisma/postgres", { recursive: true });
writeFileSync("prisma/postgres/schema.prisma", postgresSchema(readFileSync("prisma/schema.prisma", "utf8")));

for (const [config, url] of [
  ["prisma.config.ts", "file:./data/unused.db"],
  ["prisma/postgres.config.ts", "postgresql://unused@localhost/unused"],
]) {
  execFileSync("node_modules/.bin/prisma", ["generate", "--config", config], {
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, DATABASE_URL: url, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
  });
}
