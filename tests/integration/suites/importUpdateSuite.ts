/**
 * What an import changes in a real database, run once per provider by the import.update.*
 * test files: partial profile files update only what they name, custom attributes are kept
 * per key, order lines get their amounts and kinds, ambiguous dates wait for the user.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { useTestDatabase, type TestDatabase, type TestProvider } from "../support/databases";

const FULL_HEADER =
  "ID;Year_Birth;Education;Marital_Status;Income;Kidhome;Teenhome;Dt_Customer;Recency;MntWines;MntFruits;MntMeatProducts;MntFishProducts;MntSweetProducts;MntGoldProds;NumDealsPurchases;NumWebPurchases;NumCatalogPurchases;NumStorePurchases;NumWebVisitsMonth;AcceptedCmp3;AcceptedCmp4;AcceptedCmp5;AcceptedCmp1;AcceptedCmp2;Complain;Z_CostContact;Z_Revenue;Response";

/** A full profile line plus the custom columns Tier and Score. */
function profileLine(id: string, income: string, tier: string, score: string): string {
  return `${id};1970;PhD;Married;${income};0;1;24/09/2012;58;635;88;546;172;88;88;3;8;10;4;7;0;0;0;0;0;0;3;11;1;${tier};${score}`;
}

function tempCsv(name: string, text: string): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "import-update-")), name);
  fs.writeFileSync(file, text);
  return file;
}

