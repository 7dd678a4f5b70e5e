import { describe, expect, test } from "vitest";
import { StreamDecoder } from "@/lib/import/decode";

function decodeChunks(chunks: number[][]): { text: string; encoding: string; replaced: boolean } {
  const decoder = new StreamDecoder();
  let text = "";
  for (const chunk of chunks) text += decoder.decode(Uint8Array.from(chunk));
  text += decoder.end();
  return { text, encoding: decoder.encoding, replaced: decoder.hadInvalidBytes };
}

const bytes = (text: string) => [...new TextEncoder().encode(text)];

describe("StreamDecoder", () => {
  test.each([
    ["pure ASCII", [bytes("ID;Name\n"), bytes("1;Anna\n")], "ID;Name\n1;Anna\n", "utf-8"],
    [
      "UTF-8 split inside a character",
      [
        [...bytes("Caf"), 0xc3],
        [0xa9, ...bytes(";1")],
      ],
      "Café;1",
      "utf-8",
    ],
    ["a UTF-8 byte-order mark", [[0xef, 0xbb, 0xbf, ...bytes("ID")]], "ID", "utf-8"],
    ["Latin-1 whose first accent ends a chunk", [[...bytes("Caf"), 0xe9], bytes(";1\n")], "Café;1\n", "windows-1252"],
    ["Latin-1 after many ASCII chunks", [bytes("ID\n"), bytes("x\n"), [...bytes("Ren"), 0xe9, ...bytes(" Dupont\n")]], "ID\nx\nRené Dupont\n", "windows-1252"],
    ["Latin-1 ending the file with an accent", [bytes("Caf"), [0xe9]], "Café", "windows-1252"],
    ["windows-1252 quotes and euro sign", [[0x93, ...bytes("hi"), 0x94, 0x20, 0x80]], "\u201chi\u201d €", "windows-1252"],
  ])("reads %s", (_name, chunks, expected, encoding) => {
    const result = decodeChunks(chunks);
    expect(result.text).toBe(expected);
    expect(result.encoding).toBe(encoding);
    expect(result.replaced).toBe(false);
  });

  test("keeps UTF-8 and flags replaced bytes when invalid bytes follow valid UTF-8", () => {
    const result = decodeChunks([bytes("Müller;1\n"), [...bytes("Caf"), 0xe9, ...bytes(";2\n")]]);
    expect(result.encoding).toBe("utf-8");
    expect(result.replaced).toBe(true);
    expect(result.text).toBe("Müller;1\nCaf\uFFFD;2\n");
  });

  test("a UTF-8 file whose first non-ASCII byte is bad stays UTF-8: the byte is replaced and flagged", () => {
    const result = decodeChunks([[...bytes("ID;Name\n1;Caf"), 0xe9, ...bytes("\n2;Müller\n3;Crème\n")]]);
    expect(result.encoding).toBe("utf-8");
    expect(result.replaced).toBe(true);
    expect(result.text).toBe("ID;Name\n1;Caf\uFFFD\n2;Müller\n3;Crème\n");
  });

  test("Latin-1 throughout the judged bytes is read as windows-1252, with nothing replaced", () => {
    const line = [...bytes("Caf"), 0xe9, ...bytes(";Cr"), 0xe8, ...bytes("me\n")];
    const result = decodeChunks([bytes("ID;Name\n"), ...Array.from({ length: 5 }, () => line)]);
    expect(result.encoding).toBe("windows-1252");
    expect(result.replaced).toBe(false);
    expect(result.text).toBe("ID;Name\n" + "Café;Crème\n".repeat(5));
  });
});
