// The official INDIGO 4.1 project schema, when it is on this machine (it is not in the
// repository: its source carries no licence), compiled with ajv: draft-07, strict, with
// INDIGO's own annotation keywords declared. Used by validate:indigo and the tests.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import Ajv, { type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";

const INDIGO_KEYWORDS = ["references-data-key", "references-model", "references-datas-seperator", "references-models-seperator", "references-data-list", "patternHint", "priority", "codelist", "codelistDescription"];

export const INDIGO_SCHEMA_PATH = resolve(process.env.INDIGO_PROJECT_SCHEMA ?? join(import.meta.dirname, "../../shared/standards/indigo/project.json"));
/** The organisation schema beside it. */
export const INDIGO_ORGANISATION_SCHEMA_PATH = join(dirname(INDIGO_SCHEMA_PATH), "organisation.json");

/** A validator for INDIGO project data (or, given its path, organisation data), or null when the schema is not here. */
export function officialIndigoValidator(path = INDIGO_SCHEMA_PATH): ValidateFunction | null {
  if (!existsSync(path)) return null;
  const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
  addFormats(ajv);
  for (const keyword of INDIGO_KEYWORDS) ajv.addKeyword({ keyword });
  return ajv.compile(JSON.parse(readFileSync(path, "utf8")));
}
