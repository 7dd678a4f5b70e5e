import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { describe, expect, test } from "vitest";
import { ImportError, parseCustomers, readCustomersFile } from "@/lib/import";
import { CUSTOMER_FIXTURE, CUSTOMER_HEADER, CUSTOMER_LINES, FIXTURE_RECORDS, customerVariant, withCell } from "./fixtures";

const bytes = (text: string) => Buffer.from(text, "utf8");
const ddmmyyyyTo = (separator: string) => (date: string) => date.replaceAll("/", separator);
const toIso = (date: string) => date.split("/").reverse().join("-");

async function importError(promise: Promise<unknown>): Promise<ImportError> {
  const error = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof ImportError)) throw new Error(`expected an ImportError, got ${String(error)}`);
  return error;
}

describe("reading the same customers from the file's variants", () => {
  test.each([
    ["`;` and DD/MM/YYYY (the real file's format)", customerVariant(";", (d) => d), ";", "DD/MM/YYYY"],
    ["`;` and DD-MM-YYYY", customerVariant(";", ddmmyyyyTo("-")), ";", "DD-MM-YYYY"],
    ["tabs and DD-MM-YYYY", customerVariant("\t", ddmmyyyyTo("-")), "\t", "DD-MM-YYYY"],
    ["commas and YYYY-MM-DD", customerVariant(",", toIso), ",", "YYYY-MM-DD"],
    ["commas, YYYY-MM-DD and CRLF line ends", customerVariant(",", toIso, "\r\n") + "\r\n", ",", "YYYY-MM-DD"],
    ["a UTF-8 byte-order mark", "\uFEFF" + CUSTOMER_FIXTURE, ";", "DD/MM/YYYY"],
  ])("%s", async (_name, text, separator, dateFormat) => {
    const result = await parseCustomers(bytes(text));
    expect(result.records).toEqual(FIXTURE_RECORDS);
    expect(result.rowNumbers).toEqual([2, 3, 4]);
    expect(result.separator).toBe(separator);
    expect(result.dateFormat).toBe(dateFormat);
    expect(result.encoding).toBe("utf-8");
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.rowsRead).toBe(3);
  });

  test("columns in another order, other letter case and spacing", async () => {
    const order = [4, 0, 7, ...Array.from({ length: 29 }, (_, i) => i).filter((i) => ![0, 4, 7].includes(i))];
    const reorder = (line: string) => order.map((i) => line.split(";")[i]).join(";");
    const header = reorder(CUSTOMER_HEADER).replace("Income", " income ").replace("Year_Birth", "YEAR BIRTH");
    const result = await parseCustomers(bytes([header, ...CUSTOMER_LINES.map(reorder)].join("\n")));
    expect(result.records).toEqual(FIXTURE_RECORDS);
  });

  test("a file on disk and a stream give the same records as a buffer", async () => {
    const file = path.join(await mkdtemp(path.join(tmpdir(), "customers-")), "customers.csv");
    await writeFile(file, CUSTOMER_FIXTURE);
    expect((await readCustomersFile(file)).records).toEqual(FIXTURE_RECORDS);
    const stream = Readable.from([bytes(CUSTOMER_FIXTURE.slice(0, 50)), bytes(CUSTOMER_FIXTURE.slice(50))]);
    expect((await parseCustomers(stream)).records).toEqual(FIXTURE_RECORDS);
  });
});

