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
  await page.getByLabel("Name (optional)").fill("Sam Otieno");
  await page.getByLabel("Organisation (optional)").fill("Catch22");
  await page.getByLabel("Role", { exact: true }).selectOption("provider");
  await page.getByRole("button", { name: "Create invitation" }).click();
  await expect(page.getByRole("status")).toContainText("Invited Sam Otieno (sam@catch22.example) as Provider, from Catch22.");
  const link = await page.getByLabel("Invitation link").inputValue();
  await expect(page.getByRole("heading", { name: "Pending invitations (1)" })).toBeVisible();
  // The form starts blank for the next person: a borough's officer must not inherit the charity's name.
  await expect(page.getByLabel("Email address")).toHaveValue("");
  await expect(page.getByLabel("Name (optional)")).toHaveValue("");
  await expect(page.getByLabel("Organisation (optional)")).toHaveValue("");
  await page.getByLabel("Email address").fill("officer@medway.example");
  await page.getByLabel("Role", { exact: true }).selectOption("commissioner");
  await page.getByRole("button", { name: "Create invitation" }).click();
  await expect(page.getByRole("status")).toContainText("Invited officer@medway.example as Commissioner, with no organisation given.");
  await expect(page.getByRole("heading", { name: "Pending invitations (2)" })).toBeVisible();

  const provider = await browser.newContext({ baseURL });
  const p = await provider.newPage();
  await p.goto(link);
  await expect(p.getByRole("heading", { name: "Join Kent Youth Employment" })).toBeVisible();
  await p.getByRole("link", { name: "Create an account to accept" }).click();
  // Signing up from the invitation: the invited address, name and organisation are filled in, and one step joins.
  await expect(p.getByText("You are joining Kent Youth Employment as Provider")).toBeVisible();
  await expect(p.getByLabel("Email address")).toHaveValue("sam@catch22.example");
  await expect(p.getByLabel("Your name")).toHaveValue("Sam Otieno");
  await expect(p.getByLabel("Organisation (optional)")).toHaveValue("Catch22");
  await expectAccessible(p);
  await p.getByLabel("Password", { exact: true }).fill("another-long-password");
  await p.getByLabel("Confirm password").fill("another-long-password");
  await p.getByRole("button", { name: "Create account and join" }).click();
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
  await expect(page.getByRole("heading", { name: "Pending invitations (1)" })).toBeVisible();
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
