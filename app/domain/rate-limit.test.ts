import { describe, expect, it } from "vitest";
import { FailureLimiter, SlotThrottle } from "./rate-limit";

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

describe("SlotThrottle", () => {
  it("lets the first attempt through at once and spaces the next ones stepMs apart", () => {
    let now = 0;
    const t = new SlotThrottle({ stepMs: 500, maxWaitMs: 2000 }, () => now);
    expect([t.take("a"), t.take("a"), t.take("a")]).toEqual([0, 500, 1000]);
    expect(t.take("b")).toBe(0);
    now += 5000;
    expect(t.take("a")).toBe(0);
  });

  it("gives no slot beyond maxWaitMs, and frees slots as time passes", () => {
    let now = 0;
    const t = new SlotThrottle({ stepMs: 1000, maxWaitMs: 2000 }, () => now);
    expect([t.take("a"), t.take("a"), t.take("a"), t.take("a")]).toEqual([0, 1000, 2000, null]);
    now += 1000;
    expect(t.take("a")).toBe(2000);
  });
});

describe("FailureLimiter.count", () => {
  it("counts failures inside the window only", () => {
    let now = 0;
    const limiter = new FailureLimiter({ max: 50, windowMs: 1000 }, () => now);
    limiter.fail("a");
    limiter.fail("a");
    expect(limiter.count("a")).toBe(2);
    now += 1001;
    expect(limiter.count("a")).toBe(0);
  });
});
