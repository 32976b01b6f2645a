// Checks an OCDS release package or record package the way the standard's own validator
// (lib-cove-ocds, behind the OCDS Data Review Tool) does: schema errors against the
// 1.1.5 schema with the bids and enquiries extensions, additional fields, deprecated
// fields, values outside closed codelists, ids repeated in an array, releases repeated
// in a package, and ocids without the publisher's prefix.
//
// The validator is ajv with ajv-draft-04 (OCDS 1.1 is JSON Schema draft-04) in strict
// mode, with the six OCDS keywords declared as the annotations they are, and union
// types allowed because the schema uses them everywhere (["string", "null"]).
import Ajv from "ajv-draft-04";
import addFormats from "ajv-formats";
import type { ErrorObject, ValidateFunction } from "ajv";
import { patchedReleaseSchema, RELEASE_SCHEMA_ID, releasePackageSchema } from "./ocds-schema";

export const OCDS_KEYWORDS = ["codelist", "openCodelist", "deprecated", "omitWhenMerged", "wholeListMerge", "versionId"] as const;

export type OcdsReport = {
  schemaErrors: { path: string; message: string }[];
  additionalFields: string[];
  deprecatedFields: string[];
  codelistErrors: { path: string; value: unknown; codelist: string }[];
  duplicateIds: { path: string; id: string }[];
  duplicateReleases: string[];
  ocidErrors: { path: string; ocid: string; message: string }[];
};

export const reportOk = (r: OcdsReport) => Object.values(r).every((list) => list.length === 0);

type Schema = Record<string, unknown>;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

let compiled: { release: ValidateFunction; pkg: ValidateFunction; schema: Schema } | null = null;

function validators() {
  if (compiled) return compiled;
  const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
  addFormats(ajv);
  ajv.addKeyword({ keyword: "codelist", schemaType: "string" });
  ajv.addKeyword({ keyword: "openCodelist", schemaType: "boolean" });
  ajv.addKeyword({ keyword: "deprecated", schemaType: "object" });
  ajv.addKeyword({ keyword: "omitWhenMerged", schemaType: "boolean" });
  ajv.addKeyword({ keyword: "wholeListMerge", schemaType: "boolean" });
  ajv.addKeyword({ keyword: "versionId", schemaType: "boolean" });
  const schema = patchedReleaseSchema() as Schema;
  // The package $refs the release schema by this id: it resolves to the patched schema.
  ajv.addSchema(schema, RELEASE_SCHEMA_ID);
  compiled = { release: ajv.getSchema(RELEASE_SCHEMA_ID)!, pkg: ajv.compile(releasePackageSchema()), schema };
  return compiled;
}

const describe = (e: ErrorObject) => ({ path: e.instancePath || "/", message: `${e.message ?? "invalid"}${e.params && "allowedValues" in e.params ? `: ${(e.params.allowedValues as unknown[]).join(", ")}` : ""}` });

/** Walks data beside the (patched) release schema: additional and deprecated fields, closed codelists, repeated ids. */
function walkRelease(data: unknown, schema: Schema, path: string, report: OcdsReport) {
  const definitions = (schema.definitions ?? {}) as Record<string, Schema>;
  const resolve = (node: Schema): Schema => (typeof node.$ref === "string" && node.$ref.startsWith("#/definitions/") ? (definitions[node.$ref.slice(14)] ?? {}) : node);
  const visit = (value: unknown, node: Schema, p: string) => {
    const n = resolve(node);
    if (Array.isArray(value)) {
      const items = isObject(n.items) ? (n.items as Schema) : null;
      if (typeof n.codelist === "string" && n.openCodelist === false && isObject(n.items) && Array.isArray((n.items as Schema).enum)) {
        value.forEach((v, i) => {
          if (!((n.items as Schema).enum as unknown[]).includes(v)) report.codelistErrors.push({ path: `${p}/${i}`, value: v, codelist: n.codelist as string });
        });
      }
      const seen = new Set<string>();
      value.forEach((v, i) => {
        if (isObject(v) && "id" in v && v.id !== null && v.id !== undefined) {
          const id = String(v.id);
          if (seen.has(id)) report.duplicateIds.push({ path: `${p}/${i}`, id });
          seen.add(id);
        }
        if (items) visit(v, items, `${p}/${i}`);
      });
      return;
    }
    if (isObject(value)) {
      const properties = isObject(n.properties) ? (n.properties as Record<string, Schema>) : null;
      const patterns = isObject(n.patternProperties) ? Object.keys(n.patternProperties).map((x) => new RegExp(x)) : [];
      if (!properties) return;
      for (const [key, v] of Object.entries(value)) {
        const child = properties[key];
        const here = `${p}/${key}`;
        if (!child) {
          if (!patterns.some((re) => re.test(key))) report.additionalFields.push(here);
          continue;
        }
        if (child.deprecated) report.deprecatedFields.push(here);
        visit(v, child, here);
      }
      return;
    }
    if (typeof n.codelist === "string" && n.openCodelist === false && Array.isArray(n.enum) && value !== null && value !== undefined && !n.enum.includes(value)) {
      report.codelistErrors.push({ path: p, value, codelist: n.codelist });
    }
  };
  visit(data, schema, path);
}

