// Offline is a state the editors handle: the browser goes offline (its own offline
// mode, as on a train), the badge says so at once, the editor stays on screen and
// editable, background reloads fail quietly instead of reloading the page, the edit is
// on the device before the badge says it is kept, the tab can be closed, and back
// online the edit reaches the room and merges with what others did meanwhile.
import type { BrowserContext, Page } from "@playwright/test";
import { expect, expectAccessible, freshWorkspace, login, storedOnDevice, test } from "./fixtures";

const LIVE = "Live: changes are shared as you type";
const KEPT = "Offline: your changes are kept on this device and shared when you reconnect";

/** Marks the page, so a reload (which would lose the mark) can be told apart from a re-render. */
async function mark(page: Page) {
  await page.evaluate(() => ((window as unknown as { __notReloaded: boolean }).__notReloaded = true));
  return async () => expect(await page.evaluate(() => (window as unknown as { __notReloaded?: boolean }).__notReloaded === true), "the page was reloaded").toBe(true);
}

/** Uncaught errors in the page (console messages about failed requests are expected offline). */
function pageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  return errors;
}


/** A person whose device can go offline, signed in and on `path`, live. */
async function person(context: BrowserContext, email: string, path: string) {
  const page = await context.newPage();
  await login(page, email);
  await page.goto(path);
  await expect(page.getByText(LIVE)).toBeVisible();
  return page;
}

test("outcomes: typed offline, kept on the device, tab closed, shared on reconnect", async ({ browser, baseURL, server }) => {
  const id = await freshWorkspace(server, "facilitator@gla.example", [["prime@pfp.example", "provider"]]);
  const device = await browser.newContext({ baseURL });
  const room = await browser.newContext({ baseURL });
  const page = await person(device, "prime@pfp.example", `/workspaces/${id}/outcomes`);
  const errors = pageErrors(page);
  const facilitator = await person(room, "facilitator@gla.example", `/workspaces/${id}/outcomes`);
  await facilitator.getByLabel("New outcome").fill("Stays out of care");
  await facilitator.getByRole("button", { name: "Add outcome" }).click();
  await expect(page.getByRole("heading", { name: /Stays out of care/ })).toBeVisible();
  const notReloaded = await mark(page);

  await device.setOffline(true);
  await expect(page.getByText(KEPT)).toBeVisible();
  // Still editable offline: the provider adds an outcome and writes its definition.
  await page.getByLabel("New outcome").fill("Attends school regularly");
  await page.getByRole("button", { name: "Add outcome" }).click();
  const second = page.getByRole("group").filter({ hasText: "Edit outcome 2" });
  await page.getByText("Edit outcome 2").click();
  await second.getByLabel("Precise definition").fill("Attendance of 90% or more in a term, from the school's register.");
  await expect(page.getByText(KEPT)).toBeVisible();
  await expect.poll(() => storedOnDevice(page, `${id}/outcomes`, "from the school's register")).toBe(true);
  // The recent-changes panel reloads a few seconds after an edit: offline it must not take the page down.
  await expect(page.getByRole("heading", { name: "Recent changes" })).toBeVisible();
  await page.waitForTimeout(3500);
  await expect(second.getByLabel("Precise definition")).toHaveValue("Attendance of 90% or more in a term, from the school's register.");
  await expect(page.getByText(KEPT)).toBeVisible();
  await notReloaded();
  // Meanwhile in the room.
  await facilitator.getByLabel("Goal").fill("Young people stay safely at home and in school");
  await page.close();
  expect(errors).toEqual([]);

  await device.setOffline(false);
  const later = await device.newPage();
  await later.goto(`/workspaces/${id}/outcomes`);
  await expect(later.getByText(LIVE)).toBeVisible();
  for (const p of [later, facilitator]) {
    await expect(p.getByRole("heading", { name: /Attends school regularly/ })).toBeVisible();
    await expect(p.getByLabel("Goal")).toHaveValue("Young people stay safely at home and in school");
  }
  await facilitator.getByText("Edit outcome 2").click();
  await expect(facilitator.getByRole("group").filter({ hasText: "Edit outcome 2" }).getByLabel("Precise definition")).toHaveValue("Attendance of 90% or more in a term, from the school's register.");
  await expectAccessible(later);
  await device.close();
  await room.close();
});

