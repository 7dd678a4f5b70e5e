/**
 * The training snapshot read straight through the driver against the same read through Prisma
 * (the loader it replaced, kept here as the reference), once per provider: customers with
 * custom attributes and missing fields, customers known only from order lines, sales, returns
 * and cancelled lines, a date with milliseconds and a line with every optional field empty.
 * Same customers, ids, order lines, hash and fingerprints, or a run's recorded hash and the
 * promotion gate's "unchanged customers" would change with the loader.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { CUSTOMER_COLUMNS, type CustomerRecord, type OrderLineKind, type OrderRecord } from "@/lib/data/customer";
import { CUSTOMER_CSV_HEADER, formatCustomerLines } from "@/lib/data/importableCsv";
import { InputFingerprints, fingerprintProfiles } from "@/lib/data/inputFingerprint";
import { generateCustomers } from "@/lib/data/synthetic";
import { writeOrderBusinessCsv } from "@/lib/data/syntheticBusinessCsv";
import { useTestDatabase, type TestDatabase, type TestProvider } from "../support/databases";

type Db = typeof import("@/lib/db/internal/client").db;
type Snapshot = Awaited<ReturnType<typeof import("@/lib/db/customers/snapshot").loadSnapshot>>;

const CUSTOMERS = 150;

export function defineSnapshotSuite(provider: TestProvider): void {
  describe(`the training snapshot on ${provider}`, () => {
    let database: TestDatabase;
    let tempDir: string;
    let lib: { db: Db; loadSnapshot: typeof import("@/lib/db/customers/snapshot").loadSnapshot };

    beforeAll(async () => {
      database = await useTestDatabase(provider);
      tempDir = fs.mkdtempSync(path.join(os.tmpdir(), "snapshot-"));
      const [{ db }, { loadSnapshot }, { importFile }] = await Promise.all([
        import("@/lib/db/internal/client"),
        import("@/lib/db/customers/snapshot"),
        import("@/lib/services/importFile"),
      ]);
      lib = { db, loadSnapshot };

      const profiles = path.join(tempDir, "customers.csv");
      const lines = formatCustomerLines(generateCustomers({ seed: 9, count: CUSTOMERS }))
        .trimEnd()
        .split("\n");
      const rows = lines.map((line, i) => `${line};${i % 4 === 0 ? "" : i * 3};${["North", "Süd", ""][i % 3]}`);
      fs.writeFileSync(profiles, `${CUSTOMER_CSV_HEADER};Employees;Region\n${rows.join("\n")}\n`);
      expect((await importFile({ kind: "customers", source: profiles, fileName: "customers.csv", userId: null })).status).toBe("SUCCEEDED");

      const orders = path.join(tempDir, "orders.csv");
      await writeOrderBusinessCsv({ customers: 40, seed: 3, out: fs.createWriteStream(orders) });
      expect((await importFile({ kind: "orders", source: orders, fileName: "orders.csv", userId: null })).status).toBe("SUCCEEDED");

      // Written by Prisma itself: odd attributes, a time of day with milliseconds, empty optional fields.
      const odd = await db.customer.create({
        data: {
          externalId: "ODD-1",
          dtCustomer: new Date("2013-03-04T05:06:07.089Z"),
          income: 0.1 + 0.2,
          attributes: { 'Sales "EU".net': 1.5, Region: "Ünïcode" },
          contentHash: "odd",
        },
      });
      await db.order.createMany({
        data: [
          { lineKey: "odd-1", customerId: odd.id, orderDate: new Date("2024-02-29T23:59:59.999Z"), amount: 0.1 + 0.2 },
          { lineKey: "odd-2", customerId: odd.id, orderId: "C9", orderDate: new Date("2024-03-01T00:00:00.001Z"), amount: -12.5, quantity: -1, kind: "return" },
          { lineKey: "odd-3", customerId: odd.id, orderId: "9", orderDate: new Date("2024-03-02T12:00:00Z"), amount: 7, category: "Ships", kind: "cancelled" },
        ],
      });
    });

    afterAll(async () => {
      await lib?.db.$disconnect();
      await database?.drop();
      if (tempDir) fs.rmSync(tempDir, { recursive: true, force: true });
    });

    test("the driver's snapshot has the same customers, order lines, hash and fingerprints as Prisma's", async () => {
      const [loaded, reference] = [await lib.loadSnapshot(), await loadSnapshotThroughPrisma(lib.db)];
      expect(loaded.customers.length).toBe(CUSTOMERS + 40 + 1);
      expect(new Set([...loaded.orders].map((order) => order.kind))).toEqual(new Set(["sale", "return", "cancelled"]));
      expect(loaded.customers.some((customer) => customer.attributes === null)).toBe(true);
      expect(loaded.customerIds).toEqual(reference.customerIds);
      expect(loaded.customers).toStrictEqual(reference.customers);
      expect([...loaded.orders]).toStrictEqual(reference.orders);
      expect(loaded.hash).toBe(reference.hash);
      expect(loaded.inputHashes).toEqual(reference.inputHashes);
    });
  });
}

const PAGE = 20_000;
const customerSelect = Object.fromEntries([
  ["id", true],
  ["contentHash", true],
  ["attributes", true],
  ...CUSTOMER_COLUMNS.map((column) => [column.field, true]),
]);
type StoredCustomer = CustomerRecord & { id: number; contentHash: string };

/** The loader before the driver read it: Prisma findMany pages. */
async function loadSnapshotThroughPrisma(db: Db): Promise<Omit<Snapshot, "orders"> & { orders: OrderRecord[] }> {
  const hash = createHash("sha256");
  const customers: CustomerRecord[] = [];
  const customerIds: number[] = [];
  const profileHashes: number[] = [];
  const indexOf = new Map<number, number>();
  for (let cursor = 0; ;) {
    const page = (await db.customer.findMany({
      where: { id: { gt: cursor } },
      orderBy: { id: "asc" },
      take: PAGE,
      select: customerSelect,
    })) as unknown as StoredCustomer[];
    if (!page.length) break;
    for (const row of page) {
      const { id, contentHash, ...record } = row;
      indexOf.set(id, customers.length);
      customers.push(record);
      customerIds.push(id);
      profileHashes.push(fingerprintProfiles(contentHash));
      hash.update(`${record.externalId}:${contentHash}\n`);
    }
    cursor = page[page.length - 1].id;
  }
  const fingerprints = new InputFingerprints(profileHashes);
  const orders: OrderRecord[] = [];
  for (let cursor = 0; ;) {
    const page = await db.order.findMany({ where: { id: { gt: cursor } }, orderBy: { id: "asc" }, take: PAGE });
    if (!page.length) break;
    for (const { lineKey, customerId, orderId, orderDate, amount, quantity, category, channel, kind } of page) {
      const index = indexOf.get(customerId)!;
      orders.push({ customerId: customers[index].externalId, orderId, orderDate, amount, quantity, category, channel, kind: kind as OrderLineKind });
      const line = `${lineKey}:${orderDate.toISOString()}:${amount}${kind === "sale" ? "" : `:${kind}`}`;
      hash.update(`${line}\n`);
      fingerprints.addLine(index, line);
    }
    cursor = page[page.length - 1].id;
  }
  return { customers, customerIds, orders, hash: hash.digest("hex"), inputHashes: fingerprints.finish() };
}
