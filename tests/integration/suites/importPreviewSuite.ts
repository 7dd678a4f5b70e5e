/**
 * The import preview (a dry run) on a real database, run once per provider by the
 * import.preview.* test files: it reports exactly what the import then does, and keeps
 * nothing — no customers, orders, batch, audit entry or totals.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { useTestDatabase, type TestDatabase, type TestProvider } from "../support/databases";

const PROFILE_HEADER =
  "ID;Year_Birth;Education;Marital_Status;Income;Kidhome;Teenhome;Dt_Customer;Recency;MntWines;MntFruits;MntMeatProducts;MntFishProducts;MntSweetProducts;MntGoldProds;NumDealsPurchases;NumWebPurchases;NumCatalogPurchases;NumStorePurchases;NumWebVisitsMonth;AcceptedCmp3;AcceptedCmp4;AcceptedCmp5;AcceptedCmp1;AcceptedCmp2;Complain;Z_CostContact;Z_Revenue;Response";

function profileLine(id: string, income: string): string {
  return `${id};1970;PhD;Married;${income};0;1;24/09/2012;58;635;88;546;172;88;88;3;8;10;4;7;0;0;0;0;0;0;3;11;1`;
}

function tempCsv(name: string, text: string): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "import-preview-")), name);
  fs.writeFileSync(file, text);
  return file;
}

export function defineImportPreviewSuite(provider: TestProvider): void {
  describe(`import previews on ${provider}`, () => {
    let database: TestDatabase;
    let lib: {
      importFile: typeof import("@/lib/services/importFile").importFile;
      describeReport: typeof import("@/lib/import/report").describeReport;
      db: typeof import("@/lib/db/internal/client").db;
    };

    beforeAll(async () => {
      database = await useTestDatabase(provider);
      const [{ importFile }, { describeReport }, { db }] = await Promise.all([
        import("@/lib/services/importFile"),
        import("@/lib/import/report"),
        import("@/lib/db/internal/client"),
      ]);
      lib = { importFile, describeReport, db };
      const text = [PROFILE_HEADER, profileLine("p1", "50000"), profileLine("p2", "60000"), profileLine("p3", "70000")].join("\n");
      const seeded = await lib.importFile({ kind: "customers", source: tempCsv("full.csv", text), fileName: "full.csv", userId: null });
      expect(seeded).toMatchObject({ status: "SUCCEEDED", rowsInserted: 3 });
    });

    afterAll(async () => {
      await lib?.db.$disconnect();
      await database?.drop();
    });

    /** Everything a dry run could leave behind. */
    async function traces() {
      const { db } = lib;
      return {
        customers: await db.customer.count(),
        orders: await db.order.count(),
        batches: await db.importBatch.findMany({ orderBy: { id: "asc" } }),
        audit: await db.auditLog.count(),
        p1: await db.customer.findUniqueOrThrow({ where: { externalId: "p1" } }),
      };
    }

    test("a dry run of ID;Income says 2 customers updated: Income, writes nothing, and the import then does exactly that", async () => {
      const text = "ID;Income\np1;51000\np2;61000\np3;70000\nnew1;42000\n";
      const before = await traces();
      const preview = await lib.importFile({ kind: "customers", source: tempCsv("incomes.csv", text), fileName: "incomes.csv", userId: null, dryRun: true });
      expect(preview).toMatchObject({
        status: "SUCCEEDED",
        batchId: null,
        dryRun: true,
        rowsRead: 4,
        rowsInserted: 1,
        rowsUpdated: 2,
        rowsUnchanged: 1,
        rowsRejected: 0,
      });
      expect(preview.report!.changes).toEqual({ customersUpdated: 2, columns: [{ column: "Income", customers: 2 }] });
      expect(lib.describeReport(preview.report!)).toContain("2 customers updated: Income (2); 27 attributes left as they were");
      expect(preview.report!.absent).toHaveLength(27);
      expect(await traces()).toEqual(before);

      const imported = await lib.importFile({ kind: "customers", source: tempCsv("incomes.csv", text), fileName: "incomes.csv", userId: null });
      const { batchId: _none, dryRun: _dry, ...previewed } = preview;
      const { batchId, ...done } = imported;
      expect(done).toEqual(previewed);
      expect(batchId).toBe(before.batches.at(-1)!.id + (provider === "postgresql" ? 2 : 1));
      expect((await lib.db.customer.findUniqueOrThrow({ where: { externalId: "p1" } })).income).toBe(51000);
      expect(await lib.db.customer.count()).toBe(before.customers + 1);
    });

    test("a dry run of an order file creates no customer and stores no line, and reports what the import then does", async () => {
      const text = [
        "order_id,customer_id,order_date,quantity,unit_price,status",
        "S1,p1,2014-01-13,3,10,shipped",
        "C2,p1,2014-01-20,1,10,",
        "S3,o9,2014-02-03,2,5,Cancelled",
      ].join("\n");
      const before = await traces();
      const preview = await lib.importFile({ kind: "orders", source: tempCsv("orders.csv", text), fileName: "orders.csv", userId: null, dryRun: true });
      expect(preview).toMatchObject({ status: "SUCCEEDED", batchId: null, dryRun: true, rowsRead: 3, rowsInserted: 3, customersCreated: 1 });
      expect(preview.report!.lines).toEqual({ amountFrom: "quantity × unit price", sales: 1, returns: 1, cancelled: 1 });
      expect(preview.report!.dates).toMatchObject({ first: "2014-01-13", last: "2014-02-03" });
      expect(await traces()).toEqual(before);
      expect(await lib.db.customer.findUnique({ where: { externalId: "o9" } })).toBeNull();

      const imported = await lib.importFile({ kind: "orders", source: tempCsv("orders.csv", text), fileName: "orders.csv", userId: null });
      const { batchId: _none, dryRun: _dry, ...previewed } = preview;
      const { batchId: _id, ...done } = imported;
      expect(done).toEqual(previewed);
      expect(await lib.db.order.count()).toBe(3);
      expect(await lib.db.customer.count()).toBe(before.customers + 1);
    });

    test("a dry run of a refused file keeps no batch saying so", async () => {
      const before = await traces();
      const preview = await lib.importFile({
        kind: "customers",
        source: tempCsv("bad.csv", "ID;Income\np1;lots\n"),
        fileName: "bad.csv",
        userId: null,
        dryRun: true,
      });
      expect(preview).toMatchObject({ status: "REJECTED", code: "rejected_rows", batchId: null, dryRun: true, rowsRead: 1, rowsRejected: 1 });
      expect(preview.error).toMatch(/^1 problem in the file, so nothing was imported/);
      expect(await traces()).toEqual(before);
    });
  });
}
