/** axe-core's WCAG 2.1 A/AA checks on the page as it is now, reduced to what must not ship. */
import { AxeBuilder } from "@axe-core/playwright";
import type { Page } from "@playwright/test";

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const BLOCKING = new Set(["serious", "critical"]);
const NODES_SHOWN = 5;

type NodeResult = Awaited<ReturnType<AxeBuilder["analyze"]>>["violations"][number]["nodes"][number];

/**
 * Faults inside third-party markup the app cannot change, each pardoned for that rule and those
 * elements only. Tremor 3's chart legend is an <ol> whose items sit in a <div> inside it; screen
 * readers still read the legend's names, and the charts' data is in tables or text beside them.
 */
const THIRD_PARTY: { rule: string; inside: string }[] = [
  { rule: "list", inside: ".tremor-Legend-root" },
  { rule: "listitem", inside: ".tremor-Legend-root" },
];

async function isPardoned(page: Page, rule: string, node: NodeResult): Promise<boolean> {
  const pardons = THIRD_PARTY.filter((pardon) => pardon.rule === rule);
  if (pardons.length === 0 || node.target.length !== 1) return false;
  const element = page.locator(String(node.target[0])).first();
  return element.evaluate(
    (found, selectors) => selectors.some((selector) => found.closest(selector) !== null),
    pardons.map((pardon) => pardon.inside),
  );
}

/** The element's selector and markup, and for colour contrast the colours and ratio axe measured. */
function describeNode(node: NodeResult): string {
  const contrast = node.any.find((check) => check.id === "color-contrast")?.data as { fgColor?: string; bgColor?: string; contrastRatio?: number } | undefined;
  const colours = contrast?.contrastRatio ? ` [${contrast.fgColor} on ${contrast.bgColor}: ${contrast.contrastRatio}:1]` : "";
  return `${node.target.join(" ")} ${node.html.replace(/\s+/g, " ").slice(0, 120)}${colours}`;
}

/** One line per serious or critical violation: rule id, impact, help, and the elements it names. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const lines: string[] = [];
  for (const violation of results.violations.filter((found) => BLOCKING.has(found.impact ?? ""))) {
    const nodes: NodeResult[] = [];
    for (const node of violation.nodes) if (!(await isPardoned(page, violation.id, node))) nodes.push(node);
    if (nodes.length === 0) continue;
    const shown = nodes.slice(0, NODES_SHOWN).map(describeNode).join(" | ");
    const more = nodes.length > NODES_SHOWN ? ` and ${nodes.length - NODES_SHOWN} more` : "";
    lines.push(`axe ${violation.id} (${violation.impact}): ${violation.help} — ${shown}${more}`);
  }
  return lines;
}
