// The market-warming day in the PFP demo, as the room lives it: the GLA facilitator
// presents, the commissioner and two rival providers follow on their own screens,
// answer a poll, ask; the commissioner answers; both providers see the answer at once
// without seeing who asked; the engagement record prints.
import type { Browser } from "@playwright/test";
import { demoWorkspaceId, expect, expectAccessible, expectNoHorizontalScroll, login, person, test } from "./fixtures";

/** Someone following the event on their own screen. */
async function follow(browser: Browser, email: string, url: string, viewport?: { width: number; height: number }) {
  const p = await person(browser, email, viewport ? { viewport } : {});
  await p.page.goto(url);
  return p;
}

test("a market-warming day: follow the presenter, poll, ask, answered to all without the asker's name", async ({ page, browser, consoleErrors: _ }) => {
  test.setTimeout(120_000);
  await login(page, "facilitator@gla.example");
  const ws = await demoWorkspaceId(page);
  await page.goto(`/workspaces/${ws}/procurement`);
  await page.getByRole("link", { name: "Market-warming day" }).click();
  await expect(page.getByRole("heading", { name: "Market-warming day", level: 2 })).toBeVisible();
  const url = page.url();

  const commissioner = await follow(browser, "lead@sutton.example", url);
  const rivalA = await follow(browser, "mst@familyaction.example", url);
  const rivalB = await follow(browser, "fft@fpm.example", url, { width: 360, height: 740 });
  const attendees = [commissioner.page, rivalA.page, rivalB.page];
  for (const p of attendees) await expect(p.getByRole("region", { name: "Now showing" })).toContainText("Welcome and why an outcomes contract");

  // The presenter moves every screen to the payment model (the pinned version).
  await page.getByLabel("Show on every screen").selectOption({ label: "Payment model" });
  await page.getByRole("button", { name: "Show it" }).click();
  for (const p of attendees) {
    const showing = p.getByRole("region", { name: "Now showing" });
    await expect(showing).toContainText("Version “For the market-warming day”");
    await expect(showing).toContainText("Paid by");
  }

  // The forecast of the pinned model, worked out on the server, follows on every screen.
  await page.getByLabel("Show on every screen").selectOption({ label: "Payment forecast" });
  await page.getByRole("button", { name: "Show it" }).click();
  for (const p of attendees) await expect(p.getByRole("region", { name: "Now showing" }).getByRole("table")).toContainText("Commissioners pay, in all", { timeout: 20_000 });

  // Look away, and come back with one click.
  await rivalA.page.getByRole("link", { name: "Outcome framework" }).click();
  await expect(rivalA.page.getByRole("region", { name: "You are looking at" })).toContainText("Stays out of care");
  await rivalA.page.getByRole("link", { name: "Back to the presenter" }).click();
  await expect(rivalA.page.getByRole("region", { name: "Now showing" }).getByRole("table")).toContainText("Commissioners pay, in all");

  // Both providers answer the poll; one with the keyboard alone.
  await rivalA.page.getByLabel("50% to 75%", { exact: true }).check();
  await rivalA.page.getByRole("button", { name: /Send my answer/ }).click();
  await expect(rivalA.page.getByText("Thank you: your answer is in.")).toBeVisible();
  await rivalB.page.getByLabel("50% to 75%", { exact: true }).focus();
  await rivalB.page.keyboard.press("Space");
  await rivalB.page.keyboard.press("Enter");
  await expect(rivalB.page.getByText("Thank you: your answer is in.")).toBeVisible();
  const results = page.getByRole("list", { name: /^Results: Which share/ });
  await expect(results.getByRole("listitem").filter({ hasText: "50% to 75%" })).toContainText("2");

  // A question from one rival, moderated into the room, answered by the commissioner.
  const text = "Will the fund's £1.5m cap still hold if a sixth borough joins later?";
  await rivalA.page.getByLabel("Ask the commissioners").fill(text);
  await rivalA.page.getByRole("button", { name: "Send the question" }).click();
  const queued = page.getByRole("listitem").filter({ hasText: text });
  await expect(queued).toContainText("Daniel Brooks (Family Action)");
  await queued.getByRole("button", { name: "Show to the room" }).click();
  const inRoomB = rivalB.page.getByRole("list", { name: "Questions in the room" }).getByRole("listitem").filter({ hasText: text });
  await expect(inRoomB).toContainText(/Organisation \d+/);

  const forCommissioner = commissioner.page.getByRole("list", { name: "Questions in the room" }).getByRole("listitem").filter({ hasText: text });
  const answer = "Yes: the fund's cap is for the whole contract, whichever boroughs join.";
  await forCommissioner.getByLabel("Answer for every party").fill(answer);
  await forCommissioner.getByRole("button", { name: "Publish the answer" }).click();
  await expect(inRoomB).toContainText(answer);
  await expect(rivalA.page.getByRole("list", { name: "Questions in the room" }).getByRole("listitem").filter({ hasText: text })).toContainText(answer);
  for (const who of ["Family Action", "Daniel Brooks"]) await expect(rivalB.page.locator("body")).not.toContainText(who);

  // On a 360 px phone the room is usable and accessible.
  await expectNoHorizontalScroll(rivalB.page);
  await expectAccessible(rivalB.page);

  // The answer is in the clarification log and the engagement record, which prints.
  await rivalB.page.goto(`/workspaces/${ws}/procurement/clarifications`);
  await expect(rivalB.page.getByText(answer)).toBeVisible();
  await commissioner.page.goto(`/workspaces/${ws}/procurement/record`);
  await expect(commissioner.page.getByRole("heading", { name: "Preliminary market engagement: record" })).toBeVisible();
  await expect(commissioner.page.getByText(text)).toBeVisible();
  await expectAccessible(commissioner.page);
  await commissioner.page.emulateMedia({ media: "print" });
  await expect(commissioner.page.getByRole("navigation", { name: "Workspace" })).toBeHidden();
  const pdf = await commissioner.page.pdf({ format: "A4" });
  expect(pdf.byteLength).toBeGreaterThan(5_000);

  for (const p of [commissioner, rivalA, rivalB]) expect(p.errors).toEqual([]);
});

