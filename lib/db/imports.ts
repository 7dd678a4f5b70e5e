/**
 * Writing imports. A file is written in one transaction or not at all; re-imports upsert
 * by external id and leave unchanged rows alone (compared by a content hash), so importing
 * the same snapshot twice changes nothing but the batch record.
 */
import "server-only";
import { createHash } from "node:crypto";
import { cache } from "react";
import { CUSTOMER_COLUMNS, emptyCustomer, type CustomerRecord, type OrderRecord } from "@/lib/data/customer";
import { db, type Prisma } from "./client";
import { bulkInsert, serialiseImports } from "./dialect";
import { countTotals } from "./customers";

export interface RejectedRow {
  row: number;
  column: string | null;
  value: string | null;
  message: string;
}

export interface ImportSummary {
  batchId: number;
  status: "SUCCEEDED" | "REJECTED";
  rowsRead: number;
  rowsInserted: number;
  rowsUpdated: number;
  rowsUnchanged: number;
  rowsRejected: number;
  customersCreated: number;
  error: string | null;
}

interface BatchHeader {
  kind: "CUSTOMERS" | "ORDERS";
  fileName: string;
  userId: string | null;
  startedAt: number;
}

/** Long imports must not hit Prisma's 5-second default for interactive transactions. */
const TRANSACTION_OPTIONS = { timeout: 30 * 60_000, maxWait: 60_000 };
const CHUNK = 5_000;

type Tx = Prisma.TransactionClient;

export function customerContentHash(record: CustomerRecord): string {
  const values = CUSTOMER_COLUMNS.map(({ field }) => {
    const value = record[field];
    return value instanceof Date ? value.toISOString() : value;
  });
  return createHash("sha1").update(JSON.stringify(values)).digest("hex");
}

/** Records a refused file: the batch says why, and nothing else is written. */
export async function recordRejectedImport(
  header: BatchHeader,
  details: { rowsRead: number; rejected: RejectedRow[]; quality: Prisma.InputJsonValue; error: string },
): Promise<ImportSummary> {
  const batch = await createBatch(db, header, details, { status: "REJECTED", error: details.error, durationMs: Date.now() - header.startedAt });
  return summarise(batch, 0);
}

export async function writeCustomerImport(
  header: BatchHeader,
  input: { records: CustomerRecord[]; rowsRead: number; rejected: RejectedRow[]; quality: Prisma.InputJsonValue },
): Promise<ImportSummary> {
  return db.$transaction(async (tx) => {
    await serialiseImports(tx);
    const batch = await createBatch(tx, header, input);
    const counts = await upsertCustomers(tx, batch.id, input.records);
    return finishBatch(tx, batch.id, header, { ...counts, customersCreated: 0 });
  }, TRANSACTION_OPTIONS);
}

export async function writeOrderImport(
  header: BatchHeader,
  input: { orders: OrderRecord[]; rowsRead: number; rejected: RejectedRow[]; quality: Prisma.InputJsonValue },
): Promise<ImportSummary> {
  return db.$transaction(async (tx) => {
    await serialiseImports(tx);
    const batch = await createBatch(tx, header, input);
    const { ids, created } = await ensureCustomers(tx, batch.id, input.orders.map((order) => order.customerId));
    const counts = await upsertOrders(tx, batch.id, input.orders, ids);
    return finishBatch(tx, batch.id, header, { ...counts, customersCreated: created });
  }, TRANSACTION_OPTIONS);
}

async function createBatch(
  client: Tx,
  header: BatchHeader,
  input: { rowsRead: number; rejected: RejectedRow[]; quality: Prisma.InputJsonValue },
  outcome: { status: "SUCCEEDED" | "REJECTED"; error?: string; durationMs: number } = { status: "SUCCEEDED", durationMs: 0 },
) {
  return client.importBatch.create({
    data: {
      kind: header.kind,
      fileName: header.fileName,
      userId: header.userId,
      rowsRead: input.rowsRead,
      rowsInserted: 0,
      rowsUpdated: 0,
      rowsUnchanged: 0,
      rowsRejected: input.rejected.length,
      quality: input.quality,
      rejectedRows: input.rejected as unknown as Prisma.InputJsonValue,
      ...outcome,
    },
  });
}

