// Forms work without JavaScript (Remix progressive enhancement): plain posts,
// server-side validation, errors next to the fields.
import { demoWorkspaceId, expect, login, test } from "./fixtures";

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

test("the payment model's forecast and options appraisal are readable without JavaScript", async ({ page, server: _server }) => {
  await login(page, "fund@tnlcf.example");
  await page.goto(`/workspaces/${await demoWorkspaceId(page)}/payment`);
  // The server computes the figures once per model; a load that finds them not ready yet shows none.
  await expect(async () => {
    await page.reload();
    await expect(page.getByText("500 runs per scenario (seed 2018).")).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await expect(page.getByRole("row", { name: /^Median/ }).getByTestId("commissioner-p50")).toContainText("£");
  await expect(page.getByText(/the cheapest option for the commissioners at the median is/)).toBeVisible();
  await expect(page.getByRole("region", { name: "Forecast cost to each payer" })).toContainText("London Borough of Sutton");
  // (axe needs JavaScript in the page; accessibility.spec checks this page with it.)
});

test("at the market-warming day without JavaScript: answer the poll, ask a question, see the room", async ({ page }) => {
  await login(page, "mst@swlstg.example");
  await page.goto(`/workspaces/${await demoWorkspaceId(page)}/procurement`);
  await page.getByRole("link", { name: "Market-warming day" }).click();
  await expect(page.getByRole("region", { name: "Now showing" })).toBeVisible();
  await page.getByLabel("Up to 50%", { exact: true }).check();
  await page.getByRole("button", { name: /Send my answer/ }).click();
  await expect(page.getByText("Thank you: your answer is in.")).toBeVisible();
  await expect(page.getByRole("list", { name: /^Results: / })).toBeVisible();
  await page.getByRole("button", { name: "Send the question" }).click();
  await expect(page.getByText("Write your question (at least 5 characters).")).toBeVisible();
  await page.getByLabel("Ask the commissioners").fill("Can an NHS trust bid for one borough only?");
  await page.getByRole("button", { name: "Send the question" }).click();
  await expect(page.getByText("Question sent.")).toBeVisible();
  await expect(page.getByText("Your questions waiting for the facilitator")).toBeVisible();
  await page.getByRole("link", { name: "Outcome framework" }).click();
  await expect(page.getByRole("region", { name: "You are looking at" })).toContainText("Stays out of care");
});
