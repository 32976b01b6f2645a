import { ROLE_LABELS, ROLES, type Role } from "~/domain/roles";

export type MemberRow = {
  id: string;
  name: string;
  email: string | null;
  role: Role;
  isLead: boolean;
  organisation: { name: string } | null;
};

/** Members grouped by role, in the order of ROLES. */
export function groupByRole<T extends { role: Role }>(members: T[]): { role: Role; members: T[] }[] {
  return ROLES.map((role) => ({ role, members: members.filter((m) => m.role === role) })).filter((g) => g.members.length > 0);
}

/** "Name — Organisation (lead)" as one line. */
export function MemberLabel({ member }: { member: MemberRow }) {
  return (
    <>
      <span className="font-medium">{member.name}</span>
      {member.organisation ? <span className="text-slate-700"> · {member.organisation.name}</span> : null}
      {member.isLead ? <span className="ml-2 rounded bg-brand-50 px-2 py-0.5 text-sm text-brand-800">Lead commissioner</span> : null}
    </>
  );
}

export const roleOptions = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));
