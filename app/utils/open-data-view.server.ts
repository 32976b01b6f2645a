// What the Open data page shows a member: the OCDS packages with the result of checking
// them against the standard's schema, and (for commissioners and evaluators) the audit
// chains with the newest entries.
import { printedHead } from "~/domain/audit/chain";
import { ocidOf } from "~/domain/open-data/ocds";
import { checkRecordPackage, checkReleasePackage, reportOk, type OcdsReport } from "~/domain/open-data/ocds-check";
import { can } from "~/domain/permissions";
import type { Role } from "~/domain/roles";
import type { AuditChainView } from "~/components/open-data/audit-table";
import { getProcurement } from "~/models/procurement.server";
import { auditTrail } from "./audit.server";
import { env } from "./env.server";
import { ocdsPackages } from "./open-data.server";

const NEWEST = 200;
const problemsOf = (r: OcdsReport) => Object.values(r).reduce((n, list) => n + list.length, 0);

export async function openDataView(workspaceId: string, role: Role, origin: string) {
  const p = can(role, "read:procurement") ? await getProcurement(workspaceId) : null;
  let ocds = null;
  if (p) {
    const { releases, record } = await ocdsPackages(p, origin);
    const prefix = env().OCDS_PREFIX;
    const checks = [checkReleasePackage(releases, prefix), checkRecordPackage(record, prefix)];
    ocds = {
      procurementId: p.id,
      ocid: ocidOf(prefix, p.id),
      public: p.publicSince !== null,
      releases: releases.releases.map((r) => ({ id: r.id, date: r.date, tag: r.tag })),
      valid: checks.every(reportOk),
      problems: checks.reduce((n, c) => n + problemsOf(c), 0),
    };
  }
  let audit: AuditChainView[] | null = null;
  if (can(role, "read:audit")) {
    audit = (await auditTrail(workspaceId)).map((c) => ({
      chain: c.chain,
      title: c.title,
      verified: c.check.problem === null,
      problem: c.check.problem?.message ?? null,
      head: c.check.head,
      printed: printedHead(c.check.head),
      total: c.entries.length,
      entries: c.entries.slice(-NEWEST).reverse().map(({ id, seq, at, actorName, label, subject, before, after, hash }) => ({ id, seq, at, actorName, label, subject, before, after, hash })),
    }));
  }
  return { ocds, audit };
}
