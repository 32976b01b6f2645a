// The payment model, live: a commissioner changes the PFP tariff from £225 to £240
// and the forecast changes for everyone in the room; an investor tries a what-if in
// their own copy without touching the shared model; an observer reads only; a bad
// amount is refused where it was typed.
import type { Browser, Page } from "@playwright/test";
import { demoWorkspaceId, expect, expectAccessible, expectNoHorizontalScroll, login, test } from "./fixtures";

/** A scenario's row in the forecast table (the investors' table has rows of the same names). */
const forecastRow = (p: Page, name: RegExp) => p.getByRole("region", { name: "Forecast by scenario, table" }).getByRole("row", { name });
const median = (p: Page) => forecastRow(p, /^Median/).getByTestId("commissioner-p50");

/** The commissioner and an investor on the demo's payment page, both showing the same forecast. */
async function commissionerAndInvestor(page: Page, browser: Browser, baseURL: string) {
  await login(page, "lead@sutton.example");
  const id = await demoWorkspaceId(page);
  await page.goto(`/workspaces/${id}/payment`);
  await expect(page.getByText("Live: changes are shared as you type")).toBeVisible();
  // The first figures come from the server, or from the browser's own forecast on a loaded machine.
  await expect(median(page)).toContainText("£", { timeout: 15_000 });
  const before = (await median(page).textContent())!;
  const other = await browser.newContext({ baseURL });
  const investor = await other.newPage();
  await login(investor, "investor@bridges.example");
  await investor.goto(`/workspaces/${id}/payment`);
  await expect(median(investor)).toHaveText(before);
  return { before, investor, other };
}

