/**
 * Writing customer profiles inside an import's transaction. A file updates only what it
 * names: columns absent from it, and custom attributes it does not have, keep their stored
 * values; an empty cell in a present column means unknown (NULL). Unchanged customers are
 * left alone, judged by a content hash of the merged profile.
 */
import "server-only";
import { hash } from "node:crypto";
import { CUSTOMER_COLUMNS, createEmptyCustomer, type CustomAttributes, type CustomerField, type CustomerRecord } from "@/lib/data/customer";
import type { ProfileChanges } from "@/lib/import/report";
import type { Prisma } from "../internal/client";
import { bulkInsert, bulkUpsert } from "../internal/bulkWrite";
import { readStoredProfiles } from "./storedProfiles";

type Tx = Prisma.TransactionClient;

const CHUNK = 5_000;
const HEADER_OF = new Map<string, string>(CUSTOMER_COLUMNS.map((column) => [column.field, column.header]));

/** The columns a profile file holds: only these are written for customers already stored. */
export interface ProfileColumns {
  /** Known fields present in the file, the id included. */
  fields: readonly CustomerField[];
  /** Custom attribute names (headers) present in the file. */
  attributeKeys: readonly string[];
}

/**
 * Hash of a profile. Custom attributes count only when there are some, so profiles stored
 * before they existed keep their hash; keys are sorted because PostgreSQL's jsonb reorders them.
 */
export function customerContentHash(record: CustomerRecord): string {
  const values: unknown[] = CUSTOMER_COLUMNS.map(({ field }) => {
    const value = record[field];
    return value instanceof Date ? value.toISOString() : value;
  });
  const attributes = record.attributes;
  if (attributes && Object.keys(attributes).length)
    values.push(
      Object.keys(attributes)
        .sort()
        .map((key) => [key, attributes[key]]),
    );
  // One-shot: a Hash object per profile cost three times as long.
  return hash("sha1", JSON.stringify(values));
}

/** `isFresh` says no customer was stored before this import (ids within a file are distinct): nothing to look up. */
export async function upsertCustomers(tx: Tx, batchId: number, records: CustomerRecord[], columns: ProfileColumns, isFresh: boolean) {
  const fields = columns.fields.filter((field) => field !== "externalId");
  const hasAttributes = columns.attributeKeys.length > 0;
  const updateColumns = ["externalId", ...fields, ...(hasAttributes ? ["attributes"] : []), "contentHash", "importBatchId", "updatedAt"];
  const changedPerColumn = new Map<string, number>();
  let rowsInserted = 0;
  let rowsUpdated = 0;
  let rowsUnchanged = 0;
  for (let start = 0; start < records.length; start += CHUNK) {
    const chunk = records.slice(start, start + CHUNK);
    const existing = isFresh
      ? []
      : await readStoredProfiles(
          tx,
          chunk.map((record) => record.externalId),
        );
    const stored = new Map(existing.map((row) => [row.externalId, row]));
    const inserts: CustomerRecord[] = [];
    const updates: unknown[][] = [];
    const rehashed: unknown[][] = [];
    const now = new Date();
    for (const record of chunk) {
      const previous = stored.get(record.externalId);
      if (!previous) {
        inserts.push(record);
        continue;
      }
      const { merged, changed } = mergeProfile(previous, record, fields, columns.attributeKeys);
      const contentHash = customerContentHash(merged);
      if (!changed.length) {
        // Nothing the file names differs; a hash written by an older rule is brought up to date.
        if (contentHash !== previous.contentHash) rehashed.push([record.externalId, contentHash]);
        rowsUnchanged++;
        continue;
      }
      for (const column of changed) changedPerColumn.set(column, (changedPerColumn.get(column) ?? 0) + 1);
      const attributes = hasAttributes ? [merged.attributes ? JSON.stringify(merged.attributes) : null] : [];
      updates.push([record.externalId, ...fields.map((field) => merged[field]), ...attributes, contentHash, batchId, now]);
    }
    // Set-based, not a statement per customer: a re-imported million-customer file may change most of them.
    if (updates.length) rowsUpdated += (await bulkUpsert(tx, "Customer", "externalId", updateColumns, ["contentHash"], updates)).updated;
    if (rehashed.length) await bulkUpsert(tx, "Customer", "externalId", ["externalId", "contentHash"], ["contentHash"], rehashed);
    rowsInserted += await insertCustomers(tx, batchId, inserts);
  }
  const changes: ProfileChanges = {
    customersUpdated: rowsUpdated,
    columns: [...changedPerColumn].map(([column, customers]) => ({ column, customers })),
  };
  return { rowsInserted, rowsUpdated, rowsUnchanged, changes };
}

