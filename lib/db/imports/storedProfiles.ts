/**
 * Stored profiles of the customers a chunk of a profile file names, read on the import
 * transaction's own connection: Prisma's findMany through the driver adapters decodes about
 * 3,000 such rows a second, the driver itself many times that. Values come back as Prisma
 * would return them: DateTimes as Dates, JSON parsed, integers as numbers.
 */
import "server-only";
import pg from "pg";
import { CUSTOMER_COLUMNS, type CustomerRecord } from "@/lib/data/customer";
import type { Prisma } from "../internal/client";
import { withTransactionConnection } from "../internal/transactionConnection";

export type StoredCustomer = CustomerRecord & { id: number; contentHash: string };

const FIELDS = ["id", "contentHash", "attributes", ...CUSTOMER_COLUMNS.map((column) => column.field)];
const DATE_FIELDS = new Set<string>(CUSTOMER_COLUMNS.filter((column) => column.kind === "date").map((column) => column.field));
const SELECT_LIST = FIELDS.map((field) => `"${field}"`).join(", ");
const TIMESTAMP_WITHOUT_ZONE = 1114;

export function readStoredProfiles(tx: Prisma.TransactionClient, externalIds: string[]): Promise<StoredCustomer[]> {
  if (!externalIds.length) return Promise.resolve([]);
  return withTransactionConnection(tx, async (connection) => {
    if (connection.provider === "sqlite") {
      const statement = connection.database.prepare(`SELECT ${SELECT_LIST} FROM "Customer" WHERE "externalId" IN (${externalIds.map(() => "?").join(", ")})`);
      const rows = statement
        .safeIntegers(false)
        .raw(true)
        .all(...externalIds) as unknown[][];
      return rows.map((row) => toCustomer(row, (text) => JSON.parse(text as string)));
    }
    const result = await connection.client.query({
      text: `SELECT ${SELECT_LIST} FROM "Customer" WHERE "externalId" = ANY($1::text[])`,
      values: [externalIds],
      rowMode: "array",
      types: UTC_TIMESTAMPS,
    });
    return (result.rows as unknown[][]).map((row) => toCustomer(row, (value) => value));
  });
}

/** TIMESTAMP(3) holds UTC without a zone: read as UTC text, or pg would read it in the local zone. */
const UTC_TIMESTAMPS = {
  getTypeParser: (oid: number, format?: "text" | "binary") =>
    oid === TIMESTAMP_WITHOUT_ZONE ? (value: string) => `${value.replace(" ", "T")}Z` : pg.types.getTypeParser(oid, format),
} as pg.CustomTypesConfig;

function toCustomer(row: unknown[], parseJson: (value: unknown) => unknown): StoredCustomer {
  const customer: Record<string, unknown> = {};
  FIELDS.forEach((field, i) => {
    const value = row[i];
    if (value === null || value === undefined) customer[field] = null;
    else if (field === "attributes") customer[field] = parseJson(value);
    else if (DATE_FIELDS.has(field)) customer[field] = new Date(value as string);
    else customer[field] = value;
  });
  return customer as unknown as StoredCustomer;
}
