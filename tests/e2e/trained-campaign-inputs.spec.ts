/**
 * The campaign planner's cost and revenue boxes: an empty or negative amount is an error with a
 * message and withholds the export, never a silent 0; with a segment ticked, "everyone" means
 * everyone in it.
 */
import { expect, test, type Locator } from "@playwright/test";
import { signIn } from "./support/signIn";
import { ensureTrainedRun, TRAINING_TIMEOUT_MS, type TrainedRunFacts } from "./support/trainedRunFacts";

let facts: TrainedRunFacts;

test.beforeAll(async () => {
  test.setTimeout(TRAINING_TIMEOUT_MS + 60_000);
  facts = await ensureTrainedRun();
});

const contactsOf = async (row: Locator) => Number((await row.getByRole("cell").nth(1).textContent())!.replace(/,/g, ""));

test("an empty cost and a negative revenue are refused with messages; the export waits until they are fixed", async ({ page }) => {
  await signIn(page, "VIEWER");
  await page.goto("/campaigns");
  await page.locator("#cost").fill("");
  await expect(page.getByTestId("cost-error")).toHaveText("Enter a cost per contact");
  await expect(page.getByTestId("export-campaign")).toHaveCount(0);
  await expect(page.getByTestId("export-withheld")).toBeVisible();
  await page.locator("#cost").fill("3");
  await page.locator("#revenue").fill("-5");
  await expect(page.getByTestId("revenue-error")).toHaveText("Revenue per response must be 0 or more");
  await expect(page.getByTestId("outcome-last-valid")).toBeVisible();
  await page.locator("#revenue").fill("11");
  await expect(page.getByTestId("revenue-error")).toHaveCount(0);
  await expect(page.getByTestId("export-campaign")).toBeVisible();
});

test("with one segment ticked, the 'Everyone' row is everyone in that segment", async ({ page }) => {
  await signIn(page, "VIEWER");
  await page.goto("/campaigns");
  const outcomes = page.getByTestId("campaign-outcomes");
  const everyone = outcomes.getByRole("row").filter({ hasText: /^Everyone/ });
  const all = await contactsOf(everyone);
  const segment = facts.segments[0];
  await page.getByTestId("segment-choices").getByLabel(segment.name).check();
  await expect(everyone).toContainText("Everyone in the ticked segments");
  const inSegment = await contactsOf(everyone);
  expect(inSegment).toBeLessThan(all);
  expect(inSegment).toBeLessThanOrEqual(segment.size);
});
