// Bidding in the PFP demo, in real browsers: two consortia draft their hybrid bids live
// and submit inside the bid rules (the rival on a 360 px phone, submitting with the
// keyboard); no commissioner sees either before the deadline; after opening, an
// evaluator declares and scores, the commissioner moderates and awards, the winning
// proposal becomes the contract model and the losing bidder reads its assessment summary.
// Its own server: this spec moves the demo procurement's clock, which others rely on.
import type { Browser, Page } from "@playwright/test";
import { startServer, type TestServer } from "../support/server";
import { execSql } from "../support/sql";
import { expect, expectAccessible, expectNoHorizontalScroll, person, test } from "./fixtures";

let server: TestServer;
test.beforeAll(async () => {
  server = await startServer({ ACTIVITY_QUIET_MS: "500" });
});
test.afterAll(async () => server?.stop());

const signIn = (browser: Browser, email: string, viewport?: { width: number; height: number }) => person(browser, email, { baseURL: server.url, ...(viewport ? { viewport } : {}) });

async function clock(procurementId: string, deadline: Date) {
  const past = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
  const timeline = { "tender-notice": past(30), participation: past(29), shortlist: past(15), dialogue: past(14), clarification: past(3), enquiryEndsAt: past(1), clarificationsUntil: past(1), "bid-deadline": deadline.toISOString() };
  await execSql(server.db, `UPDATE "Procurement" SET stage = $1, timeline = $2 WHERE id = $3`, ["clarification", JSON.stringify(timeline), procurementId]);
}

async function answerAll(page: Page, who: string) {
  for (const [i, label] of ["How will you deliver MST and FFT", "How will the partnership share outcome risk", "How will young people and families shape"].entries()) {
    await page.getByLabel(new RegExp(`^${i + 1}\\. ${label}`)).fill(`${who}: our answer to question ${i + 1}.`);
  }
}

