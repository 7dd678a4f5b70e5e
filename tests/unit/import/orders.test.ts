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
  {
    customerId: "Land of Toys Inc.",
    orderDate: new Date("2003-02-24T00:00:00Z"),
    amount: 2871,
    orderId: "10107",
    quantity: 30,
    category: "Motorcycles",
    channel: null,
    kind: "sale",
  },
  {
    customerId: "Reims Collectables",
    orderDate: new Date("2003-05-07T00:00:00Z"),
    amount: 2765.9,
    orderId: "10121",
    quantity: 34,
    category: "Motorcycles",
    channel: null,
    kind: "sale",
  },
  {
    customerId: "Cafés Élysée, Paris",
    orderDate: new Date("2003-07-01T00:00:00Z"),
    amount: 3884.34,
    orderId: "10134",
    quantity: 41,
    category: "Classic Cars",
    channel: null,
    kind: "sale",
  },
  // A negative amount makes a return: its quantity is made negative too.
  {
    customerId: "Cafés Élysée",
    orderDate: new Date("2003-10-28T00:00:00Z"),
    amount: -3479.76,
    orderId: "10168",
    quantity: -36,
    category: "Motorcycles",
    channel: null,
    kind: "return",
  },
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
    expect(result.warnings).toEqual(['unknown column "COUNTRY" is ignored']);
    expect(result.amountSource).toBe("amount");
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
      "unitPrice=PRICEEACH",
      "category=PRODUCTLINE",
      "status=STATUS",
    ]);
  });

  test("the same export as UTF-8, streamed in pieces, reads the same", async () => {
    const utf8 = Buffer.from(SHOP_EXPORT, "utf8");
    const result = await parseOrders(Readable.from([utf8.subarray(0, 200), utf8.subarray(200)]));
    expect(result.records).toEqual(EXPECTED);
    expect(result.encoding).toBe("utf-8");
  });

  test("a negative amount (a return) is counted as a return in the quality report", async () => {
    const { quality } = await parseOrders(latin1);
    expect(quality.outOfRange).toEqual([]);
    expect(quality.kinds).toEqual({ sales: 3, returns: 1, cancelled: 0 });
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
    // One date cannot say whether it is day- or month-first: the user says so.
    const result = await parseOrders(Buffer.from(text), { dateOrder: "mdy" });
    expect(result.records).toEqual([
      {
        customerId: "17850",
        orderDate: new Date("2010-12-01T08:26:00Z"),
        amount: 15.3,
        orderId: "536365",
        quantity: 6,
        category: null,
        channel: "web",
        kind: "sale",
      },
    ]);
  });

  test.each([
    ["neither", "customer_id,order_date\n1,2014-01-02\n", "it has neither"],
    ["a quantity alone", "customer_id,order_date,qty\n1,2014-01-02,3\n", "it has a quantity column but no unit price"],
    ["a unit price alone", "customer_id,order_date,price\n1,2014-01-02,3\n", "it has a unit price column but no quantity"],
  ])("a file without an amount and with %s is refused, saying what is missing", async (_name, text, found) => {
    const error = await parseOrders(Buffer.from(text)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).code).toBe("missing_column");
    expect((error as ImportError).message).toContain("no amount column and no quantity and unit price columns to compute it from");
    expect((error as ImportError).message).toContain(found);
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

describe("amounts from quantity × unit price", () => {
  test("the synthetic generator's header needs no map: amount = quantity × unit_price, M/D/YYYY H:MM dates", async () => {
    const text = [
      "order_id,line,customer_id,order_date,quantity,unit_price,category,channel,status",
      "A1,1,c1,1/13/2014 9:05,3,19.99,Wines,web,shipped",
      "A1,2,c1,1/13/2014 9:05,2,0.1,Fruits,web,shipped",
      "A2,1,c2,2/1/2014 0:00,-1,19.99,Wines,store,returned",
      "A3,1,c2,2/3/2014 14:30,4,5,Gold,web,Cancelled",
    ].join("\n");
    const result = await parseOrders(Buffer.from(text));
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.amountSource).toBe("quantity × unit price");
    expect(result.dateFormat).toBe("M/D/YYYY H:MM");
    expect(result.records.map((r) => [r.orderId, r.amount, r.quantity, r.kind, r.orderDate.toISOString()])).toEqual([
      ["A1", 59.97, 3, "sale", "2014-01-13T09:05:00.000Z"],
      ["A1", 0.2, 2, "sale", "2014-01-13T09:05:00.000Z"],
      ["A2", -19.99, -1, "return", "2014-02-01T00:00:00.000Z"],
      ["A3", 20, 4, "cancelled", "2014-02-03T14:30:00.000Z"],
    ]);
    expect(result.quality.kinds).toEqual({ sales: 2, returns: 1, cancelled: 1 });
  });

  test("an amount column wins over quantity × unit price (the Kaggle SALES column)", async () => {
    const text = "ORDERNUMBER,QUANTITYORDERED,PRICEEACH,SALES,ORDERDATE,CUSTOMERNAME\n10107,30,100,3500.5,2/24/2003 0:00,Acme\n";
    const result = await parseOrders(Buffer.from(text));
    expect(result.amountSource).toBe("amount");
    expect(result.records[0]).toMatchObject({ amount: 3500.5, quantity: 30 });
  });

  test("--map quantity=… unitPrice=… names the columns", async () => {
    const text = "cust;when;Menge;Stückpreis\n7;2014-03-02;2;12,5\n";
    const result = await parseOrders(Buffer.from(text), { map: { customerId: "cust", orderDate: "when", quantity: "Menge", unitPrice: "Stückpreis" } });
    expect(result.records).toEqual([
      { customerId: "7", orderDate: new Date("2014-03-02T00:00:00Z"), amount: 25, orderId: null, quantity: 2, category: null, channel: null, kind: "sale" },
    ]);
  });

  test("a line without quantity or unit price is reported by row and column", async () => {
    const text = "customer_id,order_date,quantity,unit_price\n1,2014-01-02,2,3\n2,2014-01-03,,3\n";
    const result = await parseOrders(Buffer.from(text));
    expect(result.errors).toEqual([{ row: 3, column: "quantity", value: "", message: "missing value" }]);
  });
});

