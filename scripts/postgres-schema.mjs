/** Derives the PostgreSQL schema text from the canonical SQLite schema text. */
export function postgresSchema(sqliteSchema) {
  const derived = sqliteSchema
    .replace('provider = "sqlite"', 'provider = "postgresql"')
    .replace('output       = "../app/generated/sqlite"', 'output       = "../../app/generated/postgres"')
    .replace(/^\/\/ Canonical schema.*\n.*\n/m, "// GENERATED from prisma/schema.prisma by scripts/prisma-generate.mjs: do not edit.\n");
  if (!derived.includes('"postgresql"') || !derived.includes("generated/postgres")) {
    throw new Error("could not derive the PostgreSQL schema; check the datasource and generator blocks");
  }
  return derived;
}
