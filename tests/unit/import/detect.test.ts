import { describe, expect, test } from "vitest";
import { assertTextContent, detectEncoding, detectSeparator } from "@/lib/import/detect";
import { ImportError } from "@/lib/import/errors";

describe("detectSeparator", () => {
  test.each([
    ["semicolons", "ID;Year_Birth;Income\n1;1970;500\n2;1980;600\n", ";"],
    ["tabs", "ID\tYear_Birth\tIncome\n1\t1970\t500\n", "\t"],
    ["commas", "ID,Year_Birth,Income\n1,1970,500\n", ","],
    ["commas inside quotes of a ;-file", 'ID;Name;Income\n1;"Smith, J.";500\n2;"Doe, A.";600\n', ";"],
    ["semicolons inside quotes of a ,-file", 'ID,Name,Income\n1,"a;b;c;d",500\n2,"x;y;z;w",600\n', ","],
    ["the separator consistent on every line over one the header has more of", "ID;a, b, c, d;Income\n1;x;500\n2;y, z;600\n", ";"],
    ["CRLF line ends", "ID;Income\r\n1;500\r\n", ";"],
    ["a header alone", "ID\tIncome\tRecency", "\t"],
    ["a single column", "ID\n1\n2\n", ","],
  ])("finds %s", (_name, text, expected) => {
    expect(detectSeparator(text)).toBe(expected);
  });
});

describe("detectEncoding", () => {
  const latin1Cafe = Uint8Array.from([0x43, 0x61, 0x66, 0xe9, 0x3b, 0x31]); // "Café;1" in Latin-1
  test.each([
    ["ASCII", new TextEncoder().encode("ID;Income\n1;2"), "utf-8"],
    ["UTF-8", new TextEncoder().encode("Name\nCafé Crème"), "utf-8"],
    ["UTF-8 with a byte-order mark", Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode("ID;Ü")]), "utf-8"],
    ["UTF-8 cut in the middle of a character", new TextEncoder().encode("Café").subarray(0, 4), "utf-8"],
    ["Latin-1", latin1Cafe, "windows-1252"],
    ["UTF-8 with one bad byte among valid characters", Uint8Array.from([0xe9, ...new TextEncoder().encode(";Café;Crème")]), "utf-8"],
    ["Latin-1 with a chance UTF-8 pair among more accents", Uint8Array.from([0xc3, 0xa9, 0x3b, 0xe9, 0x3b, 0xe8, 0x3b, 0xe0, 0x3b]), "windows-1252"],
  ])("reads %s", (_name, bytes, expected) => {
    expect(detectEncoding(bytes)).toBe(expected);
  });
});

describe("assertTextContent", () => {
  const codeOf = (bytes: Uint8Array) => {
    try {
      assertTextContent(bytes);
      return "text";
    } catch (error) {
      return (error as ImportError).code;
    }
  };

  test.each([
    ["plain CSV text", new TextEncoder().encode("ID;Income\r\n1;2\t3\n"), "text"],
    ["a NUL byte", Uint8Array.from([0x49, 0x44, 0x00, 0x3b]), "binary"],
    ["a zip (xlsx) header", Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]), "binary"],
    ["many control characters", Uint8Array.from({ length: 100 }, (_, i) => (i % 4 === 0 ? 0x01 : 0x41)), "binary"],
    ["UTF-16 with its byte-order mark", Uint8Array.from([0xff, 0xfe, 0x49, 0x00]), "unsupported_encoding"],
  ])("judges %s", (_name, bytes, expected) => {
    expect(codeOf(bytes)).toBe(expected);
  });

  test("names an .xlsx file as such", () => {
    expect(() => assertTextContent(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x00]))).toThrow(/xlsx/);
  });
});
