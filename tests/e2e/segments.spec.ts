/**
 * The dashboards: a marketing viewer browses the segments, an executive reads the summary.
 * Numbers on the pages are checked against the database through ensureTrainedRun(), which
 * trains a light run first when the database has none (running this file on its own).
 */
import { expect, test, type Locator } from "@playwright/test";
import { signIn } from "./support/signIn";
import { ensureTrainedRun, TRAINING_TIMEOUT_MS, type TrainedRunFacts } from "./support/trainedRunFacts";

const ARTIFACTS = "tests/e2e/.artifacts";
const count = (value: number) => value.toLocaleString("en-US");
const percent = (share: number) => `${(share * 100).toFixed(1)}%`;
const amount = (value: number) => Math.round(value).toLocaleString("en-US");

let facts: TrainedRunFacts;

test.beforeAll(async () => {
  test.setTimeout(TRAINING_TIMEOUT_MS + 60_000);
  facts = await ensureTrainedRun();
});

/** Chart series are drawn in Tremor colours, not black (which is what a missing safelist gives): bars and points by fill, lines by stroke. */
async function expectColouredSeries(shapes: Locator, paint: "fill" | "stroke" = "fill"): Promise<void> {
  await expect(shapes.first()).toBeAttached();
  const colours = await shapes.evaluateAll((elements, property) => elements.slice(0, 50).map((element) => getComputedStyle(element)[property]), paint);
  expect(colours.length).toBeGreaterThan(0);
  for (const colour of colours) expect(colour).not.toMatch(/^(rgb\(0, 0, 0\)|none)$/);
}

test("a viewer lands on the segments, sees every persona with the database's numbers, the customer map and the choice of k", async ({ page }) => {
  await signIn(page, "VIEWER");
  await page.goto("/");
  await expect(page).toHaveURL(/\/segments$/);
  await expect(page.getByTestId("segments-run")).toContainText(`run #${facts.runId}`);

  for (const segment of facts.segments) {
    const card = page.getByTestId(`segment-card-${segment.segmentKey}`);
    await expect(card).toContainText(segment.name);
    const stats = facts.summary.segments.find((row) => row.segmentKey === segment.segmentKey)!;
    const figures = card.getByTestId(`segment-facts-${segment.segmentKey}`);
    await expect(figures).toContainText(count(segment.size));
    await expect(figures).toContainText(percent(segment.share));
    if (stats.averageIncome !== null) await expect(figures).toContainText(amount(stats.averageIncome));
    await expect(page.getByTestId("segment-comparison")).toContainText(segment.name);
  }
  expect(facts.summary.segments.reduce((sum, segment) => sum + segment.size, 0)).toBe(facts.summary.customers);

  const sample = facts.summary.pcaSample;
  await expect(page.getByTestId("projection-sample")).toContainText(`${count(sample.points.length)} of ${count(sample.population)} customers`);
  await expectColouredSeries(page.getByTestId("projection-2d").locator(".recharts-scatter-symbol circle"));
  await expect(page.getByTestId("projection-3d").locator("canvas").or(page.getByTestId("projection-3d-unsupported"))).toBeVisible();
  await expectColouredSeries(page.getByTestId("elbow-chart").locator(".recharts-line-curve"), "stroke");
  await expectColouredSeries(page.getByTestId("silhouette-chart").locator(".recharts-line-curve"), "stroke");
  await expect(page.getByTestId("k-reason")).toContainText(`k = ${facts.segments.length}: `);
  await expect(page.getByTestId("k-table")).toContainText(`${facts.segments.length} (chosen)`);
  await page.screenshot({ path: `${ARTIFACTS}/segments.png`, fullPage: true });

  const largest = [...facts.segments].sort((a, b) => b.size - a.size)[0];
  await page.getByTestId(`segment-card-${largest.segmentKey}`).getByRole("link", { name: largest.name }).click();
  await expect(page).toHaveURL(new RegExp(`/segments/${largest.segmentKey}$`));
  await expect(page.getByTestId(`segment-facts-${largest.segmentKey}`)).toContainText(count(largest.size));
  const distributions = facts.summary.segments.find((row) => row.segmentKey === largest.segmentKey)!.distributions;
  for (const chart of ["spend-chart", "channel-chart", "age-chart", "income-chart"]) {
    await expectColouredSeries(page.getByTestId(chart).locator(".recharts-bar-rectangle rect"));
  }
  // The age bars stand in the proportions of the stored histogram.
  const heights = await page
    .getByTestId("age-chart")
    .locator(".recharts-bar-rectangle rect")
    .evaluateAll((bars) => bars.map((bar) => Number(bar.getAttribute("height"))));
  const counts = distributions.age.bins.map((bin) => bin.count);
  expect(heights).toHaveLength(counts.length);
  heights.forEach((height, i) => expect(height / Math.max(...heights)).toBeCloseTo(counts[i] / Math.max(...counts), 2));
  await page.screenshot({ path: `${ARTIFACTS}/segment-page.png`, fullPage: true });

  for (const url of ["/segments/99999", "/segments/abc"]) expect((await page.goto(url))?.status(), url).toBe(404);
});

