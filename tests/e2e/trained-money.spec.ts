/**
 * The admin page's "Money and numbers" card: an administrator sets EUR in de-DE and the
 * overview, a persona page and the export header follow; a viewer's replay of the save is
 * refused by the server. It ends by clearing the currency again, since later spec files share
 * the database.
 */
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support/signIn";
import { ensureTrainedRun, TRAINING_TIMEOUT_MS, type TrainedRunFacts } from "./support/trainedRunFacts";

const ARTIFACTS = "tests/e2e/.artifacts";
// de-DE puts a no-break space between the amount and the euro sign.
const NBSP = "\u00a0";
let facts: TrainedRunFacts;

test.beforeAll(async () => {
  test.setTimeout(TRAINING_TIMEOUT_MS + 60_000);
  facts = await ensureTrainedRun();
});

async function saveMoneyFormat(page: Page, currency: string, locale: string) {
  const card = page.getByTestId("money-format-card");
  await card.getByLabel(/Currency/).fill(currency);
  await card.getByLabel(/Number format/).fill(locale);
  const saving = page.waitForRequest((request) => request.method() === "POST" && Boolean(request.headers()["next-action"]));
  await card.getByRole("button", { name: "Save money format" }).click();
  return saving;
}

test("an administrator sets EUR in de-DE: the overview, a persona and the export header show it; a viewer cannot", async ({ page, browser }) => {
  const segment = facts.segments[0];
  await signIn(page, "ADMIN");
  await page.goto("/");
  await expect(page.getByTestId("kpi-revenue-value")).not.toContainText("€");
  await expect(page.getByTestId("kpi-revenue-value")).not.toContainText("$");

  await page.goto("/admin");
  const card = page.getByTestId("money-format-card");
  await expect(page.getByTestId("money-format-unset")).toContainText("The currency is not set");

  await saveMoneyFormat(page, "XYZ1", "de-DE");
  await expect(card).toContainText('Currency: "XYZ1" is not an ISO 4217 currency code (e.g. USD, EUR, GBP, CHF, JPY)');
  await expect(page.getByTestId("money-format-unset")).toBeVisible();

  await card.getByLabel(/Currency/).fill("EUR");
  await expect(page.getByTestId("money-format-preview")).toHaveText(`Preview: 2.500.000,50${NBSP}€ (short 2,5${NBSP}Mio.${NBSP}€) and 1.234,50${NBSP}€`);
  const saveRequest = await saveMoneyFormat(page, "EUR", "de-DE");
  await expect(page.getByTestId("money-format-message")).toHaveText(`Saved. Money shows as 2.500.000,50${NBSP}€.`);
  await page.screenshot({ path: `${ARTIFACTS}/money-format.png`, fullPage: true });
  await page.reload();
  await expect(page.getByTestId("money-format-unset")).toHaveCount(0);
  await expect(card.getByLabel(/Currency/)).toHaveValue("EUR");

  await page.goto("/");
  await expect(page.getByTestId("kpi-revenue-value")).toHaveText(/^[\d.,]+(\u00a0Mio\.)?\u00a0€$/);
  await expect(page.getByTestId("kpi-clv-average-value")).toHaveText(/^[\d.]+\u00a0€$/);
  await expect(page.getByTestId("recommended-profit")).toContainText("€");
  await page.screenshot({ path: `${ARTIFACTS}/money-overview-eur.png`, fullPage: true });

  await page.goto(`/segments/${segment.segmentKey}`);
  const personaFacts = page.getByTestId(`segment-facts-${segment.segmentKey}`);
  await expect(personaFacts).toContainText(`${NBSP}€`);
  // Counts take the German grouping too.
  if (segment.size >= 1_000) await expect(personaFacts).toContainText(/\d\.\d{3}/);

  const exported = await page.request.get(`/api/export/segments/${segment.segmentKey}`);
  expect((await exported.text()).split("\r\n")[0]).toMatch(
    /^customer_id,segment_id,segment_name,response_probability,clv_12m_eur,clv_low_eur,clv_high_eur,p_alive,/,
  );

  // A viewer sends the administrator's save request with another currency: the server action refuses it.
  const viewer = await (await browser.newContext()).newPage();
  await signIn(viewer, "VIEWER");
  const replay = await viewer.request.post("/admin", {
    headers: { "next-action": saveRequest.headers()["next-action"], "content-type": saveRequest.headers()["content-type"], accept: "text/x-component" },
    data: Buffer.from(saveRequest.postDataBuffer()!.toString("utf8").replace("EUR", "USD")),
  });
  expect(await replay.text()).toContain("Your role (VIEWER) may not do this.");
  await viewer.goto(`/segments/${segment.segmentKey}`);
  await expect(viewer.getByTestId(`segment-facts-${segment.segmentKey}`)).toContainText(`${NBSP}€`);

  await page.goto("/admin/audit");
  await expect(page.getByTestId("audit-log")).toContainText("changed the currency and number format");

  await page.goto("/admin");
  await saveMoneyFormat(page, "", "en-US");
  await expect(page.getByTestId("money-format-message")).toHaveText("Saved. Money shows as plain numbers: 2,500,000.50.");
  await expect(page.getByTestId("money-format-unset")).toBeVisible();
});
