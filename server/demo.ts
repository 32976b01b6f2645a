import { DEMO_PASSWORD, seedDemo } from "../prisma/seed";
import { db } from "~/utils/db.server";
import { ROLE_LABELS } from "~/domain/roles";

/**
 * Seeds the demo into an empty database (first start) and returns the lines that
 * tell a person how to sign in; null when the database holds other data instead.
 */
export async function prepareDemo(): Promise<string | null> {
  const users = await db().user.count();
  const demoLead = await db().user.findUnique({ where: { email: "lead@sutton.example" }, select: { id: true } });
  if (users > 0 && !demoLead) return null;
  const result = await seedDemo();
  return [
    result.created ? "Demo workspace created: Pan-London Edge of Care" : "Demo workspace: Pan-London Edge of Care",
    `Demo logins (password for all: ${DEMO_PASSWORD}):`,
    ...uniqueByRole(result.logins).map((l) => `  ${ROLE_LABELS[l.role].padEnd(13)} ${l.email}`),
  ].join("\n");
}

function uniqueByRole<T extends { role: string }>(logins: T[]): T[] {
  const seen = new Set<string>();
  return logins.filter((l) => (seen.has(l.role) ? false : (seen.add(l.role), true)));
}