describe("line kinds", () => {
  const HEADER = "invoice_no,customer_id,invoice_date,quantity,unit_price,status";

  test.each([
    ["a credit-note invoice number (UCI Online Retail)", "C536379,17850,2010-12-01,-1,27.5,", ["return", -27.5, -1]],
    ["a lower-case credit note with a positive quantity", "c536380,17850,2010-12-01,2,1.25,", ["return", -2.5, -2]],
    ["a negative quantity", "536381,17850,2010-12-01,-2,1.25,", ["return", -2.5, -2]],
    ["a cancelled status, amount kept positive", "536382,17850,2010-12-01,-2,3,CANCELED", ["cancelled", 6, 2]],
    ["a void status", "536383,17850,2010-12-01,1,3,void", ["cancelled", 3, 1]],
    ["another status is a sale", "536384,17850,2010-12-01,1,3,On Hold", ["sale", 3, 1]],
    ["an invoice that only starts with C", "CX100,17850,2010-12-01,1,3,", ["sale", 3, 1]],
  ])("%s", async (_name, line, expected) => {
    // A plain invoice first: "C…" ids are credit notes only beside plain ones.
    const result = await parseOrders(Buffer.from(`${HEADER}\n536000,17850,2010-12-01,1,1,\n${line}\n`));
    expect(result.errors).toEqual([]);
    expect(result.records.slice(1).map((r) => [r.kind, r.amount, r.quantity])).toEqual([expected]);
  });

  test("a shop that numbers every order C… has sales, not returns", async () => {
    const result = await parseOrders(Buffer.from(`${HEADER}\nC1001,17850,2010-12-01,2,3,\nC1002,17851,2010-12-02,1,5,\n`));
    expect(result.records.map((r) => [r.kind, r.amount])).toEqual([
      ["sale", 6],
      ["sale", 5],
    ]);
  });

  test("quantity and unit price named by the user are multiplied even beside an amount-like column", async () => {
    const text = "customer_id,order_date,sales,qty,price\n1,2014-01-02,999,2,3.5\n";
    const result = await parseOrders(Buffer.from(text), { map: { quantity: "qty", unitPrice: "price" } });
    expect(result.amountSource).toBe("quantity × unit price");
    expect(result.records.map((r) => r.amount)).toEqual([7]);
  });

  test("a negative amount with a positive quantity is a return with both negative", async () => {
    const result = await parseOrders(Buffer.from("customer_id,order_date,amount,quantity\n1,2014-01-02,-9.5,2\n"));
    expect(result.records.map((r) => [r.kind, r.amount, r.quantity])).toEqual([["return", -9.5, -2]]);
  });
});

test("UCI Online Retail lines need no map: amounts from Quantity × UnitPrice, credit notes as returns", async () => {
  const text = [
    "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country",
    "536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,12/1/2010 8:26,2.55,17850,United Kingdom",
    "C536379,D,Discount,-1,12/13/2010 9:41,27.5,14527,United Kingdom",
  ].join("\n");
  const result = await parseOrders(Buffer.from(text));
  expect(result.records.map((r) => [r.orderId, r.customerId, r.amount, r.quantity, r.kind, r.orderDate.toISOString()])).toEqual([
    ["536365", "17850", 15.3, 6, "sale", "2010-12-01T08:26:00.000Z"],
    ["C536379", "14527", -27.5, -1, "return", "2010-12-13T09:41:00.000Z"],
  ]);
  expect(result.warnings).toEqual(['unknown column "StockCode" is ignored', 'unknown column "Description" is ignored', 'unknown column "Country" is ignored']);
});
