/**
 * The CLV backtest, on a server and database of their own (the shared one's active run is
 * trained on the profile-only real file, which has no backtest): synthetic customers with order
 * lines, two runs (tests/e2e/support/trainedRun.ts). The run page shows the calibration-versus-
 * holdout chart beside the promotion gate's rules, the executive summary the backtest's grade.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { startServer, type StartedServer } from "@/tests/support/nextServer";
import { runScript } from "./support/e2eDatabase";
import { signIn } from "./support/signIn";
import { TRAINING_TIMEOUT_MS, type TrainedRunFacts } from "./support/trainedRunFacts";

const ARTIFACTS = "tests/e2e/.artifacts";

test.describe.serial("the CLV backtest", () => {
  let dir: string;
  let server: StartedServer;
  let facts: TrainedRunFacts;

  test.beforeAll(async () => {
    test.setTimeout(TRAINING_TIMEOUT_MS + 2 * 60_000);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "clv-backtest-e2e-"));
    const databaseUrl = `file:${path.join(dir, "backtest.db")}`;
    runScript("tests/e2e/support/freshDatabase.ts", [path.join(dir, "backtest.db")]);
    facts = JSON.parse(runScript("tests/e2e/support/trainedRun.ts", [], databaseUrl).trim().split("\n").pop()!) as TrainedRunFacts;
    server = await startServer({ databaseUrl, build: false });
  });

  test.afterAll(() => {
    server?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  test("the run page charts predicted against actual hold-out purchases by calibration frequency, beside the gate's rules", async ({ browser }) => {
    const page = await (await browser.newContext({ baseURL: server.base })).newPage();
    await signIn(page, "ANALYST");
    await page.goto(`/admin/runs/${facts.runId}`);
    const card = page.getByTestId("clv-backtest");
    await expect(card.getByTestId("clv-backtest-grade")).toContainText(
      /^Grade: (good|fair|poor)Predicted [\d,]+ repeat purchases in the last \d+ weeks against [\d,]+ actual/,
    );
    await expect(card).toContainText(/Refitted on the orders up to \d{4}-\d{2}-\d{2}/);
    const chart = card.getByTestId("clv-backtest-chart");
    await expect(chart.locator(".recharts-bar-rectangle").first()).toBeVisible();
    await expect(chart).toContainText("6+");
    // The second run is compared with the first, so the gate's backtest rule applies.
    await expect(page.getByTestId("gate-outcome-CLV backtest")).toHaveText(/passed/);
    await card.scrollIntoViewIfNeeded();
    await card.screenshot({ path: `${ARTIFACTS}/clv-backtest-card.png` });
    await page.screenshot({ path: `${ARTIFACTS}/run-page-gate-and-backtest.png`, fullPage: true });
  });

  test("the executive summary grades the backtest in plain words", async ({ browser }) => {
    const page = await (await browser.newContext({ baseURL: server.base })).newPage();
    await signIn(page, "EXECUTIVE");
    await page.goto("/");
    const summary = page.getByTestId("clv-backtest-summary");
    await expect(summary).toContainText(/^Lifetime-value backtest(good|fair|poor)(Good|Fair|Poor): /);
    await expect(summary).toContainText("Spearman at least 0.3");
    await summary.screenshot({ path: `${ARTIFACTS}/clv-backtest-summary.png` });
  });
});
