// axe on every page, at desktop width and on a 360 px phone, signed out and in.
import type { Page } from "@playwright/test";
import { demoWorkspaceId, expect, expectAccessible, expectNoHorizontalScroll, login, test } from "./fixtures";

const viewports = [
  { name: "desktop", width: 1280, height: 800 },
  { name: "phone", width: 360, height: 740 },
];

async function check(page: Page) {
  await expect(page.locator("h1")).toBeVisible();
  await expectAccessible(page);
  await expectNoHorizontalScroll(page);
}

const signedInPages: { name: string; path: (workspaceId: string) => string }[] = [
  { name: "workspace list", path: () => "/workspaces" },
  { name: "create workspace", path: () => "/workspaces/new" },
  { name: "workspace overview", path: (id) => `/workspaces/${id}` },
  { name: "board", path: (id) => `/workspaces/${id}/board` },
  { name: "outcome framework", path: (id) => `/workspaces/${id}/outcomes` },
  { name: "referral criteria", path: (id) => `/workspaces/${id}/referral` },
  { name: "payment model", path: (id) => `/workspaces/${id}/payment` },
  { name: "activity", path: (id) => `/workspaces/${id}/activity` },
  { name: "workshops", path: (id) => `/workspaces/${id}/workshops` },
  { name: "open data and audit trail", path: (id) => `/workspaces/${id}/open-data` },
  { name: "procurement", path: (id) => `/workspaces/${id}/procurement` },
  { name: "clarifications", path: (id) => `/workspaces/${id}/procurement/clarifications` },
  { name: "engagement record", path: (id) => `/workspaces/${id}/procurement/record` },
  { name: "equal treatment", path: (id) => `/workspaces/${id}/procurement/equal-treatment` },
  { name: "dialogue", path: (id) => `/workspaces/${id}/procurement/dialogue` },
  { name: "tender terms", path: (id) => `/workspaces/${id}/procurement/tender` },
  { name: "bids", path: (id) => `/workspaces/${id}/procurement/bids` },
  { name: "evaluation", path: (id) => `/workspaces/${id}/procurement/evaluation` },
  { name: "notifications", path: () => "/notifications" },
  { name: "members", path: (id) => `/workspaces/${id}/members` },
  { name: "workspace settings", path: (id) => `/workspaces/${id}/settings` },
  { name: "API tokens", path: () => "/settings/tokens" },
  { name: "your account", path: () => "/settings/account" },
];

for (const vp of viewports) {
  test.describe(`${vp.name} (${vp.width}px)`, () => {
    test.use({ viewport: { width: vp.width, height: vp.height } });

    for (const path of ["/", "/login", "/signup", "/no-such-page", "/join"]) {
      test(`signed out: ${path}`, async ({ page, consoleErrors: _ }) => {
        await page.goto(path);
        await check(page);
      });
    }

    test("signed out: sign-up form showing its errors", async ({ page, consoleErrors: _ }) => {
      await page.goto("/signup");
      await page.getByLabel("Email address").fill("not-an-email");
      await page.getByRole("button", { name: "Create account" }).click();
      await expect(page.getByText("Enter your name.")).toBeVisible();
      await check(page);
    });

    for (const p of signedInPages) {
      test(`signed in: ${p.name}`, async ({ page, consoleErrors: _ }) => {
        await login(page, "lead@sutton.example");
        await page.goto(p.path(await demoWorkspaceId(page)));
        await check(page);
      });
    }

    test("signed in: the market-warming day, as its presenter", async ({ page, consoleErrors: _ }) => {
      await login(page, "facilitator@gla.example");
      await page.goto(`/workspaces/${await demoWorkspaceId(page)}/procurement`);
      await page.getByRole("link", { name: "Market-warming day" }).click();
      await expect(page.getByRole("heading", { name: "Presenter" })).toBeVisible();
      await check(page);
    });

    test("signed in: a new invitation link, and the invitation page", async ({ page, consoleErrors: _ }) => {
      await login(page, "lead@sutton.example");
      await page.goto(`/workspaces/${await demoWorkspaceId(page)}/members`);
      await page.getByLabel("Email address").fill(`a11y-${vp.name}@example.org`);
      await page.getByRole("button", { name: "Create invitation" }).click();
      const link = await page.getByLabel("Invitation link").inputValue();
      await check(page);
      await page.goto(link);
      await expect(page.getByRole("heading", { name: "Join Pan-London Edge of Care" })).toBeVisible();
      await check(page);
    });
  });
}
