// The outcome framework editor: two people shape the same framework at once and see
// each other and the problems it has; undo takes back only your own change; a
// read-only role sees the framework without edit controls; keyboard only works.
import { demoWorkspaceId, expect, expectAccessible, expectNoHorizontalScroll, freshWorkspace, login, test } from "./fixtures";

test("two people edit one framework live, see who is where, and undo only their own change", async ({ page, browser, baseURL, server, consoleErrors: _ }) => {
  const id = await freshWorkspace(server, "facilitator@gla.example", [["prime@pfp.example", "provider"]]);
  await login(page, "facilitator@gla.example");
  await page.goto(`/workspaces/${id}/outcomes`);
  await expect(page.getByText("Live: changes are shared as you type")).toBeVisible();

  const other = await browser.newContext({ baseURL });
  const p2 = await other.newPage();
  await login(p2, "prime@pfp.example");
  await p2.goto(`/workspaces/${id}/outcomes`);
  await expect(p2.getByText("Live: changes are shared as you type")).toBeVisible();

  await page.getByLabel("Goal").fill("Young people on the edge of care stay safely at home");
  await expect(p2.getByLabel("Goal")).toHaveValue("Young people on the edge of care stay safely at home");
  await page.getByLabel("New outcome").fill("Stays out of care");
  await page.getByRole("button", { name: "Add outcome" }).click();
  await expect(p2.getByRole("heading", { name: /Stays out of care/ })).toBeVisible();

  // The facilitator links it to payment: both see what that now requires.
  await page.getByText("Edit outcome 1").click();
  await page.getByLabel("Linked to payment").check();
  for (const p of [page, p2]) await expect(p.getByText("Outcome 'Stays out of care' is linked to payment but has no data source.")).toBeVisible();

  // The provider, by keyboard alone, opens the same outcome and adds the data source.
  await p2.getByText("Edit outcome 1").focus();
  await p2.keyboard.press("Enter");
  await p2.getByLabel("Data source and evidence").focus();
  await p2.keyboard.type("Borough placement records");
  await expect(page.getByLabel("Data source and evidence")).toHaveValue("Borough placement records");
  await expect(page.getByText("Helen Marsh is editing")).toBeVisible();
  await expect(page.getByText("is linked to payment but has no data source")).toHaveCount(0);

  // Undo takes back the facilitator's own last change (the payment link), not the provider's typing.
  await page.getByRole("button", { name: "Undo my last change" }).click();
  await expect(p2.getByLabel("Linked to payment")).not.toBeChecked();
  await expect(p2.getByLabel("Data source and evidence")).toHaveValue("Borough placement records");
  await expect(page.getByRole("heading", { name: /Stays out of care/ })).toContainText("Tracked only");
  await expectAccessible(page);
  await other.close();

  // Stored: a fresh load shows it, even before the live connection.
  await page.reload();
  await expect(page.getByRole("heading", { name: /Stays out of care/ })).toBeVisible();
});

test("an observer reads the PFP framework but cannot change it, on a phone too", async ({ page, consoleErrors: _ }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await login(page, "fund@tnlcf.example");
  await page.goto(`/workspaces/${await demoWorkspaceId(page)}/outcomes`);
  await expect(page.getByText("Your role can read the framework but not change it.")).toBeVisible();
  await expect(page.getByRole("heading", { name: /Stays out of care/ })).toContainText("Linked to payment");
  await expect(page.getByRole("list", { name: "Outcomes" }).locator(":scope > li")).toHaveCount(5);
  await expect(page.getByText(/^Edit outcome/)).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Add outcome" })).toHaveCount(0);
  await expectAccessible(page);
  await expectNoHorizontalScroll(page);
});

test("on a 360 px phone a young person reads every group's priorities, their own group first, none off-screen", async ({ page, consoleErrors: _ }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await login(page, "youth@panel.example");
  await page.goto(`/workspaces/${await demoWorkspaceId(page)}/outcomes`);
  await page.getByLabel("Stays out of care", { exact: true }).selectOption("5");
  await page.getByRole("button", { name: "Save my ratings" }).click();
  const cards = page.getByRole("list", { name: "Priorities by outcome" }).locator(":scope > li");
  await expect(cards.first()).toBeVisible();
  await expect(page.getByRole("region", { name: "Priorities table" })).toBeHidden();
  const card = cards.filter({ hasText: "Stays out of care" });
  const groups = card.locator("dt");
  await expect(groups.first()).toHaveText("Service users (your group)");
  await expect(card).toContainText("5.0 from 1 rater, ranked 1st");
  for (const name of ["Commissioners", "Providers", "Investors"]) await expect(card.getByText(name, { exact: true })).toBeVisible();
  // Every group's figure is on screen, not in a column scrolled out of view.
  for (const box of await Promise.all((await card.locator("dd").all()).map((d) => d.boundingBox()))) expect(box!.x + box!.width).toBeLessThanOrEqual(360);
  await expectAccessible(page);
  await expectNoHorizontalScroll(page);
});

