// Keyboard only: sign in, reach a workspace and its members, with visible focus.
import { expect, test } from "./fixtures";

test("sign in and open a workspace's members with the keyboard alone", async ({ page, consoleErrors: _ }) => {
  await page.goto("/login");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to main content" })).toBeFocused();
  await page.keyboard.press("Enter");
  // From the main landmark, Tab reaches the email field first.
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Email address")).toBeFocused();
  await page.keyboard.type("facilitator@gla.example");
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Password")).toBeFocused();
  await page.keyboard.type("outcomes-demo");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Your workspaces" })).toBeVisible();

  const workspaceLink = page.getByRole("link", { name: "Pan-London Edge of Care" });
  for (let i = 0; i < 15 && !(await workspaceLink.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
  await expect(workspaceLink).toBeFocused();
  const outline = await workspaceLink.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).not.toBe("none");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Pan-London Edge of Care" })).toBeVisible();

  const membersTab = page.getByRole("link", { name: "Members", exact: true });
  for (let i = 0; i < 15 && !(await membersTab.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: /^Members \(\d+\)$/ })).toBeVisible();
});

test("an evaluator on a phone reaches the open data and downloads the audit trail with the keyboard alone", async ({ page, consoleErrors: _ }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto("/login");
  await page.getByLabel("Email address").fill("evaluator@ecorys.example");
  await page.getByLabel("Password").fill("outcomes-demo");
  await page.getByLabel("Password").press("Enter");
  await expect(page.getByRole("heading", { name: "Your workspaces" })).toBeVisible();
  await page.getByRole("link", { name: "Pan-London Edge of Care" }).click();
  const tab = page.getByRole("link", { name: "Open data", exact: true });
  for (let i = 0; i < 30 && !(await tab.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
  await expect(tab).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Audit trail" })).toBeVisible();
  await expect(page.getByText("The chain verifies")).toBeVisible();
  await expect(page.getByText(/against the official OCDS 1\.1\.5 schema with both extensions: valid/)).toBeVisible();
  const csv = page.getByRole("link", { name: "Download the audit trail (CSV)" });
  for (let i = 0; i < 40 && !(await csv.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
  await expect(csv).toBeFocused();
  const download = page.waitForEvent("download");
  await page.keyboard.press("Enter");
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^audit-trail-.+\.csv$/);
});