type Counts = { rowsInserted: number; rowsUpdated: number; rowsUnchanged: number; customersCreated: number };

async function finishBatch(tx: Tx, batchId: number, header: BatchHeader, counts: Counts): Promise<ImportSummary> {
  const { customersCreated, ...rowCounts } = counts;
  const batch = await tx.importBatch.update({
    where: { id: batchId },
    data: { ...rowCounts, ...(await countTotals(tx)), durationMs: Date.now() - header.startedAt },
  });
  await tx.auditLog.create({
    data: {
      userId: header.userId,
      action: "import.completed",
      target: `import:${batchId}`,
      details: { fileName: header.fileName, kind: header.kind, ...counts },
    },
  });
  return summarise(batch, customersCreated);
}

function summarise(
  batch: {
    id: number;
    status: "SUCCEEDED" | "REJECTED";
    rowsRead: number;
    rowsInserted: number;
    rowsUpdated: number;
    rowsUnchanged: number;
    rowsRejected: number;
    error: string | null;
  },
  customersCreated: number,
): ImportSummary {
  const { id, status, rowsRead, rowsInserted, rowsUpdated, rowsUnchanged, rowsRejected, error } = batch;
  return { batchId: id, status, rowsRead, rowsInserted, rowsUpdated, rowsUnchanged, rowsRejected, customersCreated, error };
}

async function upsertCustomers(tx: Tx, batchId: number, records: CustomerRecord[]) {
  let rowsInserted = 0;
  let rowsUpdated = 0;
  let rowsUnchanged = 0;
  for (let start = 0; start < records.length; start += CHUNK) {
    const chunk = records.slice(start, start + CHUNK);
    const existing = await tx.customer.findMany({
      where: { externalId: { in: chunk.map((record) => record.externalId) } },
      select: { externalId: true, contentHash: true },
    });
    const hashes = new Map(existing.map((row) => [row.externalId, row.contentHash]));
    const inserts: CustomerRecord[] = [];
    for (const record of chunk) {
      const contentHash = customerContentHash(record);
      const previous = hashes.get(record.externalId);
      if (previous === undefined) inserts.push(record);
      else if (previous === contentHash) rowsUnchanged++;
      else {
        await tx.customer.update({
          where: { externalId: record.externalId },
          data: { ...record, contentHash, importBatchId: batchId },
        });
        rowsUpdated++;
      }
    }
    rowsInserted += await insertCustomers(tx, batchId, inserts);
  }
  return { rowsInserted, rowsUpdated, rowsUnchanged };
}

const CUSTOMER_INSERT_COLUMNS = [...CUSTOMER_COLUMNS.map((column) => column.field), "contentHash", "importBatchId", "updatedAt"];

function insertCustomers(tx: Tx, batchId: number, records: CustomerRecord[]): Promise<number> {
  const now = new Date();
  const rows = records.map((record) => [
    ...CUSTOMER_COLUMNS.map((column) => record[column.field]),
    customerContentHash(record),
    batchId,
    now,
  ]);
  return bulkInsert(tx, "Customer", CUSTOMER_INSERT_COLUMNS, rows);
}

/** Ids of the customers the orders name, creating (empty-profile) customers that are new. */
async function ensureCustomers(tx: Tx, batchId: number, externalIds: string[]) {
  const unique = [...new Set(externalIds)];
  const ids = new Map<string, number>();
  let created = 0;
  for (let start = 0; start < unique.length; start += CHUNK) {
    const chunk = unique.slice(start, start + CHUNK);
    const found = await tx.customer.findMany({ where: { externalId: { in: chunk } }, select: { id: true, externalId: true } });
    for (const row of found) ids.set(row.externalId, row.id);
    const missing = chunk.filter((externalId) => !ids.has(externalId));
    if (!missing.length) continue;
    created += await insertCustomers(tx, batchId, missing.map(emptyCustomer));
    const made = await tx.customer.findMany({ where: { externalId: { in: missing } }, select: { id: true, externalId: true } });
    for (const row of made) ids.set(row.externalId, row.id);
  }
  return { ids, created };
}