test("payment: a tariff changed offline is kept, survives the tab, and reaches the room on reconnect", async ({ browser, baseURL, server }) => {
  const id = await freshWorkspace(server, "facilitator@gla.example", [["lead@sutton.example", "commissioner"]]);
  const room = await browser.newContext({ baseURL });
  const facilitator = await person(room, "facilitator@gla.example", `/workspaces/${id}/payment`);
  const start = facilitator.getByRole("form", { name: "Start the payment model" });
  await start.getByLabel("Outcome payers, one per line").fill("Kent County Council\nMedway Council");
  await start.getByLabel("Referrals start on").fill("2027-04-01");
  await start.getByRole("button", { name: "Start the payment model" }).click();
  await expect(facilitator.getByLabel("Tariff per outcome (£)")).toBeVisible();

  const device = await browser.newContext({ baseURL });
  // Whether the forecast worker's script arrived before the network went is a race; here it
  // never arrives, so the page must compute on its own thread.
  await device.route(/forecast\.worker/, (route) => route.abort("internetdisconnected"));
  const page = await person(device, "lead@sutton.example", `/workspaces/${id}/payment`);
  const errors = pageErrors(page);
  await expect(page.getByLabel("Tariff per outcome (£)")).toBeEnabled();
  const notReloaded = await mark(page);

  await device.setOffline(true);
  await expect(page.getByText(KEPT)).toBeVisible();
  await page.getByLabel("Tariff per outcome (£)").fill("1,500");
  await expect(page.getByText(KEPT)).toBeVisible();
  // The forecast is computed on the device: it follows the edit while offline.
  await expect(page.getByRole("region", { name: "Forecast by scenario, table" }).getByRole("row", { name: /^Central case/ }).getByTestId("commissioner-p50")).not.toHaveText(/^£0/);
  await expect(facilitator.getByLabel("Tariff per outcome (£)")).not.toHaveValue("1,500");
  await page.waitForTimeout(3500); // the recent-changes panel's reload comes and goes
  await expect(page.getByLabel("Tariff per outcome (£)")).toHaveValue("1,500");
  await notReloaded();
  await page.close();
  expect(errors).toEqual([]);

  await device.setOffline(false);
  const later = await device.newPage();
  await later.goto(`/workspaces/${id}/payment`);
  await expect(later.getByText(LIVE)).toBeVisible();
  await expect(facilitator.getByLabel("Tariff per outcome (£)")).toHaveValue(/^1,?500(\.00)?$/);
  await expect(later.getByLabel("Tariff per outcome (£)")).toHaveValue(/^1,?500(\.00)?$/);
  await device.close();
  await room.close();
});

test("what-if: an investor's edit made offline is kept in the browser, survives the tab, and is saved to her account on reconnect", async ({ browser, baseURL, server }) => {
  const id = await freshWorkspace(server, "facilitator@gla.example", [["investor@bridges.example", "investor"]]);
  const room = await browser.newContext({ baseURL });
  const facilitator = await person(room, "facilitator@gla.example", `/workspaces/${id}/payment`);
  const start = facilitator.getByRole("form", { name: "Start the payment model" });
  await start.getByLabel("Outcome payers, one per line").fill("Kent County Council");
  await start.getByLabel("Referrals start on").fill("2027-04-01");
  await start.getByRole("button", { name: "Start the payment model" }).click();
  await expect(facilitator.getByLabel("Tariff per outcome (£)")).toBeVisible();
  await room.close();

  const device = await browser.newContext({ baseURL });
  const page = await person(device, "investor@bridges.example", `/workspaces/${id}/payment`);
  await page.getByLabel("Name (optional)").fill("Offline pricing");
  await page.getByRole("button", { name: "Try a what-if copy" }).click();
  await expect(page.getByText("Your what-if “Offline pricing”")).toBeVisible();
  const errors = pageErrors(page);

  await device.setOffline(true);
  await page.getByLabel("Tariff per outcome (£)").fill("2,000");
  await expect(page.getByTestId("what-if-save")).toHaveText("Not saved yet: it is kept in this browser and saved when the connection is back.");
  await page.close();
  expect(errors).toEqual([]);

  await device.setOffline(false);
  const later = await device.newPage();
  await later.goto(`/workspaces/${id}/payment`);
  await expect(later.getByText("Your what-if “Offline pricing”")).toBeVisible();
  await expect(later.getByLabel("Tariff per outcome (£)")).toHaveValue(/^2,?000(\.00)?$/);
  await expect(later.getByTestId("what-if-save")).toHaveText("Saved to your account.");
  // On the server: another browser of hers, with nothing kept locally, gets the same copy.
  const elsewhere = await browser.newContext({ baseURL });
  const other = await person(elsewhere, "investor@bridges.example", `/workspaces/${id}/payment`);
  await other.getByRole("button", { name: "Open “Offline pricing”" }).click();
  await expect(other.getByLabel("Tariff per outcome (£)")).toHaveValue(/^2,?000(\.00)?$/);
  await expectAccessible(other);
  await elsewhere.close();
  await device.close();
});
