// A workshop with young people in real browsers: a facilitator opens it; four phones
// (360 px, one on a throttled connection) join by code, write cards (one with a phone
// number, held and explained), vote; the projector shows the results live; a theme
// becomes a service quality in the PFP framework and "you said, we did" shows it. A
// phone offline keeps its card and sends it on reconnect. Every page passes axe.
import type { Browser, Page } from "@playwright/test";
import { demoWorkspaceId, expect, expectAccessible, expectNoHorizontalScroll, login, person, test } from "./fixtures";

const PHONE = { width: 360, height: 740 };
// A phone on a weak connection takes seconds per page; wait as its owner would.
const WAIT = { timeout: 45_000 };

async function phone(browser: Browser, code: string, options: { slow?: boolean } = {}): Promise<{ page: Page; errors: string[]; name: string }> {
  const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  if (options.slow) {
    // A weak venue connection: 800 kbit/s down, 300 ms round trips.
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 300, downloadThroughput: 100_000, uploadThroughput: 50_000 });
  }
  await page.goto(`/join?code=${code}`);
  await page.getByRole("button", { name: "Join" }).click();
  await expect(page.getByText("Your made-up name is")).toBeVisible(WAIT);
  const name = (await page.locator("strong").first().textContent())!;
  return { page, errors, name };
}

async function sendCard(page: Page, text: string) {
  await page.getByLabel("Your idea", { exact: true }).fill(text);
  await page.getByRole("button", { name: "Send my idea" }).click();
}

test("a workshop from the projector to 'you said, we did'", async ({ page, browser, consoleErrors }) => {
  test.setTimeout(180_000);
  void consoleErrors;
  await login(page, "facilitator@gla.example");
  const ws = await demoWorkspaceId(page);
  await page.goto(`/workspaces/${ws}/workshops`);
  await expectAccessible(page);
  // The demo's past workshop, with its level on the ladder.
  await expect(page.getByText("Co-designed")).toBeVisible();
  await page.getByLabel("Name").fill("What would make things better at home?");
  await page.getByLabel("Date").fill("2027-03-12");
  await page.getByLabel("Moderation").selectOption("post");
  await page.getByRole("button", { name: "Create workshop" }).click();
  await page.getByRole("button", { name: "Open the workshop" }).click();
  await expect(page.getByRole("status")).toContainText("Open: phones join with the code");
  const code = (await page.locator("strong.font-mono").textContent())!.trim();
  await expectAccessible(page);

  const projector = await page.context().newPage();
  const href = await page.getByRole("link", { name: "Projector wall (new window)" }).getAttribute("href");
  expect(href).toMatch(/\/workspaces\/[^/]+\/workshops\/[^/]+\/projector$/);
  await projector.goto(href!);
  await expect(projector.getByTestId("join-code")).toHaveText(code);
  await expectAccessible(projector);

  const phones = [await phone(browser, code), await phone(browser, code), await phone(browser, code), await phone(browser, code, { slow: true })];
  await expect(projector.getByText("4 joined")).toBeVisible(WAIT);
  await expectAccessible(phones[0]!.page);
  await expectNoHorizontalScroll(phones[0]!.page);

  // Cards, one with a phone number: held, and the writer is told why in plain words.
  await page.getByRole("button", { name: "Show on phones" }).click();
  for (const p of phones) await expect(p.page.getByRole("heading", { name: "What would a good result look like for you?" })).toBeVisible(WAIT);
  await sendCard(phones[0]!.page, "text me on 07700 900123");
  await expect(phones[0]!.page.getByText("We kept this back because it has a phone number in it.").first()).toBeVisible();
  await sendCard(phones[1]!.page, "Someone who listens to me");
  await sendCard(phones[2]!.page, "A safe place to go");
  await sendCard(phones[3]!.page, "Someone to talk to");
  for (const text of ["Someone who listens to me", "A safe place to go", "Someone to talk to"]) await expect(projector.getByTestId("wall-cards")).toContainText(text, WAIT);
  await expect(projector.getByTestId("wall-cards")).not.toContainText("07700");
  // No made-up names on the wall unless the facilitator shows them.
  for (const p of phones) await expect(projector.getByText(p.name)).toHaveCount(0);

  // Offline: the card waits on the phone and goes when it is back.
  await phones[2]!.page.context().setOffline(true);
  await sendCard(phones[2]!.page, "Help with my brother");
  await expect(phones[2]!.page.getByText("You are offline.")).toBeVisible();
  await expect(phones[2]!.page.getByText("1 thing is waiting to send.")).toBeVisible();
  await phones[2]!.page.context().setOffline(false);
  await expect(projector.getByTestId("wall-cards")).toContainText("Help with my brother");

  // The facilitator reads the held card and makes themes.
  await page.reload();
  await expect(page.getByText("Held: it has a phone number.")).toBeVisible();
  for (const t of ["Someone who listens", "Safe places"]) {
    await page.getByLabel("New theme").fill(t);
    await page.getByRole("button", { name: "Add theme" }).click();
    await expect(page.getByRole("heading", { name: t, level: 4 })).toBeVisible();
  }

  // Dot voting, live on the projector.
  await page.getByLabel("Activity").selectOption("dots");
  await page.getByLabel("Question on the phones").fill("Which matter most to you?");
  await page.getByRole("button", { name: "Show on phones" }).click();
  for (const [i, p] of phones.entries()) {
    await expect(p.page.getByRole("heading", { name: "Which matter most to you?" })).toBeVisible(WAIT);
    await p.page.getByLabel("Someone who listens").fill(i === 3 ? "1" : "2");
    await p.page.getByLabel("Safe places").fill("1");
    await p.page.getByRole("button", { name: "Send my vote" }).click();
    await expect(p.page.getByText("Your vote is in. You can change it.")).toBeVisible(WAIT);
  }
  await expect(projector.locator('[data-result="Someone who listens"]')).toContainText("7 dots");
  await expect(projector.locator('[data-result="Safe places"]')).toContainText("4 dots");
  await expect(projector.getByText("4 voted")).toBeVisible();

  // Sorting by the phones: a suggestion for the facilitator.
  await page.getByLabel("Activity").selectOption("sort");
  await page.getByLabel("Question on the phones").fill("Put each idea in the group where it fits best.");
  await page.getByRole("button", { name: "Show on phones" }).click();
  const sorter = phones[0]!.page;
  await expect(sorter.getByRole("heading", { name: "Put each idea in the group where it fits best." })).toBeVisible(WAIT);
  await sorter.getByLabel("A safe place to go").selectOption({ label: "Safe places" });
  await sorter.getByRole("button", { name: "Send my vote" }).click();
  await expect(sorter.getByText("Your vote is in. You can change it.")).toBeVisible(WAIT);
  await expect(projector.getByTestId("results")).toContainText("A safe place to go: Safe places 1");
  await page.reload();
  await expect(page.getByText("Phones suggest “Safe places” (1 of 1).")).toBeVisible();

  // Tell the leader: only the console shows it.
  await phones[1]!.page.getByText("Tell the leader").click();
  await phones[1]!.page.getByLabel("Your message").fill("I feel worried about going home");
  await phones[1]!.page.getByRole("button", { name: "Send to the leader" }).click();
  await expect(phones[1]!.page.getByText("Thank you. A leader will read it soon.")).toBeVisible();
  await expect(page.getByText("I feel worried about going home")).toBeVisible();
  await expect(projector.getByText("I feel worried about going home")).toHaveCount(0);

  // Promote a theme into the PFP framework as a service quality.
  const theme = page.locator("li", { has: page.getByRole("heading", { name: "Someone who listens", level: 4 }) });
  await theme.getByLabel("Add to the framework as").selectOption("service-quality");
  await theme.getByLabel("Title in the framework").fill("Workers listen to young people and do not judge them");
  await theme.getByRole("button", { name: "Add “Someone who listens” to the framework" }).click();
  await expect(page.getByRole("status")).toContainText("Added to the outcome framework as a service quality.");
  await page.getByRole("button", { name: "Close the workshop" }).click();
  await expect(phones[0]!.page.getByText("This workshop has ended. Thank you for your ideas!")).toBeVisible();

  await page.goto(`/workspaces/${ws}/outcomes`);
  const quality = page.getByRole("list", { name: "Service qualities" }).locator("li", { hasText: "proposed by young people, workshop of 12 March 2027" });
  await expect(quality.getByRole("textbox")).toHaveValue("Workers listen to young people and do not judge them");

  // "You said, we did", reachable later with the same code.
  const later = phones[3]!.page;
  await later.goto(`/join?code=${code}`);
  await later.getByRole("button", { name: "Join" }).click();
  await expect(later).toHaveURL(new RegExp(`/join/${code}/results$`), WAIT);
  const adopted = later.locator("li", { has: later.getByRole("heading", { name: "Someone who listens" }) });
  await expect(adopted).toContainText("We added it to the plan. It is now a rule for how the service must work.");
  await expect(adopted).toContainText("Workers listen to young people and do not judge them");
  await expect(later.getByText("07700")).toHaveCount(0);
  await expectAccessible(later);
  await expectNoHorizontalScroll(later);
  for (const p of phones) expect(p.errors, "page errors on a phone").toEqual([]);
});