test("the public opportunity page: no sign-in, what the commissioner published, how to register", async ({ page, consoleErrors: _ }) => {
  await login(page, "lead@sutton.example");
  const ws = await demoWorkspaceId(page);
  await page.goto(`/workspaces/${ws}/procurement`);
  const href = await page.getByRole("link", { name: "Public opportunity page" }).getAttribute("href");
  // Signed out, as a visitor from the web would be (leaving the workspace page first, as its open event stream would otherwise be sent the sign-in page).
  await page.goto("about:blank");
  await page.context().clearCookies();
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(href!);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Pan-London edge-of-care social outcomes contract");
  await expect(page.getByText("Stays out of care (paid for)")).toBeVisible();
  await expect(page.getByRole("link", { name: "Sign in to register" })).toBeVisible();
  await expectAccessible(page);
  await expectNoHorizontalScroll(page);
});

test("a question typed while the venue's wifi drops is kept and sent on reconnect", async ({ page, browser, consoleErrors: _ }) => {
  await login(page, "facilitator@gla.example");
  const ws = await demoWorkspaceId(page);
  await page.goto(`/workspaces/${ws}/procurement`);
  await page.getByRole("link", { name: "Market-warming day" }).click();
  await expect(page.getByRole("heading", { name: "Presenter" })).toBeVisible();
  const attendee = await follow(browser, "investor@bridges.example", page.url());
  const text = "Does the investor carry the outcome risk for every borough alike?";
  await attendee.page.context().setOffline(true);
  await attendee.page.getByLabel("Ask the commissioners").fill(text);
  await attendee.page.getByRole("button", { name: "Send the question" }).click();
  await expect(attendee.page.getByText("You are offline. Nothing is lost")).toBeVisible();
  await expect(attendee.page.getByLabel("Ask the commissioners")).toHaveValue(text);
  await attendee.page.context().setOffline(false);
  await expect(attendee.page.getByText("Question sent.")).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: text })).toContainText("Claire Whitfield (Bridges Outcomes Partnerships)");
  // Offline, the browser logs the requests it could not make (route discovery, the stream); nothing else.
  expect(attendee.errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch/.test(e))).toEqual([]);
});

test("the workspace overview leads to the procurement and the event that is live", async ({ page, consoleErrors: _ }) => {
  await login(page, "mst@swlstg.example");
  await page.goto(`/workspaces/${await demoWorkspaceId(page)}`);
  const tender = page.getByRole("region", { name: "Procurement" });
  await expect(tender).toContainText("now: Preliminary market engagement");
  await tender.getByRole("link", { name: "Market-warming day" }).click();
  await expect(page.getByRole("region", { name: "Now showing" })).toBeVisible();
});
