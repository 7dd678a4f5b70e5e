/**
 * A business known only from its order lines, on a server and database of its own: an analyst
 * uploads a generated order file (quantity × unit price, returns, cancelled orders, M/D/YYYY
 * dates) on the Import page, retrains, and meets personas named in the file's own words.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { writeOrderBusinessCsv } from "@/lib/data/syntheticBusinessCsv";
import { BUSINESS_CATEGORIES, BUSINESS_CHANNELS } from "@/lib/data/syntheticBusinessTypes";
import { startServer, type StartedServer } from "@/tests/support/nextServer";
import { runScript } from "./support/e2eDatabase";
import { signIn } from "./support/signIn";

const ARTIFACTS = "tests/e2e/.artifacts";
const TRAINING_TIMEOUT = 5 * 60_000;

test.describe.serial("an order-only business", () => {
  let dir: string;
  let server: StartedServer;
  let file: string;

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "order-only-e2e-"));
    runScript("tests/e2e/support/freshDatabase.ts", [path.join(dir, "shop.db")]);
    file = path.join(dir, "scale-models.csv");
    await writeOrderBusinessCsv({ customers: 100, seed: 12, out: fs.createWriteStream(file) });
    server = await startServer({ databaseUrl: `file:${path.join(dir, "shop.db")}`, build: false });
  });

  test.afterAll(() => {
    server?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  test("is imported on the upload page, retrained, and gets personas named after its own categories and channels", async ({ browser }) => {
    test.setTimeout(TRAINING_TIMEOUT + 60_000);
    const page = await (await browser.newContext({ baseURL: server.base })).newPage();
    await signIn(page, "ANALYST");
    await page.getByRole("link", { name: "Import" }).click();
    await page.getByLabel("Order lines").check();
    await page.getByLabel(/CSV file/).setInputFiles(file);
    await page.getByRole("button", { name: "Import" }).click();
    await expect(page.getByRole("status").filter({ hasText: "rows read" })).toContainText("rows read");
    await page.screenshot({ path: `${ARTIFACTS}/order-only-import.png`, fullPage: true });

    await page.getByRole("link", { name: "Admin", exact: true }).click();
    await page.getByRole("button", { name: "Retrain now" }).click();
    await expect(page.getByTestId("retrain-outcome")).toContainText("passed the promotion gate and is now the active run", { timeout: TRAINING_TIMEOUT });

    await page.goto("/segments");
    const cards = page.locator('[data-testid^="segment-card-"]');
    await expect(cards.first()).toBeVisible();
    const text = (await cards.allTextContents()).join(" ");
    expect(text).not.toMatch(/wine|meat|fish|fruit|sweets|gold|deal|catalogue|in store/i);
    const own = [...BUSINESS_CATEGORIES, ...BUSINESS_CHANNELS];
    const names = await page.locator('[data-testid^="segment-card-"] a[href^="/segments/"]').allTextContents();
    expect(names.length, "persona names on the cards").toBeGreaterThan(0);
    expect(
      names.some((name) => BUSINESS_CATEGORIES.some((category) => name.includes(category))),
      `a persona named after a category among: ${names.join(" | ")}`,
    ).toBe(true);
    expect(names.every((name) => !/wine|deal/i.test(name) && (own.some((word) => name.includes(word)) || /customers|buyers/.test(name)))).toBe(true);
    await page.screenshot({ path: `${ARTIFACTS}/order-only-segments.png`, fullPage: true });
  });
});
