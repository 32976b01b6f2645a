// The live board: two browsers see each other's notes and presence; a read-only
// role sees changes but cannot make them.
import { expect, freshWorkspace, expectAccessible, expectNoHorizontalScroll, login, test } from "./fixtures";

test("two people edit the board together and see each other", async ({ page, browser, baseURL, server, consoleErrors: _ }) => {
  const id = await freshWorkspace(server, "facilitator@gla.example", [["youth@panel.example", "service-user"]]);
  await login(page, "facilitator@gla.example");
  await page.goto(`/workspaces/${id}/board`);
  await expect(page.getByText("Live: changes are shared as you type")).toBeVisible();

  const other = await browser.newContext({ baseURL });
  const p2 = await other.newPage();
  await login(p2, "youth@panel.example");
  await p2.goto(`/workspaces/${id}/board`);
  await expect(p2.getByText("Live: changes are shared as you type")).toBeVisible();

  await expect(page.getByRole("list", { name: "Here now" })).toContainText("Youth panel (shared account)");
  await expect(p2.getByRole("list", { name: "Here now" })).toContainText("Grace Adeyemi");

  await page.getByLabel("New note").fill("Somewhere safe to live");
  await page.getByRole("button", { name: "Add note" }).click();
  await expect(p2.getByLabel("Note 1", { exact: true })).toHaveValue("Somewhere safe to live");

  await p2.getByLabel("New note").fill("Someone who listens");
  await p2.getByLabel("Colour").selectOption("pink");
  await p2.getByRole("button", { name: "Add note" }).click();
  await expect(page.getByLabel("Note 2", { exact: true })).toHaveValue("Someone who listens");

  await p2.getByLabel("Note 1", { exact: true }).fill("Somewhere safe to live, near my school");
  await expect(page.getByLabel("Note 1", { exact: true })).toHaveValue("Somewhere safe to live, near my school");

  await page.getByRole("button", { name: "Move note 2 earlier" }).click();
  await expect(p2.getByLabel("Note 1", { exact: true })).toHaveValue("Someone who listens");

  await p2.getByRole("button", { name: "Delete note 1" }).click();
  await expect(page.getByRole("list", { name: "Notes" }).getByRole("listitem")).toHaveCount(1);
  await expectAccessible(page);
  await other.close();

  // What was written is stored: a fresh page load shows it.
  await page.reload();
  await expect(page.getByLabel("Note 1", { exact: true })).toHaveValue("Somewhere safe to live, near my school");
});

test("an observer sees the board live but cannot change it", async ({ page, browser, baseURL, server, consoleErrors: _ }) => {
  const id = await freshWorkspace(server, "lead@sutton.example", [["fund@tnlcf.example", "observer"]]);
  await login(page, "fund@tnlcf.example");
  await page.goto(`/workspaces/${id}/board`);
  await expect(page.getByText("Your role can read the board but not change it.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Add note" })).toHaveCount(0);

  const writer = await browser.newContext({ baseURL });
  const w = await writer.newPage();
  await login(w, "lead@sutton.example");
  await w.goto(`/workspaces/${id}/board`);
  await w.getByLabel("New note").fill("Fewer placements out of borough");
  await w.getByRole("button", { name: "Add note" }).click();
  await expect(page.getByRole("list", { name: "Notes" })).toContainText("Fewer placements out of borough");
  await writer.close();
  await expectAccessible(page);
});

test("the board works on a 360 px phone", async ({ page, server, consoleErrors: _ }) => {
  const id = await freshWorkspace(server, "facilitator@gla.example", [["youth@panel.example", "service-user"]]);
  await page.setViewportSize({ width: 360, height: 740 });
  await login(page, "youth@panel.example");
  await page.goto(`/workspaces/${id}/board`);
  await expect(page.getByText("Live: changes are shared as you type")).toBeVisible();
  await page.getByLabel("New note").fill("Being listened to");
  await page.getByRole("button", { name: "Add note" }).click();
  await expect(page.getByRole("list", { name: "Notes" })).toContainText("Being listened to");
  await expectAccessible(page);
  await expectNoHorizontalScroll(page);
});
