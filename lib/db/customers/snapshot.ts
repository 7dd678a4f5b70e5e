/**
 * The training snapshot: every customer (custom attributes included) and order line (with
 * its kind) as the models see them, with a content hash so a run records exactly what it
 * trained on, and per customer a fingerprint of their own data for the promotion gate.
 * Read straight through the driver (lib/db/internal/rawReader): Prisma's findMany reads about
 * 12,000 rows a second, too slow for millions of order lines.
 */
import "server-only";
import { createHash } from "node:crypto";
import { blankProfile, CUSTOMER_COLUMNS, type CustomAttributes, type CustomerRecord, type OrderLineKind } from "@/lib/data/customer";
import { InputFingerprints, fingerprintProfiles } from "@/lib/data/inputFingerprint";
import { OrderTable } from "@/lib/data/orderTable";
import { parseStoredDate, readRows, readTablePages } from "../internal/rawReader";

export interface Snapshot {
  customers: CustomerRecord[];
  /** Database id of each customer, in the same order. */
  customerIds: number[];
  /** Columns, not an object per line: a million customers have tens of millions of lines. */
  orders: OrderTable;
  hash: string;
  /** Per customer, in the same order: a fingerprint of their profile and order lines (lib/data/inputFingerprint.ts). */
  inputHashes: Float64Array;
}

/** Cells after the id: contentHash, attributes, then the profile's columns. */
const CUSTOMER_SELECT = ["contentHash", "attributes", ...CUSTOMER_COLUMNS.map((column) => column.field)];
const ORDER_PAGE_ROWS = 5_000;
const ORDER_SELECT = ["lineKey", "customerId", "orderId", "orderDate", "amount", "quantity", "category", "channel", "kind"];

export async function loadSnapshot(): Promise<Snapshot> {
  const hash = createHash("sha256");
  const customers: CustomerRecord[] = [];
  const customerIds: number[] = [];
  const profileHashes: number[] = [];
  const indexOf = new Map<number, number>();
  for await (const page of readTablePages("Customer", CUSTOMER_SELECT)) {
    const hashed: string[] = [];
    for (const row of page) {
      const id = row[0] as number;
      const contentHash = row[1] as string;
      const record = toCustomerRecord(row);
      indexOf.set(id, customers.length);
      customers.push(record);
      customerIds.push(id);
      profileHashes.push(fingerprintProfiles(contentHash));
      // contentHash covers the custom attributes too (lib/db/imports/customers.ts).
      hashed.push(`${record.externalId}:${contentHash}\n`);
    }
    hash.update(hashed.join(""));
  }
  const fingerprints = new InputFingerprints(profileHashes);
  // The count is a capacity hint: lines imported meanwhile only make the table grow.
  const [[lineCount]] = await readRows(`SELECT COUNT(*) FROM "Order"`, []);
  const orders = new OrderTable(
    customers.map((customer) => customer.externalId),
    Number(lineCount),
  );
  const readDate = createDateReader();
  // Small pages: a page's rows then die young, instead of surviving into the old generation and
  // being collected by full collections over a heap that holds every customer (half the time at 20M lines).
  for await (const page of readTablePages("Order", ORDER_SELECT, ORDER_PAGE_ROWS)) {
    // A hash fed a page at a time digests as one fed a line at a time, for a fraction of the calls.
    const hashed: string[] = [];
    for (const [, lineKey, customerId, orderId, storedDate, amount, quantity, category, channel, storedKind] of page) {
      const index = indexOf.get(customerId as number);
      // A line whose customer an import created after the customers were read belongs to the next snapshot.
      if (index === undefined) continue;
      const { time, iso } = readDate(storedDate);
      const kind = storedKind as OrderLineKind;
      orders.push(
        index,
        time,
        amount as number,
        quantity as number | null,
        orderId as string | null,
        category as string | null,
        channel as string | null,
        kind,
      );
      // Sales hash as they did before kinds existed, so an unchanged database keeps its snapshot hash.
      const line = `${lineKey as string}:${iso}:${amount as number}${kind === "sale" ? "" : `:${kind}`}`;
      hashed.push(`${line}\n`);
      fingerprints.addLine(index, line);
    }
    hash.update(hashed.join(""));
  }
  return { customers, customerIds, orders, hash: hash.digest("hex"), inputHashes: fingerprints.finish() };
}

function toCustomerRecord(row: unknown[]): CustomerRecord {
  const record: Record<string, unknown> = blankProfile();
  CUSTOMER_COLUMNS.forEach((column, i) => {
    const value = row[3 + i];
    record[column.field] = column.kind === "date" && value !== null ? parseStoredDate(value) : value;
  });
  record.attributes = parseAttributes(row[2]);
  return record as CustomerRecord;
}

/** Order dates repeat (a few hundred days over millions of lines): each stored text is parsed and formatted once. */
function createDateReader(): (stored: unknown) => { time: number; iso: string } {
  const seen = new Map<unknown, { time: number; iso: string }>();
  return (stored) => {
    let date = seen.get(stored);
    if (date === undefined) {
      const parsed = parseStoredDate(stored);
      date = { time: parsed.getTime(), iso: parsed.toISOString() };
      // Times to the millisecond need not repeat: the cache stays small either way.
      if (seen.size >= 100_000) seen.clear();
      seen.set(stored, date);
    }
    return date;
  };
}

/** SQLite keeps Json as text; pg parses jsonb itself. */
function parseAttributes(value: unknown): CustomAttributes | null {
  if (value === null) return null;
  return (typeof value === "string" ? JSON.parse(value) : value) as CustomAttributes | null;
}
