/**
 * A table's foreign keys checked once after a bulk load instead of row by row, on PostgreSQL.
 * Its per-row check locks the referenced row (one SELECT … FOR KEY SHARE per key per row):
 * copying 300,000 order lines took 10.7 s with the two keys and 3.0 s without, and adding them
 * back, which checks every row in one join, 0.2 s. The keys are dropped and re-created with
 * their stored definitions inside the caller's transaction, so a failure leaves them as they were.
 * Until it commits, the table is locked against readers: callers use this only to fill an empty one.
 */
import "server-only";
import type pg from "pg";
import type { Prisma } from "./client";
import { databaseTarget } from "./provider";
import { withTransactionConnection } from "./transactionConnection";

export async function withForeignKeysCheckedAfter<T>(tx: Prisma.TransactionClient, table: string, load: () => Promise<T>): Promise<T> {
  // SQLite checks a key with one lookup in the parent's primary key, which costs little.
  if (databaseTarget().provider !== "postgresql") return load();
  return withTransactionConnection(tx, async (connection) => {
    if (connection.provider !== "postgresql") return load();
    const { client } = connection;
    const keys = await foreignKeys(client, table);
    if (keys.length === 0) return load();
    await client.query(`ALTER TABLE "${table}" ${keys.map((key) => `DROP CONSTRAINT "${key.name}"`).join(", ")}`);
    const result = await load();
    await client.query(`ALTER TABLE "${table}" ${keys.map((key) => `ADD CONSTRAINT "${key.name}" ${key.definition}`).join(", ")}`);
    return result;
  });
}

async function foreignKeys(client: pg.PoolClient, table: string): Promise<{ name: string; definition: string }[]> {
  const { rows } = await client.query<{ name: string; definition: string }>(
    `SELECT conname AS name, pg_get_constraintdef(oid) AS definition FROM pg_constraint WHERE conrelid = $1::regclass AND contype = 'f' ORDER BY conname`,
    [`"${table}"`],
  );
  return rows;
}
