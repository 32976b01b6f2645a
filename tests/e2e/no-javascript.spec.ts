// Forms work without JavaScript (Remix progressive enhancement): plain posts,
// server-side validation, errors next to the fields.
import { expect, test } from "./fixtures";

test.use({ javaScriptEnabled: false });

test("sign up with mistakes, correct them, create a workspace, sign out: all without JavaScript", async ({ page }) => {
  await page.goto("/signup");
  await page.getByLabel("Your name").fill("Noah Script");
  await page.getByLabel("Email address").fill("noah@example");
  await page.getByLabel("Password", { exact: true }).fill("short");
  await page.getByLabel("Confirm password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Enter an email address like name@example.org.")).toBeVisible();
  await expect(page.getByText("Password must be at least 10 characters.")).toBeVisible();
  await expect(page.getByLabel("Email address")).toHaveAttribute("aria-invalid", "true");
  // What was typed is kept (passwords excepted), so only the mistakes need fixing.
  await expect(page.getByLabel("Your name")).toHaveValue("Noah Script");
  await expect(page.getByLabel("Email address")).toHaveValue("noah@example");
  await expect(page.getByLabel("Password", { exact: true })).toHaveValue("");

  await page.getByLabel("Email address").fill("noah@example.org");
  await page.getByLabel("Password", { exact: true }).fill("no-javascript-here");
  await page.getByLabel("Confirm password").fill("no-javascript-here");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Your workspaces" })).toBeVisible();

  await page.goto("/workspaces/new");
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page.getByText("Enter a workspace name.")).toBeVisible();
  await page.getByLabel("Workspace name").fill("Plain HTML project");
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Plain HTML project" })).toBeVisible();

  await page.getByRole("button", { name: /Sign out/ }).click();
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sign in" })).toBeVisible();
});
