import type { ReactNode } from "react";
import { parseInline, parseMarkdown, type Inline } from "@/lib/text/markdown";

function renderInline(inline: Inline, key: number): ReactNode {
  switch (inline.kind) {
    case "code":
      return (
        <code key={key} className="rounded bg-tremor-background-muted px-1 font-mono text-[0.9em]">
          {inline.text}
        </code>
      );
    case "strong":
      return <strong key={key}>{inline.text}</strong>;
    case "link":
      return (
        <a key={key} className="underline" href={inline.href}>
          {inline.text}
        </a>
      );
    case "text":
      return inline.text;
  }
}

/** Markdown of the small subset lib/text/markdown.ts reads, as elements (never as HTML). */
export function Markdown({ text, className }: { text: string; className?: string }) {
  return (
    <div className={`space-y-1 text-tremor-default text-tremor-content ${className ?? ""}`}>
      {parseMarkdown(text).map((block, i) =>
        block.kind === "list" ? (
          <ul key={i} className="list-disc pl-5">
            {block.items.map((item, j) => (
              <li key={j}>{item.map(renderInline)}</li>
            ))}
          </ul>
        ) : (
          <p key={i}>{block.inlines.map(renderInline)}</p>
        ),
      )}
    </div>
  );
}

/** One line of the same subset, inline (for a table cell or a list item). */
export function InlineMarkdown({ text }: { text: string }) {
  return <>{parseInline(text).map(renderInline)}</>;
}
