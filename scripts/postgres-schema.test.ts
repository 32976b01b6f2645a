import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { postgresSchema } from "./postgres-schema.mjs";

describe("postgresSchema", () => {
  it("derives the PostgreSQL schema: same models, other provider and output", () => {
    const sqlite = readFileSync("prisma/schema.prisma", "utf8");
    const pg: string = postgresSchema(sqlite);
    expect(pg).toContain('provider = "postgresql"');
    expect(pg).toContain("../../app/generated/postgres");
    const models = (s: string) => s.slice(s.indexOf("model "));
    expect(models(pg)).toBe(models(sqlite));
  });
});