/**
 * The natural key of an order line: the order id and the line's place within that order,
 * or, without an order id, the line's content and its place among identical lines.
 */
export function orderLineKeys(orders: OrderRecord[]): string[] {
  const seen = new Map<string, number>();
  return orders.map((order) => {
    const base = order.orderId
      ? `order:${order.orderId}`
      : `line:${createHash("sha1")
          .update(JSON.stringify([order.customerId, order.orderDate.toISOString(), order.amount, order.quantity, order.category, order.channel]))
          .digest("hex")}`;
    const occurrence = (seen.get(base) ?? 0) + 1;
    seen.set(base, occurrence);
    return `${base}#${occurrence}`;
  });
}

const ORDER_INSERT_COLUMNS = [
  "lineKey", "customerId", "orderId", "orderDate", "amount", "quantity", "category", "channel", "importBatchId",
] as const;

async function upsertOrders(tx: Tx, batchId: number, orders: OrderRecord[], customerIds: Map<string, number>) {
  const keys = orderLineKeys(orders);
  let rowsInserted = 0;
  let rowsUpdated = 0;
  let rowsUnchanged = 0;
  for (let start = 0; start < orders.length; start += CHUNK) {
    const chunkKeys = keys.slice(start, start + CHUNK);
    const existing = await tx.order.findMany({ where: { lineKey: { in: chunkKeys } } });
    const byKey = new Map(existing.map((row) => [row.lineKey, row]));
    const inserts: unknown[][] = [];
    for (let i = 0; i < chunkKeys.length; i++) {
      const order = orders[start + i];
      const data = {
        lineKey: chunkKeys[i],
        customerId: customerIds.get(order.customerId)!,
        orderId: order.orderId,
        orderDate: order.orderDate,
        amount: order.amount,
        quantity: order.quantity,
        category: order.category,
        channel: order.channel,
        importBatchId: batchId,
      };
      const previous = byKey.get(data.lineKey);
      if (!previous) inserts.push(ORDER_INSERT_COLUMNS.map((column) => data[column]));
      else if (sameOrder(previous, data)) rowsUnchanged++;
      else {
        await tx.order.update({ where: { lineKey: data.lineKey }, data });
        rowsUpdated++;
      }
    }
    rowsInserted += await bulkInsert(tx, "Order", ORDER_INSERT_COLUMNS, inserts);
  }
  return { rowsInserted, rowsUpdated, rowsUnchanged };
}

function sameOrder(
  a: { customerId: number; orderId: string | null; orderDate: Date; amount: number; quantity: number | null; category: string | null; channel: string | null },
  b: typeof a,
): boolean {
  return (
    a.customerId === b.customerId &&
    a.orderId === b.orderId &&
    a.orderDate.getTime() === b.orderDate.getTime() &&
    a.amount === b.amount &&
    a.quantity === b.quantity &&
    a.category === b.category &&
    a.channel === b.channel
  );
}

export async function listImportBatches(limit = 20) {
  return db.importBatch.findMany({
    orderBy: { id: "desc" },
    take: limit,
    select: {
      id: true, kind: true, status: true, fileName: true, createdAt: true, rowsRead: true, rowsInserted: true,
      rowsUpdated: true, rowsUnchanged: true, rowsRejected: true, error: true, durationMs: true,
      user: { select: { email: true } },
    },
  });
}

export async function getImportBatch(id: number) {
  return db.importBatch.findUnique({ where: { id }, include: { user: { select: { email: true } } } });
}

/** The latest successful import, without its rejected rows; read once per render (two overview cards show it). */
export const getLatestImportBatch = cache(async () =>
  db.importBatch.findFirst({ where: { status: "SUCCEEDED" }, orderBy: { id: "desc" }, omit: { rejectedRows: true } }),
);
