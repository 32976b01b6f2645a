// Any console.error during a test is a failure (as in the Epic Stack): errors that
// are expected must be asserted, not printed.
import { afterEach, beforeEach, vi } from "vitest";

let spy: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  spy = vi.spyOn(console, "error");
});
afterEach(() => {
  const calls = spy.mock.calls;
  spy.mockRestore();
  if (calls.length) throw new Error(`console.error was called:\n${calls.map((c) => c.map(String).join(" ")).join("\n")}`);
});
