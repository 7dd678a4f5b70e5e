/**
 * The limits on what a file may hold, checked while it is read: columns (before any
 * per-column work), characters in one row, and bytes that are not UTF-8 (replaced and
 * reported by row, never a silent switch of encoding).
 */
import { describe, expect, test } from "vitest";
import { ImportError, reportCustomerFile, describeReport, parseCustomers, parseOrders } from "@/lib/import";

async function importError(read: Promise<unknown>): Promise<ImportError> {
  const error = await read.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof ImportError)) throw new Error(`expected an ImportError, got ${String(error)}`);
  return error;
}

describe("columns", () => {
  test("1,000 columns are read", async () => {
    const header = ["ID", ...Array.from({ length: 999 }, (_, i) => `c${i}`)].join(";");
    const error = await importError(parseCustomers(Buffer.from(`${header}\n1${";x".repeat(999)}\n`)));
    // Refused by the custom-attribute cap, after the header was matched: the column cap let it through.
    expect(error.code).toBe("too_many_columns");
    expect(error.message).toMatch(/columns that are not profile fields/);
  });

  test("1,001 columns are refused, naming the count and the limit", async () => {
    const header = ["customer_id", "order_date", "amount", ...Array.from({ length: 998 }, (_, i) => `c${i}`)].join(",");
    const error = await importError(parseOrders(Buffer.from(`${header}\n`)));
    expect(error.code).toBe("too_many_columns");
    expect(error.message).toBe("the header has 1,001 columns; the limit is 1,000");
  });

  test("a header longer than a row may be is refused as too many columns when it has them", async () => {
    const header = Array.from({ length: 300_000 }, (_, i) => `c${i}`).join(",");
    const error = await importError(parseOrders(Buffer.from(`${header}\n1\n`)));
    expect(error.code).toBe("too_many_columns");
    expect(error.message).toMatch(/^the header has more than [\d,]+ columns; the limit is 1,000$/);
  });
});

describe("row length", () => {
  test("a row over 1 MB is refused, naming its row", async () => {
    const text = `customer_id,order_date,amount\n1,2014-01-02,5\n\n2,2014-01-03,"${"x".repeat(1024 * 1024)}"\n`;
    const error = await importError(parseOrders(Buffer.from(text)));
    expect(error.code).toBe("too_large");
    expect(error.message).toBe("row 4 is longer than 1.0 MB, the limit for one row");
  });
});

describe("bytes that are not UTF-8", () => {
  test("are replaced in a UTF-8 file and reported with their rows", async () => {
    const lines = ["ID;Education", "1;Caf\xe9", "2;M\u00fcller", "3;Cr\u00e8me", "4;x\xff"];
    // The bad bytes are written as single Latin-1 bytes amid valid UTF-8.
    const bytes = Buffer.concat(lines.map((line) => Buffer.from(`${line}\n`, /[\xe9\xff]/.test(line) ? "latin1" : "utf8")));
    const file = await parseCustomers(bytes);
    expect(file.encoding).toBe("utf-8");
    expect(file.records.map((record) => record.education)).toEqual(["Caf\uFFFD", "M\u00fcller", "Cr\u00e8me", "x\uFFFD"]);
    expect(file.invalidBytes).toEqual({ count: 2, rows: [2, 5] });
    expect(file.warnings).toContain("bytes that are not valid UTF-8 were replaced by \uFFFD in 2 rows: 2, 5");
    expect(describeReport(reportCustomerFile(file))).toContain("Warning: bytes that are not valid UTF-8 were replaced by \uFFFD in 2 rows: 2, 5");
  });

  test("a Latin-1 file is read as windows-1252, with no warning", async () => {
    const file = await parseCustomers(Buffer.from("ID;Education\n1;Caf\xe9\n2;Cr\xe8me\n", "latin1"));
    expect(file.encoding).toBe("windows-1252");
    expect(file.records.map((record) => record.education)).toEqual(["Caf\u00e9", "Cr\u00e8me"]);
    expect(file.invalidBytes).toBeNull();
    expect(reportCustomerFile(file).invalidBytes).toBeUndefined();
  });
});
