/**
 * Customers, campaign planner and CSV exports, on a seeded active run (tests/e2e/support/
 * scoredRun.ts: no training, so it is quick) that is removed afterwards, leaving the shared
 * e2e database as the import and retrain specs expect it.
 */
import { parse } from "csv-parse/sync";
import { expect, test, type Page } from "@playwright/test";
import { readDatabase, runScript, scoreTableOf } from "./support/e2eDatabase";
import { signIn } from "./support/signIn";

const ARTIFACTS = "tests/e2e/.artifacts";
function scoredRun(command: "seed" | "remove"): string {
  return runScript("tests/e2e/support/scoredRun.ts", [command]);
}

async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; records: Record<string, string>[] }> {
  const [file] = await Promise.all([page.waitForEvent("download"), click()]);
  const stream = await file.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return { name: file.suggestedFilename(), records: parse(Buffer.concat(chunks).toString("utf8"), { columns: true }) };
}

test.describe.serial("customers, campaigns and exports", () => {
  let runId = 0;

  test.beforeAll(() => {
    scoredRun("remove");
    runId = JSON.parse(scoredRun("seed").trim().split("\n").at(-1)!).runId;
  });

  test.afterAll(() => {
    scoredRun("remove");
  });

  test("a viewer browses the customers and exports a segment whose rows equal the database's", async ({ page }) => {
    await signIn(page, "VIEWER");
    await page.getByRole("link", { name: "Customers" }).click();
    await expect(page.getByTestId("customer-total")).toContainText(`3,000 customers · run #${runId}`);
    await page.getByRole("link", { name: /Response probability/ }).click();
    await expect(page).toHaveURL(/sort=response&dir=desc/);
    await page.getByLabel("Segment").selectOption({ label: "Segment B" });
    await page.getByRole("button", { name: "Apply" }).click();
    const inSegment = readDatabase<{ n: number }>(`SELECT COUNT(*) AS n FROM ${scoreTableOf(runId)} WHERE "runId" = ? AND "segmentKey" = 1`, runId)[0].n;
    await expect(page.getByTestId("customer-total")).toContainText(`${inSegment.toLocaleString("en-US")} customers in this segment`);
    await page.getByLabel("Response probability (0–1) from").fill("0.2");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page.getByTestId("customer-total")).toContainText("Customers 1–50 matching the filters");
    const shown = await page.getByTestId("customer-table").getByRole("row").allTextContents();
    expect(shown.slice(1).every((row) => row.includes("Segment B"))).toBe(true);
    const probabilities = shown.slice(1).map((row) => Number(/(\d+\.\d)%/.exec(row)![1]));
    expect(probabilities.every((value) => value >= 20)).toBe(true);
    expect(probabilities).toEqual([...probabilities].sort((a, b) => b - a));
    await page.screenshot({ path: `${ARTIFACTS}/customers-filtered.png`, fullPage: true });

    await page.getByTestId("customer-table").locator("tbody").getByRole("link").first().click();
    await expect(page.getByTestId("customer-segment")).toContainText("Segment B");
    await expect(page.getByTestId("customer-runs")).toContainText(`#${runId} (active)`);
    await page.screenshot({ path: `${ARTIFACTS}/customer-detail.png`, fullPage: true });

    const response = await page.request.get("/api/export/segments/1");
    expect(response.status()).toBe(200);
    expect(response.headers()["content-disposition"]).toMatch(new RegExp(`filename="segment-segment-b-run${runId}-\\d{4}-\\d{2}-\\d{2}\\.csv"`));
    const records = parse(await response.text(), { columns: true }) as Record<string, string>[];
    const rows = readDatabase<{ externalId: string; responseProbability: number; clv: number; pAlive: number; education: string | null }>(
      `SELECT c."externalId", s."responseProbability", s."clv", s."pAlive", c."education" FROM ${scoreTableOf(runId)} s JOIN "Customer" c ON c.id = s."customerId"
       WHERE s."runId" = ? AND s."segmentKey" = 1 ORDER BY s."customerId"`,
      runId,
    );
    expect(records.map((record) => [record.customer_id, record.response_probability, Number(record.clv_12m), record.p_alive, record.segment_name])).toEqual(
      rows.map((row) => [row.externalId, row.responseProbability.toFixed(4), row.clv, row.pAlive.toFixed(4), "Segment B"]),
    );
  });

  test("a viewer gets 403 from the run metrics export and from the admin page", async ({ page }) => {
    await signIn(page, "VIEWER");
    expect((await page.request.get(`/api/export/runs/${runId}`)).status()).toBe(403);
    const admin = await page.goto("/admin");
    expect(admin?.status()).toBe(403);
  });

  test("an analyst plans a campaign and exports its target list with a 10% control group", async ({ page }) => {
    await signIn(page, "ANALYST");
    await page.getByRole("link", { name: "Campaigns" }).click();
    await expect(page.getByTestId("best-size")).toContainText("Most profitable");
    // The seeded run stores no recommended campaign, like runs written before it: the planner says so and that its figures are estimated.
    await expect(page.getByTestId("recommended-campaign")).toContainText("no campaign to recommend");
    await expect(page.getByTestId("planner-estimated")).toBeVisible();
    await page.getByRole("checkbox", { name: "Segment A" }).check();
    await page.getByRole("checkbox", { name: "Segment B" }).check();
    await page.getByLabel(/Response probability at least/).fill("0.3");
    await expect(page.getByText("Response probability at least 30.00%")).toBeVisible();
    const contacts = Number((await page.getByTestId("campaign-outcomes").getByRole("row").nth(1).getByRole("cell").nth(1).textContent())!.replace(/,/g, ""));
    const inDatabase = readDatabase<{ n: number }>(
      `SELECT COUNT(*) AS n FROM ${scoreTableOf(runId)} WHERE "runId" = ? AND "segmentKey" IN (0, 1) AND "responseProbability" >= 0.3`,
      runId,
    )[0].n;
    expect(contacts).toBe(inDatabase);
    await page.screenshot({ path: `${ARTIFACTS}/campaign-planner.png`, fullPage: true });

    const { name, records } = await download(page, () => page.getByTestId("export-campaign").click());
    expect(name).toMatch(new RegExp(`^campaign-run${runId}-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
    expect(records).toHaveLength(inDatabase);
    expect(records.every((record) => Number(record.response_probability) >= 0.3 && ["0", "1"].includes(record.segment_id))).toBe(true);
    const forExcel = await page.request.get(
      (await page.getByRole("link", { name: "Export the target list for Excel (CSV with byte-order mark)" }).getAttribute("href"))!,
    );
    const excelBytes = Buffer.from(await forExcel.body());
    expect(excelBytes.subarray(0, 3).toString("hex")).toBe("efbbbf");
    expect(parse(excelBytes, { columns: true, bom: true })).toHaveLength(records.length);
    const control = records.filter((record) => record.control_group === "1").length / records.length;
    expect(control).toBeGreaterThan(0.05);
    expect(control).toBeLessThan(0.15);

    const metrics = await page.request.get(`/api/export/runs/${runId}`);
    expect(metrics.status()).toBe(200);
    expect(await metrics.text()).toMatch(/^section,metric,value\r\n/);
  });
});