test("two consortia bid; sealed until opening; declared evaluation, moderation and award; the loser's summary", async ({ browser }) => {
  test.setTimeout(240_000);
  const lead = await signIn(browser, "lead@sutton.example");
  await lead.page.goto("/workspaces");
  await lead.page.getByRole("link", { name: "Pan-London Edge of Care" }).click();
  await expect(lead.page).toHaveURL(/\/workspaces\/[^/]+$/);
  const ws = /workspaces\/([^/]+)/.exec(lead.page.url())![1]!;
  await lead.page.goto(`/workspaces/${ws}/procurement`);
  const procurementId = /opportunities\/([^"/]+)/.exec((await lead.page.getByRole("link", { name: "Public opportunity page" }).getAttribute("href"))!)![1]!;
  await clock(procurementId, new Date(Date.now() + 3_600_000));
  const bids = `/workspaces/${ws}/procurement/bids`;

  // The prime starts the bid and invites the investor and a small delivery partner.
  const prime = await signIn(browser, "prime@pfp.example");
  await prime.page.goto(bids);
  await prime.page.getByLabel("Bid name").fill("Positive Families Partnership");
  await prime.page.getByRole("button", { name: "Start the bid" }).click();
  await expect(prime.page.getByRole("heading", { name: "Your bid" })).toBeVisible();
  await prime.page.getByLabel("Organisation (a registered party)").selectOption({ label: "Bridges Outcomes Partnerships" });
  await prime.page.getByLabel("Role").selectOption("investor");
  await prime.page.getByRole("button", { name: "Add to the consortium" }).click();
  await expect(prime.page.getByText("Added to the consortium")).toBeVisible();
  await prime.page.getByLabel("Organisation (a registered party)").selectOption({ label: "Family Action" });
  await expect(prime.page.getByLabel("Role")).toHaveValue("delivery");
  await prime.page.getByLabel("A small provider").check();
  await prime.page.getByRole("button", { name: "Add to the consortium" }).click();
  await expect(prime.page.getByText("Family Action: Delivery partner (small provider)")).toBeVisible();
  const bidUrl = prime.page.url();

  // The investor drafts alongside, live: the prime sees the answer appear.
  const investor = await signIn(browser, "investor@bridges.example");
  await investor.page.goto(bidUrl);
  await expect(investor.page.getByText("Live", { exact: false }).first()).toBeVisible();
  await investor.page.getByLabel(/^2\. How will the partnership share outcome risk/).fill("Bridges carries the outcome risk; partners are paid per family.");
  await expect(prime.page.getByLabel(/^2\. How will the partnership share outcome risk/)).toHaveValue("Bridges carries the outcome risk; partners are paid per family.");

  // A tariff outside the rules is named as it is typed; inside them, the bid prices and submits.
  const tariff = prime.page.getByLabel("Tariff per period (£)");
  await tariff.fill("260");
  await tariff.blur();
  await expect(prime.page.getByText("tariff £260.00 is above the tender's maximum of £250.00")).toBeVisible();
  await expect(investor.page.getByText("tariff £260.00 is above the tender's maximum of £250.00")).toBeVisible();
  await tariff.fill("230");
  await tariff.blur();
  await answerAll(prime.page, "PFP");
  await expect(prime.page.getByText("Inside the bid rules.")).toBeVisible({ timeout: 30_000 });
  await expect(prime.page.getByRole("region", { name: /Risk across the supply chain/ }).first()).toContainText("Family Action");
  await expectAccessible(prime.page);
  await prime.page.getByRole("button", { name: "Submit the bid" }).click();
  await expect(prime.page.getByTestId("receipt")).toContainText("Receipt: SHA-256");

  // The rival, on a phone, with the keyboard to submit.
  const rival = await signIn(browser, "bids@catalyst.example", { width: 360, height: 740 });
  await rival.page.goto(bids);
  await rival.page.getByLabel("Bid name").fill("Catalyst Families Consortium");
  await rival.page.getByRole("button", { name: "Start the bid" }).click();
  await expect(rival.page.getByRole("heading", { name: "Your bid" })).toBeVisible();
  await answerAll(rival.page, "Catalyst");
  // The phone drops off the network: an answer typed now is kept on the device, and a
  // submission is not queued (the server's clock decides) but refused on the spot.
  await expect(rival.page.getByText("Live: changes are shared as you type")).toBeVisible();
  await rival.page.context().setOffline(true);
  await expect(rival.page.getByText(/^Offline: your changes are kept on this device/)).toBeVisible();
  await rival.page.getByLabel(/^3\. How will young people/).fill("Catalyst: typed on the bus, offline.");
  await expect(rival.page.getByText(/^Offline: your changes are kept on this device/)).toBeVisible();
  await rival.page.getByRole("button", { name: "Submit the bid" }).click();
  await expect(rival.page.getByText("You are offline: nothing was sent.")).toBeVisible();
  await rival.page.context().setOffline(false);
  await expect(rival.page.getByText("Live: changes are shared as you type")).toBeVisible({ timeout: 20_000 });
  await expect(rival.page.getByText("Inside the bid rules.")).toBeVisible({ timeout: 30_000 });
  await expectNoHorizontalScroll(rival.page);
  await expectAccessible(rival.page);
  await rival.page.getByRole("button", { name: "Submit the bid" }).focus();
  await rival.page.keyboard.press("Enter");
  await expect(rival.page.getByTestId("receipt")).toContainText("Receipt: SHA-256");

  // Before the deadline the commissioner sees nothing of either bid; nor can it open them.
  await lead.page.goto(bids);
  await expect(lead.page.getByRole("main")).not.toContainText("Positive Families Partnership");
  await expect(lead.page.getByRole("main")).not.toContainText("Catalyst");
  await expect(lead.page.getByText(/Bids are sealed until the deadline/)).toBeVisible();
  expect((await lead.page.goto(bidUrl))!.status()).toBe(404);

  // The deadline passes; the commissioner opens the bids and names an evaluator.
  await clock(procurementId, new Date(Date.now() - 1000));
  await lead.page.goto(bids);
  await lead.page.getByRole("button", { name: "Open the bids" }).click();
  await expect(lead.page.getByText("Every submission matches its receipt")).toBeVisible();
  await expectAccessible(lead.page);
  await lead.page.goto(`/workspaces/${ws}/procurement/evaluation`);
  await lead.page.getByLabel("Name an evaluator").selectOption({ label: "Ruth Kaplan (evaluator)" });
  await lead.page.getByRole("button", { name: "Name them" }).click();
  await expect(lead.page.getByText("Ruth Kaplan, Ecorys UK · not declared yet")).toBeVisible();

  // The evaluator declares before seeing any bid, then scores both.
  const evaluator = await signIn(browser, "evaluator@ecorys.example");
  await evaluator.page.goto(`/workspaces/${ws}/procurement/evaluation`);
  await expect(evaluator.page.getByRole("heading", { name: "Declare your interests" })).toBeVisible();
  await expectAccessible(evaluator.page);
  for (const group of await evaluator.page.getByRole("group").all()) await group.getByLabel("No conflict").check();
  await evaluator.page.getByRole("button", { name: "Record my declaration" }).click();
  await expect(evaluator.page.getByText("Declaration recorded")).toBeVisible();
  for (const [name, score] of [["Positive Families Partnership", "4"], ["Catalyst Families Consortium", "2"]] as const) {
    await evaluator.page.goto(`/workspaces/${ws}/procurement/evaluation`);
    await evaluator.page.getByRole("link", { name }).click();
    await expect(evaluator.page.getByRole("heading", { name })).toBeVisible();
    // What was typed offline reached the server and is in the submitted bid.
    if (name.startsWith("Catalyst")) await expect(evaluator.page.getByText("Catalyst: typed on the bus, offline.")).toBeVisible();
    for (let q = 1; q <= 3; q++) {
      await evaluator.page.getByLabel(`Your score for question ${q}`).selectOption(score);
      await evaluator.page.getByLabel("Justification").nth(q - 1).fill(`Score ${score}: evidence in the answer.`);
      await evaluator.page.getByRole("button", { name: "Save score" }).nth(q - 1).click();
      await expect(evaluator.page.getByText("Score saved")).toBeVisible();
    }
  }
  await expectAccessible(evaluator.page);

  // Moderation: consensus per question, then the ranking and the award.
  await lead.page.goto(`/workspaces/${ws}/procurement/evaluation`);
  await expect(lead.page.getByRole("region", { name: "Bids compared" })).toContainText("Positive Families Partnership", { timeout: 60_000 });
  await lead.page.getByRole("button", { name: "Start moderation" }).click();
  await expect(lead.page.getByText("Moderation has begun")).toBeVisible();
  for (const [name, score] of [["Positive Families Partnership", "4"], ["Catalyst Families Consortium", "2"]] as const) {
    for (const q of ["How will you deliver", "How will the partnership", "How will young people"]) {
      const field = lead.page.getByLabel(new RegExp(`^Consensus score: ${name}, ${q}`));
      const form = lead.page.locator("form", { has: field });
      await field.selectOption(score);
      await form.getByLabel("Reasons").fill(`Agreed ${score}.`);
      await form.getByRole("button", { name: "Save the consensus" }).click();
      await expect(lead.page.getByText("Consensus score saved")).toBeVisible();
    }
  }
  await expect(lead.page.getByRole("region", { name: "Ranking" })).toContainText("Positive Families Partnership");
  await expectAccessible(lead.page);
  await lead.page.getByLabel("Winning bid").selectOption({ index: 1 });
  await lead.page.getByLabel("Reasons (every bidder reads them)").fill("Stronger delivery plan and risk sharing, within the cap.");
  await lead.page.getByRole("button", { name: "Award the contract" }).click();
  await expect(lead.page.getByRole("status").filter({ hasText: "Awarded to Positive Families Partnership" })).toBeVisible();
  await lead.page.goto(`/workspaces/${ws}/payment`);
  await expect(lead.page.getByLabel("Tariff per period (£)")).toHaveValue("230");

  // The losing bidder reads its assessment summary on its phone.
  await rival.page.goto(bids);
  const summary = rival.page.getByRole("region", { name: "Assessment summary: Catalyst Families Consortium" });
  await expect(summary).toContainText("Your bid was not selected.");
  await expect(summary).toContainText("Stronger delivery plan and risk sharing");
  await expect(summary).toContainText("The winning bid: 4. Agreed 4.");
  await expectNoHorizontalScroll(rival.page);
  await expectAccessible(rival.page);

  for (const p of [lead, prime, investor, rival, evaluator]) expect(p.errors).toEqual([]);
});
