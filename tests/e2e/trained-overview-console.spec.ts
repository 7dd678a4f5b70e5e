/**
 * The executive summary as an executive and as an administrator: no NaN and no error in the
 * browser console, no empty drift chart before the second run, the schedule shown as off
 * (the e2e server runs with RETRAIN_SCHEDULER=off), and the data-quality report linked only
 * for a role that may open it.
 */
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support/signIn";
import { ensureTrainedRun, TRAINING_TIMEOUT_MS, type TrainedRunFacts } from "./support/trainedRunFacts";

let facts: TrainedRunFacts;

test.beforeAll(async () => {
  test.setTimeout(TRAINING_TIMEOUT_MS + 60_000);
  facts = await ensureTrainedRun();
});

/** Every console message that is an error or mentions NaN, and every uncaught page error. */
function collectProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" || message.text().includes("NaN")) problems.push(`${message.type()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`pageerror: ${error.message}`));
  return problems;
}

async function openOverview(page: Page): Promise<void> {
  await page.goto("/");
  await expect(page.getByTestId("metric-history")).toBeVisible();
  await expect(page.getByTestId("history-auc").locator(".recharts-surface")).toBeAttached();
  await expect(page.getByTestId("retrain-facts")).toContainText("none: the scheduler is off");
  if (facts.previousRunId === null) {
    await expect(page.getByTestId("history-drift-none")).toContainText("from the second run on");
    await expect(page.getByTestId("history-drift")).toHaveCount(0);
  }
}

for (const role of ["EXECUTIVE", "ADMIN"] as const) {
  test(`the overview as ${role.toLowerCase()} logs no NaN and no error`, async ({ page }) => {
    await signIn(page, role);
    const problems = collectProblems(page);
    await openOverview(page);
    // Charts draw after hydration: reload once so a second load is checked too.
    await page.reload();
    await expect(page.getByTestId("metric-history")).toBeVisible();
    await expect(page.getByTestId("history-auc").locator(".recharts-surface")).toBeAttached();
    expect(problems).toEqual([]);
  });
}

test("the data-quality report is linked for an administrator, not for an executive (who may not open it)", async ({ browser }) => {
  const admin = await browser.newPage();
  await signIn(admin, "ADMIN");
  await admin.goto("/");
  const link = admin.getByTestId("quality-report-link");
  await expect(link).toBeVisible();
  const href = await link.getAttribute("href");
  await admin.close();

  const executive = await browser.newPage();
  await signIn(executive, "EXECUTIVE");
  await executive.goto("/");
  await expect(executive.getByText("Latest import")).toBeVisible();
  await expect(executive.getByTestId("quality-report-link")).toHaveCount(0);
  // The page the link would have led to is refused to this role.
  const response = await executive.goto(href!);
  expect(response?.status()).toBe(403);
  await executive.close();
});
