/**
 * Admin → Users: an administrator adds a user, changes the role, and the new user signs in
 * with exactly that role's navigation.
 */
import { expect, test } from "@playwright/test";
import { signIn } from "./support/signIn";

const NEW_USER = { email: "new.analyst@e2e.test", name: "New Analyst", password: "new-analyst-password-1" };

test("an administrator adds a viewer, makes them an analyst, and they sign in as one", async ({ page, browser }) => {
  await signIn(page, "ADMIN");
  await page.getByRole("link", { name: "Users" }).click();
  await page.getByLabel("Email", { exact: true }).fill(NEW_USER.email);
  await page.getByLabel("Name", { exact: true }).fill(NEW_USER.name);
  await page.getByLabel(/Initial password/).fill(NEW_USER.password);
  await page.getByRole("button", { name: "Add user" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Created ${NEW_USER.email}.` })).toBeVisible();

  const row = page.getByRole("row").filter({ hasText: NEW_USER.email });
  await expect(row).toContainText(NEW_USER.name);
  await expect(row.getByLabel(`Role of ${NEW_USER.email}`)).toHaveValue("VIEWER");
  await row.getByLabel(`Role of ${NEW_USER.email}`).selectOption("ANALYST");
  const saved = page.waitForResponse((response) => response.request().method() === "POST" && response.url().includes("/admin/users"));
  await row.getByRole("button", { name: "Save role" }).click();
  await saved;
  await page.reload();
  await expect(page.getByRole("row").filter({ hasText: NEW_USER.email }).getByLabel(`Role of ${NEW_USER.email}`)).toHaveValue("ANALYST");
  await page.screenshot({ path: "tests/e2e/.artifacts/admin-users.png", fullPage: true });

  const context = await browser.newContext();
  const theirs = await context.newPage();
  await signIn(theirs, NEW_USER);
  await expect(theirs.getByRole("link", { name: "Import" })).toBeVisible();
  await expect(theirs.getByRole("link", { name: "Users" })).toHaveCount(0);
  await context.close();
});