const emptyReport = (): OcdsReport => ({ schemaErrors: [], additionalFields: [], deprecatedFields: [], codelistErrors: [], duplicateIds: [], duplicateReleases: [], ocidErrors: [] });

function checkOcid(ocid: unknown, path: string, prefix: string, report: OcdsReport) {
  if (typeof ocid !== "string") return;
  if (!/^ocds-[a-z0-9]{6}-/.test(ocid)) report.ocidErrors.push({ path, ocid, message: "does not start with a registered prefix (ocds- and 6 characters, then -)" });
  else if (!ocid.startsWith(`${prefix}-`)) report.ocidErrors.push({ path, ocid, message: `does not start with the publisher's prefix ${prefix}` });
}

/** Checks one release (also used for a record's compiled release). */
export function checkRelease(release: unknown, prefix: string, path = ""): OcdsReport {
  const v = validators();
  const report = emptyReport();
  if (!v.release(release)) report.schemaErrors.push(...(v.release.errors ?? []).map((e) => ({ ...describe(e), path: `${path}${e.instancePath || ""}` || "/" })));
  walkRelease(release, v.schema, path, report);
  if (isObject(release)) checkOcid(release.ocid, `${path}/ocid`, prefix, report);
  return report;
}

const combine = (into: OcdsReport, from: OcdsReport) => {
  for (const k of Object.keys(into) as (keyof OcdsReport)[]) (into[k] as unknown[]).push(...(from[k] as unknown[]));
  return into;
};

/** Checks a release package: the package schema, every release in it, and no release twice. */
export function checkReleasePackage(pkg: unknown, prefix: string): OcdsReport {
  const v = validators();
  const report = emptyReport();
  if (!v.pkg(pkg)) report.schemaErrors.push(...(v.pkg.errors ?? []).map(describe));
  const releases = isObject(pkg) && Array.isArray(pkg.releases) ? pkg.releases : [];
  const seen = new Set<string>();
  releases.forEach((r, i) => {
    // Schema errors inside releases are already in the package's errors; walk for the rest.
    const one = checkRelease(r, prefix, `/releases/${i}`);
    combine(report, { ...one, schemaErrors: [] });
    if (isObject(r)) {
      const key = `${String(r.ocid)} ${String(r.id)}`;
      if (seen.has(key)) report.duplicateReleases.push(`/releases/${i}`);
      seen.add(key);
    }
  });
  return report;
}

/**
 * Checks a record package. The 1.1.5 record package schema is not among the saved
 * files, so its shape is checked here (the fields it requires), and each record's
 * compiled release against the release schema; ocids must be unique across records.
 */
export function checkRecordPackage(pkg: unknown, prefix: string): OcdsReport {
  const report = emptyReport();
  if (!isObject(pkg)) return { ...report, schemaErrors: [{ path: "/", message: "must be an object" }] };
  for (const field of ["uri", "publisher", "publishedDate", "records", "version"]) if (!(field in pkg)) report.schemaErrors.push({ path: "/", message: `must have required property '${field}'` });
  const records = Array.isArray(pkg.records) ? pkg.records : [];
  const ocids = new Set<string>();
  records.forEach((rec, i) => {
    if (!isObject(rec)) return report.schemaErrors.push({ path: `/records/${i}`, message: "must be an object" });
    if (typeof rec.ocid !== "string") report.schemaErrors.push({ path: `/records/${i}`, message: "must have required property 'ocid'" });
    else {
      if (ocids.has(rec.ocid)) report.duplicateIds.push({ path: `/records/${i}/ocid`, id: rec.ocid });
      ocids.add(rec.ocid);
      checkOcid(rec.ocid, `/records/${i}/ocid`, prefix, report);
    }
    if (!Array.isArray(rec.releases)) report.schemaErrors.push({ path: `/records/${i}`, message: "must have required property 'releases'" });
    if (rec.compiledRelease !== undefined) combine(report, checkRelease(rec.compiledRelease, prefix, `/records/${i}/compiledRelease`));
  });
  return report;
}