describe("refusing a file", () => {
  test("a missing ID column rejects the file, naming what was looked for", async () => {
    const withoutId = CUSTOMER_FIXTURE.split("\n")
      .map((line) => line.split(";").slice(1).join(";"))
      .join("\n");
    const error = await importError(parseCustomers(bytes(withoutId)));
    expect(error.code).toBe("missing_column");
    expect(error.message).toMatch(/^no customer id column: looked for "ID", "externalId", "customer_id", "customer_number", "client_id" and found none/);
    expect(error.message).toContain("externalId=YourHeader");
  });

  test("a header of custom columns only, without an id, is refused naming the id it needs", async () => {
    const error = await importError(parseCustomers(bytes("Segment;Score\nA;1\n")));
    expect(error.code).toBe("bad_header");
    expect(error.message).toContain('the file needs a customer id column ("ID", "externalId"');
  });

  test("ambiguous Dt_Customer dates are refused unless the date order is given", async () => {
    const text = withCell(1, 7, "01/08/2013").replace("13/02/2014", "12/02/2014");
    const error = await importError(parseCustomers(bytes(text)));
    expect(error.code).toBe("ambiguous_dates");
    expect(error.message).toContain('column "Dt_Customer"');
    const read = await parseCustomers(bytes(text), { dateOrder: "dmy" });
    expect(read.records.map((r) => r.dtCustomer?.toISOString().slice(0, 10))).toEqual(["2012-09-04", "2013-08-01", "2014-02-12"]);
  });

  test("a first line that is data, not a header, is a bad header", async () => {
    const error = await importError(parseCustomers(bytes(CUSTOMER_LINES.join("\n"))));
    expect(error.code).toBe("bad_header");
  });

  test("a column named twice is a bad header naming it", async () => {
    const error = await importError(parseCustomers(bytes(CUSTOMER_FIXTURE.replace("Kidhome", "Income"))));
    expect(error.code).toBe("bad_header");
    expect(error.message).toContain('"Income" appears twice (columns 5 and 6)');
  });

  test.each([
    ["an empty file", Buffer.alloc(0), "empty_file"],
    ["a file of blank lines", bytes("\n\r\n  \n"), "empty_file"],
    ["a byte-order mark alone", Buffer.from([0xef, 0xbb, 0xbf]), "empty_file"],
    ["a binary file", Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00]), "binary"],
  ])("%s gives %s", async (_name, input, code) => {
    expect((await importError(parseCustomers(input))).code).toBe(code);
  });

  test("a path with no file behind it gives not_found", async () => {
    const error = await importError(readCustomersFile(path.join(tmpdir(), "no-such-customers.csv")));
    expect(error.code).toBe("not_found");
  });

  test("a quote that never closes makes the file malformed", async () => {
    const error = await importError(parseCustomers(bytes(`${CUSTOMER_FIXTURE}\n1004;"1970;PhD`)));
    expect(error.code).toBe("malformed_csv");
  });

  test("a header without rows is read, with a warning", async () => {
    const result = await parseCustomers(bytes(CUSTOMER_HEADER + "\n"));
    expect(result.records).toEqual([]);
    expect(result.warnings).toEqual(["the file has a header but no data rows"]);
  });

  test("a file over the size limit is refused before parsing, with both sizes", async () => {
    const error = await importError(parseCustomers(bytes(CUSTOMER_FIXTURE), { maxBytes: 100 }));
    expect(error.code).toBe("too_large");
    expect(error.message).toBe(`the file is ${bytes(CUSTOMER_FIXTURE).length} bytes; the limit is 100 bytes`);
  });

  test("a stream over the size limit is stopped once it passes it", async () => {
    const chunks = Array.from({ length: 10 }, () => bytes(CUSTOMER_LINES[0] + "\n"));
    const error = await importError(parseCustomers(Readable.from([bytes(CUSTOMER_HEADER + "\n"), ...chunks]), { maxBytes: 600 }));
    expect(error.code).toBe("too_large");
    expect(error.message).toMatch(/^the file is at least \d+ bytes; the limit is 600 bytes$/);
  });
});

