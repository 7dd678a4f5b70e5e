/**
 * The active run's scores joined to their customers: the filtered, sorted, paged customer
 * table. Sorting walks the (runId, score, customerId) indexes; pages are bounded
 * (lib/customers/query.ts) and nothing counts the matches of a filter over the whole run.
 */
import "server-only";
import { PAGE_SIZE, type CustomerQuery, type CustomerSort } from "@/lib/customers/query";
import { db } from "./client";
import { attributeValueSql } from "./dialect";
import { readRows } from "./rawReader";
import { SCORE_FIELDS, SCORE_SELECT, scoreValues, type ScoreValues } from "./scoreRow";
import { toSqlConditions, type Range, type ScoreFilter } from "./scoreFilter";

const SORT_COLUMN: Record<CustomerSort, "customerId" | "responseProbability" | "clv" | "pAlive"> = {
  id: "customerId",
  response: "responseProbability",
  clv: "clv",
  alive: "pAlive",
};

export type ScoreQuery = Pick<CustomerQuery, "q" | "segment" | "pMin" | "pMax" | "clvMin" | "clvMax" | "aliveMin" | "aliveMax" | "attr" | "attrValue" | "attrMin" | "attrMax">;

const range = (min: number | undefined, max: number | undefined): Range | undefined =>
  min === undefined && max === undefined ? undefined : { ...(min === undefined ? {} : { gte: min }), ...(max === undefined ? {} : { lte: max }) };

/** A search by external id resolves to one customer id first, so the filter stays on the score table's keys. */
export async function scoreFilterOf(runId: number, query: ScoreQuery): Promise<ScoreFilter> {
  const filter: ScoreFilter = {
    runId,
    segmentKeys: query.segment === undefined ? undefined : [query.segment],
    responseProbability: range(query.pMin, query.pMax),
    clv: range(query.clvMin, query.clvMax),
    pAlive: range(query.aliveMin, query.aliveMax),
    attribute: query.attr === undefined ? undefined : { name: query.attr, equals: query.attrValue, range: range(query.attrMin, query.attrMax) },
  };
  if (query.q !== undefined) {
    const customer = await db.customer.findUnique({ where: { externalId: query.q }, select: { id: true } });
    filter.customerId = customer?.id ?? -1;
  }
  return filter;
}

export interface CustomerListRow extends ScoreValues {
  externalId: string;
  /** The filtered custom attribute's value, as text; null when the list is not filtered by one. */
  attribute: string | null;
}


/**
 * One page, and whether another follows (one row more is read; no count over the run).
 * Raw SQL (lib/db/rawReader) so the query can steer SQLite to the sort order's index; see toSqlConditions.
 */
export async function listCustomerScores(runId: number, query: CustomerQuery): Promise<{ rows: CustomerListRow[]; hasNext: boolean }> {
  const column = SORT_COLUMN[query.sort];
  const { conditions, params } = toSqlConditions(await scoreFilterOf(runId, query), column === "customerId" ? null : column);
  const dir = query.dir === "desc" ? "DESC" : "ASC";
  const orderBy = column === "customerId" ? `s."customerId" ${dir}` : `s."${column}" ${dir}, s."customerId" ${dir}`;
  // The filtered attribute is shown in a column of its own; its placeholders come before the WHERE's.
  const shown = query.attr === undefined ? { sql: "NULL", params: [] } : attributeValueSql(query.attr, "text");
  const rows = await readRows(
    `SELECT ${SCORE_SELECT}, c."externalId", ${shown.sql} FROM "CustomerScore" s JOIN "Customer" c ON c."id" = s."customerId"
     WHERE ${conditions.join(" AND ")} ORDER BY ${orderBy} LIMIT ${PAGE_SIZE + 1} OFFSET ${(query.page - 1) * PAGE_SIZE}`,
    [...shown.params, ...params],
  );
  const page = rows.slice(0, PAGE_SIZE).map((row) => ({
    ...scoreValues(row),
    externalId: row[SCORE_FIELDS.length] as string,
    attribute: (row[SCORE_FIELDS.length + 1] as string | null) ?? null,
  }));
  return { rows: page, hasNext: rows.length > PAGE_SIZE };
}
