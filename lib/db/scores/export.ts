/**
 * Scored customers for the CSV exports, read in keyset pages (by customer id, or by
 * descending response probability for a top-N target list) so an export of any size holds
 * one page in memory at a time. Read through lib/db/internal/rawReader for speed, and handed on
 * as raw rows in the order of EXPORT_SELECT (./columns.ts). Large exports in customer order are
 * read by ranges of ids instead, in worker threads (exportPageQueries).
 */
import "server-only";
import { EXPORT_INTERNAL_ID as CUSTOMER_ID, EXPORT_RESPONSE_PROBABILITY as RESPONSE_PROBABILITY, EXPORT_SELECT } from "./columns";
import { databaseTarget, type DatabaseTarget } from "../internal/provider";
import { readRows } from "../internal/rawReader";
import { toSqlConditions, type ScoreFilter } from "./filter";
import { readRunScores, scoreTableOf } from "./scoreTable";

const PAGE = 5_000;

export interface ExportOptions {
  filter: ScoreFilter;
  /** "response": most likely responders first (customers without a probability are left out). */
  order?: "id" | "response";
  limit?: number;
}

const SELECT = EXPORT_SELECT.join(", ");

export async function* scoredCustomerPages({ filter, order = "id", limit = Infinity }: ExportOptions): AsyncGenerator<unknown[][]> {
  const base = toSqlConditions(filter, order === "response" ? "responseProbability" : null);
  if (order === "response") base.conditions.push(`s."responseProbability" IS NOT NULL`);
  const orderBy = order === "id" ? `s."customerId"` : `s."responseProbability" DESC, s."customerId"`;
  let after: unknown[] | null = null;
  for (let left = limit; left > 0;) {
    const conditions = [...base.conditions];
    const params = [...base.params];
    if (after && order === "id") {
      // The same bound on both sides of the join: PostgreSQL merge-joins the two id indexes, and
      // without it scans the customers from the first id on every page (60,000 rows/s at a million).
      conditions.push(`s."customerId" > ?`, `c."id" > ?`);
      params.push(after[CUSTOMER_ID], after[CUSTOMER_ID]);
    } else if (after) {
      conditions.push(`(s."responseProbability" < ? OR (s."responseProbability" = ? AND s."customerId" > ?))`);
      params.push(after[RESPONSE_PROBABILITY], after[RESPONSE_PROBABILITY], after[CUSTOMER_ID]);
    }
    const take = Math.min(PAGE, left);
    const rows = await readRunScores(
      filter.runId,
      (table) =>
        `SELECT ${SELECT} FROM ${table} s JOIN "Customer" c ON c."id" = s."customerId" WHERE ${conditions.join(" AND ")} ORDER BY ${orderBy} LIMIT ${take}`,
      params,
    );
    if (!rows.length) return;
    left -= rows.length;
    after = rows[rows.length - 1];
    yield rows;
  }
}

/** One page of an export as a read-only query, for another thread to run on a connection of its own (lib/export/csvPageWorker.ts). */
export interface ExportPageQuery {
  target: DatabaseTarget;
  sql: string;
  params: unknown[];
}

/**
 * An export in customer order as queries over ranges of PAGE customer ids (so at most PAGE rows
 * each), which worker threads can read at once; unlike keyset pages, none waits for the one
 * before. Null for a top-N list or a limit, for a run of fewer than `minRows` scores, or when
 * its ids are so sparse that most ranges would be empty.
 */
export async function exportPageQueries({ filter, order = "id", limit = Infinity }: ExportOptions, minRows: number): Promise<ExportPageQuery[] | null> {
  if (order !== "id" || limit !== Infinity) return null;
  const table = await scoreTableOf(filter.runId);
  const [extent] = await readRows(`SELECT MIN(s."customerId"), MAX(s."customerId"), COUNT(*) FROM ${table} s WHERE s."runId" = ?`, [filter.runId]);
  const [low, high, rows] = (extent ?? []).map(Number);
  if (!(rows >= minRows) || high - low + 1 > 2 * rows) return null;
  const { conditions, params } = toSqlConditions(filter);
  // Both sides of the join bounded, as in the keyset pages above, for PostgreSQL's merge join.
  const range = [`s."customerId" > ?`, `s."customerId" <= ?`, `c."id" > ?`, `c."id" <= ?`];
  const sql = `SELECT ${SELECT} FROM ${table} s JOIN "Customer" c ON c."id" = s."customerId" WHERE ${[...conditions, ...range].join(" AND ")} ORDER BY s."customerId"`;
  const target = databaseTarget();
  const queries: ExportPageQuery[] = [];
  for (let after = low - 1; after < high; after += PAGE) queries.push({ target, sql, params: [...params, after, after + PAGE, after, after + PAGE] });
  return queries;
}
