import { expect, type Page } from "@playwright/test";
import { E2E_USERS } from "./users";

export async function signIn(page: Page, role: keyof typeof E2E_USERS): Promise<void> {
  const user = E2E_USERS[role];
  await page.goto("/signin");
  await page.getByLabel("Email", { exact: true }).fill(user.email);
  await page.getByLabel("Password", { exact: true }).fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("current-user")).toContainText(user.email);
}
