/**
 * Passwords: an administrator sets a temporary password; the user signs in with it, is held on
 * the change page whatever they open, chooses their own, changes it again from Account without
 * being signed out, and signs in with the last one. Once disabled, the right password hears so.
 */
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support/signIn";

const USER = {
  email: "forgetful@e2e.test",
  name: "Forgetful Viewer",
  initial: "initial-password-1",
  temporary: "temporary-password-1",
  own: "my-own-password-1",
  last: "my-last-password-1",
};

async function submitSignIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/signin");
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

async function changePassword(page: Page, current: string, next: string): Promise<void> {
  await page.getByLabel("Current password").fill(current);
  await page.getByLabel(/^New password \(/).fill(next);
  await page.getByLabel("New password again").fill(next);
  await page.getByRole("button", { name: "Change password" }).click();
}

test("a temporary password from an administrator must be changed at sign-in, and the new one signs in", async ({ page, browser }) => {
  await signIn(page, "ADMIN");
  await page.goto("/admin/users");
  await page.getByLabel("Email", { exact: true }).fill(USER.email);
  await page.getByLabel("Name", { exact: true }).fill(USER.name);
  await page.getByLabel(/Initial password/).fill(USER.initial);
  await page.getByRole("button", { name: "Add user" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Created ${USER.email}.` })).toBeVisible();
  const row = page.getByRole("row").filter({ hasText: USER.email });
  await row.getByLabel(`Temporary password for ${USER.email}`).fill(USER.temporary);
  await row.getByRole("button", { name: "Set temporary" }).click();
  await expect(row.getByRole("status")).toContainText("they must change it when they next sign in");
  await page.reload();
  await expect(page.getByRole("row").filter({ hasText: USER.email })).toContainText("Must change password");

  const context = await browser.newContext();
  const theirs = await context.newPage();
  await submitSignIn(theirs, USER.email, USER.temporary);
  await expect(theirs).toHaveURL(/\/account\/password$/);
  await theirs.goto("/segments");
  await expect(theirs).toHaveURL(/\/account\/password$/);
  await expect(theirs.getByText("Choose a new password")).toBeVisible();
  await changePassword(theirs, "not-the-temporary-one", USER.own);
  await expect(theirs.getByText("Wrong current password")).toBeVisible();
  await changePassword(theirs, USER.temporary, USER.own);
  await expect(theirs.getByTestId("current-user")).toContainText(USER.email);

  // From the nav bar: the change keeps this session, signed in again with the new password.
  await theirs.getByRole("link", { name: "Account" }).click();
  await changePassword(theirs, USER.own, USER.last);
  await expect(theirs).not.toHaveURL(/\/(account|signin)/);
  await expect(theirs.getByTestId("current-user")).toContainText(USER.email);
  await theirs.goto("/segments");
  await expect(theirs.getByTestId("current-user")).toContainText(USER.email);
  await context.close();

  const fresh = await browser.newContext();
  const again = await fresh.newPage();
  await submitSignIn(again, USER.email, USER.temporary);
  await expect(again.getByTestId("signin-error")).toHaveText("Wrong email or password.");
  await signIn(again, { email: USER.email, password: USER.last });
  await fresh.close();

  await page.reload();
  await page.getByRole("row").filter({ hasText: USER.email }).getByRole("button", { name: "Disable" }).click();
  await expect(page.getByRole("row").filter({ hasText: USER.email }).getByRole("button", { name: "Enable" })).toBeVisible();
  const disabled = await browser.newContext();
  const refused = await disabled.newPage();
  await submitSignIn(refused, USER.email, "a-wrong-password-1");
  await expect(refused.getByTestId("signin-error")).toHaveText("Wrong email or password.");
  await submitSignIn(refused, USER.email, USER.last);
  await expect(refused.getByTestId("signin-error")).toHaveText("This account is disabled; ask an administrator.");
  await disabled.close();
});
