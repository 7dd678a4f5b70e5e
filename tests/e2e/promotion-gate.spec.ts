/**
 * The promotion gate on the run page, on a server and database of its own: a run whose
 * unrelated order file moved the CLV of customers whose own data did not change is held for
 * review; its page lists every rule, threshold, value and outcome in words, and an administrator
 * can still make it active by hand, with a reason for the audit log.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { startServer, type StartedServer } from "@/tests/support/nextServer";
import { runScript } from "./support/e2eDatabase";
import { signIn } from "./support/signIn";

const ARTIFACTS = "tests/e2e/.artifacts";

test.describe.serial("the promotion gate", () => {
  let dir: string;
  let server: StartedServer;
  let runs: { activeRunId: number; heldRunId: number };

  test.beforeAll(async () => {
    test.setTimeout(5 * 60_000);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "promotion-gate-e2e-"));
    const databaseUrl = `file:${path.join(dir, "gate.db")}`;
    runScript("tests/e2e/support/freshDatabase.ts", [path.join(dir, "gate.db")]);
    runs = JSON.parse(runScript("tests/e2e/support/heldRun.ts", [], databaseUrl).trim().split("\n").pop()!);
    server = await startServer({ databaseUrl, build: false });
  });

  test.afterAll(() => {
    server?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  test("a run held for review shows every gate rule in words and can be made active by hand", async ({ browser }) => {
    const page = await (await browser.newContext({ baseURL: server.base })).newPage();
    await signIn(page, "ADMIN");
    await page.goto("/admin");
    const row = page
      .getByTestId("run-history")
      .getByRole("row")
      .filter({ has: page.getByRole("link", { name: `#${runs.heldRunId}`, exact: true }) });
    await expect(row).toContainText("held for review");
    await expect(page.getByTestId("active-run")).toContainText(`#${runs.activeRunId}`);

    await page.goto(`/admin/runs/${runs.heldRunId}`);
    const card = page.getByTestId("decision");
    await expect(card).toContainText("Promotion gate");
    await expect(card).toContainText("held for review");
    await expect(card).toContainText(/CLV moved by more than 25% for \d+ of \d+ customers \(\d+%\) whose own data did not change; median change [+−]\d+%/);
    const rules = page.getByTestId("gate-rules");
    for (const rule of [
      "Segments",
      "Segment structure",
      "Response AUC floor",
      "Response scores",
      "Response AUC drop",
      "Silhouette drop",
      "CLV backtest",
      "CLV of unchanged customers",
    ]) {
      await expect(rules).toContainText(rule);
    }
    await expect(page.getByTestId("gate-outcome-CLV of unchanged customers")).toContainText("held for review");
    await expect(rules).toContainText("at most 50% moved by more than 25%");
    await card.scrollIntoViewIfNeeded();
    await card.screenshot({ path: `${ARTIFACTS}/promotion-gate-held.png` });
    await page.screenshot({ path: `${ARTIFACTS}/promotion-gate-run-page.png`, fullPage: true });

    const form = page.getByTestId("activate-form");
    await form.getByLabel("Why (kept in the audit log)").fill("the new shop's customers are real; CLV checked by hand");
    await form.getByLabel(/I understand/).check();
    await form.getByRole("button", { name: "Make this the active run" }).click();
    await expect(page.getByTestId("active-badge")).toBeVisible();

    await page.goto("/admin");
    await expect(page.getByTestId("active-run")).toContainText(`#${runs.heldRunId}`);
    await page.getByRole("link", { name: "Audit log" }).click();
    const audit = page.getByTestId("audit-log");
    await expect(audit.getByRole("row").nth(1)).toContainText("made a run active by hand");
    await expect(audit.getByRole("row").nth(1)).toContainText("the new shop's customers are real; CLV checked by hand");
    await expect(audit).toContainText("run held for review");
  });
});