describe("reporting problems row by row", () => {
  test("a bad cell is reported with its row, column and value, and its row left out", async () => {
    const result = await parseCustomers(bytes(withCell(1, 4, "lots")));
    expect(result.errors).toEqual([{ row: 3, column: "Income", value: "lots", message: "not a number (write 1234.5, no thousands separators)" }]);
    expect(result.records.map((r) => r.externalId)).toEqual(["1001", "1003"]);
    expect(result.rowNumbers).toEqual([2, 4]);
  });

  test.each([
    ["Kidhome", 5, "1.5", "not a whole number"],
    ["Response", 28, "yes", "not 0 or 1"],
    ["Dt_Customer", 7, "someday", "not a date (expected e.g. 31/12/2014 or 2014-12-31)"],
    ["Dt_Customer", 7, "31/02/2013", "not a valid date in the column's format DD/MM/YYYY"],
    ["ID", 0, "  ", "missing value"],
  ])("a bad %s cell (%s) is named", async (column, index, value, message) => {
    const result = await parseCustomers(bytes(withCell(2, index, value)));
    expect(result.errors).toEqual([{ row: 4, column, value, message }]);
    expect(result.errorCount).toBe(1);
  });

  test("a row with the wrong number of fields is reported as a whole", async () => {
    const result = await parseCustomers(bytes(CUSTOMER_FIXTURE + "\n1004;1970;PhD"));
    expect(result.errors).toEqual([{ row: 5, column: null, value: null, message: "the row has 3 fields, the header has 29" }]);
  });

  test("duplicate ids are reported with both rows; only the first is kept", async () => {
    const result = await parseCustomers(bytes(`${CUSTOMER_FIXTURE}\n${CUSTOMER_LINES[0].replace(";1960;", ";1961;")}`));
    expect(result.duplicates).toEqual([{ id: "1001", rows: [2, 5] }]);
    expect(result.records).toEqual(FIXTURE_RECORDS);
  });

  test("blank lines count as rows, as a spreadsheet shows them", async () => {
    const text = [CUSTOMER_HEADER, CUSTOMER_LINES[0], "", CUSTOMER_LINES[1], CUSTOMER_LINES[2].replace(";45500.5;", ";x;")].join("\n");
    const result = await parseCustomers(bytes(text));
    expect(result.rowNumbers).toEqual([2, 4]);
    expect(result.errors.map((e) => e.row)).toEqual([5]);
  });

  test("errors beyond maxErrors are counted but not kept", async () => {
    const result = await parseCustomers(bytes(withCell(0, 4, "a").replace(";45500.5;", ";b;")), { maxErrors: 1 });
    expect(result.errors).toHaveLength(1);
    expect(result.errorCount).toBe(2);
  });
});

describe("headers that are not the standard ones", () => {
  test("a misspelt column is kept as a custom attribute, with a guess, and the standard column is absent", async () => {
    const result = await parseCustomers(bytes(CUSTOMER_FIXTURE.replace("Income", "Incme")));
    expect(result.warnings).toEqual(['column "Incme" is kept as a custom attribute (did you mean "Income"?)']);
    expect(result.records.map((r) => [r.income, r.attributes])).toEqual([
      [null, { Incme: 71000 }],
      [null, null],
      [null, { Incme: 45500.5 }],
    ]);
    expect(result.customColumns).toEqual(["Incme"]);
    expect(result.quality.absentColumns).toEqual(["Income"]);
  });

  test("map names a column for a field", async () => {
    const text = CUSTOMER_FIXTURE.replace("ID;", "Customer Number;").replace("Dt_Customer", "Joined");
    const result = await parseCustomers(bytes(text), { map: { externalId: "customer number", dtCustomer: "Joined" } });
    expect(result.records).toEqual(FIXTURE_RECORDS);
    expect(result.columns.slice(0, 1)).toEqual([{ field: "externalId", header: "Customer Number" }]);
  });

  test("map naming a column the file lacks is refused, naming it", async () => {
    const error = await importError(parseCustomers(bytes(CUSTOMER_FIXTURE), { map: { income: "Salary" } }));
    expect(error.code).toBe("missing_column");
    expect(error.message).toContain('"Salary"');
  });

  test("the user's date order wins over the default for ambiguous dates", async () => {
    const result = await parseCustomers(bytes(withCell(0, 7, "04/09/2012").replace("21/08/2013", "01/08/2013").replace("13/02/2014", "12/02/2014")), {
      dateOrder: "mdy",
    });
    expect(result.dateFormat).toBe("M/D/YYYY");
    expect(result.records[0].dtCustomer).toEqual(new Date("2012-04-09T00:00:00Z"));
  });
});

