/**
 * Writing order lines inside an import's transaction: upserted by their natural key, so a
 * re-imported export updates changed lines and leaves the rest alone.
 */
import "server-only";
import { createHash } from "node:crypto";
import { classifyOrderLine, type OrderRecord } from "@/lib/data/customer";
import type { Prisma } from "../internal/client";
import { HashIndex, hash53 } from "@/lib/import/hashIndex";
import { bulkInsert, bulkUpsert } from "../internal/bulkWrite";

type Tx = Prisma.TransactionClient;

/**
 * The natural key of an order line: the order id and the line's place within that order,
 * or, without an order id, the line's content and its place among identical lines. The kind
 * is left out so that lines stored before kinds existed keep their keys. Fed line by line
 * over the whole file; the places are counted per 53-bit hash of the key's base (hashIndex.ts),
 * so memory stays 12 bytes a distinct base, outside the JS heap.
 */
export class OrderLineKeys {
  private readonly seen = new HashIndex();

  next(order: OrderRecord): string {
    const base = order.orderId
      ? `order:${order.orderId}`
      : `line:${createHash("sha1")
          .update(JSON.stringify([order.customerId, order.orderDate.toISOString(), order.amount, order.quantity, order.category, order.channel]))
          .digest("hex")}`;
    const hash = hash53(base);
    const occurrence = (this.seen.get(hash) ?? 0) + 1;
    this.seen.set(hash, occurrence);
    return `${base}#${occurrence}`;
  }
}

const COLUMNS = ["lineKey", "customerId", "orderId", "orderDate", "amount", "quantity", "category", "channel", "kind", "importBatchId"] as const;
/** A line is unchanged when all but the batch that wrote it is the same. */
const COMPARED = COLUMNS.filter((column) => column !== "importBatchId");

/**
 * Writes one chunk of a file's lines; `lineKeys` carries the places of lines across chunks.
 * `isFresh` says no line was stored before this import: keys within a file are distinct, so
 * none can exist and no lookup is needed.
 */
export async function upsertOrders(
  tx: Tx,
  batchId: number,
  orders: OrderRecord[],
  customerIds: Map<string, number>,
  lineKeys: OrderLineKeys,
  isFresh: boolean,
) {
  const rows = orders.map((order) => [
    lineKeys.next(order),
    customerIds.get(order.customerId)!,
    order.orderId,
    order.orderDate,
    order.amount,
    order.quantity,
    order.category,
    order.channel,
    classifyOrderLine(order),
    batchId,
  ]);
  if (isFresh) return { rowsInserted: await bulkInsert(tx, "Order", COLUMNS, rows), rowsUpdated: 0, rowsUnchanged: 0 };
  const { inserted, updated, unchanged } = await bulkUpsert(tx, "Order", "lineKey", COLUMNS, COMPARED, rows);
  return { rowsInserted: inserted, rowsUpdated: updated, rowsUnchanged: unchanged };
}

/** Whether the database holds no order line yet: then an import's lines are all new. */
export async function hasNoOrders(tx: Tx): Promise<boolean> {
  return (await tx.order.findFirst({ select: { id: true } })) === null;
}
