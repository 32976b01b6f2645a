// `npm run validate:indigo`: seeds the demo into a throwaway database, exports every
// demo workspace's outcomes contract in INDIGO's project shape, checks each against the
// project's own zod model, and, when the official INDIGO 4.1 schema is at
// ../shared/standards/indigo/project.json (or INDIGO_PROJECT_SCHEMA), against it too,
// with ajv (draft-07, strict, INDIGO's own annotation keywords declared). The schema is
// not in this repository: its source carries no licence.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { INDIGO_ORGANISATION_SCHEMA_PATH, INDIGO_SCHEMA_PATH, officialIndigoValidator } from "./indigo-official";

const dir = mkdtempSync(join(tmpdir(), "oc-indigo-"));
process.env.DATABASE_URL = `file:${join(dir, "demo.db")}`;
process.env.SEED_DEMO = "true";

async function main(): Promise<number> {
  const { migrate } = await import("../server/db/migrate");
  const { seedDemo } = await import("../prisma/seed");
  const { db, disconnectDb } = await import("~/utils/db.server");
  const { indigoExport } = await import("~/utils/open-data.server");
  const { IndigoExportSchema } = await import("~/domain/open-data/indigo");
  await migrate(process.env.DATABASE_URL!);
  await seedDemo();
  const official = officialIndigoValidator();
  console.log(official ? `official schema: ${INDIGO_SCHEMA_PATH}` : `official schema not found at ${INDIGO_SCHEMA_PATH}: checking the project's own model only`);
  const validate = official ?? Object.assign(() => true, { errors: undefined });
  const validateOrganisation = officialIndigoValidator(INDIGO_ORGANISATION_SCHEMA_PATH) ?? Object.assign(() => true, { errors: undefined });
  let failures = 0;
  for (const w of await db().workspace.findMany({ select: { id: true, name: true }, orderBy: { createdAt: "asc" } })) {
    const exported = await indigoExport(w.id);
    if (!exported) {
      console.log(`-    ${w.name}: no complete payment model, nothing to export`);
      continue;
    }
    const own = IndigoExportSchema.safeParse(exported);
    const badOrganisations = exported.organisations.filter((o) => !validateOrganisation(o.data));
    const matches = validate(exported.data) && badOrganisations.length === 0;
    if (own.success && matches) {
      console.log(`ok   ${w.name}: ${exported.data.outcome_metrics.length} outcome metrics, ${exported.data.outcome_pricings.length} pricings, ${exported.data.outcome_payment_commitments.length} payment commitments, ${exported.data.investments.length} investments, ${exported.organisations.length} organisations`);
    } else {
      failures += 1;
      console.log(`FAIL ${w.name}`);
      if (!own.success) console.log(JSON.stringify(own.error.issues, null, 2));
      if (!matches) console.log(JSON.stringify(validate.errors ?? validateOrganisation.errors, null, 2));
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
