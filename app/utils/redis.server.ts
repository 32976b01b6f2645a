// The process's Redis connection for app code (shared counters), when REDIS_URL is
// set; null on a single process without Redis. Kept on globalThis like the Prisma
// client, so the Remix build and server/ share it.
import { Redis } from "ioredis";
import { env } from "./env.server";

const globalForRedis = globalThis as unknown as { __ocRedis?: Redis | null };

export function redis(): Redis | null {
  if (globalForRedis.__ocRedis === undefined) {
    const url = env().REDIS_URL;
    globalForRedis.__ocRedis = url ? new Redis(url, { maxRetriesPerRequest: 2, enableOfflineQueue: true }) : null;
  }
  return globalForRedis.__ocRedis;
}

/** Closes the connection (on shutdown). */
export async function disconnectRedis(): Promise<void> {
  const client = globalForRedis.__ocRedis;
  globalForRedis.__ocRedis = undefined;
  await client?.quit().catch(() => {});
}
