// `npm run validate:indigo`: seeds the demo into a throwaway database, exports every
// demo workspace's outcomes contract in INDIGO's project shape, checks each against the
// project's own zod model, and, when the official INDIGO 4.1 schema is at
// ../shared/standards/indigo/project.json (or INDIGO_PROJECT_SCHEMA), against it too,
// with ajv (draft-07, strict, INDIGO's own annotation keywords declared). The schema is
// not in this repository: its source carries no licence.
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import Ajv from "ajv";
import addFormats from "ajv-formats";

const dir = mkdtempSync(join(tmpdir(), "oc-indigo-"));
process.env.DATABASE_URL = `file:${join(dir, "demo.db")}`;
process.env.SEED_DEMO = "true";

const INDIGO_KEYWORDS = ["references-data-key", "references-model", "references-datas-seperator", "references-models-seperator", "references-data-list", "patternHint", "priority", "codelist", "codelistDescription"];

async function main(): Promise<number> {
  const { migrate } = await import("../server/db/migrate");
  const { seedDemo } = await import("../prisma/seed");
  const { db, disconnectDb } = await import("~/utils/db.server");
  const { indigoExport } = await import("~/utils/open-data.server");
  const { IndigoExportSchema } = await import("~/domain/open-data/indigo");
  await migrate(process.env.DATABASE_URL!);
  await seedDemo();
  const schemaPath = resolve(process.env.INDIGO_PROJECT_SCHEMA ?? join(import.meta.dirname, "../../shared/standards/indigo/project.json"));
  let validate: ((data: unknown) => boolean) & { errors?: unknown } = Object.assign(() => true, { errors: undefined });
  if (existsSync(schemaPath)) {
    const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
    addFormats(ajv);
    for (const keyword of INDIGO_KEYWORDS) ajv.addKeyword({ keyword });
    validate = ajv.compile(JSON.parse(readFileSync(schemaPath, "utf8")));
    console.log(`official schema: ${schemaPath}`);
  } else {
    console.log(`official schema not found at ${schemaPath}: checking the project's own model only`);
  }
  let failures = 0;
  for (const w of await db().workspace.findMany({ select: { id: true, name: true }, orderBy: { createdAt: "asc" } })) {
    const exported = await indigoExport(w.id);
    if (!exported) {
      console.log(`-    ${w.name}: no complete payment model, nothing to export`);
      continue;
    }
    const own = IndigoExportSchema.safeParse(exported);
    const official = validate(exported.data);
    if (own.success && official) {
      console.log(`ok   ${w.name}: ${exported.data.outcome_metrics.length} outcome metrics, ${exported.data.outcome_pricings.length} pricings, ${exported.data.outcome_payment_commitments.length} payment commitments, ${exported.data.investments.length} investments`);
    } else {
      failures += 1;
      console.log(`FAIL ${w.name}`);
      if (!own.success) console.log(JSON.stringify(own.error.issues, null, 2));
      if (!official) console.log(JSON.stringify(validate.errors, null, 2));
    }
  }
  await disconnectDb();
  return failures ? 1 : 0;
}

main()
  .then((code) => {
    rmSync(dir, { recursive: true, force: true });
    process.exit(code);
  })
  .catch((error: unknown) => {
    console.error(error);
    rmSync(dir, { recursive: true, force: true });
    process.exit(1);
  });
