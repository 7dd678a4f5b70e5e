import { Readable } from "node:stream";
import { describe, expect, test } from "vitest";
import { ImportError, parseOrders } from "@/lib/import";

/** Shop-system order lines in the style of sales_data_sample.csv, saved as Latin-1. */
const SHOP_EXPORT = [
  "ORDERNUMBER,QUANTITYORDERED,PRICEEACH,ORDERLINENUMBER,SALES,ORDERDATE,STATUS,PRODUCTLINE,CUSTOMERNAME,COUNTRY",
  "10107,30,95.7,2,2871,2/24/2003 0:00,Shipped,Motorcycles,Land of Toys Inc.,USA",
  "10121,34,81.35,5,2765.9,5/7/2003 0:00,Shipped,Motorcycles,Reims Collectables,France",
  '10134,41,94.74,2,3884.34,7/1/2003 0:00,Shipped,Classic Cars,"Cafés Élysée, Paris",France',
  "10168,36,96.66,1,-3479.76,10/28/2003 0:00,Disputed,Motorcycles,Cafés Élysée,France",
].join("\r\n");
const latin1 = Buffer.from(SHOP_EXPORT, "latin1");

const MAP = {
  customerId: "CUSTOMERNAME",
  orderDate: "ORDERDATE",
  amount: "SALES",
  orderId: "ORDERNUMBER",
  quantity: "QUANTITYORDERED",
  category: "PRODUCTLINE",
} as const;

const EXPECTED = [
  { customerId: "Land of Toys Inc.", orderDate: new Date("2003-02-24T00:00:00Z"), amount: 2871, orderId: "10107", quantity: 30, category: "Motorcycles", channel: null },
  { customerId: "Reims Collectables", orderDate: new Date("2003-05-07T00:00:00Z"), amount: 2765.9, orderId: "10121", quantity: 34, category: "Motorcycles", channel: null },
  { customerId: "Cafés Élysée, Paris", orderDate: new Date("2003-07-01T00:00:00Z"), amount: 3884.34, orderId: "10134", quantity: 41, category: "Classic Cars", channel: null },
  { customerId: "Cafés Élysée", orderDate: new Date("2003-10-28T00:00:00Z"), amount: -3479.76, orderId: "10168", quantity: 36, category: "Motorcycles", channel: null },
];

describe("reading shop-system order lines", () => {
  test("a Latin-1 export with M/D/YYYY H:MM dates and a header map", async () => {
    const result = await parseOrders(latin1, { map: MAP });
    expect(result.records).toEqual(EXPECTED);
    expect(result.rowNumbers).toEqual([2, 3, 4, 5]);
    expect(result.encoding).toBe("windows-1252");
    expect(result.separator).toBe(",");
    expect(result.dateFormat).toBe("M/D/YYYY H:MM");
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([
      'unknown column "PRICEEACH" is ignored',
      'unknown column "STATUS" is ignored',
      'unknown column "COUNTRY" is ignored',
    ]);
  });

  test("the default names find the same columns without a map", async () => {
    const result = await parseOrders(latin1);
    expect(result.records).toEqual(EXPECTED);
    expect(result.columns.map((c) => `${c.field}=${c.header}`)).toEqual([
      "customerId=CUSTOMERNAME",
      "orderDate=ORDERDATE",
      "amount=SALES",
      "orderId=ORDERNUMBER",
      "lineNumber=ORDERLINENUMBER",
      "quantity=QUANTITYORDERED",
      "category=PRODUCTLINE",
    ]);
  });

  test("the same export as UTF-8, streamed in pieces, reads the same", async () => {
    const utf8 = Buffer.from(SHOP_EXPORT, "utf8");
    const result = await parseOrders(Readable.from([utf8.subarray(0, 200), utf8.subarray(200)]));
    expect(result.records).toEqual(EXPECTED);
    expect(result.encoding).toBe("utf-8");
  });

  test("a negative amount (a return) is kept and flagged in the quality report", async () => {
    const { quality } = await parseOrders(latin1);
    expect(quality.outOfRange).toEqual([
      { column: "SALES", rule: "negative (returns or corrections; kept)", count: 1, examples: [{ row: 5, value: -3479.76 }] },
    ]);
    expect(quality.customers).toBe(4);
    expect([quality.firstDate, quality.lastDate]).toEqual(["2003-02-24", "2003-10-28"]);
  });

  test("a line exported twice is reported as a duplicate line", async () => {
    const text = "customer_id,order_id,order_date,amount\n1,A,2014-01-02,12.5\n2,B,2014-01-02,3\n1,A,2014-01-02,12.5\n";
    const { quality, records } = await parseOrders(Buffer.from(text));
    expect(records).toHaveLength(3);
    expect(quality.duplicateLines).toEqual({ count: 1, groups: 1, examples: [[2, 4]] });
    expect(quality.findings).toEqual(["1 line repeats an earlier line in every column"]);
  });

  test("common header names of other shops are recognised", async () => {
    const text = "InvoiceNo,Quantity,InvoiceDate,Total,CustomerID,Channel\n536365,6,12/1/2010 8:26,15.3,17850,web\n";
    const result = await parseOrders(Buffer.from(text));
    expect(result.records).toEqual([
      { customerId: "17850", orderDate: new Date("2010-12-01T08:26:00Z"), amount: 15.3, orderId: "536365", quantity: 6, category: null, channel: "web" },
    ]);
  });

  test("a missing amount column rejects the file, naming it", async () => {
    const error = await parseOrders(Buffer.from("customer_id,order_date\n1,2014-01-02\n")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).code).toBe("missing_column");
    expect((error as ImportError).message).toContain('"amount"');
  });

  test("bad and missing required cells are reported by row and column", async () => {
    const text = "customer_id,order_date,amount\n1,2014-01-02,12.5\n,2014-01-03,3\n3,2014-01-04,\n4,2014-13-01,1\n";
    const result = await parseOrders(Buffer.from(text));
    expect(result.records.map((r) => r.customerId)).toEqual(["1"]);
    expect(result.errors).toEqual([
      { row: 3, column: "customer_id", value: "", message: "missing value" },
      { row: 4, column: "amount", value: "", message: "missing value" },
      { row: 5, column: "order_date", value: "2014-13-01", message: "not a valid date in the column's format YYYY-MM-DD" },
    ]);
  });
});
