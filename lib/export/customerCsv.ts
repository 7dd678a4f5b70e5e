/**
 * The columns of every customer export: the scores first, then the customer's attributes
 * under the marketing file's own headers (so a spreadsheet user recognises them). Once an
 * administrator has set a currency, the CLV columns name it (clv_12m_eur); the attributes keep
 * the file's headers, which the import matches them by.
 *
 * Lines are written straight from the raw rows lib/db/exports reads (score fields, then the
 * customer columns), one formatter per column chosen once: a million-row export spends its
 * time here, and an object or array per row would halve its speed.
 */
import { CUSTOMER_COLUMNS, type CustomerColumn } from "@/lib/data/customer";
import { SCORE_FIELDS } from "@/lib/db/scoreRow";
import { moneyHeader, type MoneyFormat } from "@/lib/text/numberFormat";
import { csvCell, csvProbability, plainNumber, type CsvValue } from "./csv";

export const SCORE_HEADER = [
  "customer_id", "segment_id", "segment_name", "response_probability", "clv_12m", "clv_low", "clv_high", "p_alive",
  "response_note", "clv_source", "clv_note",
] as const;

const ATTRIBUTES = CUSTOMER_COLUMNS.filter((column) => column.field !== "externalId");

const MONEY_SCORES: ReadonlySet<string> = new Set(["clv_12m", "clv_low", "clv_high"]);

/** The header row, in the same column order whatever the currency. */
export function customerHeader(format: MoneyFormat): string[] {
  const scores = SCORE_HEADER.map((column) => (MONEY_SCORES.has(column) ? moneyHeader(column, format) : column));
  return [...scores, ...ATTRIBUTES.map((column) => column.header)];
}

type Format = (value: unknown) => string;

const number: Format = (value) => (typeof value === "number" && Number.isFinite(value) ? plainNumber(value) : "");
/** Probabilities to 4 decimals: more digits claim a precision the models do not have. */
const probability: Format = csvProbability;
const text: Format = (value) => csvCell(value as CsvValue);
/** SQLite hands dates back as ISO text, PostgreSQL as Date: both become YYYY-MM-DD. */
const day: Format = (value) => (value === null || value === undefined ? "" : (value instanceof Date ? value.toISOString() : String(value)).slice(0, 10));

function formatOf(kind: CustomerColumn["kind"]): Format {
  if (kind === "date") return day;
  return kind === "id" || kind === "category" ? text : number;
}

/** Where each value sits in a raw export row. */
const at = (field: string) => {
  const score = (SCORE_FIELDS as readonly string[]).indexOf(field);
  return score >= 0 ? score : SCORE_FIELDS.length + CUSTOMER_COLUMNS.findIndex((column) => column.field === field);
};
const CUSTOMER_ID = at("customerId");
const EXTERNAL_ID = at("externalId");
const SEGMENT = at("segmentKey");
const SCORES = (
  [
    ["responseProbability", probability],
    ["clv", number],
    ["clvLow", number],
    ["clvHigh", number],
    ["pAlive", probability],
  ] as const
).map(([field, format]) => ({ index: at(field), format }));
const NOTES = (["responseNote", "clvSource", "clvNote"] as const).map(at);
const ATTRIBUTE_CELLS = ATTRIBUTES.map((column) => ({ index: at(column.field), format: formatOf(column.kind) }));

/**
 * Formats pages of raw export rows as CSV text. `extra` appends cells computed from the
 * customer's internal id (the campaign list's control-group flag).
 */
export function customerCsvWriter(segmentNames: ReadonlyMap<number, string>, extra?: (customerId: number) => CsvValue): (rows: readonly unknown[][]) => string {
  const nameCells = new Map([...segmentNames].map(([key, name]) => [key, text(name)]));
  return (rows) => {
    let out = "";
    for (const row of rows) {
      const segment = row[SEGMENT] as number;
      let line = `${text(row[EXTERNAL_ID])},${segment},${nameCells.get(segment) ?? ""}`;
      for (const { index, format } of SCORES) line += `,${format(row[index])}`;
      for (const index of NOTES) line += `,${text(row[index])}`;
      for (const { index, format } of ATTRIBUTE_CELLS) line += `,${format(row[index])}`;
      if (extra) line += `,${csvCell(extra(row[CUSTOMER_ID] as number))}`;
      out += `${line}\r\n`;
    }
    return out;
  };
}
