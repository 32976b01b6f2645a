// Where a decision sits in the audit trail, printed with it: the entry's number and
// hash, so a paper copy can be checked against the chain later.
export function AuditStamp({ record, what = "This decision" }: { record: { chain: string; seq: number; hash: string; short: string }; what?: string }) {
  return (
    <p className="mt-2 text-sm">
      {what} is entry {record.seq} of the audit trail <span className="break-all font-mono">{record.chain}</span>, hash <span className="font-mono">{record.short}</span>
      <span className="block break-all font-mono text-xs text-slate-700">{record.hash}</span>
    </p>
  );
}
