/**
 * The columns of every customer export, in file order: the scores first, then the customer's
 * attributes under the marketing file's own headers (so a spreadsheet user recognises them).
 * From this one table lib/db builds the select list and lib/export the header row and the
 * per-column formatters: adding a column is one line here.
 *
 * Also the score columns the customer list reads raw, and their row shape.
 */
import { CUSTOMER_COLUMNS, type CustomerColumn } from "@/lib/data/customer";

/** How a cell is written; lib/export/customerCsv.ts holds the formatter of each. */
export type CellFormat = "text" | "integer" | "number" | "probability" | "day" | "segmentName";

export interface ScoreExportColumn {
  header: string;
  /** A column of the score table (aliased s) or of the customer table (aliased c). */
  sql: string;
  format: CellFormat;
  /** An amount of money: its header names the currency once one is set. */
  money?: true;
}

const score = (field: string) => `s."${field}"`;
const customer = (field: string) => `c."${field}"`;

function formatOf(kind: CustomerColumn["kind"]): CellFormat {
  if (kind === "date") return "day";
  return kind === "id" || kind === "category" ? "text" : "number";
}

export const SCORE_EXPORT_COLUMNS: readonly ScoreExportColumn[] = [
  /**
   * The customer's own id, the one in the shop's file (`externalId` in the code): what the importer reads as ID or
   * customer_id and what order lines and the API name the customer by, so the export joins back to the shop's data.
   * The internal row id never leaves.
   */
  { header: "customer_id", sql: customer("externalId"), format: "text" },
  { header: "segment_id", sql: score("segmentKey"), format: "integer" },
  { header: "segment_name", sql: score("segmentKey"), format: "segmentName" },
  /** Probabilities to 4 decimals: more digits claim a precision the models do not have. */
  { header: "response_probability", sql: score("responseProbability"), format: "probability" },
  { header: "clv_12m", sql: score("clv"), format: "number", money: true },
  { header: "clv_low", sql: score("clvLow"), format: "number", money: true },
  { header: "clv_high", sql: score("clvHigh"), format: "number", money: true },
  { header: "p_alive", sql: score("pAlive"), format: "probability" },
  { header: "response_note", sql: score("responseNote"), format: "text" },
  { header: "clv_source", sql: score("clvSource"), format: "text" },
  { header: "clv_note", sql: score("clvNote"), format: "text" },
  ...CUSTOMER_COLUMNS.filter((column) => column.field !== "externalId").map((column) => ({
    header: column.header,
    sql: customer(column.field),
    format: formatOf(column.kind),
  })),
];

/** What the export pages on besides the cells: the keyset cursor and the control-group draw. */
const EXPORT_KEYS = [score("customerId"), score("responseProbability")];

/** The export's select list: each expression once, the table's columns first. */
export const EXPORT_SELECT: readonly string[] = [...new Set([...SCORE_EXPORT_COLUMNS.map((column) => column.sql), ...EXPORT_KEYS])];

/** Where an expression of the select list sits in a raw export row. */
export const exportIndexOf = (sql: string): number => EXPORT_SELECT.indexOf(sql);

export const EXPORT_INTERNAL_ID = exportIndexOf(score("customerId"));
export const EXPORT_RESPONSE_PROBABILITY = exportIndexOf(score("responseProbability"));

/** The score columns the customer list reads raw. */
export const SCORE_FIELDS = [
  "customerId",
  "segmentKey",
  "responseProbability",
  "clv",
  "clvLow",
  "clvHigh",
  "pAlive",
  "responseNote",
  "clvSource",
  "clvNote",
] as const;

export const SCORE_SELECT = SCORE_FIELDS.map(score).join(", ");

export interface ScoreValues {
  customerId: number;
  segmentKey: number;
  responseProbability: number | null;
  clv: number | null;
  clvLow: number | null;
  clvHigh: number | null;
  pAlive: number | null;
  /** Why there is no response probability; null when there is one (and in runs stored before notes). */
  responseNote: string | null;
  /** "orders" or "profiles"; null without CLV. */
  clvSource: string | null;
  /** Why there is no CLV; null when there is one. */
  clvNote: string | null;
}

/** The score fields of a raw row whose first columns are SCORE_SELECT. */
export function scoreValues(row: unknown[]): ScoreValues {
  return {
    customerId: row[0] as number,
    segmentKey: row[1] as number,
    responseProbability: row[2] as number | null,
    clv: row[3] as number | null,
    clvLow: row[4] as number | null,
    clvHigh: row[5] as number | null,
    pAlive: row[6] as number | null,
    responseNote: row[7] as string | null,
    clvSource: row[8] as string | null,
    clvNote: row[9] as string | null,
  };
}