/**
 * The stored profile with the file's columns laid over it, and the columns (standard header
 * or attribute name) whose value changed, in file order.
 */
export function mergeProfile(
  stored: CustomerRecord,
  record: CustomerRecord,
  fields: readonly CustomerField[],
  attributeKeys: readonly string[],
): { merged: CustomerRecord; changed: string[] } {
  const merged = { ...stored } as Record<string, unknown>;
  const changed: string[] = [];
  for (const field of fields) {
    if (sameValue(stored[field], record[field])) continue;
    merged[field] = record[field];
    changed.push(HEADER_OF.get(field)!);
  }
  if (attributeKeys.length) {
    // A Map, not an object: a header may be any text, "__proto__" included.
    const attributes = new Map(Object.entries(stored.attributes ?? {}));
    const incoming = record.attributes ?? {};
    for (const key of attributeKeys) {
      const value = Object.hasOwn(incoming, key) ? incoming[key] : undefined;
      if (attributes.get(key) === value) continue;
      if (value === undefined) attributes.delete(key);
      else attributes.set(key, value);
      changed.push(key);
    }
    merged.attributes = attributes.size ? (Object.fromEntries(attributes) as CustomAttributes) : null;
  }
  return { merged: merged as CustomerRecord, changed };
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  return a === b;
}

const INSERT_COLUMNS = [...CUSTOMER_COLUMNS.map((column) => column.field), "attributes", "contentHash", "importBatchId", "updatedAt"];

function insertCustomers(tx: Tx, batchId: number, records: CustomerRecord[]): Promise<number> {
  const now = new Date();
  const rows = records.map((record) => [
    ...CUSTOMER_COLUMNS.map((column) => record[column.field]),
    record.attributes ? JSON.stringify(record.attributes) : null,
    customerContentHash(record),
    batchId,
    now,
  ]);
  return bulkInsert(tx, "Customer", INSERT_COLUMNS, rows);
}

/** Whether the database holds no customer yet: then an import's profiles are all new. */
export async function hasNoCustomers(tx: Tx): Promise<boolean> {
  return (await tx.customer.findFirst({ select: { id: true } })) === null;
}

/**
 * Ids of the customers the orders name, creating (empty-profile) customers that are new.
 * `ids` may hold ids already known (an earlier chunk's), which are not looked up again.
 */
export async function ensureCustomers(tx: Tx, batchId: number, externalIds: string[], ids = new Map<string, number>()) {
  const unique = [...new Set(externalIds)].filter((externalId) => !ids.has(externalId));
  let created = 0;
  for (let start = 0; start < unique.length; start += CHUNK) {
    const chunk = unique.slice(start, start + CHUNK);
    const found = await tx.customer.findMany({ where: { externalId: { in: chunk } }, select: { id: true, externalId: true } });
    for (const row of found) ids.set(row.externalId, row.id);
    const missing = chunk.filter((externalId) => !ids.has(externalId));
    if (!missing.length) continue;
    created += await insertCustomers(tx, batchId, missing.map(createEmptyCustomer));
    const made = await tx.customer.findMany({ where: { externalId: { in: missing } }, select: { id: true, externalId: true } });
    for (const row of made) ids.set(row.externalId, row.id);
  }
  return { ids, created };
}
