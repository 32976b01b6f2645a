// The live board: two browsers see each other's notes, presence and cursors; a
// read-only role sees changes but cannot make them; edits made offline are kept on
// the device and merge when the connection is back.
import type { WebSocketRoute } from "@playwright/test";
import { expect, freshWorkspace, expectAccessible, expectNoHorizontalScroll, login, storedOnDevice, test } from "./fixtures";

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

  // A young person is shown as one, never by the account's name.
  await expect(page.getByRole("list", { name: "Here now" })).toContainText("A young person · Service user");
  await expect(page.getByRole("list", { name: "Here now" })).not.toContainText("Youth panel");
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

  // Cursors: the young person sees which note the facilitator is in; the facilitator
  // never sees which note the young person is writing (it would identify them).
  const notesAt = (p: typeof page) => p.getByRole("list", { name: "Notes" }).getByRole("listitem");
  await page.getByLabel("Note 2", { exact: true }).focus();
  await expect(notesAt(p2).nth(1)).toContainText("Grace Adeyemi is editing");
  await expect(notesAt(p2).nth(0)).not.toContainText("is editing");
  await p2.getByLabel("Note 1", { exact: true }).focus();
  await p2.getByLabel("Note 1", { exact: true }).press("End");
  await p2.keyboard.type(" and friends");
  await expect(page.getByLabel("Note 1", { exact: true })).toHaveValue("Somewhere safe to live, near my school and friends");
  await expect(page.getByText("is editing")).toHaveCount(0);
  await page.getByLabel("New note").focus();
  await expect(p2.getByText("is editing")).toHaveCount(0);

  await page.getByRole("button", { name: "Move note 2 earlier" }).click();
  await expect(p2.getByLabel("Note 1", { exact: true })).toHaveValue("Someone who listens");

  await p2.getByRole("button", { name: "Delete note 1" }).click();
  await expect(page.getByRole("list", { name: "Notes" }).getByRole("listitem")).toHaveCount(1);
  await expectAccessible(page);
  await other.close();

  // What was written is stored: a fresh page load shows it.
  await page.reload();
  await expect(page.getByLabel("Note 1", { exact: true })).toHaveValue("Somewhere safe to live, near my school and friends");
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


test("a note written offline is kept on the device and reaches everyone when back online", async ({ browser, baseURL, server }) => {
  const id = await freshWorkspace(server, "facilitator@gla.example", [["youth@panel.example", "service-user"]]);
  // The young person's device: its sync connections go through a switch we can cut
  // (the browser's offline mode does not close open WebSockets).
  const device = await browser.newContext({ baseURL });
  let offline = false;
  const open: WebSocketRoute[] = [];
  await device.routeWebSocket(/\/sync\//, (ws) => {
    if (offline) return void ws.close({ code: 4000, reason: "offline" });
    ws.connectToServer();
    open.push(ws);
  });
  const page = await device.newPage();
  await login(page, "youth@panel.example");
  await page.goto(`/workspaces/${id}/board`);
  await expect(page.getByText("Live: changes are shared as you type")).toBeVisible();

  const room = await browser.newContext({ baseURL });
  const facilitator = await room.newPage();
  await login(facilitator, "facilitator@gla.example");
  await facilitator.goto(`/workspaces/${id}/board`);
  await expect(facilitator.getByText("Live: changes are shared as you type")).toBeVisible();

  // The connection drops.
  offline = true;
  await device.setOffline(true);
  for (const ws of open.splice(0)) await ws.close({ code: 4000, reason: "offline" });
  await expect(page.getByText("Offline: your changes are kept on this device")).toBeVisible();
  await page.getByLabel("New note").fill("Written on the bus");
  await page.getByRole("button", { name: "Add note" }).click();
  await expect(page.getByRole("list", { name: "Notes" })).toContainText("Written on the bus");
  await facilitator.getByLabel("New note").fill("Added in the room");
  await facilitator.getByRole("button", { name: "Add note" }).click();
  await expect(facilitator.getByRole("list", { name: "Notes" }).getByRole("listitem")).toHaveCount(1);

  // The note exists only on the device; the tab is closed before the connection returns.
  await expect.poll(() => storedOnDevice(page, `${id}/board`, "Written on the bus")).toBe(true);
  await page.close();

  offline = false;
  await device.setOffline(false);
  const later = await device.newPage();
  await later.goto(`/workspaces/${id}/board`);
  await expect(later.getByText("Live: changes are shared as you type")).toBeVisible();
  for (const p of [later, facilitator]) {
    await expect(p.getByRole("list", { name: "Notes" })).toContainText("Written on the bus");
    await expect(p.getByRole("list", { name: "Notes" })).toContainText("Added in the room");
  }
  await expectAccessible(later);
  await device.close();
  await room.close();
});
