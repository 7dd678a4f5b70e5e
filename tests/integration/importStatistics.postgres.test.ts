/**
 * After an import commits, PostgreSQL's planner statistics are refreshed for the tables that
 * import filled and only those: pg_class.reltuples is -1 for a table never analyzed, and
 * ANALYZE sets it to the rows it counted. Customers get statistics for their key columns alone.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { postgresAvailable, useTestDatabase, type TestDatabase } from "./support/databases";

const REAL_FILE = path.resolve("../shared/data/marketing_campaign.csv");

describe.runIf(postgresAvailable())("planner statistics after an import on PostgreSQL", () => {
  let database: TestDatabase;
  let lib: {
    importFile: typeof import("@/lib/services/importFile").importFile;
    db: typeof import("@/lib/db/internal/client").db;
  };

  beforeAll(async () => {
    database = await useTestDatabase("postgresql");
    const [{ importFile }, { db }] = await Promise.all([import("@/lib/services/importFile"), import("@/lib/db/internal/client")]);
    lib = { importFile, db };
  });

  afterAll(async () => {
    await lib?.db.$disconnect();
    await database?.drop();
  });

  async function estimatedRows(table: string): Promise<number> {
    const [row] = await lib.db.$queryRawUnsafe<{ rows: number }[]>(`SELECT reltuples::float8 AS "rows" FROM pg_class WHERE oid = $1::regclass`, `"${table}"`);
    return row.rows;
  }

  async function columnsWithStatistics(table: string): Promise<string[]> {
    const rows = await lib.db.$queryRawUnsafe<{ column: string }[]>(`SELECT attname::text AS "column" FROM pg_stats WHERE tablename = $1 ORDER BY 1`, table);
    return rows.map((row) => row.column);
  }

  test("profiles analyze the customers' keys alone; order lines analyze both tables", async () => {
    const profiles = await lib.importFile({ kind: "customers", source: REAL_FILE, fileName: "marketing_campaign.csv", userId: null });
    expect(profiles.status).toBe("SUCCEEDED");
    expect(await estimatedRows("Customer")).toBe(2240);
    expect(await estimatedRows("Order")).toBe(-1);
    expect(await columnsWithStatistics("Customer")).toEqual(["dtCustomer", "externalId", "id"]);

    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "import-statistics-")), "orders.csv");
    fs.writeFileSync(file, "customer_id,order_date,amount\n5524,2014-01-02,10.5\n5524,2014-02-03,7\nNew Shop,2014-02-03,99\n");
    const lines = await lib.importFile({ kind: "orders", source: file, fileName: "orders.csv", userId: null });
    expect(lines).toMatchObject({ status: "SUCCEEDED", rowsInserted: 3, customersCreated: 1 });
    expect(await estimatedRows("Order")).toBe(3);
    expect(await estimatedRows("Customer")).toBe(2241);
    expect(await columnsWithStatistics("Order")).toEqual(expect.arrayContaining(["amount", "customerId", "orderDate"]));
  });
});
