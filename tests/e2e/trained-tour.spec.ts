/**
 * The tour: signed out, and signed in as each role, every page that visitor may open (from
 * PAGE_RULES, so new pages join by themselves) with real ids of the trained run. On each page:
 * no console error or uncaught error, no NaN in the text or the console, no serious or critical
 * axe-core violation, no sideways page scroll or clipped text at 1,280 and 1,440 px
 * (support/layout.ts says what counts), and a full-page screenshot at 1,440 px in
 * tests/e2e/.artifacts/tour/<visitor>-<page>.png.
 */
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { seriousViolations } from "./support/axe";
import { layoutProblems } from "./support/layout";
import { signIn } from "./support/signIn";
import { stopSlug, stopUrl, tourIds, tourStops, VISITORS, type TourIds, type Visitor } from "./support/tour";
import { ensureTrainedRun, TRAINING_TIMEOUT_MS } from "./support/trainedRunFacts";

const WIDTHS = [1280, 1440] as const;
const HEIGHT = 900;
let ids: TourIds;

test.beforeAll(async () => {
  test.setTimeout(TRAINING_TIMEOUT_MS + 60_000);
  ids = tourIds(await ensureTrainedRun());
});

/** Console errors, messages mentioning NaN and uncaught errors, from now on. */
function collectConsoleProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" || /\bNaN\b/.test(message.text())) problems.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  return problems;
}

/** The page after its charts have drawn at the current width. */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState("networkidle");
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

async function visitorContext(browser: Browser, visitor: Visitor): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: WIDTHS[1], height: HEIGHT } });
  if (visitor !== "ANONYMOUS") {
    const page = await context.newPage();
    await signIn(page, visitor);
    await page.close();
  }
  return context;
}

test.describe("the tour's own checks", () => {
  test("the layout check reports sideways scroll and cut text, not an ellipsis with a title or screen-reader text", async ({ page }) => {
    await page.setViewportSize({ width: WIDTHS[0], height: HEIGHT });
    await page.setContent(`<body style="margin:0">
      <div id="cut" style="width:80px;overflow:hidden;white-space:nowrap">a sentence far too long for eighty pixels</div>
      <div style="width:80px;overflow:hidden;white-space:nowrap;text-overflow:ellipsis" title="the full text">a sentence far too long for eighty pixels</div>
      <span style="position:absolute;width:1px;height:1px;overflow:hidden;white-space:nowrap">only for screen readers</span>
      <div style="width:1500px">wide</div></body>`);
    const problems = await layoutProblems(page);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toBe(`the page is 1500 px wide in a ${WIDTHS[0]} px window`);
    expect(problems[1]).toMatch(/^clipped text in <div#cut>: \d+ px of text in 80 px/);
  });

  test("axe reports low-contrast text and pardons only Tremor's legend list", async ({ page }) => {
    await page.setContent(`<html lang="en"><head><title>t</title></head><body><main>
      <p style="color:#bbb;background:#fff">faint</p>
      <ol class="tremor-Legend-root"><div><li>legend item</li></div></ol>
      <ul><div><li>other list</li></div></ul></main></body></html>`);
    const rules = (await seriousViolations(page)).map((line) => line.split(" ")[1]);
    expect(rules.sort()).toEqual(["color-contrast", "list", "listitem"]);
  });
});

for (const visitor of VISITORS) {
  test.describe(`the tour ${visitor === "ANONYMOUS" ? "signed out" : `as ${visitor.toLowerCase()}`}`, () => {
    let context: BrowserContext;
    test.beforeAll(async ({ browser }) => {
      context = await visitorContext(browser, visitor);
    });
    test.afterAll(async () => context.close());

    for (const stop of tourStops(visitor)) {
      test(`${stop.name}: no console error, NaN, axe violation or broken layout`, async () => {
        const page = await context.newPage();
        const problems = collectConsoleProblems(page);
        const response = await page.goto(stopUrl(stop, ids));
        expect(response?.status(), `${stop.name} answered`).toBe(200);

        for (const width of WIDTHS) {
          await page.setViewportSize({ width, height: HEIGHT });
          await settle(page);
          problems.push(...(await layoutProblems(page)).map((problem) => `at ${width} px: ${problem}`));
        }
        const text = await page.locator("body").innerText();
        if (/\bNaN\b/.test(text)) problems.push(`the page shows NaN: …${text.slice(Math.max(0, text.search(/\bNaN\b/) - 60)).slice(0, 120)}…`);
        problems.push(...(await seriousViolations(page)));
        await page.screenshot({ path: `tests/e2e/.artifacts/tour/${visitor.toLowerCase()}-${stopSlug(stop)}.png`, fullPage: true });
        await page.close();
        expect(problems).toEqual([]);
      });
    }
  });
}
