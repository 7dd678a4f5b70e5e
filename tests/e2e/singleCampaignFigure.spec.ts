/**
 * One campaign figure everywhere: the overview, the campaign planner and the run page show the
 * same recommended campaign (contacts, threshold, expected profit), the one stored with the run,
 * and it is the run's scores at or above that threshold. Trains a light run first when the
 * database has none (ensureTrainedRun), as the dashboard specs do; named to run after the specs
 * that seed their own customers (campaigns.spec.ts), whose ids the trained run's would clash with.
 */
import { parse } from "csv-parse/sync";
import { expect, test, type Page } from "@playwright/test";
import { readDatabase, scoreTableOf } from "./support/e2eDatabase";
import { signIn } from "./support/signIn";
import { ensureTrainedRun, TRAINING_TIMEOUT_MS, type TrainedRunFacts } from "./support/trainedRunFacts";

const ARTIFACTS = "tests/e2e/.artifacts";
const count = (value: number) => value.toLocaleString("en-US");
const amount = (value: number) => Math.round(value).toLocaleString("en-US");

let facts: TrainedRunFacts;

test.beforeAll(async () => {
  test.setTimeout(TRAINING_TIMEOUT_MS + 60_000);
  facts = await ensureTrainedRun();
});

async function recommendedOn(page: Page): Promise<{ contacts: string; threshold: string; profit: string }> {
  const card = page.getByTestId("recommended-campaign");
  await expect(card).toBeVisible();
  const read = async (id: string) => (await card.getByTestId(id).textContent())!.trim();
  return { contacts: await read("recommended-contacts"), threshold: await read("recommended-threshold"), profit: await read("recommended-profit") };
}

test("the overview, the planner and the run page show the same recommended campaign, the run's scores at or above its threshold", async ({ page }) => {
  const recommended = facts.summary.campaign!.recommended;
  expect(recommended.threshold).not.toBeNull();
  const inDatabase = readDatabase<{ n: number }>(
    `SELECT COUNT(*) AS n FROM ${scoreTableOf(facts.runId)} WHERE "runId" = ? AND "responseProbability" >= ?`,
    facts.runId,
    recommended.threshold,
  )[0].n;
  expect(inDatabase).toBe(recommended.contacts);
  const expected = { contacts: count(recommended.contacts), threshold: `${(recommended.threshold! * 100).toFixed(2)}%`, profit: amount(recommended.profit) };

  await signIn(page, "ADMIN");
  await page.goto("/");
  expect(await recommendedOn(page)).toEqual(expected);
  await expect(page.getByTestId("kpi-profit-value")).toHaveText(expected.profit);
  await expect(page.getByTestId("kpi-profit")).toContainText(`mailing ${expected.contacts} customers with p ≥ ${expected.threshold}`);
  await page.screenshot({ path: `${ARTIFACTS}/campaign-overview.png`, fullPage: true });

  await page.goto("/campaigns");
  expect(await recommendedOn(page)).toEqual(expected);
  await expect(page.getByTestId("planner-shows-recommended")).toHaveText("The audience below is the recommended campaign.");
  await expect(page.getByTestId("best-size")).toHaveText(`Most profitable: ${expected.contacts} contacts at p ≥ ${expected.threshold}`);
  await expect(page.getByTestId("reach")).toContainText(`with ${expected.contacts} contacts`);
  const yourAudience = page.getByTestId("campaign-outcomes").getByRole("row").nth(1).getByRole("cell");
  await expect(yourAudience.nth(1)).toHaveText(expected.contacts);
  await expect(yourAudience.nth(5)).toHaveText(expected.profit);
  await expect(page.getByTestId("planner-estimated")).toHaveCount(0);
  // Its target list is the same customers: the threshold travels at full precision.
  const list = await page.request.get((await page.getByTestId("export-campaign").getAttribute("href"))!);
  expect(parse(await list.text(), { columns: true })).toHaveLength(recommended.contacts);
  await page.screenshot({ path: `${ARTIFACTS}/campaign-planner-recommended.png`, fullPage: true });

  // Exploring another audience says so, and one click brings the recommended one back.
  await page.getByLabel(/Response probability at least/).fill("0.5");
  await expect(page.getByTestId("planner-shows-recommended")).toHaveText("The audience below is your own choice, not the recommended campaign.");
  await page.getByRole("button", { name: "Back to the recommended campaign" }).click();
  await expect(yourAudience.nth(1)).toHaveText(expected.contacts);

  await page.goto(`/admin/runs/${facts.runId}`);
  expect(await recommendedOn(page)).toEqual(expected);
  await expect(page.getByTestId("response-holdout-cut")).toContainText("Model evaluation on held-out folds, not the campaign");
  await page.screenshot({ path: `${ARTIFACTS}/campaign-run-page.png`, fullPage: true });
});
