/**
 * The CLV backtest of the active run (synthetic customers with order lines): the run page shows
 * the calibration-versus-holdout chart and its figures, the executive summary its grade.
 */
import { expect, test } from "@playwright/test";
import { signIn } from "./support/signIn";
import { ensureTrainedRun, TRAINING_TIMEOUT_MS, type TrainedRunFacts } from "./support/trainedRunFacts";

const ARTIFACTS = "tests/e2e/.artifacts";

let facts: TrainedRunFacts;
test.beforeAll(async () => {
  test.setTimeout(TRAINING_TIMEOUT_MS + 60_000);
  facts = await ensureTrainedRun();
});

test("the run page charts predicted against actual hold-out purchases by calibration frequency", async ({ page }) => {
  await signIn(page, "ANALYST");
  await page.goto(`/admin/runs/${facts.runId}`);
  const card = page.getByTestId("clv-backtest");
  await expect(card.getByTestId("clv-backtest-grade")).toContainText(/^Grade: (good|fair|poor)Predicted [\d,]+ repeat purchases in the last \d+ weeks against [\d,]+ actual/);
  await expect(card).toContainText(/Refitted on the orders up to \d{4}-\d{2}-\d{2}/);
  const chart = card.getByTestId("clv-backtest-chart");
  await expect(chart.locator(".recharts-bar-rectangle").first()).toBeVisible();
  await expect(chart).toContainText("6+");
  await card.scrollIntoViewIfNeeded();
  await card.screenshot({ path: `${ARTIFACTS}/clv-backtest-card.png` });
});

test("the executive summary grades the backtest in plain words", async ({ page }) => {
  await signIn(page, "EXECUTIVE");
  await page.goto("/");
  const summary = page.getByTestId("clv-backtest-summary");
  await expect(summary).toContainText(/^Lifetime-value backtest(good|fair|poor)(Good|Fair|Poor): /);
  await expect(summary).toContainText("Spearman at least 0.3");
  await summary.screenshot({ path: `${ARTIFACTS}/clv-backtest-summary.png` });
});
