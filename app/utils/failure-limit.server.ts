// Failed-attempt limits (sign-in) shared by every server process: in Redis when
// REDIS_URL is set, so five failures are five wherever they land; in this process's
// memory otherwise, or while Redis cannot be reached (signing in must not depend on
// it). Keys are keyed hashes: no email address or client address is stored in Redis.
import { createHmac } from "node:crypto";
import { FailureLimiter } from "~/domain/rate-limit";
import { env } from "./env.server";
import { redis } from "./redis.server";

export type FailureLimit = {
  /** Milliseconds until `key` may try again; 0 when it may try now. */
  retryAfterMs(key: string): Promise<number>;
  fail(key: string): Promise<void>;
  reset(key: string): Promise<void>;
};

type Options = { max: number; windowMs: number };

export function failureLimit(name: string, options: Options): FailureLimit {
  const memory = new FailureLimiter(options);
  const redisKey = (key: string) => `oc:fail:${name}:${createHmac("sha256", env().SESSION_SECRET).update(key).digest("hex")}`;
  // Runs `shared` against Redis when there is one, else (or if it fails) `local`.
  async function either<T>(shared: (r: NonNullable<ReturnType<typeof redis>>) => Promise<T>, local: () => T): Promise<T> {
    const r = redis();
    if (!r) return local();
    try {
      return await shared(r);
    } catch (error) {
      console.error(`sign-in limits: Redis unavailable, counting in this process: ${error instanceof Error ? error.message : String(error)}`);
      return local();
    }
  }
  return {
    retryAfterMs: (key) =>
      either(
        async (r) => {
          const k = redisKey(key);
          const now = Date.now();
          await r.zremrangebyscore(k, 0, now - options.windowMs);
          // The max-th most recent failure decides when the window frees a slot.
          const [, score] = await r.zrange(k, -options.max, -options.max, "WITHSCORES");
          return score === undefined ? 0 : Math.max(0, Number(score) + options.windowMs - now);
        },
        () => memory.retryAfterMs(key),
      ),
    fail: (key) =>
      either(
        async (r) => {
          const k = redisKey(key);
          const now = Date.now();
          await r.multi().zadd(k, now, `${now}:${Math.random()}`).zremrangebyscore(k, 0, now - options.windowMs).pexpire(k, options.windowMs).exec();
        },
        () => memory.fail(key),
      ),
    reset: (key) =>
      either(
        async (r) => void (await r.del(redisKey(key))),
        () => memory.reset(key),
      ),
  };
}
