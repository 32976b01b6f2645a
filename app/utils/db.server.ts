// The one Prisma client per process, over a driver adapter chosen by DATABASE_URL.
// Kept on globalThis so the Remix build and code loaded by server/ share it.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as PostgresClient } from "~/generated/postgres/client";
import { PrismaClient } from "~/generated/sqlite/client";
import { databaseKind, env } from "./env.server";

/** Both generated clients share one model, so one type serves for both. */
export type Db = PrismaClient;

const globalForDb = globalThis as unknown as { __ocPrisma?: Db };

function createClient(url: string): Db {
  if (databaseKind(url) === "postgres") {
    return new PostgresClient({ adapter: new PrismaPg({ connectionString: url }) }) as unknown as Db;
  }
  const client = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url }, {}) });
  // WAL with synchronous=NORMAL: a commit survives a crash of this process (what
  // "nothing acknowledged is lost on restart" needs) without an fsync per commit,
  // which would block the event loop (better-sqlite3 is synchronous).
  void client.$queryRawUnsafe("PRAGMA synchronous = NORMAL").catch(() => {});
  return client;
}

/** The process-wide Prisma client. */
export function db(): Db {
  globalForDb.__ocPrisma ??= createClient(env().DATABASE_URL);
  return globalForDb.__ocPrisma;
}

/** Closes the client (on shutdown); the next `db()` call opens a new one. */
export async function disconnectDb(): Promise<void> {
  const client = globalForDb.__ocPrisma;
  globalForDb.__ocPrisma = undefined;
  await client?.$disconnect();
}
