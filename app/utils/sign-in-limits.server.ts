// Brute-force protection for sign-in that nobody can turn into a lockout of others.
// A school or council network shares one address, so the address alone is never
// refused: past 50 failures in 15 minutes its attempts are spaced a second apart
// (queued, not refused; only a flood of parallel attempts is turned away for a few
// seconds). What is refused is guessing at one account:
// - 5 failures for an account from one address lock that account from that address;
// - 20 failures for an account from anywhere lock that account (distributed guessing).
// All windows are 15 minutes; a successful sign-in clears the account's counts.
import { failureLimit, throttle } from "./failure-limit.server";

const WINDOW_MS = 15 * 60_000;
export const SIGN_IN_LIMITS = {
  perAccountAndAddress: 5,
  perAccount: 20,
  /** Failures from one address after which its attempts are spaced out. */
  addressSlowDownAfter: 50,
  addressStepMs: 1000,
  addressMaxQueueMs: 10_000,
  windowMs: WINDOW_MS,
} as const;

const accountAddress = failureLimit("account-address", { max: SIGN_IN_LIMITS.perAccountAndAddress, windowMs: WINDOW_MS });
const account = failureLimit("account", { max: SIGN_IN_LIMITS.perAccount, windowMs: WINDOW_MS });
const address = failureLimit("address", { max: Number.MAX_SAFE_INTEGER, windowMs: WINDOW_MS });
const addressSlots = throttle("address", { stepMs: SIGN_IN_LIMITS.addressStepMs, maxWaitMs: SIGN_IN_LIMITS.addressMaxQueueMs });

const pair = (email: string, addr: string) => `${email}\n${addr}`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export type SignInGate = { ok: true } | { ok: false; retryAfterMs: number; message: string };

/**
 * Whether this attempt may be checked now; waits its turn when the address is being
 * slowed down. Call before verifying the password.
 */
export async function signInGate(email: string, addr: string): Promise<SignInGate> {
  const wait = Math.max(await accountAddress.retryAfterMs(pair(email, addr)), await account.retryAfterMs(email));
  if (wait > 0) {
    const minutes = Math.ceil(wait / 60_000);
    return { ok: false, retryAfterMs: wait, message: `Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.` };
  }
  if ((await address.count(addr)) >= SIGN_IN_LIMITS.addressSlowDownAfter) {
    const slot = await addressSlots.take(addr);
    if (slot === null) return { ok: false, retryAfterMs: 5000, message: "Many people are signing in from your network right now. Try again in a few seconds." };
    await sleep(slot);
  }
  return { ok: true };
}

/** Counts a failed attempt against the account, the pair and the address. */
export async function signInFailed(email: string, addr: string): Promise<void> {
  await Promise.all([accountAddress.fail(pair(email, addr)), account.fail(email), address.fail(addr)]);
}

/** A correct password clears the account's counts (not the address's). */
export async function signInSucceeded(email: string, addr: string): Promise<void> {
  await Promise.all([accountAddress.reset(pair(email, addr)), account.reset(email)]);
}
