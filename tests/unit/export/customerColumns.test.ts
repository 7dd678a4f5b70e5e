import { describe, expect, test } from "vitest";
import { CUSTOMER_COLUMNS } from "@/lib/data/customer";
import { EXPORT_INTERNAL_ID, EXPORT_RESPONSE_PROBABILITY, EXPORT_SELECT, SCORE_EXPORT_COLUMNS, exportIndexOf } from "@/lib/db/scores/columns";
import { customerCsvWriter, buildCustomerHeader } from "@/lib/export/customerCsv";

const CUSTOMER_HEADER = buildCustomerHeader({ currency: null, locale: "en-US" });

/** A raw export row as lib/db/scores/export reads it: `values` by select expression, null elsewhere. */
function rawRow(values: Record<string, unknown>): unknown[] {
  const row: unknown[] = EXPORT_SELECT.map(() => null);
  for (const [sql, value] of Object.entries(values)) row[exportIndexOf(sql)] = value;
  return row;
}

describe("the export column table", () => {
  test("the header row is the table's headers: the scores, then every marketing column but the id", () => {
    expect(CUSTOMER_HEADER.slice(0, 11)).toEqual([
      "customer_id",
      "segment_id",
      "segment_name",
      "response_probability",
      "clv_12m",
      "clv_low",
      "clv_high",
      "p_alive",
      "response_note",
      "clv_source",
      "clv_note",
    ]);
    expect(CUSTOMER_HEADER.slice(11)).toEqual(CUSTOMER_COLUMNS.filter((column) => column.field !== "externalId").map((column) => column.header));
  });

  test("with a currency set only the money columns name it", () => {
    const header = buildCustomerHeader({ currency: "EUR", locale: "de-DE" });
    expect(header.filter((column, i) => column !== CUSTOMER_HEADER[i])).toEqual(["clv_12m_eur", "clv_low_eur", "clv_high_eur"]);
  });

  test("the select list reads each expression once, the paging keys included", () => {
    expect(new Set(EXPORT_SELECT).size).toBe(EXPORT_SELECT.length);
    expect(EXPORT_SELECT.filter((sql) => sql === `s."segmentKey"`)).toHaveLength(1);
    expect(EXPORT_SELECT[EXPORT_INTERNAL_ID]).toBe(`s."customerId"`);
    expect(EXPORT_SELECT[EXPORT_RESPONSE_PROBABILITY]).toBe(`s."responseProbability"`);
    for (const column of SCORE_EXPORT_COLUMNS) expect(exportIndexOf(column.sql)).toBeGreaterThanOrEqual(0);
  });

  test("a line holds every column's cell in header order, each written by its format", () => {
    const row = rawRow({
      'c."externalId"': "=C1",
      's."customerId"': 17,
      's."segmentKey"': 2,
      's."responseProbability"': 0.123456,
      's."clv"': 1234.5,
      's."clvLow"': null,
      's."clvHigh"': 2e21,
      's."pAlive"': 1,
      's."clvSource"': "orders",
      'c."income"': 58138,
      'c."education"': "Graduation",
      'c."dtCustomer"': new Date("2012-09-04T00:00:00Z"),
    });
    const write = customerCsvWriter(new Map([[2, "Wine buyers, loyal"]]), (customerId) => customerId * 10);
    const cells = write([row])
      .replace(/\r\n$/, "")
      .split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/);
    expect(cells).toHaveLength(CUSTOMER_HEADER.length + 1);
    const cell = (header: string) => cells[CUSTOMER_HEADER.indexOf(header)];
    expect(cells.slice(0, 11)).toEqual(["'=C1", "2", '"Wine buyers, loyal"', "0.1235", "1234.5", "", "2000000000000000000000", "1.0000", "", "orders", ""]);
    expect([cell("Income"), cell("Education"), cell("Dt_Customer"), cell("Kidhome")]).toEqual(["58138", "Graduation", "2012-09-04", ""]);
    expect(cells.at(-1)).toBe("170");
  });
});