test("the join screen works from the keyboard alone and says who reads what", async ({ page }) => {
  await page.setViewportSize(PHONE);
  await page.goto("/join");
  await expectAccessible(page);
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Type the code on the big screen")).toBeFocused();
  await page.keyboard.type("ZZZZZZ");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("alert")).toHaveText("That code does not work. Check it and try again.");
});

test("a member who does not run workshops reads what became of the themes, not the cards", async ({ browser }) => {
  const { page } = await person(browser, "prime@pfp.example");
  const ws = await demoWorkspaceId(page);
  await page.goto(`/workspaces/${ws}`);
  const link = page.getByRole("link", { name: "What a good result looks like: young people from five boroughs" });
  await link.click();
  await expect(page.getByText("We did not add it.")).toBeVisible();
  await expect(page.getByText("Co-designed")).toBeVisible();
  await expect(page.getByRole("button", { name: "Close the workshop" })).toHaveCount(0);
  await expectAccessible(page);
});

test("the facilitator's console and the projector of the demo's past workshop, on a 360 px phone", async ({ browser }) => {
  const { page, errors } = await person(browser, "facilitator@gla.example", { viewport: PHONE });
  const ws = await demoWorkspaceId(page);
  await page.goto(`/workspaces/${ws}/workshops`);
  await page.getByRole("link", { name: "What a good result looks like: young people from five boroughs" }).click();
  await expect(page.getByText("The raw cards have been deleted; themes stay.")).toBeVisible();
  await expect(page.getByText("In the framework as a service quality", { exact: false }).first()).toBeVisible();
  await expectAccessible(page);
  await expectNoHorizontalScroll(page);
  await page.goto(`/workspaces/${ws}/outcomes`);
  await expect(page.getByText(/Source: proposed by young people, workshop of/).first()).toBeVisible();
  expect(errors).toEqual([]);
});
