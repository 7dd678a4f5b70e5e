/**
 * The scoring API through the production server, with a token made on the admin page, on the
 * e2e database's active run (trained here when no earlier spec left one).
 */
import { expect, request as playwrightRequest, test } from "@playwright/test";
import { signIn } from "./support/signIn";
import { ensureTrainedRun, TRAINING_TIMEOUT_MS } from "./support/trainedRunFacts";

const ARTIFACTS = "tests/e2e/.artifacts";

test.beforeAll(async () => {
  test.setTimeout(TRAINING_TIMEOUT_MS);
  await ensureTrainedRun();
});

test("an administrator makes a token that scores customers, reads segments and is refused once revoked", async ({ page, baseURL }) => {
  await signIn(page, "ADMIN");
  await page.getByRole("link", { name: "API tokens" }).click();
  await page.getByLabel("Name (what uses it)").fill("crm sync");
  await page.getByLabel("Scope (acts as this role)").selectOption("VIEWER");
  await page.getByRole("button", { name: "Create token" }).click();
  const secret = await page.getByLabel("New token").inputValue();
  expect(secret).toMatch(/^sst_/);
  await page.screenshot({ path: `${ARTIFACTS}/api-token-created.png`, fullPage: true });

  const api = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${secret}` } });
  const customers = [
    {
      externalId: "new-1",
      yearBirth: 1970,
      education: "PhD",
      maritalStatus: "Married",
      income: 82000,
      kidhome: 0,
      teenhome: 0,
      dtCustomer: "2013-05-02",
      recency: 10,
      mntWines: 900,
      mntMeatProducts: 500,
      numCatalogPurchases: 8,
      numStorePurchases: 9,
      numWebPurchases: 6,
    },
    {
      externalId: "new-2",
      yearBirth: 1990,
      education: "Basic",
      maritalStatus: "Single",
      income: 18000,
      kidhome: 1,
      teenhome: 0,
      dtCustomer: "2014-01-20",
      recency: 80,
      mntWines: 5,
      mntMeatProducts: 10,
      numStorePurchases: 3,
      numWebVisitsMonth: 8,
    },
  ];
  const scored = await api.post("/api/v1/score", { data: { customers } });
  expect(scored.status()).toBe(200);
  const { results } = await scored.json();
  expect(results.map((result: { externalId: string }) => result.externalId)).toEqual(["new-1", "new-2"]);
  for (const result of results) {
    expect(result.responseProbability).toBeGreaterThan(0);
    expect(result.responseProbability).toBeLessThan(1);
    expect(Object.values(result.segment.probabilities as Record<string, number>).reduce((sum, p) => sum + p, 0)).toBeCloseTo(1, 3);
  }
  // The affluent catalogue buyer is the likelier responder.
  expect(results[0].responseProbability).toBeGreaterThan(results[1].responseProbability);

  const { segments } = await (await api.get("/api/v1/segments")).json();
  expect(segments.map((segment: { id: number }) => segment.id)).toEqual(
    expect.arrayContaining(results.map((result: { segment: { id: number } }) => result.segment.id)),
  );
  expect((await api.get("/api/v1/runs")).status()).toBe(403);

  const wrongMethod = await api.get("/api/v1/score");
  expect(wrongMethod.status()).toBe(405);
  expect(wrongMethod.headers()["allow"]).toBe("POST");
  expect(await wrongMethod.json()).toEqual({ error: "GET is not supported here; use POST.", details: [] });
  const badDate = await api.post("/api/v1/score", { data: { externalId: "x", dtCustomer: "13/02/2014" } });
  expect(badDate.status()).toBe(400);
  expect(await badDate.json()).toEqual({
    error: "The request body is not valid: dtCustomer: expected a date as YYYY-MM-DD (or a date-time such as 2014-02-13T00:00:00Z)",
    details: [{ path: "body.dtCustomer", message: "expected a date as YYYY-MM-DD (or a date-time such as 2014-02-13T00:00:00Z)" }],
  });

  await page.goto("/api-docs");
  await expect(page.getByText("/api/v1/segments/{id}/customers")).toBeVisible();
  // The descriptions' Markdown is rendered, not shown as backticks.
  await expect(page.locator("code", { hasText: "nextCursor" })).toBeVisible();
  await expect(page.locator("body")).not.toContainText("`");
  await page.screenshot({ path: `${ARTIFACTS}/api-docs.png`, fullPage: true });

  await page.goto("/admin/tokens");
  await page.getByRole("button", { name: "Revoke crm sync" }).click();
  await expect(page.getByRole("row").filter({ hasText: "crm sync" })).toContainText("revoked");
  expect((await api.get("/api/v1/segments")).status()).toBe(401);
  await api.dispose();
});
