/**
 * Bulk writes inside a Prisma interactive transaction, on the transaction's own driver
 * connection (transactionConnection.ts): Prisma's raw queries through the driver adapters
 * convert every parameter in JS and manage about 3,000–9,000 rows a second, the driver itself
 * well over 50,000. Values are encoded as Prisma stores them; NaN is stored as NULL.
 */
import "server-only";
import type { Prisma } from "./client";
import { copyRows } from "./copy";
import { fillPostgresPartition, type FillPartition, type PartitionKey } from "./partition";
import { upsertPostgresRows } from "./postgresUpsert";
import { insertSqliteRows, upsertSqliteRows } from "./sqliteRows";
import { withTransactionConnection } from "./transactionConnection";
import type { UpsertCounts } from "./upsertCounts";

export type { UpsertCounts };

/** Inserts rows (values in `columns` order; JSON columns take JSON text) and returns how many. */
export function bulkInsert(tx: Prisma.TransactionClient, table: string, columns: readonly string[], rows: Iterable<readonly unknown[]>): Promise<number> {
  return withTransactionConnection(tx, async (connection) =>
    connection.provider === "sqlite" ? insertSqliteRows(connection.database, table, columns, rows) : copyRows(connection.client, table, columns, rows),
  );
}

/**
 * Inserts the rows of one new value of `key.column` through `fill`: on PostgreSQL into a new
 * partition of `table` (partition.ts), attached once `fill` is done; on SQLite into `table`.
 */
export function bulkInsertPartition(
  tx: Prisma.TransactionClient,
  table: string,
  key: PartitionKey,
  columns: readonly string[],
  fill: FillPartition,
): Promise<void> {
  return withTransactionConnection(tx, async (connection) => {
    if (connection.provider === "postgresql") return fillPostgresPartition(connection.client, table, key, columns, fill);
    await fill(async (rows) => insertSqliteRows(connection.database, table, columns, rows));
  });
}

/**
 * Writes rows keyed by the unique column `key`: a new key is inserted; a stored row whose
 * `compared` columns differ gets all of `columns`; the rest are left alone. Keys must be
 * distinct within `rows`.
 */
export function bulkUpsert(
  tx: Prisma.TransactionClient,
  table: string,
  key: string,
  columns: readonly string[],
  compared: readonly string[],
  rows: Iterable<readonly unknown[]>,
): Promise<UpsertCounts> {
  return withTransactionConnection(tx, async (connection) =>
    connection.provider === "sqlite"
      ? upsertSqliteRows(connection.database, table, key, columns, compared, rows)
      : upsertPostgresRows(connection.client, table, key, columns, compared, rows),
  );
}
