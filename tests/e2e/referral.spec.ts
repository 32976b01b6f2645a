// The referral criteria designer on the demo's PFP criteria: the referral form's
// wording, partner commitments, and the eligibility tester, live across browsers;
// identifying notes are refused with a message saying what to remove.
import { demoWorkspaceId, expect, expectAccessible, expectNoHorizontalScroll, freshWorkspace, login, test } from "./fixtures";

test("a commissioner tests cases against the PFP criteria and changes a rule; an observer sees the result live", async ({ page, browser, baseURL, server: _server, consoleErrors: _ }) => {
  await login(page, "lead@sutton.example");
  const id = await demoWorkspaceId(page);
  await page.goto(`/workspaces/${id}/referral`);
  await expect(page.getByText("Live: changes are shared as you type")).toBeVisible();
  await expect(page.getByText("Aged 11 to 16 (10 and 17 by exception).")).toBeVisible();
  await expect(page.getByRole("row", { name: /Tower Hamlets/ })).toContainText("Short");

  const cases = page.getByRole("list", { name: "Test cases" }).locator(":scope > li");
  await expect(cases.filter({ hasText: "Ten, aggressive at school and at home" })).toContainText("Eligible by exception");
  await expect(cases.filter({ hasText: "Sixteen, psychiatric concerns the main issue" })).toContainText("Not eligible");
  const before = await cases.count();

  const observerContext = await browser.newContext({ baseURL });
  const observer = await observerContext.newPage();
  await login(observer, "fund@tnlcf.example");
  await observer.goto(`/workspaces/${id}/referral`);
  await expect(observer.getByText("Your role can read the criteria but not change them.")).toBeVisible();
  await expect(observer.getByRole("button", { name: "Add and test" })).toHaveCount(0);

  // A case with a name in it is refused, saying what to remove; nothing is added.
  await page.getByLabel("Short title").fill("Thirteen, missing at weekends");
  await page.getByLabel("Age").fill("13");
  await page.getByLabel("absconds or goes missing").check();
  await page.getByLabel("Notes (no names or identifying details)").fill("Often stays with Aisha Khan at weekends.");
  await page.getByRole("button", { name: "Add and test" }).click();
  await expect(page.getByText('Remove "Aisha Khan": it looks like a name. Refer to people by role instead.')).toBeVisible();
  await expect(page.getByLabel("Notes (no names or identifying details)")).toHaveAttribute("aria-invalid", "true");
  await expect(cases).toHaveCount(before);
  await page.getByLabel("Notes (no names or identifying details)").fill("Often stays with a friend's family at weekends.");
  await page.getByRole("button", { name: "Add and test" }).click();
  await expect(cases).toHaveCount(before + 1);
  await expect(observer.getByRole("list", { name: "Test cases" }).locator(":scope > li").filter({ hasText: "Thirteen, missing at weekends" })).toContainText("Eligible");

  // A recorded concern excludes, and says which.
  await page.getByLabel("Short title").fill("Fifteen, suicidal thoughts");
  await page.getByLabel("Age").fill("15");
  await page.getByLabel("verbally aggressive").check();
  await page.getByLabel("Current concerns about suicidal or homicidal behaviour").check();
  await page.getByRole("button", { name: "Add and test" }).click();
  await expect(cases.filter({ hasText: "Fifteen, suicidal thoughts" })).toContainText("Excluded: Current concerns about suicidal or homicidal behaviour.");

  // Tower Hamlets now expects to meet its commitment: everyone sees the position change.
  const towerHamlets = page.getByRole("group", { name: "London Borough of Tower Hamlets" });
  await towerHamlets.getByLabel("Expected a year").fill("22");
  await expect(observer.getByRole("row", { name: /Tower Hamlets/ })).toContainText("Met");

  // No exceptions below 11 any more: the ten-year-old is no longer eligible, for everyone.
  await page.getByLabel("Youngest by exception").fill("");
  await expect(observer.getByText("Aged 11 to 16 (17 by exception).")).toBeVisible();
  await expect(observer.getByRole("list", { name: "Test cases" }).locator(":scope > li").filter({ hasText: "Ten, aggressive at school and at home" })).toContainText("Not eligible");

  // A rule being corrected shows its error and stays on screen.
  await page.getByLabel("Youngest", { exact: true }).fill("18");
  await expect(page.getByLabel("Oldest", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#age-max-error")).toHaveText("The lowest age must not be above the highest");
  await expect(page.getByText("Rule 1 is incomplete: The lowest age must not be above the highest.")).toBeVisible();
  await page.getByLabel("Youngest", { exact: true }).fill("11");
  await page.getByLabel("Youngest by exception").fill("10");
  await expect(observer.getByText("Aged 11 to 16 (10 and 17 by exception).")).toBeVisible();

  // Sutton's judgement of a case, compared with the other partners'.
  await page.getByRole("button", { name: "Ten, aggressive at school and at home: would refer", exact: true }).click();
  const tenYearOld = cases.filter({ hasText: "Ten, aggressive at school and at home" });
  await expect(tenYearOld).toContainText("You said it would refer.");
  await expect(tenYearOld).toContainText("London Borough of Sutton would refer (1–0)");
  await expectAccessible(page);
  await observerContext.close();
});

test("the referral page on a 360 px phone, read-only", async ({ page, consoleErrors: _ }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await login(page, "fund@tnlcf.example");
  await page.goto(`/workspaces/${await demoWorkspaceId(page)}/referral`);
  await expect(page.getByRole("heading", { name: "Eligibility tester" })).toBeVisible();
  await expectAccessible(page);
  await expectNoHorizontalScroll(page);
});

test("the criteria are published as a version, changed, compared in the referral form's words and restored", async ({ page, browser, baseURL, server: _server, consoleErrors: _ }) => {
  await login(page, "facilitator@gla.example");
  const id = await demoWorkspaceId(page);
  await page.goto(`/workspaces/${id}/referral`);
  await expect(page.getByText("Live: changes are shared as you type")).toBeVisible();
  const name = `Criteria for market engagement ${Date.now()}`;
  await page.getByLabel("Publish the criteria as it stands, named").fill(name);
  await page.getByRole("button", { name: "Publish version" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Published “${name}”.` })).toBeVisible();

  await expect(page.getByText("Live: changes are shared as you type")).toBeVisible();
  const before = await page.getByLabel("Rollover allowance (% of a commitment)").inputValue();
  await page.getByLabel("Rollover allowance (% of a commitment)").fill(before === "7" ? "8" : "7");
  const after = before === "7" ? "8" : "7";
  await page.getByLabel("Compare", { exact: true }).selectOption({ label: name });
  await page.getByRole("button", { name: "Show changes" }).click();
  await expect(page.getByText(`Rollover allowance ${before}% → ${after}%.`)).toBeVisible();

  const other = await browser.newContext({ baseURL });
  const observer = await other.newPage();
  await login(observer, "fund@tnlcf.example");
  await observer.goto(`/workspaces/${id}/referral`);
  await expect(observer.getByText(`up to ${after}% may roll over`)).toBeVisible();
  await expect(page.getByText("Live: changes are shared as you type")).toBeVisible();
  await page.getByRole("button", { name: `Restore “${name}” as a new edit` }).click();
  await expect(observer.getByText(`up to ${before}% may roll over`)).toBeVisible();
  await expectAccessible(page);
  await other.close();
});

test("exclusions and pathway steps are added, reworded, reordered and removed on screen, live for the other person", async ({ page, browser, baseURL, server, consoleErrors: _ }) => {
  const id = await freshWorkspace(server, "facilitator@gla.example", [["prime@pfp.example", "provider"]]);
  await login(page, "facilitator@gla.example");
  await page.goto(`/workspaces/${id}/referral`);
  await expect(page.getByText("Live: changes are shared as you type")).toBeVisible();
  const other = await browser.newContext({ baseURL });
  const p2 = await other.newPage();
  await login(p2, "prime@pfp.example");
  await p2.goto(`/workspaces/${id}/referral`);
  await expect(p2.getByText("Live: changes are shared as you type")).toBeVisible();

  // A blank exclusion is refused with a message.
  await page.getByRole("button", { name: "Add exclusion" }).click();
  await expect(page.getByText("Write the new exclusion first.")).toBeVisible();
  await page.getByLabel("New exclusion").fill("Already open to a youth offending team");
  await page.getByRole("button", { name: "Add exclusion" }).click();
  const wording = p2.getByRole("region", { name: "As the referral form says it" });
  await expect(wording).toContainText("Already open to a youth offending team");
  // The provider rewords it; the facilitator sees the new wording.
  await p2.getByLabel("Exclusion 1", { exact: true }).fill("Open to a youth offending team");
  await expect(page.getByLabel("Exclusion 1", { exact: true })).toHaveValue("Open to a youth offending team");

  // Pathway: three steps by keyboard, the last moved first, one removed.
  for (const step of ["Referral form", "Panel", "Clinic"]) {
    await page.getByLabel("New step").fill(step);
    await page.keyboard.press("Enter");
    await expect(page.getByLabel(/^Step \d$/).last()).toHaveValue(step);
  }
  await page.getByRole("button", { name: "Move step 3 earlier" }).click();
  await page.getByRole("button", { name: "Move step 2 earlier" }).click();
  await page.getByLabel("Step 1: who owns it").fill("Borough edge of care clinic");
  const steps = p2.getByRole("list", { name: "Pathway steps" }).getByLabel(/^Step \d$/);
  await expect(steps).toHaveCount(3);
  await expect(p2.getByLabel("Step 1", { exact: true })).toHaveValue("Clinic");
  await expect(p2.getByLabel("Step 1: who owns it")).toHaveValue("Borough edge of care clinic");
  await p2.getByRole("button", { name: "Remove step 3" }).click();
  await expect(page.getByLabel(/^Step \d$/)).toHaveCount(2);
  await expectAccessible(page);

  // A new rule of a kind: its wording reaches the other person; a behaviours rule asks for its list.
  await page.getByLabel("Kind of rule").selectOption("age-range");
  await page.getByLabel("Label for the new rule").fill("Age");
  await page.getByRole("button", { name: "Add rule" }).click();
  await expect(wording).toContainText("Aged 11 to 16.");
  await page.getByLabel("Kind of rule").selectOption("at-least-one-behaviour");
  await page.getByLabel("Label for the new rule").fill("Behaviours");
  await page.getByRole("button", { name: "Add rule" }).click();
  await expect(page.getByText("List at least one behaviour", { exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Remove rule 2" }).click();
  await expect(page.getByText("List at least one behaviour", { exact: true })).toHaveCount(0);
  // A partner joins with its commitment.
  await p2.getByLabel("New commissioning partner").fill("London Borough of Croydon");
  await p2.getByRole("button", { name: "Add partner" }).click();
  await page.getByRole("group", { name: "London Borough of Croydon" }).getByLabel("Minimum a year").fill("20");
  await expect(p2.getByRole("row", { name: /Croydon/ })).toContainText("20");

  // The activity feed says who did what.
  await page.goto(`/workspaces/${id}/activity`);
  const feed = page.getByRole("list", { name: "Changes, newest first" });
  await expect(async () => {
    await page.reload();
    await expect(feed).toContainText("Helen Marsh removed pathway step 'Panel'", { timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await expect(feed).toContainText("Grace Adeyemi added the exclusion");
  await expect(feed).toContainText("Helen Marsh changed the exclusion 'Open to a youth offending team'");
  await expectAccessible(page);
  await other.close();
});
