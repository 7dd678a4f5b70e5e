import { describe, expect, test } from "vitest";
import { parseInline, parseMarkdown } from "@/lib/text/markdown";

describe("parseInline", () => {
  test("reads code spans, bold and links between plain text", () => {
    expect(parseInline("Send `Authorization: Bearer <token>`, **always**; see [the spec](/api/v1/openapi.json).")).toEqual([
      { kind: "text", text: "Send " },
      { kind: "code", text: "Authorization: Bearer <token>" },
      { kind: "text", text: ", " },
      { kind: "strong", text: "always" },
      { kind: "text", text: "; see " },
      { kind: "link", text: "the spec", href: "/api/v1/openapi.json" },
      { kind: "text", text: "." },
    ]);
  });

  test.each(["javascript:alert(1)", "//evil.example/x", "data:text/html,hi"])("a link to %s stays plain text", (href) => {
    expect(parseInline(`go [there](${href}) now`)).toEqual([{ kind: "text", text: `go [there](${href}) now` }]);
  });

  test("text without markup is one text run; an unclosed backtick is plain text", () => {
    expect(parseInline("Scope: VIEWER.")).toEqual([{ kind: "text", text: "Scope: VIEWER." }]);
    expect(parseInline("a `b")).toEqual([{ kind: "text", text: "a `b" }]);
  });
});

describe("parseMarkdown", () => {
  test("blank lines split paragraphs; lines starting with '- ' make a list", () => {
    expect(parseMarkdown("First line\nsame paragraph.\n\n- one\n- `two`\n\nLast.")).toEqual([
      { kind: "paragraph", inlines: [{ kind: "text", text: "First line same paragraph." }] },
      { kind: "list", items: [[{ kind: "text", text: "one" }], [{ kind: "code", text: "two" }]] },
      { kind: "paragraph", inlines: [{ kind: "text", text: "Last." }] },
    ]);
  });
});
