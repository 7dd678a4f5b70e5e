/**
 * Unknown and malformed ids answer a real 404 with a not-found page inside the app's layout:
 * the navigation bar, what was not found and a link back to its list. Needs no trained run:
 * the ids below match nothing whether a model has been trained or not.
 */
import { expect, test } from "@playwright/test";
import { signIn } from "./support/signIn";

const CASES = [
  { path: "/segments/999999", title: "No such segment", back: "All segments" },
  { path: "/segments/%20", title: "No such segment", back: "All segments" },
  { path: "/segments/abc", title: "No such segment", back: "All segments" },
  { path: "/customers/no-such-customer-id", title: "No such customer", back: "All customers" },
  { path: "/admin/runs/999999", title: "No such run", back: "All runs" },
  { path: "/admin/runs/abc", title: "No such run", back: "All runs" },
  { path: "/admin/runs/0", title: "No such run", back: "All runs" },
  { path: "/admin/runs/1.5", title: "No such run", back: "All runs" },
  { path: "/admin/import/999999", title: "No such import", back: "All imports" },
  { path: "/admin/import/-1", title: "No such import", back: "All imports" },
];

test.describe("not-found pages", () => {
  test.beforeEach(async ({ page }) => signIn(page, "ADMIN"));

  for (const { path, title, back } of CASES) {
    test(`${path} answers 404 with the navigation bar and a link back to its list`, async ({ page }) => {
      const response = await page.goto(path);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
      const card = page.getByTestId("not-found");
      await expect(card.getByText(title, { exact: true })).toBeVisible();
      await expect(card.getByRole("link", { name: `← ${back}` })).toBeVisible();
    });
  }

  test("an address that matches no page at all answers 404 too", async ({ page }) => {
    const response = await page.goto("/no-such-page");
    expect(response?.status()).toBe(404);
    await expect(page.getByText("There is nothing at this address.")).toBeVisible();
  });

  test("a broken percent-escape is a 400 that names the address, not Next.js's bare 500", async ({ page }) => {
    const response = await page.goto("/customers/%E0%A4%A");
    expect(response?.status()).toBe(400);
    await expect(page.getByText("Bad request: the address /customers/%E0%A4%A has a malformed percent-escape")).toBeVisible();
  });
});

/** A loading skeleton sends the 200 before the page runs: the checks that change the status sit in layouts above it. */
test.describe("statuses under the loading skeletons", () => {
  test.beforeEach(async ({ page }) => signIn(page, "VIEWER"));

  test("a viewer meets 403, not 404, for a run that does not exist: the permission is checked before the lookup", async ({ page }) => {
    const response = await page.goto("/admin/runs/999999");
    expect(response?.status()).toBe(403);
  });

  test("a viewer meets 403 on the models page, which has a skeleton", async ({ page }) => {
    expect((await page.request.get("/admin", { maxRedirects: 0 })).status()).toBe(403);
  });

  test("a viewer's overview is a real redirect to the segments, not one inside a page already sent", async ({ page }) => {
    const response = await page.request.get("/", { maxRedirects: 0 });
    expect(response.status()).toBe(307);
    expect(response.headers().location).toBe("/segments");
  });
});
