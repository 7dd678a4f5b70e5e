/**
 * Layout checks that run in the page. Two faults are reported:
 *
 * - Horizontal page overflow: the document is wider than the window, so the whole page scrolls
 *   sideways (a wide table should scroll in its own overflow-x-auto box instead).
 * - Clipped text: an element that hides its overflow (overflow hidden or clip on that axis) while
 *   its content, holding text, is wider or taller than its box, so part of the text is cut off
 *   with no way to scroll to it. Not counted: a box that shows an ellipsis (text-overflow:
 *   ellipsis, Tailwind's `truncate`) and carries the full text in a title or aria-label, so the
 *   reader can still get it; visually hidden text (1 px boxes such as sr-only, which is meant
 *   for screen readers); and elements that are not rendered. Overflow of one pixel is
 *   rounding, not clipping.
 */
import type { Page } from "@playwright/test";

export async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > window.innerWidth) problems.push(`the page is ${root.scrollWidth} px wide in a ${window.innerWidth} px window`);

    const describe = (element: Element): string => {
      const id = element.id ? `#${element.id}` : "";
      const testId = element.getAttribute("data-testid");
      const classes = typeof element.className === "string" ? element.className.trim().split(/\s+/).slice(0, 4).join(".") : "";
      return `<${element.tagName.toLowerCase()}${id}${testId ? ` data-testid=${testId}` : ""}${classes ? ` .${classes}` : ""}>`;
    };
    const hides = (value: string) => value === "hidden" || value === "clip";

    for (const element of document.body.querySelectorAll<HTMLElement>("*")) {
      const text = element.innerText?.trim();
      if (!text || element.clientWidth <= 1 || element.clientHeight <= 1) continue;
      const style = getComputedStyle(element);
      const cutX = hides(style.overflowX) && element.scrollWidth > element.clientWidth + 1;
      const cutY = hides(style.overflowY) && element.scrollHeight > element.clientHeight + 1;
      if (!cutX && !cutY) continue;
      const hasFullText = element.title.trim() !== "" || (element.getAttribute("aria-label") ?? "").trim() !== "";
      if (cutX && !cutY && style.textOverflow === "ellipsis" && hasFullText) continue;
      const size = cutX
        ? `${element.scrollWidth} px of text in ${element.clientWidth} px`
        : `${element.scrollHeight} px of text in ${element.clientHeight} px height`;
      problems.push(`clipped text in ${describe(element)}: ${size} ("${text.slice(0, 60)}")`);
    }
    return problems;
  });
}