test("a tariff change reaches every chart in the room; a what-if copy stays private", async ({ page, browser, baseURL, server: _server, consoleErrors: _ }) => {
  const { before, investor, other } = await commissionerAndInvestor(page, browser, baseURL!);

  await expect(investor.getByLabel("Tariff per period (£)")).toBeDisabled();

  // The commissioner changes the tariff: both see the new figures.
  const tariff = page.getByLabel("Tariff per period (£)");
  await tariff.fill("24o");
  await expect(page.getByText("Enter an amount in pounds, e.g. 225 or 240.50.")).toBeVisible();
  await expect(investor.getByLabel("Tariff per period (£)")).toHaveValue("225");
  await tariff.fill("240");
  await expect(investor.getByLabel("Tariff per period (£)")).toHaveValue("240");
  await expect(median(investor)).not.toHaveText(before, { timeout: 10_000 });
  // Both browsers recompute on their own: read the commissioner's figure once it has changed too.
  await expect(median(page)).not.toHaveText(before, { timeout: 10_000 });
  const after = await median(page).textContent();
  await expect(median(investor)).toHaveText(after!);
  await expectAccessible(page);

  // The investor's what-if: her figures change, the shared model does not.
  await investor.getByRole("button", { name: "Try a what-if copy" }).click();
  await investor.getByLabel("Tariff per period (£)").fill("200");
  await expect(median(investor)).not.toHaveText(after!);
  await expect(page.getByLabel("Tariff per period (£)")).toHaveValue("240");
  await expect(median(page)).toHaveText(after!);
  await expect(investor.getByTestId("what-if-save")).toHaveText("Saved to your account.");
  // Kept on the server: after a reload it is still hers, and opens where she left it.
  await investor.reload();
  await expect(investor.getByText("Your what-if “What-if 1”")).toBeVisible();
  await expect(investor.getByLabel("Tariff per period (£)")).toHaveValue("200");
  await investor.getByRole("button", { name: "Back to the shared model" }).click();
  await expect(investor.getByLabel("Tariff per period (£)")).toHaveValue("240");
  await expectAccessible(investor);

  // She shows it to the room; the commissioner puts it beside the shared model.
  const wall = page.getByRole("list", { name: "What-ifs shown to the room" });
  await expect(wall).toContainText("“A £240 tariff, with our delivery costs”, shown by");
  await expect(wall).not.toContainText("What-if 1");
  await investor.getByRole("button", { name: "Show “What-if 1” to the room" }).click();
  await expect(investor.getByRole("button", { name: "Stop showing “What-if 1”" })).toBeVisible();
  await expect(wall).toContainText(/“What-if 1”, shown by .+ \(Bridges Outcomes Partnerships\)/);
  await wall.getByRole("button", { name: "Put “What-if 1” beside the shared model" }).click();
  const beside = page.getByTestId("what-if-beside");
  await expect(beside).toContainText("Tariff of 'Seven consecutive days not in care' changed from £240.00 to £200.00.");
  const row = beside.getByRole("region", { name: /^Median.*: shared model and “What-if 1”$/ }).getByRole("row", { name: /^Commissioners pay, in all/ });
  await expect(row).toContainText(/−£[\d,]+$/);
  await expectAccessible(page);
  // Taken down, it leaves the wall for everyone.
  await investor.getByRole("button", { name: "Stop showing “What-if 1”" }).click();
  await expect(wall).not.toContainText("What-if 1");
  await expect(beside).toHaveCount(0);
  await other.close();

  // The change is in the feed, and against a published version, in words.
  await expect(page.getByRole("region", { name: "Recent changes" })).toContainText("Sam Okafor changed the tariff of 'Seven consecutive days not in care': £225.00 → £240.00", { timeout: 15_000 });
  await page.getByLabel("Publish the payment model as it stands, named").fill("Tariff £240 for market engagement");
  await page.getByRole("button", { name: "Publish version" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Published “Tariff £240 for market engagement”." })).toBeVisible();
  await page.getByLabel("Tariff per period (£)").fill("225");
  await expect(median(page)).toHaveText(before);
  await page.getByRole("button", { name: "Show changes" }).click();
  await expect(page.getByText("Tariff of 'Seven consecutive days not in care' changed from £240.00 to £225.00.")).toBeVisible();
});

test("an observer reads the payment model on a phone, with the forecast and appraisal", async ({ page, consoleErrors: _ }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await login(page, "fund@tnlcf.example");
  await page.goto(`/workspaces/${await demoWorkspaceId(page)}/payment`);
  await expect(page.getByText("Your role cannot change the shared model.")).toBeVisible();
  await expect(page.getByLabel("Tariff per period (£)")).toBeDisabled();
  // The PFP's cap and the fund's claims, in words: what the boroughs pay is capped; the fund is claimed from quarterly.
  await expect(page.getByLabel("The total cap limits")).toHaveValue("commissioners-share");
  await expect(page.getByLabel("The total cap limits").locator("option:checked")).toHaveText(/What the commissioners pay; the top-up from .+ comes on top/);
  await expect(page.getByLabel(/^Claims from .+: invoiced$/)).toHaveValue("quarterly");
  await expect(page.getByLabel("London Borough of Sutton: invoiced")).toHaveValue("default");
  await expect(page.getByRole("button", { name: "Try a what-if copy" })).toHaveCount(0);
  await expect(page.getByText(/the cheapest option for the commissioners at the median is/)).toBeVisible();
  // The investors' return and risk, and the provider's margin, are on screen, not only in the CSV.
  const investors = page.getByRole("region", { name: "Investors' view" });
  await expect(investors.getByRole("row", { name: /^Median/ }).getByTestId("investor-irr")).toHaveText(/^-?\d+\.\d% \(-?\d+\.\d% to -?\d+\.\d%\)$/);
  await expect(investors.getByRole("row", { name: /^Median/ }).getByTestId("investor-peak")).toHaveText(/^£[\d,]+ \(£[\d,]+ to £[\d,]+\)/);
  await expect(investors.getByRole("row", { name: /^Low/ }).getByTestId("investor-at-risk")).toHaveText(/^£[\d,]+$/);
  await expect(investors.getByRole("row", { name: /^Low/ })).toContainText(/% of runs$/);
  await expect(page.getByRole("region", { name: "Provider's view" }).getByRole("row", { name: /^Median/ }).getByTestId("provider-margin")).toHaveText(/^£[\d,]+ \(/);
  await expect(page.getByRole("region", { name: "Costs avoided by who saves them" })).toContainText("The wider public sector (health, justice, education, DWP)");
  // Charts a finance person can read: every scenario, the cap, £ axes and the figures behind each.
  const cost = page.getByRole("figure", { name: "What the commissioners pay in all, by scenario" });
  await expect(cost.locator("svg[role=img]:visible")).toHaveAttribute("aria-label", /Median: .+High: .+Low: .+Cap: the most the commissioners pay for outcomes: £6,739,200/);
  await expect(cost.locator("svg:visible text", { hasText: /^£\dm$/ }).first()).toBeVisible();
  const cash = page.getByRole("figure", { name: /The investors' cash position over time/ });
  await expect(cash.locator("svg:visible path[stroke-dasharray]")).toHaveCount(2);
  await cash.getByText("The figures behind this chart").click();
  await expect(cash.getByRole("region", { name: /figures$/ }).getByRole("row", { name: /^2018-02/ })).toContainText("£");
  await expect(page.getByRole("region", { name: "Outcome payments by payer" })).toContainText("London Borough of Sutton");
  await expect(page.getByRole("region", { name: "Forecast cost to each payer" })).toContainText("London Borough of Merton");
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: /Download workbook/ }).click();
  expect((await download).suggestedFilename()).toBe("payment-model.xlsx");
  await expectAccessible(page);
  await expectNoHorizontalScroll(page);
});

test("a commissioner adds a milestone payment, times it in a scenario and removes it; the room sees each step", async ({ page, browser, baseURL, server: _server, consoleErrors: _ }) => {
  const { before, investor, other } = await commissionerAndInvestor(page, browser, baseURL!);

  // A mistyped amount and a missing event are refused where they were typed; nothing reaches the room.
  const add = page.getByRole("form", { name: "Add a payment" });
  await add.getByLabel("Kind of payment").selectOption({ label: "Milestone payment, on an event" });
  await add.getByLabel("Name").fill("Family plan agreed");
  await add.getByLabel("Amount (£)").fill("1,0x0");
  await add.getByRole("button", { name: "Add payment" }).click();
  await expect(add.getByText("Enter an amount in pounds, e.g. 225 or 1,000.50.")).toBeVisible();
  await expect(add.getByText("Say which event it is paid on, e.g. plan-agreed")).toBeVisible();
  await add.getByLabel("Amount (£)").fill("1,000");
  await add.getByLabel("Paid on the event").fill("plan-agreed");
  await add.getByLabel("Paid on the event").press("Enter");
  await expect(add.getByRole("status")).toHaveText("Added “Family plan agreed”. Set its details above.");
  await expect(investor.getByRole("group", { name: "Family plan agreed" })).toBeVisible();
  await expect(median(investor)).not.toHaveText(before, { timeout: 10_000 });
  await expect(median(page)).not.toHaveText(before, { timeout: 10_000 });
  const everyone = (await median(page).textContent())!;
  await expectAccessible(page);

  // Only half the engaged cases reach the plan: the forecast drops for everyone.
  await page.getByText(/^Scenario: Median/).click();
  await page.getByLabel("“plan agreed” (Family plan agreed): engaged cases reaching it (%)").first().fill("50");
  await expect(median(investor)).not.toHaveText(everyone, { timeout: 10_000 });
  await expect(median(investor)).not.toHaveText(before);

  await page.getByRole("button", { name: "Remove “Family plan agreed”" }).click();
  await expect(investor.getByRole("group", { name: "Family plan agreed" })).toHaveCount(0);
  await expect(median(investor)).toHaveText(before, { timeout: 10_000 });
  // The PFP's outcome payment is what its cap is defined on: removing it is refused, with the reason.
  await page.getByRole("button", { name: "Remove “Seven consecutive days not in care”" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Cannot remove it" })).toBeVisible();
  await expect(investor.getByLabel("Tariff per period (£)")).toHaveValue("225");
  await other.close();
});

test("a commissioner starts the payment model of a new workspace and prices its outcome", async ({ page, server: _server, consoleErrors: _ }) => {
  await login(page, "lead@sutton.example");
  await page.goto("/workspaces/new");
  await page.getByLabel("Workspace name").fill("Kent Youth Employment");
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Kent Youth Employment" })).toBeVisible();
  await page.getByRole("link", { name: "Payment", exact: true }).click();
  const start = page.getByRole("form", { name: "Start the payment model" });
  await expect(start).toBeVisible();
  await expectAccessible(page);
  await start.getByRole("button", { name: "Start the payment model" }).click();
  await expect(start.getByText("Name at least one outcome payer, one per line")).toBeVisible();
  await start.getByLabel("Outcome payers, one per line").fill("Kent County Council\nMedway Council");
  await start.getByLabel("Referrals start on").fill("2027-04-01");
  await start.getByRole("button", { name: "Start the payment model" }).click();

  await expect(page.getByRole("group", { name: "Outcome achieved" })).toBeVisible();
  const central = forecastRow(page, /^Central case/).getByTestId("commissioner-p50");
  await expect(central).toHaveText(/^£0/);
  await page.getByLabel("Tariff per outcome (£)").fill("1,500");
  await expect(central).not.toHaveText(/^£0/);
  // Nothing says what delivery costs yet: the page names the missing inputs instead of pricing them at £0.
  const appraisal = page.getByRole("region", { name: "Options appraisal table" });
  await expect(appraisal.getByRole("row", { name: /^Fee-for-service/ }).getByTestId("option-cost")).toHaveText("Not priced: needs the commissioners' price per family bought by fee, or the provider's delivery cost");
  await expect(page.getByText(/the cheapest option for the commissioners at the median is fee-for-service/)).toHaveCount(0);
  await expect(page.getByTestId("forecast-gaps")).toContainText("“Central case”: No delivery cost is given");
  await expect(page.getByRole("region", { name: "Investors' view" }).getByRole("row", { name: /^Central case/ })).toContainText("Needs the delivery costs");
  await expect(page.getByRole("region", { name: "Provider's view" }).getByRole("row", { name: /^Central case/ }).getByTestId("provider-margin")).toHaveText(/^Needs the delivery costs/);
  // The commissioners' estimate of delivery: the fee-for-service option, the margin and the investors' figures follow.
  await page.getByText("Scenario: Central case").click();
  await page.getByLabel("Delivery cost (the commissioners' estimate): per family taken on (£)").fill("6,000");
  await expect(page.getByRole("region", { name: "Provider's view" }).getByRole("row", { name: /^Central case/ }).getByTestId("provider-margin")).toHaveText(/^-?£[\d,]+ \(/);
  await expect(appraisal.getByRole("row", { name: /^Fee-for-service/ }).getByTestId("option-cost")).toHaveText(/^£[1-9]/);
  await expect(page.getByRole("region", { name: "Investors' view" }).getByRole("row", { name: /^Central case/ }).getByTestId("investor-irr")).toHaveText(/%/);
  await expect(page.getByTestId("forecast-gaps")).not.toContainText("No delivery cost is given");
  await page.getByText("Scenario: Central case").click();
  const byPayer = page.getByRole("region", { name: "Forecast cost to each payer" });
  await expect(byPayer).toContainText("Medway Council");

  // A third payer joins; payments are then shared in fixed shares that must add up to 100%.
  const addPayer = page.getByRole("form", { name: "Add an outcome payer" });
  await addPayer.getByLabel("New payer's name").fill("Swale Borough Council");
  await addPayer.getByRole("button", { name: "Add payer" }).click();
  await expect(byPayer).toContainText("Swale Borough Council");
  await page.getByLabel("How each outcome payment is shared").selectOption({ label: "Fixed shares of every payment" });
  const shares = page.getByRole("form", { name: "Fixed shares" });
  await expect(shares.getByLabel("Kent County Council: share (%)")).toHaveValue("33.34");
  await shares.getByLabel("Kent County Council: share (%)").fill("60");
  await shares.getByLabel("Medway Council: share (%)").fill("30");
  await shares.getByLabel("Swale Borough Council: share (%)").fill("5");
  await shares.getByRole("button", { name: "Save shares" }).click();
  await expect(shares.getByRole("alert")).toHaveText("The shares add up to 95%; they must add up to 100%.");
  await shares.getByLabel("Swale Borough Council: share (%)").fill("10");
  await shares.getByRole("button", { name: "Save shares" }).click();
  await expect(shares.getByLabel("Swale Borough Council: share (%)")).toHaveValue("10");
  await expect(shares.getByRole("alert")).toHaveCount(0);

  // A second scenario, copied from the first, renamed, then removed.
  await page.getByText("Scenario: Central case").click();
  await page.getByRole("button", { name: "Copy “Central case” to vary it" }).click();
  await expect(forecastRow(page, /^Central case \(copy\)/)).toBeVisible();
  await page.getByText("Scenario: Central case (copy)").click();
  await page.getByLabel("Scenario name").nth(1).fill("Central case");
  await expect(page.getByText("Another scenario already has that name.")).toBeVisible();
  await page.getByLabel("Scenario name").nth(1).fill("Low demand");
  await expect(forecastRow(page, /^Low demand/)).toBeVisible();
  await page.getByRole("button", { name: "Remove “Low demand”" }).click();
  await expect(forecastRow(page, /^Low demand/)).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Remove “Central case”" })).toBeDisabled();

  // A co-funder tops up a tenth of every outcome payment: the councils pay less.
  const councils = (await central.textContent())!;
  await page.getByRole("button", { name: "Add a co-funder" }).click();
  await page.getByLabel("Co-funder's name").fill("Kent Community Foundation");
  await page.getByLabel("Kent Community Foundation: share of each outcome payment (%)").fill("10");
  await expect(central).not.toHaveText(councils);
  await expectAccessible(page);
});

test("investors' capital in tranches: the forecast shows how often cash runs short between them", async ({ page, server: _server, consoleErrors: _ }) => {
  await login(page, "lead@sutton.example");
  await page.goto(`/workspaces/${await demoWorkspaceId(page)}/payment`);
  await expect(page.getByText("Live: changes are shared as you type")).toBeVisible();
  const investorCell = page.getByRole("region", { name: "Investors' view" }).getByRole("row", { name: /^Median/ }).getByTestId("investor-peak");
  await expect(investorCell).toContainText("£");
  await expect(investorCell).not.toContainText("cash short between tranches");
  await page.getByText(/^Scenario: Median/).click();
  const field = page.getByLabel("Capital drawn in tranches (month: £; blank: drawn as needed)").first();
  await field.fill("0: 1,0o0,000");
  await expect(page.getByText("Write each tranche as month: pounds, separated by semicolons, e.g. 0: 1,500,000; 12: 1,500,000.")).toBeVisible();
  await field.fill("0: 1,000,000");
  await expect(investorCell).toContainText("cash short between tranches in 100%");
  await field.fill("");
  await expect(investorCell).not.toContainText("cash short between tranches");
});
