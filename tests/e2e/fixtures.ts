// Playwright fixtures: one real server per worker on its own fresh database (with
// the demo seeded), a page that fails the test on any console error, and helpers
// to sign in and to run axe.
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Browser, type Page } from "@playwright/test";
import { admin } from "../support/client";
import { startServer, type TestServer } from "../support/server";

export const DEMO_PASSWORD = "outcomes-demo";

export const test = base.extend<{ consoleErrors: string[] }, { server: TestServer }>({
  server: [
    async ({}, use) => {
      const server = await startServer({ ACTIVITY_QUIET_MS: "500" });
      await use(server);
      await server.stop();
    },
    { scope: "worker", timeout: 90_000 },
  ],
  baseURL: async ({ server }, use) => use(server.url),
  consoleErrors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on("console", (m) => {
      // A form that answers 4xx on purpose is logged by Chromium as a failed resource; that is not an app error.
      if (m.type() === "error" && !/Failed to load resource: the server responded with a status of 4\d\d/.test(m.text())) errors.push(m.text());
    });
    page.on("pageerror", (e) => errors.push(e.message));
    await use(errors);
    expect(errors, "console errors in the page").toEqual([]);
  },
});

export { expect };

/** Signs in through the form, as a person would. */
export async function login(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/workspaces$/);
}

/** Fails on any WCAG 2.0–2.2 A/AA violation axe can find on the page as it is now. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

/** Fails if the page scrolls sideways (content wider than the viewport). */
export async function expectNoHorizontalScroll(page: Page) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth, `page is ${scrollWidth}px wide in a ${clientWidth}px viewport`).toBeLessThanOrEqual(clientWidth);
}

/**
 * Another person in the room: a browser context of their own (`viewport`, and `baseURL`
 * for a server other than the worker's), signed in, with their page errors collected.
 */
export async function person(browser: Browser, email: string, options: { viewport?: { width: number; height: number }; baseURL?: string } = {}): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1280, height: 900 }, ...(options.baseURL ? { baseURL: options.baseURL } : {}) });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => m.type() === "error" && !/Failed to load resource: the server responded with a status of 4\d\d/.test(m.text()) && errors.push(m.text()));
  await login(page, email);
  return { page, errors };
}

/** The demo workspace's id, read from the workspace list. */
export async function demoWorkspaceId(page: Page): Promise<string> {
  await page.goto("/workspaces");
  const href = await page.getByRole("link", { name: "Pan-London Edge of Care" }).getAttribute("href");
  return href!.split("/").pop()!;
}

/** A new workspace of its own for one test (so tests in a worker do not share state). */
export async function freshWorkspace(server: TestServer, owner: string, members: [email: string, role: string][] = []): Promise<string> {
  const created = await admin(server.env, ["workspace:create", "--name", `Test ${Date.now()}`, "--owner", owner, "--owner-role", "facilitator"]);
  if (created.code !== 0) throw new Error(created.stderr);
  const id = created.stdout.trim();
  for (const [email, role] of members) {
    const added = await admin(server.env, ["member:add", "--workspace", id, "--email", email, "--role", role]);
    if (added.code !== 0) throw new Error(added.stderr);
  }
  return id;
}

/** Whether this device's IndexedDB copy of `docName` holds `text` (y-indexeddb's "updates" store). */
export function storedOnDevice(page: Page, docName: string, text: string) {
  return page.evaluate(
    ([name, needle]) =>
      new Promise<boolean>((resolve, reject) => {
        const open = indexedDB.open(`outcome-commons:${name}`);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const all = db.transaction("updates", "readonly").objectStore("updates").getAll();
          all.onerror = () => reject(all.error);
          all.onsuccess = () => {
            db.close();
            resolve((all.result as Uint8Array[]).some((u) => new TextDecoder().decode(u).includes(needle!)));
          };
        };
      }),
    [docName, text],
  );
}
