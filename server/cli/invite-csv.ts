import { parseCsv } from "~/domain/csv";
import { InvitationCreateSchema } from "~/domain/validation";
import { createInvitation, InvitationError } from "~/models/invitation.server";

const COLUMNS = ["name", "email", "organisation", "role"] as const;

/** Invites each CSV row; reports row by row what was done or refused, and why. */
export async function inviteFromCsv({ workspaceId, csv, baseUrl }: { workspaceId: string; csv: string; baseUrl: string }) {
  const rows = parseCsv(csv);
  const header = (rows[0] ?? []).map((h) => h.trim().toLowerCase());
  const missing = COLUMNS.filter((c) => !header.includes(c));
  if (missing.length) {
    return { invited: 0, refused: Math.max(rows.length - 1, 1), lines: [`refused: the header row must name the columns ${COLUMNS.join(",")} (missing: ${missing.join(", ")})`] };
  }
  const at = (row: string[], col: (typeof COLUMNS)[number]) => row[header.indexOf(col)] ?? "";
  const lines: string[] = [];
  let invited = 0;
  const seen = new Set<string>();
  for (const [i, row] of rows.slice(1).entries()) {
    const line = i + 2;
    const parsed = InvitationCreateSchema.safeParse({ name: at(row, "name"), email: at(row, "email"), organisationName: at(row, "organisation"), role: at(row, "role").trim() });
    if (!parsed.success) {
      lines.push(`row ${line}: refused: ${parsed.error.issues.map((e) => `${String(e.path[0])}: ${e.message}`).join("; ")}`);
      continue;
    }
    if (seen.has(parsed.data.email)) {
      lines.push(`row ${line}: refused: ${parsed.data.email} appears earlier in the file`);
      continue;
    }
    seen.add(parsed.data.email);
    try {
      const { token } = await createInvitation({ ...parsed.data, workspaceId, invitedById: null });
      invited++;
      lines.push(`row ${line}: invited ${parsed.data.email} as ${parsed.data.role}: ${baseUrl}/invitations/${token}`);
    } catch (error) {
      if (!(error instanceof InvitationError)) throw error;
      lines.push(`row ${line}: refused: ${parsed.data.email}: ${error.message}`);
    }
  }
  return { invited, refused: rows.length - 1 - invited, lines };
}
