/**
 * The Admin page's Segments card: an administrator sets how many segments retraining looks for.
 * It ends by saving the defaults again, since later spec files share the database.
 */
import { expect, test } from "@playwright/test";
import { signIn } from "./support/signIn";

const ARTIFACTS = "tests/e2e/.artifacts";

test("an administrator fixes k after a refused range, sees it kept, and returns to the rule", async ({ page }) => {
  await signIn(page, "ADMIN");
  await page.goto("/admin");
  const card = page.getByTestId("segment-settings-card");
  await expect(card.getByLabel("Fewest segments")).toHaveValue("3");
  await expect(card.getByLabel("Most segments")).toHaveValue("8");
  await expect(card.getByLabel("Smallest segment (%)")).toHaveValue("5");
  await expect(card.getByLabel("Fixed k")).toBeDisabled();

  await card.getByLabel("Fewest segments").fill("6");
  await card.getByLabel("Most segments").fill("4");
  await card.getByRole("button", { name: "Save segment settings" }).click();
  await expect(card).toContainText("The most segments must be at least the fewest (6)");
  await expect(card.getByLabel("Most segments")).toHaveValue("4");

  await card.getByLabel("Fewest segments").fill("3");
  await card.getByLabel("Most segments").fill("8");
  await card.getByLabel("Fix k").check();
  await card.getByLabel("Fixed k").fill("4");
  await card.getByRole("button", { name: "Save segment settings" }).click();
  await expect(page.getByTestId("segment-settings-message")).toHaveText("Saved. The next retrain makes 4 segments.");
  await expect(card.getByLabel("Fix k")).toBeChecked();
  await page.screenshot({ path: `${ARTIFACTS}/segment-settings.png`, fullPage: true });

  await page.reload();
  await expect(card.getByLabel("Fix k")).toBeChecked();
  await expect(card.getByLabel("Fixed k")).toHaveValue("4");
  await expect(card).toContainText("Last changed");

  await card.getByLabel("Choose k by the rule").check();
  await card.getByRole("button", { name: "Save segment settings" }).click();
  await expect(page.getByTestId("segment-settings-message")).toHaveText("Saved. The next retrain chooses from 3 to 8 segments, each at least 5% of customers.");

  await page.goto("/admin/audit");
  await expect(page.getByTestId("audit-log")).toContainText("changed the segment settings");
});