export function defineImportUpdateSuite(provider: TestProvider): void {
  describe(`what imports change on ${provider}`, () => {
    let database: TestDatabase;
    let lib: {
      importFile: typeof import("@/lib/services/importFile").importFile;
      describeReport: typeof import("@/lib/import/report").describeReport;
      loadSnapshot: typeof import("@/lib/db/customers/snapshot").loadSnapshot;
      db: typeof import("@/lib/db/internal/client").db;
    };

    beforeAll(async () => {
      database = await useTestDatabase(provider);
      const [{ importFile }, { describeReport }, { loadSnapshot }, { db }] = await Promise.all([
        import("@/lib/services/importFile"),
        import("@/lib/import/report"),
        import("@/lib/db/customers/snapshot"),
        import("@/lib/db/internal/client"),
      ]);
      lib = { importFile, describeReport, loadSnapshot, db };
    });

    afterAll(async () => {
      await lib?.db.$disconnect();
      await database?.drop();
    });

    const importCustomers = (name: string, text: string) => lib.importFile({ kind: "customers", source: tempCsv(name, text), fileName: name, userId: null });
    const customers = () => lib.db.customer.findMany({ orderBy: { externalId: "asc" }, omit: { id: true, createdAt: true } });

    test("a full profile file stores the custom columns as attributes", async () => {
      const text = [
        `${FULL_HEADER};Tier;Score`,
        profileLine("p1", "50000", "Gold", "4.5"),
        profileLine("p2", "60000", "Silver", ""),
        profileLine("p3", "70000", "", ""),
      ].join("\n");
      const summary = await importCustomers("full.csv", text);
      expect(summary).toMatchObject({ status: "SUCCEEDED", rowsInserted: 3 });
      const stored = await customers();
      expect(stored.map((c) => [c.externalId, c.income, c.attributes])).toEqual([
        ["p1", 50000, { Tier: "Gold", Score: 4.5 }],
        ["p2", 60000, { Tier: "Silver" }],
        ["p3", 70000, null],
      ]);
      expect(lib.describeReport(summary.report!)).toEqual([
        "Profile columns in the file: ID, Year_Birth, Education, Marital_Status, Income, Kidhome, Teenhome, Dt_Customer, Recency, MntWines, MntFruits, MntMeatProducts and 17 more (29 of 29)",
        "Custom attributes: Tier, Score",
        "No existing customer changed",
        "Dates: 2012-09-24 to 2012-09-24 (Dt_Customer, DD/MM/YYYY)",
      ]);
    });

    test("ID;Income updates the incomes it names and keeps every other column and the custom attributes", async () => {
      const before = await customers();
      const summary = await importCustomers("incomes.csv", "ID;Income\np1;51000\np2;60000\np3;\nnew1;42000\n");
      expect(summary).toMatchObject({ status: "SUCCEEDED", rowsInserted: 1, rowsUpdated: 2, rowsUnchanged: 1 });
      const after = await customers();
      const byId = new Map(after.map((c) => [c.externalId, c]));
      // Everything but income, the hash and the batch is as it was.
      for (const previous of before) {
        const { income, contentHash, importBatchId, updatedAt, ...rest } = byId.get(previous.externalId)!;
        const { income: _i, contentHash: _h, importBatchId: _b, updatedAt: _u, ...restBefore } = previous;
        expect(rest).toEqual(restBefore);
      }
      expect(after.map((c) => [c.externalId, c.income])).toEqual([
        ["new1", 42000],
        ["p1", 51000],
        ["p2", 60000],
        ["p3", null],
      ]);
      expect(byId.get("p1")!.attributes).toEqual({ Tier: "Gold", Score: 4.5 });
      // The unchanged customer is left alone entirely.
      expect(byId.get("p2")).toEqual(before.find((c) => c.externalId === "p2"));
      // A new customer gets nothing but what the file says.
      expect(byId.get("new1")).toMatchObject({ yearBirth: null, education: null, dtCustomer: null, attributes: null });

      const batch = await lib.db.importBatch.findUniqueOrThrow({ where: { id: summary.batchId } });
      expect(batch.report).toMatchObject({
        absent: expect.arrayContaining(["Year_Birth", "Response"]),
        changes: { customersUpdated: 2, columns: [{ column: "Income", customers: 2 }] },
      });
      expect(lib.describeReport(summary.report!)).toContain("2 customers updated: Income (2); 27 attributes left as they were");
    });

    test("the same partial file again changes nothing: the hash is the merged profile's", async () => {
      const before = await customers();
      const summary = await importCustomers("incomes-again.csv", "ID;Income\np1;51000\np2;60000\np3;\nnew1;42000\n");
      expect(summary).toMatchObject({ status: "SUCCEEDED", rowsInserted: 0, rowsUpdated: 0, rowsUnchanged: 4 });
      expect(await customers()).toEqual(before);
    });

    test("a file of IDs only changes nothing", async () => {
      const before = await customers();
      const summary = await importCustomers("ids.csv", "ID\np1\np2\np3\n");
      expect(summary).toMatchObject({ status: "SUCCEEDED", rowsInserted: 0, rowsUpdated: 0, rowsUnchanged: 3 });
      expect(await customers()).toEqual(before);
      expect(lib.describeReport(summary.report!)).toContain("No existing customer changed; 28 attributes left as they were");
    });

    test("custom attributes update per key: a key absent from the file is kept, an empty cell clears one", async () => {
      const summary = await importCustomers("tiers.csv", "ID;Tier;Region\np1;Platinum;North\np2;;South\n");
      expect(summary).toMatchObject({ status: "SUCCEEDED", rowsUpdated: 2 });
      const stored = new Map((await customers()).map((c) => [c.externalId, c]));
      expect(stored.get("p1")!.attributes).toEqual({ Tier: "Platinum", Score: 4.5, Region: "North" });
      expect(stored.get("p2")!.attributes).toEqual({ Region: "South" });
      expect(stored.get("p1")!.income).toBe(51000);
      expect(summary.report!.changes).toEqual({
        customersUpdated: 2,
        columns: [
          { column: "Tier", customers: 2 },
          { column: "Region", customers: 2 },
        ],
      });
      expect(lib.describeReport(summary.report!)).toContain("Custom attributes: Tier, Region");

      const snapshot = await lib.loadSnapshot();
      expect(snapshot.customers.find((c) => c.externalId === "p1")!.attributes).toEqual({ Tier: "Platinum", Score: 4.5, Region: "North" });

      // Clearing a customer's last attribute leaves no attributes at all.
      const cleared = await importCustomers("clear.csv", "ID;Region\np2;\n");
      expect(cleared).toMatchObject({ status: "SUCCEEDED", rowsUpdated: 1 });
      expect((await lib.db.customer.findUniqueOrThrow({ where: { externalId: "p2" } })).attributes).toBeNull();
    });

    test("ambiguous dates are refused with a batch that says why, and read with the date format given", async () => {
      const text = "ID;Dt_Customer\np1;04/09/2012\np2;01/02/2013\n";
      const refused = await importCustomers("ambiguous.csv", text);
      expect(refused.status).toBe("REJECTED");
      expect(refused.error).toMatch(/column "Dt_Customer" can be read day-first or month-first/);
      expect((await lib.db.customer.findUniqueOrThrow({ where: { externalId: "p1" } })).dtCustomer?.toISOString()).toBe("2012-09-24T00:00:00.000Z");

      const file = tempCsv("ambiguous.csv", text);
      const read = await lib.importFile({ kind: "customers", source: file, fileName: "ambiguous.csv", userId: null, dateFormat: "mdy" });
      expect(read).toMatchObject({ status: "SUCCEEDED", rowsUpdated: 2 });
      expect((await lib.db.customer.findUniqueOrThrow({ where: { externalId: "p1" } })).dtCustomer?.toISOString()).toBe("2012-04-09T00:00:00.000Z");
      expect(read.report!.dates).toEqual({ column: "Dt_Customer", first: "2012-04-09", last: "2013-01-02" });
    });

    test("order lines priced by quantity × unit price, with a return and a cancelled line, store the right amounts and kinds", async () => {
      const text = [
        "order_id,line,customer_id,order_date,quantity,unit_price,category,channel,status",
        "S1,1,p1,1/13/2014 9:05,3,19.99,Wines,web,shipped",
        "S1,2,p1,1/13/2014 9:05,2,4.5,Fruits,web,shipped",
        "C77,1,p1,1/20/2014 10:00,1,19.99,Wines,web,",
        "S2,1,o1,2/3/2014 14:30,4,5,Gold,store,Cancelled",
      ].join("\n");
      const file = tempCsv("orders.csv", text);
      const summary = await lib.importFile({ kind: "orders", source: file, fileName: "orders.csv", userId: null });
      expect(summary).toMatchObject({ status: "SUCCEEDED", rowsRead: 4, rowsInserted: 4, customersCreated: 1 });
      const lines = await lib.db.order.findMany({
        orderBy: { id: "asc" },
        select: { orderId: true, amount: true, quantity: true, kind: true, orderDate: true },
      });
      expect(lines.map((l) => [l.orderId, l.amount, l.quantity, l.kind])).toEqual([
        ["S1", 59.97, 3, "sale"],
        ["S1", 9, 2, "sale"],
        ["C77", -19.99, -1, "return"],
        ["S2", 20, 4, "cancelled"],
      ]);
      expect(lines[0].orderDate.toISOString()).toBe("2014-01-13T09:05:00.000Z");
      expect(lib.describeReport(summary.report!)).toEqual([
        "Columns in the file: customer_id (customerId), order_date (orderDate), order_id (orderId), line (lineNumber), quantity (quantity), unit_price (unitPrice), category (category), channel (channel), status (status)",
        "Amounts computed as quantity × unit price",
        "Lines: 2 sales, 1 return, 1 cancelled line",
        "Dates: 2014-01-13 to 2014-02-03 (order_date, M/D/YYYY H:MM)",
      ]);

      const again = await lib.importFile({ kind: "orders", source: file, fileName: "orders.csv", userId: null });
      expect(again).toMatchObject({ status: "SUCCEEDED", rowsInserted: 0, rowsUpdated: 0, rowsUnchanged: 4 });

      const snapshot = await lib.loadSnapshot();
      expect([...snapshot.orders].map((o) => [o.customerId, o.orderId, o.amount, o.kind])).toEqual([
        ["p1", "S1", 59.97, "sale"],
        ["p1", "S1", 9, "sale"],
        ["p1", "C77", -19.99, "return"],
        ["o1", "S2", 20, "cancelled"],
      ]);
    });

    test("an order file with neither an amount nor quantity and unit price is refused, saying so", async () => {
      const file = tempCsv("no-amount.csv", "customer_id,order_date,quantity\np1,2014-01-02,3\n");
      const summary = await lib.importFile({ kind: "orders", source: file, fileName: "no-amount.csv", userId: null });
      expect(summary.status).toBe("REJECTED");
      expect(summary.error).toMatch(
        /^the file has no amount column and no quantity and unit price columns to compute it from \(it has a quantity column but no unit price\)/,
      );
      expect(await lib.db.order.count()).toBe(4);
    });
  });
}
