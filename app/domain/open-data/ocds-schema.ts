// The OCDS 1.1.5 release schema with the bids and enquiries extensions applied, as the
// standard's tools apply them: each extension's release-schema.json is a JSON merge
// patch (RFC 7396) on the release schema. The files are the standard's own, unmodified
// (standards/ocds/README.md). From the patched schema come the merge rules used to
// compile a record, so they cannot drift from the standard.
import bidExtension from "../../../standards/ocds/bid-extension-release-schema.json";
import enquiryExtension from "../../../standards/ocds/enquiry-extension-release-schema.json";
import packageSchema from "../../../standards/ocds/release-package-schema.json";
import releaseSchema from "../../../standards/ocds/release-schema.json";
import type { MergeRules } from "./ocds";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
const isObject = (v: unknown): v is Record<string, Json> => typeof v === "object" && v !== null && !Array.isArray(v);

/** RFC 7396: a patch object merges into the target field by field; null removes; anything else replaces. */
export function mergePatch(target: Json | undefined, patch: Json): Json {
  if (!isObject(patch)) return patch;
  const out: Record<string, Json> = isObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else out[key] = mergePatch(out[key], value);
  }
  return out;
}

export const RELEASE_SCHEMA_ID = "https://standard.open-contracting.org/schema/1__1__5/release-schema.json";

/** The release schema with both extensions applied (a fresh copy each call). */
export function patchedReleaseSchema(): Record<string, Json> {
  return mergePatch(mergePatch(structuredClone(releaseSchema) as Json, bidExtension as Json), enquiryExtension as Json) as Record<string, Json>;
}

export function releasePackageSchema(): Record<string, Json> {
  return structuredClone(packageSchema) as Record<string, Json>;
}

/**
 * The merge rules: which fields are left out of a compiled release (`omitWhenMerged`)
 * and which arrays are replaced whole (`wholeListMerge`), as "."-joined field paths
 * from the release's root, following $refs (to a fixed depth: the schema is not recursive
 * on the paths that carry these keywords).
 */
export function mergeRulesOf(schema: Record<string, Json>): MergeRules {
  const rules: MergeRules = { omitWhenMerged: new Set(), wholeListMerge: new Set() };
  const definitions = (schema.definitions ?? {}) as Record<string, Json>;
  const resolve = (node: Json): Json => {
    if (isObject(node) && typeof node.$ref === "string" && node.$ref.startsWith("#/definitions/")) return definitions[node.$ref.slice("#/definitions/".length)] ?? {};
    return node;
  };
  const walk = (node: Json, path: string, depth: number) => {
    if (depth > 8) return;
    const n = resolve(node);
    if (!isObject(n)) return;
    const properties = isObject(n.properties) ? n.properties : {};
    for (const [key, child] of Object.entries(properties)) {
      const p = path ? `${path}.${key}` : key;
      const c = isObject(child) ? child : {};
      if (c.omitWhenMerged === true) rules.omitWhenMerged.add(p);
      if (c.wholeListMerge === true) rules.wholeListMerge.add(p);
      walk(isObject(c.items) ? c.items : c, p, depth + 1);
    }
  };
  walk(schema, "", 0);
  return rules;
}

let cachedRules: MergeRules | null = null;
/** The merge rules of the patched 1.1.5 schema. */
export function ocdsMergeRules(): MergeRules {
  return (cachedRules ??= mergeRulesOf(patchedReleaseSchema()));
}
