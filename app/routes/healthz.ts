import { databaseKind, env } from "~/utils/env.server";
import { db } from "~/utils/db.server";

const started = Date.now();

/** Liveness and database reachability, for load balancers and operators. */
export async function loader() {
  const kind = databaseKind(env().DATABASE_URL);
  const headers = { "Content-Type": "application/json" };
  try {
    await Promise.race([
      db().$queryRawUnsafe("SELECT 1"),
      new Promise((_, reject) => setTimeout(() => reject(new Error("timed out after 2 s")), 2000)),
    ]);
    return new Response(JSON.stringify({ ok: true, db: kind, uptimeSeconds: Math.round((Date.now() - started) / 1000) }), { headers });
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : "unknown error";
    return new Response(JSON.stringify({ ok: false, db: kind, reason: `database unreachable: ${reason}` }), { status: 503, headers });
  }
}
