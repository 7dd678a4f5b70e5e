/**
 * Moving through a page with the keyboard alone, for specs that use no mouse: Tab (or
 * Shift+Tab) until a named control has focus, and check that the focus can be seen there (an outline).
 */
import { expect, type Locator, type Page } from "@playwright/test";

/** What has focus, in words a failure message can show: tag, role, name. */
function describeFocus(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return "(page)";
    const role = element.getAttribute("role");
    const name = element.getAttribute("aria-label") ?? element.getAttribute("name") ?? element.textContent?.trim().replace(/\s+/g, " ").slice(0, 40) ?? "";
    return `${element.tagName.toLowerCase()}${role ? `[role=${role}]` : ""} "${name}"`;
  });
}

/**
 * Presses Tab (Shift+Tab with `backwards`) until `target` has focus, at most `maxPresses`
 * times; fails with the elements focus passed through, so a missing stop or a trap is plain.
 */
export async function tabTo(page: Page, target: Locator, { maxPresses = 60, backwards = false } = {}): Promise<void> {
  await target.waitFor({ state: "visible" });
  const path: string[] = [];
  for (let press = 0; press < maxPresses; press++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press(backwards ? "Shift+Tab" : "Tab");
    path.push(await describeFocus(page));
  }
  if (await target.evaluate((element) => element === document.activeElement)) return;
  throw new Error(`${maxPresses} presses of ${backwards ? "Shift+Tab" : "Tab"} did not reach ${target}; focus went through:\n  ${path.join("\n  ")}`);
}

/**
 * The focused element matches :focus-visible and draws an outline that is not transparent.
 * Only the outline counts: Tremor's buttons carry a box shadow whether focused or not.
 */
export async function expectFocusVisible(target: Locator): Promise<void> {
  await expect(target).toBeFocused();
  const style = await target.evaluate((element) => {
    const computed = getComputedStyle(element);
    return { focusVisible: element.matches(":focus-visible"), style: computed.outlineStyle, width: computed.outlineWidth, color: computed.outlineColor };
  });
  const seen = style.focusVisible && style.style !== "none" && parseFloat(style.width) > 0 && !/^(transparent|rgba\(\d+, \d+, \d+, 0\))$/.test(style.color);
  expect(seen, `no visible focus on ${target}: ${JSON.stringify(style)}`).toBe(true);
}

/** Tabs to `target`, checks its focus can be seen, and presses `key` on it (Enter by default). */
export async function activate(page: Page, target: Locator, key = "Enter"): Promise<void> {
  await tabTo(page, target);
  await expectFocusVisible(target);
  await page.keyboard.press(key);
}
