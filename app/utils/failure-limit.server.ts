// Failed-attempt limits and throttles (sign-in) shared by every server process: in
// Redis when REDIS_URL is set, so five failures are five wherever they land; in this
// process's memory otherwise, or while Redis cannot be reached (signing in must not
// depend on it). Keys are keyed hashes: no email or client address is stored in Redis.
import { createHmac } from "node:crypto";
import { FailureLimiter, SlotThrottle } from "~/domain/rate-limit";
import { env } from "./env.server";
import { redis } from "./redis.server";

export type FailureLimit = {
  /** Milliseconds until `key` may try again; 0 when it may try now. */
  retryAfterMs(key: string): Promise<number>;
  /** Failures of `key` inside the window. */
  count(key: string): Promise<number>;
  fail(key: string): Promise<void>;
  reset(key: string): Promise<void>;
};

type Options = { max: number; windowMs: number };

const hashedKey = (prefix: string, key: string) => `${prefix}:${createHmac("sha256", env().SESSION_SECRET).update(key).digest("hex")}`;

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

export function failureLimit(name: string, options: Options): FailureLimit {
  const memory = new FailureLimiter(options);
  const redisKey = (key: string) => hashedKey(`oc:fail:${name}`, key);
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
    count: (key) =>
      either(
        async (r) => {
          const k = redisKey(key);
          const now = Date.now();
          await r.zremrangebyscore(k, 0, now - options.windowMs);
          return r.zcard(k);
        },
        () => memory.count(key),
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

export type Throttle = {
  /** Milliseconds this attempt must wait for its slot, or null when the queue is full. */
  take(key: string): Promise<number | null>;
};

// Takes the next slot atomically: wait = max(now, next) - now; next += step.
const TAKE_SLOT = `
local now = tonumber(ARGV[1]); local step = tonumber(ARGV[2]); local maxWait = tonumber(ARGV[3])
local free = math.max(now, tonumber(redis.call("get", KEYS[1]) or "0"))
if free - now > maxWait then return -1 end
redis.call("set", KEYS[1], tostring(free + step), "PX", math.floor(free + step - now + 1000))
return free - now`;

/** Spaces attempts per key `stepMs` apart (SlotThrottle), across processes when REDIS_URL is set. */
export function throttle(name: string, options: { stepMs: number; maxWaitMs: number }): Throttle {
  const memory = new SlotThrottle(options);
  return {
    take: (key) =>
      either(
        async (r) => {
          const wait = Number(await r.eval(TAKE_SLOT, 1, hashedKey(`oc:slot:${name}`, key), Date.now(), options.stepMs, options.maxWaitMs));
          return wait < 0 ? null : wait;
        },
        () => memory.take(key),
      ),
  };
}
