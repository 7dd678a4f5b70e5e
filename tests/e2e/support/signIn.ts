import { expect, type Page } from "@playwright/test";
import { E2E_USERS } from "./users";

/** Signs in through the form as one of the e2e users, or as any account given by its credentials. */
export async function signIn(page: Page, who: keyof typeof E2E_USERS | { email: string; password: string }): Promise<void> {
  const user = typeof who === "string" ? E2E_USERS[who] : who;
  await page.goto("/signin");
  await page.getByLabel("Email", { exact: true }).fill(user.email);
  await page.getByLabel("Password", { exact: true }).fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("current-user")).toContainText(user.email);
}
