/**
 * The tokenizer against csv-parse, which the importer used before it: the same records from
 * the same text with the options the importer gave csv-parse, however the text is cut into chunks.
 */
import { parse } from "csv-parse/sync";
import { describe, expect, test } from "vitest";
import { CsvSyntaxError, CsvTokenizer, type RecordDelimiter } from "@/lib/import/csvTokenizer";
import { createRng, type Rng } from "@/lib/ml/random";

const MAX = 1000;

function tokenize(text: string, delimiter: string, recordDelimiter: RecordDelimiter, cuts: number[] = [], max = MAX): string[][] {
  const tokenizer = new CsvTokenizer(delimiter, recordDelimiter, max);
  const records: string[][] = [];
  let from = 0;
  for (const cut of [...cuts, text.length]) {
    records.push(...tokenizer.push(text.slice(from, cut)));
    from = cut;
  }
  return [...records, ...tokenizer.end()];
}

function csvParse(text: string, delimiter: string, recordDelimiter: RecordDelimiter): string[][] {
  return parse(text, {
    delimiter,
    record_delimiter: recordDelimiter === "any" ? ["\r\n", "\n", "\r"] : [recordDelimiter],
    max_record_size: MAX,
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
  });
}

function randomText(rng: Rng, alphabet: string[], length: number): string {
  return Array.from({ length }, () => alphabet[rng.int(alphabet.length)]).join("");
}

function randomCuts(rng: Rng, length: number): number[] {
  const cuts = Array.from({ length: rng.int(6) }, () => rng.int(length + 1));
  return cuts.sort((a, b) => a - b);
}

describe("CsvTokenizer", () => {
  test("plain rows, quoted fields with separators, quotes and line breaks, blank lines and a BOM", () => {
    const text = '\uFEFFid,name,note\n1,"Smith, J.","said ""hi""\nthen left"\n\n2,Doe,\n3,"",x';
    expect(tokenize(text, ",", "\n")).toEqual([["id", "name", "note"], ["1", "Smith, J.", 'said "hi"\nthen left'], [""], ["2", "Doe", ""], ["3", "", "x"]]);
  });

  test("a quote inside an unquoted field is kept, and text after a closing quote keeps the opening one (relaxed quotes)", () => {
    expect(tokenize('a,b"c,"d"e,f\n', ",", "\n")).toEqual([["a", 'b"c', '"d"e', "f"]]);
  });

  test("a CRLF cut between its CR and LF ends one record, not two", () => {
    const text = 'a,b\r\n"c",d\r\ne,"f"\r\n';
    for (const mode of ["\r\n", "any"] as const) {
      for (let cut = 0; cut <= text.length; cut++)
        expect(tokenize(text, ",", mode, [cut])).toEqual([
          ["a", "b"],
          ["c", "d"],
          ["e", "f"],
        ]);
    }
  });

  test("an unclosed quote says how many records came before it", () => {
    const error = (() => {
      try {
        tokenize('a,b\nc,"d\ne,f\n', ",", "\n", [5]);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(CsvSyntaxError);
    expect(error).toMatchObject({ problem: "quote_not_closed", records: 1 });
  });

  test("a record over the limit is refused with its place and fields, after the records before it, even when no line break ever comes", () => {
    const tokenizer = new CsvTokenizer(",", "\n", 1000);
    expect(tokenizer.push(`a,b\n${"x,".repeat(600)}\nc\n`)).toEqual([["a", "b"]]);
    expect(() => tokenizer.end()).toThrow(expect.objectContaining({ problem: "record_too_large", records: 1, fields: 601 }));
    const endless = new CsvTokenizer(",", "\n", 1000);
    expect(() => {
      for (let i = 0; i < 10; i++) endless.push("y,".repeat(100));
    }).toThrow(expect.objectContaining({ problem: "record_too_large", records: 0 }));
  });

  test("long fields are copies, equal to what was read", () => {
    const long = "customer-0123456789-abcdef";
    expect(tokenize(`${long},"${long}"\n`, ",", "\n")).toEqual([[long, long]]);
  });

  test.each([
    [",", "\n"],
    [";", "\r\n"],
    ["\t", "\r"],
    [",", "any"],
  ] as const)("matches csv-parse on 2,000 random texts (delimiter %j, records end with %j), cut anywhere", (delimiter, mode) => {
    const rng = createRng(delimiter.charCodeAt(0) * 31 + mode.length);
    const alphabet = ["a", "b", "é", " ", '"', '"', delimiter, delimiter, "\n", "\r", "\r\n", "x"];
    let compared = 0;
    for (let i = 0; i < 2000; i++) {
      const text = randomText(rng, alphabet, 1 + rng.int(40));
      let expected: string[][] | "error";
      try {
        expected = csvParse(text, delimiter, mode);
      } catch {
        expected = "error";
      }
      const cuts = randomCuts(rng, text.length);
      let actual: string[][] | "error";
      try {
        actual = tokenize(text, delimiter, mode, cuts);
      } catch {
        actual = "error";
      }
      expect({ text, cuts, records: actual }).toEqual({ text, cuts, records: expected });
      if (expected !== "error") compared++;
    }
    // Most texts are CSV: the comparison is not only of errors.
    expect(compared).toBeGreaterThan(1000);
  });
});
