/**
 * Rows into a PostgreSQL table with COPY … FROM STDIN (text format) on a given client, the
 * fastest way in; on the transaction's own client it is part of that transaction, and a
 * failure aborts it. Values are written as the columns read text: NULL as \N, timestamps as
 * the UTC wall time Prisma keeps in TIMESTAMP(3) columns, JSON as its text.
 */
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { rememberedByTime } from "./dateText";

/** Rows per piece of text handed to the stream. */
const ROWS_PER_WRITE = 500;

export async function copyRows(client: pg.PoolClient, table: string, columns: readonly string[], rows: Iterable<readonly unknown[]>): Promise<number> {
  const columnList = columns.map((column) => `"${column}"`).join(", ");
  const stream = client.query(copyFrom(`COPY "${table}" (${columnList}) FROM STDIN`));
  await pipeline(Readable.from(copyText(rows)), stream);
  return stream.rowCount;
}

function* copyText(rows: Iterable<readonly unknown[]>): Generator<string> {
  let text = "";
  let pending = 0;
  for (const row of rows) {
    text += row.map(copyValue).join("\t") + "\n";
    if (++pending < ROWS_PER_WRITE) continue;
    yield text;
    text = "";
    pending = 0;
  }
  if (text) yield text;
}

/** One value in COPY's text format; NaN has no place in our columns and is stored as NULL, as SQLite does. */
export function copyValue(value: unknown): string {
  if (value === null || value === undefined) return "\\N";
  if (typeof value === "number") return Number.isNaN(value) ? "\\N" : String(value);
  if (typeof value === "boolean") return value ? "t" : "f";
  if (typeof value === "bigint") return value.toString();
  if (value instanceof Date) return timestampText(value);
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return NEEDS_ESCAPE.test(text) ? text.replace(ESCAPED, escapeChar) : text;
}

const timestampText = rememberedByTime((date) => date.toISOString().slice(0, 23).replace("T", " "));
const NEEDS_ESCAPE = /[\\\n\r\t]/;
const ESCAPED = /[\\\n\r\t]/g;

const ESCAPES: Record<string, string> = { "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t" };

function escapeChar(char: string): string {
  return ESCAPES[char];
}
