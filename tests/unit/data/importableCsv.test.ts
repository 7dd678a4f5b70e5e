import { describe, expect, test } from "vitest";
import { classifyOrderLine } from "@/lib/data/customer";
import { CUSTOMER_CSV_HEADER, ORDER_CSV_HEADER, formatCustomerLines, formatOrderLines } from "@/lib/data/importableCsv";
import { generateCustomers } from "@/lib/data/synthetic";
import { generateOrders } from "@/lib/data/syntheticOrders";
import { parseCustomers, parseOrders } from "@/lib/import";

describe("CSV writing", () => {
  test("formats a customer as the real file does: `;`, DD/MM/YYYY, empty for missing", () => {
    const [record] = generateCustomers({ seed: 1, count: 1 });
    const line = formatCustomerLines([{ ...record, income: null, dtCustomer: new Date(Date.UTC(2013, 1, 3)) }]);
    const cells = line.trimEnd().split(";");
    expect(cells).toHaveLength(29);
    expect(cells[4]).toBe("");
    expect(cells[7]).toBe("03/02/2013");
    expect(line.endsWith("\n")).toBe(true);
  });

  test("quotes text holding the separator or a quote", () => {
    const [record] = generateCustomers({ seed: 1, count: 1 });
    const line = formatCustomerLines([{ ...record, externalId: 'A;"B"' }]);
    expect(line.startsWith('"A;""B""";')).toBe(true);
  });

  test("synthetic customers survive a round trip through the importer, dirt included", async () => {
    const records = generateCustomers({ seed: 9, count: 10_000 });
    const text = CUSTOMER_CSV_HEADER + "\n" + formatCustomerLines(records);
    const result = await parseCustomers(Buffer.from(text));
    expect(result.records).toEqual(records);
    expect(result.errors).toEqual([]);
    expect(result.dateFormat).toBe("DD/MM/YYYY");
    const columns = result.quality.outOfRange.map((c) => `${c.column}: ${c.rule.split(" (")[0]}`);
    expect(columns).toEqual(expect.arrayContaining(["Year_Birth: born in 1900 or earlier", "Income: far above the rest"]));
    expect(result.quality.unknownCategories.map((u) => u.column)).toEqual(["Marital_Status"]);
    expect(result.quality.duplicateRows.count).toBeGreaterThan(0);
  });

  test("synthetic order lines survive a round trip through the order importer", async () => {
    const orders = generateOrders(generateCustomers({ seed: 9, count: 200 }), { seed: 9 });
    const result = await parseOrders(Buffer.from(ORDER_CSV_HEADER + "\n" + formatOrderLines(orders)));
    expect(result.records).toEqual(orders.map((o) => ({ ...o, amount: Math.round(o.amount * 100) / 100, kind: classifyOrderLine(o) })));
    expect(result.dateFormat).toBe("YYYY-MM-DD");
    expect(result.warnings).toEqual([]);
  });
});
