/**
 * Segment exports where marketers look: a marketing viewer clicks "Export this segment (CSV)"
 * on the persona cards and the persona page and "Export all segments (CSV)" on /segments, and
 * each file is named after the run, the segment and the day and holds exactly the customers
 * the page counts. On the active run ensureTrainedRun() finds (training one when there is none).
 */
import { parse } from "csv-parse/sync";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { slugify } from "@/lib/export/fileName";
import { signIn } from "./support/signIn";
import { ensureTrainedRun, TRAINING_TIMEOUT_MS, type TrainedRunFacts } from "./support/trainedRunFacts";

const count = (value: number) => value.toLocaleString("en-US");
const DAY = String.raw`\d{4}-\d{2}-\d{2}`;

let facts: TrainedRunFacts;

test.beforeAll(async () => {
  test.setTimeout(TRAINING_TIMEOUT_MS + 60_000);
  facts = await ensureTrainedRun();
});

interface Downloaded {
  name: string;
  bytes: Buffer;
  records: Record<string, string>[];
}

async function download(page: Page, link: Locator): Promise<Downloaded> {
  const [file] = await Promise.all([page.waitForEvent("download"), link.click()]);
  const chunks: Buffer[] = [];
  for await (const chunk of await file.createReadStream()) chunks.push(chunk as Buffer);
  const bytes = Buffer.concat(chunks);
  return { name: file.suggestedFilename(), bytes, records: parse(bytes, { columns: true, bom: true }) };
}

/** Every row of one segment, probabilities in fixed 4-decimal notation. */
function expectSegmentRows(records: Record<string, string>[], segment: { segmentKey: number; name: string }): void {
  expect(Object.keys(records[0] ?? {}).slice(0, 4)).toEqual(["customer_id", "segment_id", "segment_name", "response_probability"]);
  for (const record of records) {
    expect([record.segment_id, record.segment_name]).toEqual([String(segment.segmentKey), segment.name]);
    expect(record.response_probability).toMatch(/^(\d\.\d{4})?$/);
    expect(record.p_alive).toMatch(/^(\d\.\d{4})?$/);
  }
}

test("a viewer exports each segment and all of them from /segments, and one from its persona page, with the rows the page counts", async ({ page }) => {
  await signIn(page, "VIEWER");
  await page.goto("/segments");
  await expect(page.getByTestId("segments-run")).toContainText(`run #${facts.runId}`);

  for (const segment of facts.segments) {
    const card = page.getByTestId(`segment-card-${segment.segmentKey}`);
    await expect(card.getByTestId(`segment-facts-${segment.segmentKey}`)).toContainText(`Customers${count(segment.size)}`);
    const file = await download(page, card.getByRole("link", { name: "Export this segment (CSV)", exact: true }));
    expect(file.name).toMatch(new RegExp(`^segment-[a-z0-9]+(-[a-z0-9]+)*-run${facts.runId}-${DAY}\\.csv$`));
    expect(file.name.startsWith(`segment-${slugify(segment.name)}-run`)).toBe(true);
    expect(file.records).toHaveLength(segment.size);
    expectSegmentRows(file.records, segment);
  }

  const all = await download(page, page.getByRole("link", { name: "Export all segments (CSV)", exact: true }));
  expect(all.name).toMatch(new RegExp(`^segments-run${facts.runId}-${DAY}\\.csv$`));
  expect(all.bytes.subarray(0, 3).toString("hex")).not.toBe("efbbbf");
  expect(all.records).toHaveLength(facts.segments.reduce((sum, segment) => sum + segment.size, 0));
  for (const segment of facts.segments) {
    expect(
      all.records.filter((record) => record.segment_id === String(segment.segmentKey)),
      segment.name,
    ).toHaveLength(segment.size);
  }

  const largest = [...facts.segments].sort((a, b) => b.size - a.size)[0];
  await page.goto(`/segments/${largest.segmentKey}`);
  await expect(page.getByTestId(`segment-facts-${largest.segmentKey}`)).toContainText(`Customers${count(largest.size)}`);
  const own = await download(page, page.getByRole("link", { name: "Export this segment (CSV)", exact: true }));
  expect(own.name).toMatch(new RegExp(`^segment-${slugify(largest.name)}-run${facts.runId}-${DAY}\\.csv$`));
  expect(own.records).toHaveLength(largest.size);
  expectSegmentRows(own.records, largest);

  const forExcel = await download(page, page.getByRole("link", { name: "Export this segment for Excel (CSV with byte-order mark)", exact: true }));
  expect(forExcel.name).toBe(own.name);
  expect(forExcel.bytes.subarray(0, 3).toString("hex")).toBe("efbbbf");
  expect(forExcel.records).toEqual(own.records);
});

test("the export links show for every role that may export; without a session the routes refuse", async ({ page, request }) => {
  // Every role holds exportData (lib/auth/roles.ts), so no signed-in role lacks the links; access.spec checks the routes per role.
  await signIn(page, "EXECUTIVE");
  await page.goto("/segments");
  await expect(page.getByRole("link", { name: "Export all segments (CSV)", exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Export this segment (CSV)", exact: true })).toHaveCount(facts.segments.length);
  for (const url of ["/api/export/segments", `/api/export/segments/${facts.segments[0].segmentKey}`]) {
    expect((await request.get(url)).status(), url).toBe(401);
  }
  expect((await page.request.get("/api/export/segments?bom=yes")).status()).toBe(400);
});
