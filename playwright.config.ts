import { defineConfig } from "@playwright/test";
import { existsSync } from "node:fs";
import { cpus } from "node:os";

// No browser downloads on these machines: use Debian's Chromium when present (or
// CHROMIUM_PATH), else Playwright's own browser on a machine that has one.
const executablePath = process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: true,
  workers: cpus().length,
  forbidOnly: !!process.env.CI,
  reporter: [["list"]],
  // Generous for a loaded 2-core CI machine; each test is small.
  timeout: 60_000,
  use: {
    browserName: "chromium",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run"],
    },
  },
});
