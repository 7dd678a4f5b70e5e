import path from "node:path";
import { expect, test } from "@playwright/test";
import { E2E_BASE_URL } from "@/playwright.config";
import { signIn } from "./support/signIn";
import { LOCKOUT_USER } from "./support/users";

const REAL_FILE = path.resolve("../shared/data/marketing_campaign.csv");

test("an admin imports the real marketing file and sees 2,240 customers and its quality report", async ({ page }) => {
  await signIn(page, "ADMIN");
  await page.getByRole("link", { name: "Import" }).click();
  await page.getByLabel(/CSV file/).setInputFiles(REAL_FILE);
  await page.getByRole("button", { name: "Import" }).click();

  const outcome = page.getByRole("status").filter({ hasText: "rows read" });
  await expect(outcome).toContainText("2,240 rows read: 2,240 new");
  await page.screenshot({ path: "tests/e2e/.artifacts/import-done.png", fullPage: true });

  await outcome.getByRole("link", { name: "See the report" }).click();
  const report = page.getByTestId("quality-report");
  await expect(report).toContainText("Income: 24 of 2,240 values missing");
  await expect(report).toContainText("1893");
  await expect(report).toContainText("666,666");
  await expect(report).toContainText("YOLO (2)");
  await expect(report).toContainText("Absurd (2)");
  await page.screenshot({ path: "tests/e2e/.artifacts/import-quality-report.png", fullPage: true });

  await page.getByRole("link", { name: "Overview" }).click();
  await expect(page.getByTestId("customer-count")).toHaveText("2,240");
});

test("Preview shows what the import would do and writes nothing; a misspelt dryRun is refused", async ({ page }) => {
  await signIn(page, "ADMIN");
  await page.goto("/admin/import");
  await page.getByLabel(/CSV file/).setInputFiles(REAL_FILE);
  await page.getByRole("button", { name: "Preview" }).click();

  // Whether this runs before or after the real import, the file has 2,240 rows.
  const outcome = page.getByRole("status").filter({ hasText: "Preview — nothing was written" });
  await expect(outcome).toContainText("2,240 rows read");
  await expect(outcome.getByTestId("import-report")).toContainText("Profile columns in the file");
  await expect(outcome.getByRole("link", { name: "See the report" })).toHaveCount(0);

  const misspelt = await page.request.post("/api/import?kind=customers&fileName=x.csv&dryRun=yes", {
    data: "ID;Income\n1;100\n",
    headers: { "content-type": "text/csv", origin: E2E_BASE_URL },
  });
  expect(misspelt.status()).toBe(400);
  expect(await misspelt.json()).toEqual({
    error: "Check the import options: dryRun: dryRun is 1 (preview, nothing written) or 0",
    details: [{ path: "query.dryRun", message: "dryRun is 1 (preview, nothing written) or 0" }],
  });
});

test("a refused file answers with the status its code maps to, its summary beside the one error shape", async ({ page }) => {
  await signIn(page, "ADMIN");
  const utf16 = await page.request.post("/api/import?kind=customers&fileName=utf16.csv&dryRun=1", {
    data: Buffer.from("\ufeffID;Income\n1;100\n", "utf16le"),
    headers: { "content-type": "text/csv", origin: E2E_BASE_URL },
  });
  expect(utf16.status()).toBe(422);
  expect(await utf16.json()).toMatchObject({
    code: "unsupported_encoding",
    error: "the file is UTF-16 text; save it as CSV in UTF-8 (or Latin-1) and import it again",
    details: [],
    status: "REJECTED",
    dryRun: true,
  });

  const badRows = await page.request.post("/api/import?kind=customers&fileName=bad.csv&dryRun=1", {
    data: "ID;Income\n1;lots\n",
    headers: { "content-type": "text/csv", origin: E2E_BASE_URL },
  });
  expect(badRows.status()).toBe(422);
  expect(await badRows.json()).toMatchObject({
    code: "rejected_rows",
    error: expect.stringMatching(/^1 problem in the file, so nothing was imported\. First: row \d+, column Income/),
  });
});

test("a viewer is refused the import page and the import endpoint", async ({ page }) => {
  await signIn(page, "VIEWER");
  await expect(page.getByRole("link", { name: "Import" })).toHaveCount(0);

  const pageResponse = await page.goto("/admin/import");
  expect(pageResponse?.status()).toBe(403);
  await expect(page.getByText("403 — not allowed")).toBeVisible();

  const apiResponse = await page.request.post("/api/import?kind=customers&fileName=x.csv", {
    data: "ID;Income\n1;100\n",
    headers: { "content-type": "text/csv", origin: E2E_BASE_URL },
  });
  expect(apiResponse.status()).toBe(403);
  expect((await apiResponse.json()).error).toBe("Your role (VIEWER) may not do this.");
});

test("anonymous visitors are sent to sign-in and get 401 from the import endpoint", async ({ page, request }) => {
  await page.goto("/admin/import");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fadmin%2Fimport/);
  const apiResponse = await request.post("/api/import?kind=customers", { data: "ID\n1\n" });
  expect(apiResponse.status()).toBe(401);
});

test("a wrong password is refused, repeated failures from one address lock the account there, and an administrator unlocks it", async ({ page, browser }) => {
  // Behind the trusted proxy (TRUSTED_PROXIES in playwright.config.ts) this client is 203.0.113.9.
  await page.setExtraHTTPHeaders({ "x-forwarded-for": "203.0.113.9" });
  await page.goto("/signin");
  for (let attempt = 1; attempt <= 5; attempt++) {
    await page.getByLabel("Email", { exact: true }).fill(LOCKOUT_USER.email);
    await page.getByLabel("Password", { exact: true }).fill(`wrong-password-${attempt}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("signin-error")).toHaveText("Wrong email or password.");
  }
  await page.getByLabel("Password", { exact: true }).fill(LOCKOUT_USER.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("signin-error")).toContainText("Too many failed sign-ins");

  // An administrator lifts the lock at once from the Users page; then the right password works.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, "ADMIN");
  await admin.goto("/admin/users");
  await admin.getByRole("button", { name: `Unlock ${LOCKOUT_USER.email} from 203.0.113.9` }).click();
  await expect(admin.getByText("No sign-in is locked.")).toBeVisible();
  await adminContext.close();
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("current-user")).toContainText(LOCKOUT_USER.email);
});
