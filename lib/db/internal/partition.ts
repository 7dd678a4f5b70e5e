/**
 * A new partition of a PostgreSQL table partitioned by LIST on one integer column (CustomerScore
 * by run): created as a table of its own with no index, filled by binary COPY, then attached,
 * which builds the parent's indexes on it by sorting and checks its foreign keys in one join
 * each. Maintaining six indexes and two foreign keys row by row costs the server several times
 * more. All of it on the caller's transaction, so a failure leaves no table behind.
 */
import type pg from "pg";
import { copyBinaryRows } from "./copyBinary";

/** The partition column and this partition's value of it. */
export interface PartitionKey {
  column: string;
  value: number;
}

/** Writes a partition's rows through `insert` (values in `columns` order), in as many calls as it likes. */
export type FillPartition = (insert: (rows: Iterable<readonly unknown[]>) => Promise<number>) => Promise<void>;

/** A partition's name: the parent's and the key's, e.g. CustomerScore_12. */
export function partitionName(table: string, value: number): string {
  if (!Number.isInteger(value)) throw new Error(`not a partition key: ${value}`);
  return `${table}_${value}`;
}

/** Lets `fill` copy rows into the new partition, then attaches it. */
export async function fillPostgresPartition(
  client: pg.PoolClient,
  table: string,
  key: PartitionKey,
  columns: readonly string[],
  fill: FillPartition,
): Promise<void> {
  const partition = partitionName(table, key.value);
  // The CHECK is the partition bound, so ATTACH trusts it instead of scanning the rows.
  await client.query(`CREATE TABLE "${partition}" (LIKE "${table}" INCLUDING DEFAULTS INCLUDING CONSTRAINTS, CHECK ("${key.column}" = ${key.value}))`);
  await fill((rows) => copyBinaryRows(client, partition, columns, rows));
  await client.query(`ALTER TABLE "${table}" ATTACH PARTITION "${partition}" FOR VALUES IN (${key.value})`);
}
