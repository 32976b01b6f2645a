// A commissioner sets up a procurement workspace and brings a provider in.
import { expect, expectAccessible, login, test } from "./fixtures";

test("a commissioner creates a workspace, invites a provider, and the provider joins", async ({ page, browser, baseURL, consoleErrors: _ }) => {
  await page.goto("/signup");
  await page.getByLabel("Your name").fill("Lena Fischer");
  await page.getByLabel("Email address").fill("lena@kent.example");
  await page.getByLabel("Password", { exact: true }).fill("a-long-password");
  await page.getByLabel("Confirm password").fill("a-long-password");
  await page.getByLabel("Organisation (optional)").fill("Kent County Council");
  await page.getByLabel("Organisation type").selectOption("local-authority");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Your workspaces" })).toBeVisible();

  await page.getByRole("link", { name: "Create a workspace" }).click();
  await page.getByLabel("Workspace name").fill("Kent Youth Employment");
  await page.getByLabel("Description (optional)").fill("Outcomes contract for 16–24 year olds not in education, employment or training.");
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Kent Youth Employment" })).toBeVisible();
  await expect(page.getByText("you are Commissioner (lead commissioner)")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Outcome framework" })).toBeVisible();

  await page.getByRole("link", { name: "Members", exact: true }).click();
  await page.getByLabel("Email address").fill("sam@catch22.example");
  await page.getByLabel("Organisation (optional)").fill("Catch22");
  await page.getByLabel("Role", { exact: true }).selectOption("provider");
  await page.getByRole("button", { name: "Create invitation" }).click();
  await expect(page.getByRole("status")).toContainText("Invitation created for sam@catch22.example as Provider");
  const link = await page.getByLabel("Invitation link").inputValue();
  await expect(page.getByRole("heading", { name: "Pending invitations (1)" })).toBeVisible();

  const provider = await browser.newContext({ baseURL });
  const p = await provider.newPage();
  await p.goto(link);
  await expect(p.getByRole("heading", { name: "Join Kent Youth Employment" })).toBeVisible();
  await p.getByRole("link", { name: "Create an account to accept" }).click();
  await p.getByLabel("Your name").fill("Sam Otieno");
  await p.getByLabel("Email address").fill("sam@catch22.example");
  await p.getByLabel("Password", { exact: true }).fill("another-long-password");
  await p.getByLabel("Confirm password").fill("another-long-password");
  await p.getByRole("button", { name: "Create account" }).click();
  await p.getByRole("button", { name: "Accept and join" }).click();
  await expect(p.getByRole("heading", { level: 1, name: "Kent Youth Employment" })).toBeVisible();
  await expect(p.getByText("you are Provider")).toBeVisible();
  await expect(p.getByText("Catch22").first()).toBeVisible();
  // Providers see members but cannot manage them.
  await p.getByRole("link", { name: "Members", exact: true }).click();
  await expect(p.getByRole("button", { name: /Remove/ })).toHaveCount(0);
  await expect(p.getByText("lena@kent.example")).toHaveCount(0);
  await expectAccessible(p);
  await provider.close();

  await page.reload();
  await expect(page.getByRole("heading", { name: "Pending invitations (0)" })).toBeVisible();
  await page.getByLabel("Role for Sam Otieno").selectOption("investor");
  await page.getByRole("button", { name: "Change role" }).nth(1).click();
  await expect(page.getByRole("status")).toContainText("Role changed to Investor");
  await expect(page.getByRole("heading", { name: "Investors" })).toBeVisible();
});

test("people see only their own workspaces; another workspace is 'not found'", async ({ page, consoleErrors: _ }) => {
  await login(page, "prime@pfp.example");
  await expect(page.getByRole("link", { name: "Pan-London Edge of Care" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Kent Youth Employment" })).toHaveCount(0);
  await page.goto("/workspaces/does-not-exist");
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
});
