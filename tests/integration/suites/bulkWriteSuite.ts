/**
 * Bulk writes on the transaction's own connection (lib/db/internal/bulkWrite.ts), run once per
 * provider by the bulkWrite.* test files: values come back exactly as Prisma would have stored
 * them, upserts count what they did, and a failure part-way rolls the whole transaction back.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { useTestDatabase, type TestDatabase, type TestProvider } from "../support/databases";

const CUSTOMER_COLUMNS = ["externalId", "education", "income", "kidhome", "dtCustomer", "attributes", "contentHash", "updatedAt"];
const ORDER_COLUMNS = ["lineKey", "customerId", "orderId", "orderDate", "amount", "quantity", "category", "channel", "kind", "importBatchId"];
const ORDER_COMPARED = ORDER_COLUMNS.filter((column) => column !== "importBatchId");

const HOSTILE_TEXT = 'Ünïcødé "quoted", tab\there,\nnew line, \\N and back\\slash; \r carriage ✓';
const ATTRIBUTES = { Tier: 'Gold "A"\t1', Note: "line\nbreak \\ ✓", Score: 4.5 };
const DAY = new Date("2012-09-24T13:45:06.789Z");

export function defineBulkWriteSuite(provider: TestProvider): void {
  describe(`bulk writes on ${provider}`, () => {
    let database: TestDatabase;
    let lib: {
      db: typeof import("@/lib/db/internal/client").db;
      bulkInsert: typeof import("@/lib/db/internal/bulkWrite").bulkInsert;
      bulkUpsert: typeof import("@/lib/db/internal/bulkWrite").bulkUpsert;
      readStoredProfiles: typeof import("@/lib/db/imports/storedProfiles").readStoredProfiles;
    };

    beforeAll(async () => {
      database = await useTestDatabase(provider);
      const [{ db }, { bulkInsert, bulkUpsert }, { readStoredProfiles }] = await Promise.all([
        import("@/lib/db/internal/client"),
        import("@/lib/db/internal/bulkWrite"),
        import("@/lib/db/imports/storedProfiles"),
      ]);
      lib = { db, bulkInsert, bulkUpsert, readStoredProfiles };
    });

    afterAll(async () => {
      await lib?.db.$disconnect();
      await database?.drop();
    });

    test("inserted values come back exactly: nulls, dates, hostile text, JSON, NaN as null", async () => {
      const rows = [
        ["bw-1", HOSTILE_TEXT, 1234.5678901234, 2, DAY, JSON.stringify(ATTRIBUTES), "h1", DAY],
        ["bw-2", null, Number.NaN, null, null, null, "h2", DAY],
        ["bw-3", "", 1e-7, 0, new Date("1970-01-01T00:00:00.000Z"), "{}", "h3", DAY],
      ];
      const inserted = await lib.db.$transaction((tx) => lib.bulkInsert(tx, "Customer", CUSTOMER_COLUMNS, rows));
      expect(inserted).toBe(3);
      const stored = await lib.db.customer.findMany({
        where: { externalId: { startsWith: "bw-" } },
        orderBy: { externalId: "asc" },
        select: { externalId: true, education: true, income: true, kidhome: true, dtCustomer: true, attributes: true, contentHash: true, updatedAt: true },
      });
      expect(stored).toEqual([
        {
          externalId: "bw-1",
          education: HOSTILE_TEXT,
          income: 1234.5678901234,
          kidhome: 2,
          dtCustomer: DAY,
          attributes: ATTRIBUTES,
          contentHash: "h1",
          updatedAt: DAY,
        },
        { externalId: "bw-2", education: null, income: null, kidhome: null, dtCustomer: null, attributes: null, contentHash: "h2", updatedAt: DAY },
        { externalId: "bw-3", education: "", income: 1e-7, kidhome: 0, dtCustomer: new Date(0), attributes: {}, contentHash: "h3", updatedAt: DAY },
      ]);
      // Prisma's own filters find what the bulk write stored, so the encodings match its own.
      expect(await lib.db.customer.count({ where: { dtCustomer: DAY, education: HOSTILE_TEXT } })).toBe(1);
    });

    test("stored profiles read on the transaction's connection equal Prisma's own reading", async () => {
      const ids = ["bw-1", "bw-2", "bw-3", "bw-missing"];
      const read = await lib.db.$transaction((tx) => lib.readStoredProfiles(tx, ids));
      const { CUSTOMER_COLUMNS } = await import("@/lib/data/customer");
      const select = Object.fromEntries(["id", "contentHash", "attributes", ...CUSTOMER_COLUMNS.map((column) => column.field)].map((field) => [field, true]));
      const expected = await lib.db.customer.findMany({ where: { externalId: { in: ids } }, select, orderBy: { externalId: "asc" } });
      expect(read.sort((a, b) => a.externalId.localeCompare(b.externalId))).toEqual(expected);
      expect(read[0]).toMatchObject({ education: HOSTILE_TEXT, dtCustomer: DAY, attributes: ATTRIBUTES, kidhome: 2 });
    });

    test("an upsert inserts new keys, updates changed rows (nulls included) and leaves equal ones, counting each", async () => {
      const { id: customerId } = await lib.db.customer.create({ data: { externalId: "bw-orders", contentHash: "x" } });
      const line = (key: string, amount: number, category: string | null, batch: number | null) => [
        key,
        customerId,
        `order ${key}`,
        DAY,
        amount,
        3,
        category,
        "web\tshop",
        "sale",
        batch,
      ];
      await lib.db.$transaction((tx) =>
        lib.bulkInsert(tx, "Order", ORDER_COLUMNS, [line("k1", 10.1, "Wines", null), line("k2", 20, null, null), line("k3", 30, "Fish", null)]),
      );
      const { id: batchId } = await lib.db.importBatch.create({
        data: {
          kind: "ORDERS",
          status: "SUCCEEDED",
          fileName: "f.csv",
          rowsRead: 0,
          rowsInserted: 0,
          rowsUpdated: 0,
          rowsUnchanged: 0,
          rowsRejected: 0,
          durationMs: 0,
          quality: {},
          rejectedRows: [],
        },
      });
      const counts = await lib.db.$transaction((tx) =>
        lib.bulkUpsert(tx, "Order", "lineKey", ORDER_COLUMNS, ORDER_COMPARED, [
          line("k1", 10.1, "Wines", batchId),
          line("k2", 20, "Meat", batchId),
          line("k3", 30.5, "Fish", batchId),
          line("k4", -4, HOSTILE_TEXT, batchId),
        ]),
      );
      expect(counts).toEqual({ inserted: 1, updated: 2, unchanged: 1 });
      const stored = await lib.db.order.findMany({ where: { customerId }, orderBy: { lineKey: "asc" } });
      expect(stored.map((row) => [row.lineKey, row.amount, row.category, row.channel, row.orderDate, row.importBatchId])).toEqual([
        ["k1", 10.1, "Wines", "web\tshop", DAY, null],
        ["k2", 20, "Meat", "web\tshop", DAY, batchId],
        ["k3", 30.5, "Fish", "web\tshop", DAY, batchId],
        ["k4", -4, HOSTILE_TEXT, "web\tshop", DAY, batchId],
      ]);
    });

    test("a row that fails part-way through a bulk write rolls back the whole transaction", async () => {
      const before = { customers: await lib.db.customer.count(), orders: await lib.db.order.count() };
      const { id: customerId } = await lib.db.customer.findFirstOrThrow({ where: { externalId: "bw-orders" } });
      // Row 1,500 names a customer that does not exist: the foreign key refuses it after 1,499 good rows.
      const rows = Array.from({ length: 2_000 }, (_, i) => [`fail-${i}`, i === 1_499 ? 987_654 : customerId, null, DAY, i, null, null, null, "sale", null]);
      const write = lib.db.$transaction(async (tx) => {
        await tx.customer.create({ data: { externalId: "bw-rolled-back", contentHash: "x" } });
        await lib.bulkInsert(tx, "Order", ORDER_COLUMNS, rows);
      });
      await expect(write).rejects.toThrow();
      expect({ customers: await lib.db.customer.count(), orders: await lib.db.order.count() }).toEqual(before);
      // The connection is usable afterwards.
      expect(await lib.db.$transaction((tx) => lib.bulkInsert(tx, "Order", ORDER_COLUMNS, rows.slice(0, 10)))).toBe(10);
    });

    test("a bulk write outside a transaction is refused", async () => {
      await expect(lib.bulkInsert(lib.db, "Customer", ["externalId", "contentHash", "updatedAt"], [["bw-outside", "x", DAY]])).rejects.toThrow(
        /open transaction/,
      );
      expect(await lib.db.customer.count({ where: { externalId: "bw-outside" } })).toBe(0);
    });

    test("rows past one statement's worth, and not a multiple of it, all come back in place; a row of the wrong width is refused", async () => {
      // SQLite binds at most 999 values a statement: 124 rows of these 8 columns, so 250 rows are two full statements and two rows.
      const rows = Array.from({ length: 250 }, (_, i) => [`bw-many-${String(i).padStart(3, "0")}`, null, i + 0.5, i % 3, null, null, `m${i}`, DAY]);
      expect(await lib.db.$transaction((tx) => lib.bulkInsert(tx, "Customer", CUSTOMER_COLUMNS, rows))).toBe(250);
      const stored = await lib.db.customer.findMany({
        where: { externalId: { startsWith: "bw-many-" } },
        orderBy: { externalId: "asc" },
        select: { externalId: true, income: true, kidhome: true, contentHash: true },
      });
      expect(stored).toEqual(rows.map(([externalId, , income, kidhome, , , contentHash]) => ({ externalId, income, kidhome, contentHash })));
      const short = [...rows.slice(0, 200).map((row) => [`bw-short-${row[0]}`, ...row.slice(1)]), ["bw-short", null]];
      await expect(lib.db.$transaction((tx) => lib.bulkInsert(tx, "Customer", CUSTOMER_COLUMNS, short))).rejects.toThrow(
        provider === "sqlite" ? "insert into Customer: a row has 2 values for 8 columns" : /missing data for column/,
      );
      expect(await lib.db.customer.count({ where: { externalId: { startsWith: "bw-short" } } })).toBe(0);
    });
  });
}
