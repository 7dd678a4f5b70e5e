/**
 * The training snapshot: every customer (custom attributes included) and order line (with
 * its kind) as the models see them, with a content hash so a run records exactly what it
 * trained on, and per customer a fingerprint of their own data for the promotion gate.
 */
import "server-only";
import { createHash } from "node:crypto";
import { CUSTOMER_COLUMNS, type CustomerRecord, type OrderLineKind, type OrderRecord } from "@/lib/data/customer";
import { InputFingerprints, fingerprintProfiles } from "@/lib/data/inputFingerprint";
import { db } from "../internal/client";

export interface Snapshot {
  customers: CustomerRecord[];
  /** Database id of each customer, in the same order. */
  customerIds: number[];
  orders: OrderRecord[];
  hash: string;
  /** Per customer, in the same order: a fingerprint of their profile and order lines (lib/data/inputFingerprint.ts). */
  inputHashes: Float64Array;
}

const PAGE = 20_000;
const customerSelect = Object.fromEntries([
  ["id", true],
  ["contentHash", true],
  ["attributes", true],
  ...CUSTOMER_COLUMNS.map((column) => [column.field, true]),
]);
type StoredCustomer = CustomerRecord & { id: number; contentHash: string };

export async function loadSnapshot(): Promise<Snapshot> {
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
      // contentHash covers the custom attributes too (lib/db/importCustomers.ts).
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
      // Sales hash as they did before kinds existed, so an unchanged database keeps its snapshot hash.
      const line = `${lineKey}:${orderDate.toISOString()}:${amount}${kind === "sale" ? "" : `:${kind}`}`;
      hash.update(`${line}\n`);
      fingerprints.addLine(index, line);
    }
    cursor = page[page.length - 1].id;
  }
  return { customers, customerIds, orders, hash: hash.digest("hex"), inputHashes: fingerprints.finish() };
}
