/**
 * The customer list and a customer's page: addressed by the customer's own id with a real 404,
 * paging clamped to the pages that exist, filter errors in the form's words, plain attribute
 * labels, and no React error in the console (hydration #418 came from a <p> inside a <p>).
 */
import Database from "better-sqlite3";
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support/signIn";
import { E2E_DATABASE_FILE } from "./support/e2eDatabase";
import { ensureTrainedRun, TRAINING_TIMEOUT_MS, type TrainedRunFacts } from "./support/trainedRunFacts";

const PAGE_SIZE = 50;
let facts: TrainedRunFacts;

test.beforeAll(async () => {
  test.setTimeout(TRAINING_TIMEOUT_MS + 60_000);
  facts = await ensureTrainedRun();
});

/** The console errors and uncaught errors a page raises from here on. */
function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  return errors;
}

test("a customer's page is at the customer's own id, with plain labels; an unknown id is a real 404", async ({ page }) => {
  await signIn(page, "VIEWER");
  await page.goto("/customers");
  const link = page.getByTestId("customer-table").locator("tbody a").first();
  const externalId = (await link.textContent())!.trim();
  expect(await link.getAttribute("href")).toBe(`/customers/${encodeURIComponent(externalId)}`);
  await link.click();
  await expect(page.getByText(`Customer ${externalId}`, { exact: true })).toBeVisible();

  const profile = page.getByTestId("customer-profile");
  await expect(profile).toContainText("Wine spend");
  await expect(profile).toContainText("Customer since");
  await expect(profile).toContainText("Accepted campaign 4");
  for (const header of ["MntWines", "Z_CostContact", "AcceptedCmp4", "Dt_Customer", "Year_Birth"]) await expect(profile).not.toContainText(header);

  const missing = await page.goto("/customers/no-such-customer-id");
  expect(missing?.status()).toBe(404);
  await expect(page.getByText("No such customer", { exact: true })).toBeVisible();
});

test("an external id with any characters has its own page", async ({ page }) => {
  const odd = "A/7 ü?#%25";
  const sqlite = new Database(E2E_DATABASE_FILE);
  try {
    // Dates copied from an imported row, so they are stored the way the app stores them.
    sqlite.prepare("INSERT INTO Customer (externalId, contentHash, createdAt, updatedAt) SELECT ?, 'e2e', createdAt, updatedAt FROM Customer LIMIT 1").run(odd);
    await signIn(page, "VIEWER");
    const response = await page.goto(`/customers/${encodeURIComponent(odd)}`);
    expect(response?.status()).toBe(200);
    await expect(page.getByText(`Customer ${odd}`, { exact: true })).toBeVisible();
  } finally {
    sqlite.prepare("DELETE FROM Customer WHERE externalId = ?").run(odd);
    sqlite.close();
  }
});

test("pages past either end show the nearest page, and bad filters say so in plain words, without console errors", async ({ page }) => {
  await signIn(page, "VIEWER");
  const errors = collectErrors(page);
  const pages = Math.ceil(facts.summary.customers / PAGE_SIZE);

  await page.goto(`/customers?page=${pages + 1}`);
  await expect(page.getByTestId("page-of")).toHaveText(`Page ${pages} of ${pages}`);

  await page.goto("/customers?page=-3");
  await expect(page.getByTestId("page-of")).toHaveText(`Page 1 of ${pages}`);
  await page.waitForLoadState("networkidle");

  await page.goto("/customers?pMin=0.6&pMax=0.4");
  const filterErrors = page.getByTestId("filter-errors");
  await expect(filterErrors).toContainText("Response probability to: must not be below the “from” value");
  await expect(filterErrors).not.toContainText("pMax");
  await page.waitForLoadState("networkidle");

  expect(errors).toEqual([]);
});
