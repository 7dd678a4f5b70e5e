/**
 * The admin pages of retraining, on the real marketing file. Named so it runs after
 * import.spec.ts (files run in name order on one database): that spec counts the customers
 * its import creates, so this one must not import first.
 */
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { E2E_BASE_URL } from "@/playwright.config";
import { signIn } from "./support/signIn";
import { E2E_USERS } from "./support/users";

const REAL_FILE = path.resolve("../shared/data/marketing_campaign.csv");
const ARTIFACTS = "tests/e2e/.artifacts";
// Training on the real file takes about a minute on an idle 2-core machine; colleagues share it.
const TRAINING_TIMEOUT = 8 * 60_000;

/** Clicks "Retrain now", checks a stage and a percentage show up, and returns the run id the panel names. */
async function startRetrain(page: Page): Promise<number> {
  await page.getByRole("button", { name: "Retrain now" }).click();
  const progress = page.getByTestId("retrain-progress");
  await expect(progress).toBeVisible();
  await expect(page.getByTestId("run-stage")).toHaveText(/Reading|Summarising|Building|Segmenting|Training|Fitting|Describing|Comparing|Saving/);
  await expect(progress).toContainText(/\d+%/);
  const link = await progress.getByRole("link", { name: /Run #\d+/ }).textContent();
  return Number(/#(\d+)/.exec(link ?? "")![1]);
}

function historyRow(page: Page, runId: number) {
  return page
    .getByTestId("run-history")
    .getByRole("row")
    .filter({ has: page.getByRole("link", { name: `#${runId}`, exact: true }) });
}

test.describe.serial("retraining", () => {
  let firstRunId = 0;

  test("an analyst imports the real file, retrains, watches the progress and sees the run succeed and become active", async ({ page }) => {
    test.setTimeout(TRAINING_TIMEOUT + 2 * 60_000);
    await signIn(page, "ANALYST");
    await page.getByRole("link", { name: "Import" }).click();
    await page.getByLabel(/CSV file/).setInputFiles(REAL_FILE);
    await page.getByRole("button", { name: "Import" }).click();
    await expect(page.getByRole("status").filter({ hasText: "rows read" })).toContainText("2,240 rows read");

    await page.getByRole("link", { name: "Admin", exact: true }).click();
    await expect(page.getByTestId("no-runs")).toContainText("No model trained yet — start one with Retrain now");
    await expect(page.getByTestId("schedule-card")).toHaveCount(0);
    await page.screenshot({ path: `${ARTIFACTS}/admin-no-runs.png`, fullPage: true });

    firstRunId = await startRetrain(page);
    await expect(historyRow(page, firstRunId).getByTestId("run-status")).toHaveText(/queued|running/);
    await page.screenshot({ path: `${ARTIFACTS}/admin-retrain-progress.png`, fullPage: true });
    // A second start while it trains is refused and names the running run.
    const busy = await page.request.post("/api/runs", { headers: { origin: E2E_BASE_URL } });
    expect(busy.status()).toBe(409);
    expect(await busy.json()).toMatchObject({ runId: firstRunId, error: expect.stringContaining(`run ${firstRunId}`) });

    await expect(page.getByTestId("retrain-outcome")).toContainText("passed the promotion gate and is now the active run", { timeout: TRAINING_TIMEOUT });
    const row = historyRow(page, firstRunId);
    await expect(row.getByTestId("run-status")).toHaveText("succeeded");
    await expect(row.getByTestId("active-badge")).toBeVisible();
    await expect(row).toContainText(`manual · ${E2E_USERS.ANALYST.email}`);
    await expect(row).toContainText("promote");
    await expect(page.getByTestId("active-run")).toContainText(`#${firstRunId}`);
    await expect(page.getByTestId("activation-history")).toContainText("passed the promotion gate");
    await page.screenshot({ path: `${ARTIFACTS}/admin-run-succeeded.png`, fullPage: true });

    await row.getByRole("link", { name: `#${firstRunId}`, exact: true }).click();
    await expect(page.getByTestId("run-facts")).toContainText("2,240");
    await expect(page.getByTestId("decision")).toContainText("passed validation; no model was active");
    await expect(page.getByTestId("segmentation-spaces")).toContainText("(chosen)");
    await expect(page.getByTestId("response-models")).toContainText("logistic");
    await expect(page.getByTestId("response-models")).toContainText("(champion)");
    await expect(page.getByTestId("response-metrics")).toContainText("334 of 2,240");
    await expect(page.getByTestId("other-models")).toContainText("Held-out accuracy");
    await expect(page.getByTestId("drift")).toContainText("Not measured");
    await expect(page.getByTestId("segments")).toContainText("new");
    await expect(page.getByTestId("timings")).toContainText("train.segmentation");
    await expect(page.getByTestId("activate-form")).toHaveCount(0);
    await page.screenshot({ path: `${ARTIFACTS}/run-page.png`, fullPage: true });
  });

  test("a second retrain measures drift and stability; rolling back to the first run needs a confirmation and is audited", async ({ page }) => {
    test.setTimeout(TRAINING_TIMEOUT + 2 * 60_000);
    await signIn(page, "ANALYST");
    await page.goto("/admin");
    const secondRunId = await startRetrain(page);
    await expect(page.getByTestId("retrain-outcome")).toContainText("passed the promotion gate", { timeout: TRAINING_TIMEOUT });

    await page.goto(`/admin/runs/${secondRunId}`);
    // The launcher stores the job's output when its process has exited, a moment after the run is written.
    await expect(async () => {
      await page.reload();
      await expect(page.getByTestId("run-log")).toContainText(`run ${secondRunId} succeeded`, { timeout: 1_000 });
    }).toPass({ timeout: 30_000 });
    await expect(page.getByTestId("run-log")).toContainText("stage response");
    await expect(page.getByTestId("drift-verdict")).toContainText("No dataset drift");
    await expect(page.getByTestId("feature-drift")).toContainText("income");
    await expect(page.getByTestId("prediction-drift")).toContainText("response probability");
    await expect(page.getByTestId("stability")).toContainText("Customers in both");
    await expect(page.getByTestId("stability")).toContainText("2,240");
    await page.screenshot({ path: `${ARTIFACTS}/run-drift-stability.png`, fullPage: true });

    await page.goto(`/admin/runs/${firstRunId}`);
    const form = page.getByTestId("activate-form");
    await form.getByLabel(/Why/).fill("compare against last week's segments");
    await form.getByRole("button", { name: "Roll back to this run" }).click();
    await expect(form).toContainText("Tick the box to confirm");
    await expect(page.getByTestId("active-badge")).toHaveCount(0);
    await page.screenshot({ path: `${ARTIFACTS}/rollback-unconfirmed.png`, fullPage: true });
    await form.getByLabel(/I understand/).check();
    await form.getByRole("button", { name: "Roll back to this run" }).click();
    await expect(page.getByTestId("active-badge")).toBeVisible();

    await page.goto("/admin");
    await expect(page.getByTestId("active-run")).toContainText(`#${firstRunId}`);
    const latest = page.getByTestId("activation-history").getByRole("row").nth(1);
    await expect(latest).toContainText(`#${firstRunId}`);
    await expect(latest).toContainText("rolled back to by hand");
    await expect(latest).toContainText(E2E_USERS.ANALYST.email);
    await expect(historyRow(page, secondRunId).getByTestId("active-badge")).toHaveCount(0);
    await page.screenshot({ path: `${ARTIFACTS}/admin-after-rollback.png`, fullPage: true });

    await page.getByRole("link", { name: "Audit log" }).click();
    const audit = page.getByTestId("audit-log");
    await expect(audit.getByRole("row").nth(1)).toContainText("rolled back to a run");
    await expect(audit.getByRole("row").nth(1)).toContainText("compare against last week's segments");
    await expect(audit).toContainText("started a retrain");
    await expect(audit).toContainText("run promoted by the gate");
    await page.screenshot({ path: `${ARTIFACTS}/audit-log.png`, fullPage: true });
  });
});

test("a viewer gets 403 from the admin pages and the run endpoints", async ({ page }) => {
  await signIn(page, "VIEWER");
  await expect(page.getByRole("link", { name: "Admin", exact: true })).toHaveCount(0);
  for (const url of ["/admin", "/admin/runs/1", "/admin/audit"]) {
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(403);
  }
  await expect(page.getByText("403 — not allowed")).toBeVisible();
  expect((await page.request.post("/api/runs", { headers: { origin: E2E_BASE_URL } })).status()).toBe(403);
  expect((await page.request.get("/api/runs/1")).status()).toBe(403);
});

test("an administrator edits the schedule; an analyst neither sees the editor nor may save it", async ({ browser }) => {
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, "ADMIN");
  await admin.goto("/admin");
  const card = admin.getByTestId("schedule-card");
  await expect(admin.getByTestId("schedule-next")).toContainText('"0 2 * * *" in UTC');

  await card.getByLabel(/Cron expression/).fill("61 2 * * *");
  await card.getByLabel(/Time zone/).fill("Mars/Olympus_Mons");
  await card.getByRole("button", { name: "Save schedule" }).click();
  await expect(card).toContainText("61 is an invalid expression for minute");
  await expect(card).toContainText('"Mars/Olympus_Mons" is not an IANA time zone');
  await expect(card.getByLabel(/Cron expression/)).toHaveValue("61 2 * * *");
  await admin.screenshot({ path: `${ARTIFACTS}/schedule-refused.png`, fullPage: true });

  await card.getByLabel(/Cron expression/).fill("30 3 * * 1");
  await card.getByLabel(/Time zone/).fill("Europe/Berlin");
  const saving = admin.waitForRequest((request) => request.method() === "POST" && Boolean(request.headers()["next-action"]));
  await card.getByRole("button", { name: "Save schedule" }).click();
  const saveRequest = await saving;
  await expect(admin.getByTestId("schedule-message")).toContainText("Saved. The next retrain starts Mon");
  await expect(admin.getByTestId("schedule-next")).toContainText('"30 3 * * 1" in Europe/Berlin');
  await admin.screenshot({ path: `${ARTIFACTS}/schedule-saved.png`, fullPage: true });

  const analyst = await (await browser.newContext()).newPage();
  await signIn(analyst, "ANALYST");
  await analyst.goto("/admin");
  await expect(analyst.getByRole("button", { name: "Retrain now" })).toBeVisible();
  await expect(analyst.getByTestId("schedule-card")).toHaveCount(0);
  for (const url of ["/admin/runs/99999", "/admin/runs/abc"]) expect((await analyst.goto(url))?.status(), url).toBe(404);

  // The analyst sends the administrator's save request with another expression: the server action refuses it.
  const replay = (page: Page, cron: string) =>
    page.request.post("/admin", {
      headers: { "next-action": saveRequest.headers()["next-action"], "content-type": saveRequest.headers()["content-type"], accept: "text/x-component" },
      data: Buffer.from(saveRequest.postDataBuffer()!.toString("utf8").replace("30 3 * * 1", cron)),
    });
  expect(await (await replay(analyst, "* * * * *")).text()).toContain("Your role (ANALYST) may not do this.");
  await admin.reload();
  await expect(admin.getByTestId("schedule-next")).toContainText('"30 3 * * 1" in Europe/Berlin');
  // The same request from the administrator goes through, so the refusal above was the role's.
  expect(await (await replay(admin, "0 4 * * *")).text()).toContain("Saved.");
  await admin.reload();
  await expect(admin.getByTestId("schedule-next")).toContainText('"0 4 * * *" in Europe/Berlin');

  await admin.goto("/admin/audit");
  await expect(admin.getByTestId("audit-log")).toContainText("changed the retrain schedule");
  await expect(admin.getByTestId("audit-log")).toContainText("30 3 * * 1");
});
