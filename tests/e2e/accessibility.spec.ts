// axe on every page, at desktop width and on a 360 px phone, signed out and in.
import { demoWorkspaceId, expect, expectAccessible, expectNoHorizontalScroll, login, test } from "./fixtures";

const viewports = [
  { name: "desktop", width: 1280, height: 800 },
  { name: "phone", width: 360, height: 740 },
];

for (const vp of viewports) {
  test.describe(`${vp.name} (${vp.width}px)`, () => {
    test.use({ viewport: { width: vp.width, height: vp.height } });

    test("signed-out pages", async ({ page, consoleErrors: _ }) => {
      for (const path of ["/", "/login", "/signup", "/no-such-page"]) {
        await page.goto(path);
        await expectAccessible(page);
        await expectNoHorizontalScroll(page);
      }
      // Error states too: the sign-up form with every field wrong.
      await page.goto("/signup");
      await page.getByLabel("Email address").fill("not-an-email");
      await page.getByRole("button", { name: "Create account" }).click();
      await expect(page.getByText("Enter your name.")).toBeVisible();
      await expectAccessible(page);
    });

    test("signed-in pages", async ({ page, consoleErrors: _ }) => {
      await login(page, "lead@sutton.example");
      const id = await demoWorkspaceId(page);
      for (const path of ["/workspaces", "/workspaces/new", `/workspaces/${id}`, `/workspaces/${id}/members`, `/workspaces/${id}/settings`, "/settings/tokens"]) {
        await page.goto(path);
        await expect(page.locator("h1")).toBeVisible();
        await expectAccessible(page);
        await expectNoHorizontalScroll(page);
      }
      // The invitation page, and the members page showing a fresh invitation link.
      await page.goto(`/workspaces/${id}/members`);
      await page.getByLabel("Email address").fill(`a11y-${vp.name}@example.org`);
      await page.getByRole("button", { name: "Create invitation" }).click();
      const link = await page.getByLabel("Invitation link").inputValue();
      await expectAccessible(page);
      await expectNoHorizontalScroll(page);
      await page.goto(link);
      await expect(page.getByRole("heading", { name: "Join Pan-London Edge of Care" })).toBeVisible();
      await expectAccessible(page);
      await expectNoHorizontalScroll(page);
    });
  });
}