test("a version is published, the framework changed, the change shown in words, and the version restored for everyone", async ({ page, browser, baseURL, server, consoleErrors: _ }) => {
  const id = await freshWorkspace(server, "facilitator@gla.example", [["lead@sutton.example", "commissioner"]]);
  await login(page, "facilitator@gla.example");
  await page.goto(`/workspaces/${id}/outcomes`);
  await expect(page.getByText("Live: changes are shared as you type")).toBeVisible();
  await page.getByLabel("New outcome").fill("Stays out of care");
  await page.getByRole("button", { name: "Add outcome" }).click();
  await expect(page.getByRole("heading", { name: /Stays out of care/ })).toBeVisible();

  await page.getByLabel("Publish the framework as it stands, named").fill("Published for market engagement, v1");
  await page.getByRole("button", { name: "Publish version" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Published “Published for market engagement, v1”." })).toBeVisible();
  // The same name twice is refused, field by field.
  await page.getByLabel("Publish the framework as it stands, named").fill("Published for market engagement, v1");
  await page.getByRole("button", { name: "Publish version" }).click();
  await expect(page.getByText('A version named "Published for market engagement, v1" already exists. Choose another name.')).toBeVisible();

  await expect(page.getByText("Live: changes are shared as you type")).toBeVisible();
  await page.getByText("Edit outcome 1").click();
  await page.getByLabel("Linked to payment").check();
  await page.getByLabel("Title").fill("Stays safely out of care");
  await expect(page.getByRole("heading", { name: /Stays safely out of care/ })).toContainText("Linked to payment");

  await page.getByLabel("Compare", { exact: true }).selectOption({ label: "Published for market engagement, v1" });
  await page.getByLabel("with", { exact: true }).selectOption({ label: "the framework now" });
  await page.getByRole("button", { name: "Show changes" }).click();
  const changes = page.getByRole("heading", { name: "Changes from “Published for market engagement, v1” to the framework now" }).locator("xpath=following-sibling::ul");
  await expect(changes).toContainText("Outcome 'Stays out of care' renamed to 'Stays safely out of care'.");
  await expect(changes).toContainText("Outcome 'Stays safely out of care' is now linked to payment.");

  const other = await browser.newContext({ baseURL });
  const lead = await other.newPage();
  await login(lead, "lead@sutton.example");
  await lead.goto(`/workspaces/${id}/outcomes`);
  await expect(lead.getByRole("heading", { name: /Stays safely out of care/ })).toBeVisible();

  await expect(page.getByText("Live: changes are shared as you type")).toBeVisible();
  await page.getByRole("button", { name: "Restore “Published for market engagement, v1” as a new edit" }).click();
  await expect(lead.getByRole("heading", { name: /Stays out of care/ })).toContainText("Tracked only");
  await expect(page.getByRole("heading", { name: /Stays out of care/ })).toContainText("Tracked only");
  // Restoring is an edit like any other: the restorer can undo it.
  await page.getByRole("button", { name: "Undo my last change" }).click();
  await expect(lead.getByRole("heading", { name: /Stays safely out of care/ })).toContainText("Linked to payment");
  await expectAccessible(page);
  await other.close();
});

test("a comment mentioning someone notifies them; they open it, reply and resolve it, by keyboard; the change appears in the activity feed", async ({ page, browser, baseURL, server, consoleErrors: _ }) => {
  const id = await freshWorkspace(server, "facilitator@gla.example", [["prime@pfp.example", "provider"]]);
  await login(page, "prime@pfp.example");
  // Start from nothing unread (the demo's procurement may have told this party something).
  await page.goto("/notifications");
  const readAll = page.getByRole("button", { name: "Mark all as read" });
  if (await readAll.isVisible()) {
    await readAll.click();
    await expect(page.getByText("Nothing new.")).toBeVisible();
  }
  await page.goto(`/workspaces/${id}/outcomes`);
  await expect(page.getByText("Live: changes are shared as you type")).toBeVisible();
  await page.getByLabel("New outcome").fill("Stays out of care");
  await page.getByRole("button", { name: "Add outcome" }).click();
  await page.getByText("Comments on outcome 1: none yet").click();
  await page.getByLabel("New comment").fill("@Grace Adeyemi should this be paid weekly?");
  await page.getByRole("button", { name: "Comment", exact: true }).click();
  await expect(page.getByRole("article", { name: "About outcome 'Stays out of care'" })).toContainText("should this be paid weekly?");
  // The provider's own addition is in the feed once it goes quiet.
  await expect(page.getByRole("region", { name: "Recent changes" })).toContainText("Helen Marsh added outcome 'Stays out of care'", { timeout: 15_000 });

  const other = await browser.newContext({ baseURL });
  const p2 = await other.newPage();
  await login(p2, "facilitator@gla.example");
  await expect(p2.getByRole("link", { name: /^Notifications\s*1 unread$/ })).toBeVisible();
  await p2.getByRole("link", { name: /Notifications/ }).focus();
  await p2.keyboard.press("Enter");
  await expect(p2.getByText("Helen Marsh mentioned you on outcome 'Stays out of care'")).toBeVisible();
  await expectAccessible(p2);
  await p2.getByRole("button", { name: /Go to the thread/ }).focus();
  await p2.keyboard.press("Enter");
  const thread = p2.getByRole("article", { name: "About outcome 'Stays out of care'" });
  await expect(thread).toBeVisible();
  await thread.getByLabel("Reply").focus();
  await p2.keyboard.type("Yes: every seven days out of care.");
  await thread.getByRole("button", { name: "Reply" }).focus();
  await p2.keyboard.press("Enter");
  await expect(p2.getByRole("article", { name: "About outcome 'Stays out of care'" })).toContainText("Yes: every seven days out of care.");
  // The provider's open page shows the reply and its notification at once, pushed by the server (the poll is a minute).
  await expect(page.getByRole("article", { name: "About outcome 'Stays out of care'" })).toContainText("Yes: every seven days out of care.", { timeout: 5_000 });
  await expect(page.getByRole("link", { name: /^Notifications\s*1 unread$/ })).toBeVisible({ timeout: 5_000 });
  await p2.getByRole("article", { name: "About outcome 'Stays out of care'" }).getByRole("button", { name: "Resolve thread" }).click();
  await expect(p2.getByRole("article", { name: "About outcome 'Stays out of care'" })).toContainText("Resolved by Grace Adeyemi");
  await expect(p2.getByRole("link", { name: "Notifications" })).toBeVisible();
  await expectAccessible(p2);
  await other.close();

  // The provider is told of the reply.
  await page.goto("/notifications");
  await expect(page.getByText("Grace Adeyemi replied on outcome 'Stays out of care'")).toBeVisible();
});

test("a caret stays where it was when someone else types earlier in the same field", async ({ page, browser, baseURL, server, consoleErrors: _ }) => {
  const id = await freshWorkspace(server, "facilitator@gla.example", [["prime@pfp.example", "provider"]]);
  await login(page, "facilitator@gla.example");
  await page.goto(`/workspaces/${id}/outcomes`);
  await expect(page.getByText("Live: changes are shared as you type")).toBeVisible();
  await page.getByLabel("Goal").fill("young people stay at home");

  const other = await browser.newContext({ baseURL });
  const p2 = await other.newPage();
  await login(p2, "prime@pfp.example");
  await p2.goto(`/workspaces/${id}/outcomes`);
  await expect(p2.getByLabel("Goal")).toHaveValue("young people stay at home");

  // The facilitator's caret sits after "young people"…
  const goal = page.getByLabel("Goal");
  await goal.focus();
  await page.keyboard.press("End");
  for (let i = 0; i < " stay at home".length; i++) await page.keyboard.press("ArrowLeft");
  // …the provider adds words at the start…
  await p2.getByLabel("Goal").focus();
  await p2.keyboard.press("Home");
  await p2.keyboard.type("More ");
  await expect(goal).toHaveValue("More young people stay at home");
  // …and the facilitator's next keystrokes land where their caret was.
  await page.keyboard.type(" on the edge of care");
  await expect(p2.getByLabel("Goal")).toHaveValue("More young people on the edge of care stay at home");
  await other.close();
});
