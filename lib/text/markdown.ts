/**
 * The small Markdown subset the API descriptions use — code spans, bold, links, "- " lists
 * and blank-line paragraphs — parsed into plain data that a component renders as elements,
 * so the text is always escaped by React and never set as HTML.
 */

export type Inline = { kind: "text" | "code" | "strong"; text: string } | { kind: "link"; text: string; href: string };
export type Block = { kind: "paragraph"; inlines: Inline[] } | { kind: "list"; items: Inline[][] };

const INLINE = /`([^`]+)`|\*\*([^*]+)\*\*|\[([^\]]+)\]\(([^)\s]+)\)/g;
/** Only links that cannot run script: site paths, anchors and http(s). */
const SAFE_HREF = /^(\/(?!\/)|#|https?:\/\/)/i;

export function parseInline(text: string): Inline[] {
  const inlines: Inline[] = [];
  const pushText = (value: string) => {
    if (!value) return;
    const last = inlines.at(-1);
    if (last?.kind === "text") last.text += value;
    else inlines.push({ kind: "text", text: value });
  };
  let from = 0;
  for (const match of text.matchAll(INLINE)) {
    pushText(text.slice(from, match.index));
    const [whole, code, strong, linkText, href] = match;
    if (code !== undefined) inlines.push({ kind: "code", text: code });
    else if (strong !== undefined) inlines.push({ kind: "strong", text: strong });
    else if (SAFE_HREF.test(href)) inlines.push({ kind: "link", text: linkText, href });
    else pushText(whole);
    from = match.index + whole.length;
  }
  pushText(text.slice(from));
  return inlines;
}

export function parseMarkdown(text: string): Block[] {
  const blocks: Block[] = [];
  for (const chunk of text.trim().split(/\n\s*\n/)) {
    const lines = chunk
      .split("\n")
      .map((line) => line.trim())
      .filter(Boolean);
    if (lines.length === 0) continue;
    if (lines.every((line) => /^[-*] /.test(line))) blocks.push({ kind: "list", items: lines.map((line) => parseInline(line.slice(2))) });
    else blocks.push({ kind: "paragraph", inlines: parseInline(lines.join(" ")) });
  }
  return blocks;
}
