import { attributeValueSql } from "../internal/dialect";

/**
 * Which of a run's scores a list or an export takes, as plain data turned into SQL
 * conditions, so the paged table, its count and the CSV exports read the same rows.
 */
export interface Range {
  gte?: number;
  lte?: number;
}

export interface ScoreFilter {
  runId: number;
  segmentKeys?: number[];
  customerId?: number;
  /** The customer with this id in their own file (a search); none matches an unknown one. */
  externalId?: string;
  responseProbability?: Range;
  clv?: Range;
  pAlive?: Range;
  /** One custom attribute of the customer (joined as `c`): equal to a text, or within a numeric range. */
  attribute?: AttributeFilter;
}

export interface AttributeFilter {
  name: string;
  equals?: string;
  range?: Range;
}

export const RANGED = ["responseProbability", "clv", "pAlive"] as const;

/**
 * Conditions on the score table aliased `s`, with `?` placeholders. Only `indexed` (the sort
 * column) keeps its range usable by an index; the other filter columns get a unary `+`, which
 * SQLite reads as "use no index for this term" and PostgreSQL as a no-op. Without it SQLite
 * (no statistics) walks a range index and sorts hundreds of thousands of rows for a page of
 * 50; with it, it walks the sort order's index and stops after the page.
 */
export function toSqlConditions(filter: ScoreFilter, indexed: (typeof RANGED)[number] | null = null): { conditions: string[]; params: unknown[] } {
  const term = (column: string, indexable: boolean) => `${indexable ? "" : "+"}s."${column}"`;
  const conditions = [`s."runId" = ?`];
  const params: unknown[] = [filter.runId];
  if (filter.segmentKeys) {
    conditions.push(filter.segmentKeys.length ? `${term("segmentKey", false)} IN (${filter.segmentKeys.map(() => "?").join(", ")})` : "1 = 0");
    params.push(...filter.segmentKeys);
  }
  if (filter.customerId !== undefined) {
    conditions.push(`s."customerId" = ?`);
    params.push(filter.customerId);
  }
  // One lookup by the unique external id, so the condition stays on the score table's keys.
  if (filter.externalId !== undefined) {
    conditions.push(`s."customerId" = (SELECT "id" FROM "Customer" WHERE "externalId" = ?)`);
    params.push(filter.externalId);
  }
  for (const column of RANGED) {
    const range = filter[column];
    if (range?.gte !== undefined) {
      conditions.push(`${term(column, column === indexed)} >= ?`);
      params.push(range.gte);
    }
    if (range?.lte !== undefined) {
      conditions.push(`${term(column, column === indexed)} <= ?`);
      params.push(range.lte);
    }
  }
  if (filter.attribute) {
    const condition = attributeCondition(filter.attribute);
    conditions.push(...condition.conditions);
    params.push(...condition.params);
  }
  return { conditions, params };
}

function attributeCondition({ name, equals, range }: AttributeFilter): { conditions: string[]; params: unknown[] } {
  const conditions: string[] = [];
  const params: unknown[] = [];
  const compare = (as: "text" | "number", operator: string, value: unknown) => {
    const { sql, params: valueParams } = attributeValueSql(name, as);
    conditions.push(`${sql} ${operator} ?`);
    params.push(...valueParams, value);
  };
  if (equals !== undefined) compare("text", "=", equals);
  if (range?.gte !== undefined) compare("number", ">=", range.gte);
  if (range?.lte !== undefined) compare("number", "<=", range.lte);
  // A name with neither a value nor a range keeps those who have the attribute at all.
  if (conditions.length === 0) {
    const { sql, params: valueParams } = attributeValueSql(name, "text");
    conditions.push(`${sql} IS NOT NULL`);
    params.push(...valueParams);
  }
  return { conditions, params };
}
