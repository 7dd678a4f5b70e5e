/**
 * A run's scores joined to their customers: the filtered, sorted, paged customer table.
 * Sorting walks the (runId, score, customerId) indexes; pages are bounded by the caller and
 * nothing counts the matches of a filter over the whole run.
 */
import "server-only";
import { attributeValueSql } from "../internal/dialect";
import { SCORE_FIELDS, SCORE_SELECT, scoreValues, type ScoreValues } from "./columns";
import { toSqlConditions, type ScoreFilter } from "./filter";
import { readRunScores } from "./scoreTable";

export type ScoreSortColumn = "customerId" | "responseProbability" | "clv" | "pAlive";

export interface ScorePage {
  sort: ScoreSortColumn;
  dir: "asc" | "desc";
  /** Rows skipped before the page. */
  offset: number;
  size: number;
}

export interface CustomerListRow extends ScoreValues {
  externalId: string;
  /** The filtered custom attribute's value, as text; null when the list is not filtered by one. */
  attribute: string | null;
}

/**
 * One page, and whether another follows (one row more is read; no count over the run).
 * Raw SQL (lib/db/internal/rawReader) so the query can steer SQLite to the sort order's index; see toSqlConditions.
 */
export async function listCustomerScores(filter: ScoreFilter, page: ScorePage): Promise<{ rows: CustomerListRow[]; hasNext: boolean }> {
  const { sort, size } = page;
  const { conditions, params } = toSqlConditions(filter, sort === "customerId" ? null : sort);
  const dir = page.dir === "desc" ? "DESC" : "ASC";
  const orderBy = sort === "customerId" ? `s."customerId" ${dir}` : `s."${sort}" ${dir}, s."customerId" ${dir}`;
  // The filtered attribute is shown in a column of its own; its placeholders come before the WHERE's.
  const shown = filter.attribute === undefined ? { sql: "NULL", params: [] } : attributeValueSql(filter.attribute.name, "text");
  const rows = await readRunScores(
    filter.runId,
    (table) => `SELECT ${SCORE_SELECT}, c."externalId", ${shown.sql} FROM ${table} s JOIN "Customer" c ON c."id" = s."customerId"
     WHERE ${conditions.join(" AND ")} ORDER BY ${orderBy} LIMIT ${size + 1} OFFSET ${page.offset}`,
    [...shown.params, ...params],
  );
  return {
    rows: rows.slice(0, size).map((row) => ({
      ...scoreValues(row),
      externalId: row[SCORE_FIELDS.length] as string,
      attribute: (row[SCORE_FIELDS.length + 1] as string | null) ?? null,
    })),
    hasNext: rows.length > size,
  };
}
