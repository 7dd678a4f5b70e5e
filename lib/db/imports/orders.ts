/**
 * Writing order lines inside an import's transaction: upserted by their natural key, so a
 * re-imported export updates changed lines and leaves the rest alone.
 */
import "server-only";
import { createHash } from "node:crypto";
import { classifyOrderLine, type OrderRecord } from "@/lib/data/customer";
import type { Prisma } from "../internal/client";
import { HashIndex, hash53 } from "@/lib/import/hashIndex";
import { bulkInsert } from "../internal/dialect";

type Tx = Prisma.TransactionClient;

const CHUNK = 5_000;

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

const INSERT_COLUMNS = ["lineKey", "customerId", "orderId", "orderDate", "amount", "quantity", "category", "channel", "kind", "importBatchId"] as const;

type StoredLine = {
  customerId: number;
  orderId: string | null;
  orderDate: Date;
  amount: number;
  quantity: number | null;
  category: string | null;
  channel: string | null;
  kind: string;
};

/** Writes one chunk of a file's lines; `lineKeys` carries the places of lines across chunks. */
export async function upsertOrders(tx: Tx, batchId: number, orders: OrderRecord[], customerIds: Map<string, number>, lineKeys: OrderLineKeys) {
  const keys = orders.map((order) => lineKeys.next(order));
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
        kind: classifyOrderLine(order),
        importBatchId: batchId,
      };
      const previous = byKey.get(data.lineKey);
      if (!previous) inserts.push(INSERT_COLUMNS.map((column) => data[column]));
      else if (sameLine(previous, data)) rowsUnchanged++;
      else {
        await tx.order.update({ where: { lineKey: data.lineKey }, data });
        rowsUpdated++;
      }
    }
    rowsInserted += await bulkInsert(tx, "Order", INSERT_COLUMNS, inserts);
  }
  return { rowsInserted, rowsUpdated, rowsUnchanged };
}

function sameLine(a: StoredLine, b: StoredLine): boolean {
  return (
    a.customerId === b.customerId &&
    a.orderId === b.orderId &&
    a.orderDate.getTime() === b.orderDate.getTime() &&
    a.amount === b.amount &&
    a.quantity === b.quantity &&
    a.category === b.category &&
    a.channel === b.channel &&
    a.kind === b.kind
  );
}
