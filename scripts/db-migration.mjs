// Writes a new migration for both providers: the SQL that takes the schema at a git
// ref (default HEAD) to the schema in the work tree. No database is needed for the
// SQLite side; the PostgreSQL diff needs DATABASE_URL or a local server on 5432.
// Usage: npm run db:migration -- <name> [--from <git-ref>]
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { postgresSchema } from "./postgres-schema.mjs";

const [name, flag, ref = "HEAD"] = process.argv.slice(2);
if (!name || !/^[a-z0-9_]+$/.test(name) || (flag && flag !== "--from")) {
  console.error("usage: npm run db:migration -- <snake_case_name> [--from <git-ref>]");
  process.exit(2);
}
execFileSync("node", ["scripts/prisma-generate.mjs"], { stdio: "inherit" });
// The SQLite diff opens (never writes) a database file under data/; a fresh checkout has none.
mkdirSync("data", { recursive: true });
const tmp = mkdtempSync(join(tmpdir(), "oc-migration-"));
const previous = execFileSync("git", ["show", `${ref}:prisma/schema.prisma`], { encoding: "utf8" });
writeFileSync(join(tmp, "sqlite.prisma"), previous);
writeFileSync(join(tmp, "postgres.prisma"), postgresSchema(previous));

const targets = [
  { dir: "sqlite", config: "prisma.config.ts", from: join(tmp, "sqlite.prisma"), to: "prisma/schema.prisma", url: "file:./data/unused.db" },
  {
    dir: "postgres",
    config: "prisma/postgres.config.ts",
    from: join(tmp, "postgres.prisma"),
    to: "prisma/postgres/schema.prisma",
    url: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres",
  },
];
for (const t of targets) {
  const existing = readdirSync(`prisma/migrations/${t.dir}`).filter((d) => /^\d{4}_/.test(d));
  const next = String(existing.length + 1).padStart(4, "0");
  const sql = execFileSync(
    "node_modules/.bin/prisma",
    ["migrate", "diff", "--config", t.config, "--from-schema-datamodel", t.from, "--to-schema-datamodel", t.to, "--script"],
    { encoding: "utf8", env: { ...process.env, DATABASE_URL: t.url } },
  );
  const dir = `prisma/migrations/${t.dir}/${next}_${name}`;
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "migration.sql"), sql);
  console.log(`wrote ${dir}/migration.sql`);
}