describe("files with some of the columns", () => {
  test("ID;Income reads the two columns and says which are there", async () => {
    const result = await parseCustomers(bytes("ID;Income\n1001;72000\n1002;\n"));
    expect(result.columns).toEqual([
      { field: "externalId", header: "ID" },
      { field: "income", header: "Income" },
    ]);
    expect(result.records.map((r) => [r.externalId, r.income])).toEqual([
      ["1001", 72000],
      ["1002", null],
    ]);
    expect(result.customColumns).toEqual([]);
    expect(result.dateRange).toBeNull();
    expect(result.quality.absentColumns).toHaveLength(27);
  });

  test("an id under another common name is found", async () => {
    const result = await parseCustomers(bytes("Customer ID,Income\n7,100\n"));
    expect(result.records.map((r) => [r.externalId, r.income])).toEqual([["7", 100]]);
  });

  test("YYYYMMDD enrolment dates are read, and their range reported", async () => {
    const result = await parseCustomers(bytes("ID;Dt_Customer\n1;20120904\n2;20140101\n3;20130615\n"));
    expect(result.dateFormat).toBe("YYYYMMDD");
    expect(result.dateRange).toEqual({ first: "2012-09-04", last: "2014-01-01" });
  });
});

describe("custom attributes", () => {
  test("columns outside the layout are kept by header: numbers as numbers, the rest as categories, empty as absent", async () => {
    const text = ["ID;Income;Segment;Score;Postcode;Notes", "1;100;Gold;4.5;01234;", "2;;Silver;-2;75001;vip", "3;;;;;"].join("\n");
    const result = await parseCustomers(bytes(text));
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.customColumns).toEqual(["Segment", "Score", "Postcode", "Notes"]);
    expect(result.records.map((r) => r.attributes)).toEqual([
      { Segment: "Gold", Score: 4.5, Postcode: "01234" },
      { Segment: "Silver", Score: -2, Postcode: 75001, Notes: "vip" },
      null,
    ]);
  });

  test("a decimal comma is a number, as in the layout's own columns", async () => {
    const result = await parseCustomers(bytes('ID;Ratio\n1;"0,75"\n'));
    expect(result.records[0].attributes).toEqual({ Ratio: 0.75 });
  });

  test("a custom value over 200 characters is a cell error naming row and column", async () => {
    const result = await parseCustomers(bytes(`ID;Notes\n1;ok\n2;${"x".repeat(201)}\n`));
    expect(result.records.map((r) => r.externalId)).toEqual(["1"]);
    expect(result.errors).toEqual([{ row: 3, column: "Notes", value: "x".repeat(201), message: "longer than 200 characters" }]);
  });

  test("50 custom columns are kept; 51 are refused with a clear message", async () => {
    const header = (n: number) => ["ID", ...Array.from({ length: n }, (_, i) => `extra_${i + 1}`)].join(";");
    const row = (n: number) => ["1", ...Array.from({ length: n }, (_, i) => String(i))].join(";");
    const kept = await parseCustomers(bytes(`${header(50)}\n${row(50)}\n`));
    expect(Object.keys(kept.records[0].attributes!)).toHaveLength(50);
    const error = await importError(parseCustomers(bytes(`${header(51)}\n${row(51)}\n`)));
    expect(error.code).toBe("too_many_columns");
    expect(error.message).toBe(
      'the file has 51 columns that are not profile fields ("extra_1", "extra_2", "extra_3", "extra_4", "extra_5", …); at most 50 are kept as custom attributes. Remove the columns you do not need and import it again',
    );
  });

  test("a custom column named twice is a bad header", async () => {
    const error = await importError(parseCustomers(bytes("ID;Tier;Tier\n1;a;b\n")));
    expect(error.code).toBe("bad_header");
    expect(error.message).toContain('"Tier" appears twice (columns 2 and 3)');
  });

  test("a header named __proto__ is an ordinary attribute", async () => {
    const result = await parseCustomers(bytes("ID;__proto__\n1;x\n"));
    expect(Object.getPrototypeOf(result.records[0].attributes)).toBe(Object.prototype);
    expect(Object.entries(result.records[0].attributes!)).toEqual([["__proto__", "x"]]);
  });
});