test("an executive sees the KPI cards with the change since the previous run, the quality badge and the metric history", async ({ page }) => {
  await signIn(page, "EXECUTIVE");
  await page.goto("/");
  const { summary, previousSummary } = facts;
  await expect(page.getByTestId("kpi-customers-value")).toHaveText(count(summary.customers));
  await expect(page.getByTestId("kpi-clv-average-value")).toHaveText(amount(summary.averageClv!));
  await expect(page.getByTestId("kpi-clv-total-coverage")).toContainText(`of ${count(summary.customers)} customers`);
  await expect(page.getByTestId("kpi-responders-coverage")).toContainText(`of ${count(summary.customers)} customers`);
  await expect(page.getByTestId("kpi-alive-value")).toHaveText(percent(summary.aliveShare!));
  await expect(page.getByTestId("kpi-responders-value")).toHaveText(amount(summary.expectedResponders!));
  await expect(page.getByTestId("kpi-profit-value")).toHaveText(amount(summary.campaign!.recommended.profit));
  await expect(page.getByTestId("kpi-profit")).toContainText(`mailing everyone: ${amount(summary.campaign!.everyone.profit)}`);
  if (previousSummary) {
    const added = summary.customers - previousSummary.customers;
    await expect(page.getByTestId("kpi-customers-change-text")).toHaveText(added > 0 ? `+${count(added)}` : added < 0 ? `−${count(-added)}` : "0");
  }
  await expect(page.getByTestId("quality-badge")).toHaveText(/^(Poor|Fair|Good|Excellent)$/);
  await expect(page.getByTestId("retrain-facts")).toContainText(/run #\d+ (promoted|not promoted|failed)/);
  // The e2e server runs with RETRAIN_SCHEDULER=off, so there is no next run.
  await expect(page.getByTestId("retrain-facts")).toContainText(/Next scheduled run.*the scheduler is off/);
  await expectColouredSeries(page.getByTestId("history-auc").locator(".recharts-line-curve"), "stroke");
  await expectColouredSeries(page.getByTestId("history-silhouette").locator(".recharts-line-curve"), "stroke");
  // The first run measures no drift: the chart appears from the second run on, with a bar per run.
  if (facts.previousRunId === null) await expect(page.getByTestId("history-drift-none")).toBeVisible();
  else await expect(page.getByTestId("history-drift").locator(".recharts-bar")).toHaveCount(1);
  await page.screenshot({ path: `${ARTIFACTS}/executive-summary.png`, fullPage: true });
});

test("anonymous visitors are sent to sign-in from the segment pages", async ({ page }) => {
  await page.goto("/segments");
  await expect(page).toHaveURL(/\/signin/);
});
