/**
 * Import behaviour against a real database; run once per provider by the *.sqlite / *.postgres test files.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { useTestDatabase, type TestDatabase, type TestProvider } from "../support/databases";

const REAL_FILE = path.resolve("../shared/data/marketing_campaign.csv");
const HEADER = fs.readFileSync(REAL_FILE, "utf8").split("\n")[0].trim();

function tempCsv(name: string, text: string): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "import-")), name);
  fs.writeFileSync(file, text);
  return file;
}

/** A customer row in the real file's layout, with the given id and income. */
function customerLine(id: string, income: string): string {
  return `${id};1970;Graduation;Single;${income};0;1;24/09/2012;58;635;88;546;172;88;88;3;8;10;4;7;0;0;0;0;0;0;3;11;1`;
}

export function defineImportSuite(provider: TestProvider): void {
  describe(`imports on ${provider}`, () => {
    let database: TestDatabase;
    let lib: {
      importFile: typeof import("@/lib/services/importFile").importFile;
      db: typeof import("@/lib/db/internal/client").db;
    };

    beforeAll(async () => {
      database = await useTestDatabase(provider);
      const [{ importFile }, { db }] = await Promise.all([import("@/lib/services/importFile"), import("@/lib/db/internal/client")]);
      lib = { importFile, db };
    });

    afterAll(async () => {
      await lib?.db.$disconnect();
      await database?.drop();
    });

    const snapshot = () =>
      lib.db.customer.findMany({
        orderBy: { externalId: "asc" },
        select: { externalId: true, contentHash: true, importBatchId: true, updatedAt: true, income: true },
      });

    test("the real file imports 2,240 customers with its quality report", async () => {
      const summary = await lib.importFile({ kind: "customers", source: REAL_FILE, fileName: "marketing_campaign.csv", userId: null });
      expect(summary).toMatchObject({ status: "SUCCEEDED", rowsRead: 2240, rowsInserted: 2240, rowsUpdated: 0, rowsRejected: 0 });
      expect(await lib.db.customer.count()).toBe(2240);

      const batch = await lib.db.importBatch.findUniqueOrThrow({ where: { id: summary.batchId } });
      const quality = batch.quality as { missing: { column: string; count: number }[]; findings: string[] };
      expect(quality.missing.find((entry) => entry.column === "Income")?.count).toBe(24);
      expect(quality.findings.join("\n")).toMatch(/YOLO \(2\)/);

      const customer = await lib.db.customer.findUniqueOrThrow({ where: { externalId: "5524" } });
      expect(customer).toMatchObject({ yearBirth: 1957, education: "Graduation", income: 58138, mntWines: 635, response: 1 });
      expect(customer.dtCustomer?.toISOString()).toBe("2012-09-04T00:00:00.000Z");
    });

    test("importing the same file again changes nothing but the batch record", async () => {
      const before = await snapshot();
      const batchesBefore = await lib.db.importBatch.count();
      const summary = await lib.importFile({ kind: "customers", source: REAL_FILE, fileName: "again.csv", userId: null });
      expect(summary).toMatchObject({ status: "SUCCEEDED", rowsInserted: 0, rowsUpdated: 0, rowsUnchanged: 2240 });
      expect(await snapshot()).toEqual(before);
      expect(await lib.db.importBatch.count()).toBe(batchesBefore + 1);
    });

    test("a newer snapshot updates changed customers by id and adds new ones", async () => {
      const file = tempCsv("newer.csv", [HEADER, customerLine("5524", "60000"), customerLine("999001", "42000")].join("\n"));
      const summary = await lib.importFile({ kind: "customers", source: file, fileName: "newer.csv", userId: null });
      expect(summary).toMatchObject({ status: "SUCCEEDED", rowsInserted: 1, rowsUpdated: 1, rowsUnchanged: 0 });
      const updated = await lib.db.customer.findUniqueOrThrow({ where: { externalId: "5524" } });
      expect(updated.income).toBe(60000);
      expect(updated.importBatchId).toBe(summary.batchId);
      expect(await lib.db.customer.count()).toBe(2241);
    });

    test("a refused import writes nothing but the batch that says why", async () => {
      const before = await snapshot();
      const file = tempCsv("bad.csv", [HEADER, customerLine("999002", "50000"), customerLine("999003", "lots")].join("\n"));
      const summary = await lib.importFile({ kind: "customers", source: file, fileName: "bad.csv", userId: null });
      expect(summary.status).toBe("REJECTED");
      expect(summary.error).toMatch(/row 3, column Income/);
      expect(await snapshot()).toEqual(before);
      const batch = await lib.db.importBatch.findUniqueOrThrow({ where: { id: summary.batchId } });
      expect(batch.rejectedRows).toEqual([expect.objectContaining({ row: 3, column: "Income", value: "lots" })]);
    });

    test("with allowRejected the valid rows are imported and the bad ones kept with reasons", async () => {
      const file = tempCsv("partly.csv", [HEADER, customerLine("999004", "50000"), customerLine("999005", "lots"), customerLine("999004", "1")].join("\n"));
      const summary = await lib.importFile({ kind: "customers", source: file, fileName: "partly.csv", userId: null, allowRejected: true });
      expect(summary).toMatchObject({ status: "SUCCEEDED", rowsInserted: 1, rowsRejected: 2 });
      const batch = await lib.db.importBatch.findUniqueOrThrow({ where: { id: summary.batchId } });
      expect(batch.rejectedRows).toEqual([
        expect.objectContaining({ row: 3, column: "Income" }),
        expect.objectContaining({ row: 4, column: "ID", message: expect.stringContaining("also at row 2") }),
      ]);
      expect(await lib.db.customer.findUnique({ where: { externalId: "999005" } })).toBeNull();
    });

    test("a file without an ID column is refused, naming the column", async () => {
      const file = tempCsv("noid.csv", "Year_Birth;Income\n1970;1000\n");
      const summary = await lib.importFile({ kind: "customers", source: file, fileName: "noid.csv", userId: null });
      expect(summary.status).toBe("REJECTED");
      expect(summary.error).toMatch(/ID/);
    });

    test("a database error half-way through rolls the whole file back", async () => {
      await installFailingTrigger(provider, lib.db);
      const before = await snapshot();
      const batchesBefore = await lib.db.importBatch.count();
      const lines = Array.from({ length: 50 }, (_, i) => customerLine(`88${i}`, "1000"));
      const file = tempCsv("boom.csv", [HEADER, ...lines, customerLine("boom", "1")].join("\n"));
      await expect(lib.importFile({ kind: "customers", source: file, fileName: "boom.csv", userId: null })).rejects.toThrow();
      expect(await snapshot()).toEqual(before);
      expect(await lib.db.importBatch.count()).toBe(batchesBefore);
    });

    test("order lines create the customers they name and re-import unchanged", async () => {
      const text =
        "CUSTOMERNAME,ORDERDATE,SALES,ORDERNUMBER\nAcme Café,2/24/2003 0:00,2871.00,10107\nAcme Café,5/7/2003 0:00,2765.90,10121\n5524,5/7/2003 0:00,100.50,10122\n";
      const file = tempCsv("orders.csv", text);
      const map = { customerId: "CUSTOMERNAME", orderDate: "ORDERDATE", amount: "SALES", orderId: "ORDERNUMBER" };
      const first = await lib.importFile({ kind: "orders", source: file, fileName: "orders.csv", userId: null, map });
      expect(first).toMatchObject({ status: "SUCCEEDED", rowsInserted: 3, customersCreated: 1 });
      const acme = await lib.db.customer.findUniqueOrThrow({ where: { externalId: "Acme Café" }, include: { orders: { orderBy: { orderDate: "asc" } } } });
      expect(acme.orders.map((order) => [order.orderDate.toISOString().slice(0, 10), order.amount])).toEqual([
        ["2003-02-24", 2871],
        ["2003-05-07", 2765.9],
      ]);
      expect(acme.income).toBeNull();

      const again = await lib.importFile({ kind: "orders", source: file, fileName: "orders.csv", userId: null, map });
      expect(again).toMatchObject({ status: "SUCCEEDED", rowsInserted: 0, rowsUnchanged: 3, customersCreated: 0 });
    });

    test("the first import into an empty table leaves its foreign keys in force (PostgreSQL checks them once, at its end)", async () => {
      // The order lines above were the first: a customer with lines cannot be deleted, nor a line name no customer.
      await expect(lib.db.customer.delete({ where: { externalId: "Acme Café" } })).rejects.toThrow();
      const orphan = { lineKey: "orphan#1", customerId: 987_654_321, orderDate: new Date("2024-01-01"), amount: 1 };
      await expect(lib.db.order.create({ data: orphan })).rejects.toThrow();
      expect(await lib.db.order.count({ where: { customer: { externalId: "Acme Café" } } })).toBe(2);
    });

    test("each import stores the totals it left, which the overview shows", async () => {
      const file = tempCsv("two.csv", [HEADER, customerLine("totals-1", "50000"), customerLine("totals-2", "60000")].join("\n"));
      const summary = await lib.importFile({ kind: "customers", source: file, fileName: "two.csv", userId: null });
      const batch = await lib.db.importBatch.findUniqueOrThrow({ where: { id: summary.batchId } });
      expect(batch).toMatchObject({
        customersAfter: await lib.db.customer.count(),
        profiledAfter: await lib.db.customer.count({ where: { dtCustomer: { not: null } } }),
        ordersAfter: await lib.db.order.count(),
      });
      // The customer created from an order line ("Acme Café") has no profile.
      expect(batch.customersAfter! - batch.profiledAfter!).toBe(1);
      expect(batch.ordersAfter).toBe(3);
    });

    test("two imports at once run one after the other, so the latest batch's totals are the database's", async () => {
      const files = [1, 2].map((n) =>
        tempCsv(`at-once-${n}.csv`, [HEADER, ...Array.from({ length: 300 }, (_, i) => customerLine(`once-${n}-${i}`, "40000"))].join("\n")),
      );
      const summaries = await Promise.all(
        files.map((file) => lib.importFile({ kind: "customers", source: file, fileName: path.basename(file), userId: null })),
      );
      expect(summaries.map((summary) => summary.rowsInserted)).toEqual([300, 300]);
      const latest = await lib.db.importBatch.findFirstOrThrow({ where: { status: "SUCCEEDED" }, orderBy: { id: "desc" } });
      expect(latest.customersAfter).toBe(await lib.db.customer.count());
    });
  });
}

/** A real constraint failure inside the database: inserting the customer "boom" aborts. */
async function installFailingTrigger(provider: TestProvider, db: typeof import("@/lib/db/internal/client").db): Promise<void> {
  if (provider === "sqlite") {
    await db.$executeRawUnsafe(`CREATE TRIGGER fail_on_boom BEFORE INSERT ON "Customer" WHEN NEW."externalId" = 'boom' BEGIN SELECT RAISE(ABORT, 'boom'); END`);
    return;
  }
  await db.$executeRawUnsafe(
    `CREATE FUNCTION fail_on_boom() RETURNS trigger AS $$ BEGIN IF NEW."externalId" = 'boom' THEN RAISE EXCEPTION 'boom'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`,
  );
  await db.$executeRawUnsafe(`CREATE TRIGGER fail_on_boom BEFORE INSERT ON "Customer" FOR EACH ROW EXECUTE FUNCTION fail_on_boom()`);
}
