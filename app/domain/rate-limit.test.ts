import { describe, expect, it } from "vitest";
import { FailureLimiter } from "./rate-limit";

describe("FailureLimiter", () => {
  it("blocks after max failures inside the window and says for how long", () => {
    let now = 1_000_000;
    const limiter = new FailureLimiter({ max: 3, windowMs: 60_000 }, () => now);
    for (let i = 0; i < 3; i++) {
      expect(limiter.retryAfterMs("a")).toBe(0);
      limiter.fail("a");
      now += 1000;
    }
    expect(limiter.retryAfterMs("a")).toBe(60_000 - 3000);
    expect(limiter.retryAfterMs("b")).toBe(0);
    now += 57_000;
    expect(limiter.retryAfterMs("a")).toBe(0);
  });

  it("forgets a key on reset", () => {
    const limiter = new FailureLimiter({ max: 1, windowMs: 60_000 });
    limiter.fail("a");
    expect(limiter.retryAfterMs("a")).toBeGreaterThan(0);
    limiter.reset("a");
    expect(limiter.retryAfterMs("a")).toBe(0);
  });

  it("keeps memory bounded by sweeping expired keys", () => {
    let now = 0;
    const limiter = new FailureLimiter({ max: 5, windowMs: 10, maxKeys: 100 }, () => now);
    for (let i = 0; i < 1000; i++) {
      limiter.fail(`k${i}`);
      now += 1;
    }
    expect((limiter as unknown as { failures: Map<string, number[]> }).failures.size).toBeLessThanOrEqual(101);
  });
});
