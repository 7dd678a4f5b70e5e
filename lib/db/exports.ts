/**
 * Scored customers for the CSV exports, read in keyset pages (by customer id, or by
 * descending response probability for a top-N target list) so an export of any size holds
 * one page in memory at a time. Read through lib/db/rawReader for speed.
 */
import "server-only";
import { CUSTOMER_COLUMNS, type CustomerRecord } from "@/lib/data/customer";
import { readRows } from "./rawReader";
import { SCORE_FIELDS, SCORE_SELECT, scoreValues, type ScoreValues } from "./scoreRow";
import { toSqlConditions, type ScoreFilter } from "./scoreFilter";

const PAGE = 5_000;

export interface ExportRow extends ScoreValues {
  customer: CustomerRecord;
}

export interface ExportOptions {
  filter: ScoreFilter;
  /** "response": most likely responders first (customers without a probability are left out). */
  order?: "id" | "response";
  limit?: number;
}

const SELECT = [SCORE_SELECT, ...CUSTOMER_COLUMNS.map((column) => `c."${column.field}"`)].join(", ");

function toExportRow(row: unknown[]): ExportRow {
  const customer = {} as Record<string, unknown>;
  CUSTOMER_COLUMNS.forEach((column, i) => (customer[column.field] = row[SCORE_FIELDS.length + i]));
  return { ...scoreValues(row), customer: customer as CustomerRecord };
}

export async function* scoredCustomerPages({ filter, order = "id", limit = Infinity }: ExportOptions): AsyncGenerator<ExportRow[]> {
  const base = toSqlConditions(filter, order === "response" ? "responseProbability" : null);
  if (order === "response") base.conditions.push(`s."responseProbability" IS NOT NULL`);
  const orderBy = order === "id" ? `s."customerId"` : `s."responseProbability" DESC, s."customerId"`;
  let after: ExportRow | null = null;
  for (let left = limit; left > 0; ) {
    const conditions = [...base.conditions];
    const params = [...base.params];
    if (after && order === "id") {
      conditions.push(`s."customerId" > ?`);
      params.push(after.customerId);
    } else if (after) {
      conditions.push(`(s."responseProbability" < ? OR (s."responseProbability" = ? AND s."customerId" > ?))`);
      params.push(after.responseProbability, after.responseProbability, after.customerId);
    }
    const take = Math.min(PAGE, left);
    const rows = await readRows(
      `SELECT ${SELECT} FROM "CustomerScore" s JOIN "Customer" c ON c."id" = s."customerId" WHERE ${conditions.join(" AND ")} ORDER BY ${orderBy} LIMIT ${take}`,
      params,
    );
    if (!rows.length) return;
    const page = rows.map(toExportRow);
    left -= page.length;
    after = page[page.length - 1];
    yield page;
  }
}
