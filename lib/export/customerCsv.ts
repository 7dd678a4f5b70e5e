/**
 * The customer export's header and lines, from the column table (lib/db/scores/columns.ts).
 * Once an administrator has set a currency, the money columns name it (clv_12m_eur); the
 * attributes keep the file's headers, which the import matches them by.
 *
 * Lines are written straight from the raw rows lib/db/scores/export reads, one formatter per
 * column chosen once: a million-row export spends its time here, and an object or array per
 * row would halve its speed.
 */
import { isControl } from "@/lib/campaign/controlGroup";
import { EXPORT_INTERNAL_ID, SCORE_EXPORT_COLUMNS, exportIndexOf, type CellFormat } from "@/lib/db/scores/columns";
import { nameMoneyColumn, type MoneyFormat } from "@/lib/text/numberFormat";
import { csvCell, csvProbability, plainNumber, type CsvValue } from "./csvCells";

/** The header row, in the same column order whatever the currency. */
export function buildCustomerHeader(format: MoneyFormat): string[] {
  return SCORE_EXPORT_COLUMNS.map((column) => (column.money ? nameMoneyColumn(column.header, format) : column.header));
}

type Format = (value: unknown) => string;

const number: Format = (value) => (typeof value === "number" && Number.isFinite(value) ? plainNumber(value) : "");
const text: Format = (value) => csvCell(value as CsvValue);
/** SQLite hands dates back as ISO text, PostgreSQL as Date: both become YYYY-MM-DD. */
const day: Format = (value) => (value === null || value === undefined ? "" : (value instanceof Date ? value.toISOString() : String(value)).slice(0, 10));

function formatter(format: CellFormat, segmentNames: ReadonlyMap<number, string>): Format {
  switch (format) {
    case "text":
      return text;
    case "integer":
      return String;
    case "number":
      return number;
    case "probability":
      return csvProbability;
    case "day":
      return day;
    case "segmentName": {
      const cells = new Map([...segmentNames].map(([key, name]) => [key, text(name)]));
      return (key) => cells.get(key as number) ?? "";
    }
  }
}

/**
 * Formats pages of raw export rows as CSV text. `extra` appends a cell computed from the
 * customer's internal id (the campaign list's control-group flag, drawn per internal id).
 */
export function customerCsvWriter(segmentNames: ReadonlyMap<number, string>, extra?: (internalId: number) => CsvValue): (rows: readonly unknown[][]) => string {
  const [first, ...rest] = SCORE_EXPORT_COLUMNS.map((column) => ({ index: exportIndexOf(column.sql), format: formatter(column.format, segmentNames) }));
  return (rows) => {
    let out = "";
    for (const row of rows) {
      let line = first.format(row[first.index]);
      for (const { index, format } of rest) line += `,${format(row[index])}`;
      if (extra) line += `,${csvCell(extra(row[EXPORT_INTERNAL_ID] as number))}`;
      out += `${line}\r\n`;
    }
    return out;
  };
}

/** How an export's lines are written, as plain data a worker thread can take: the segments' names, and a campaign list's control group. */
export interface CsvPageFormat {
  names: [number, string][];
  control: { share: number; seed: number } | null;
}

/** The writer of an export's lines; a campaign list's control-group flag is drawn per internal id. */
export function exportCsvWriter({ names, control }: CsvPageFormat): (rows: readonly unknown[][]) => string {
  return customerCsvWriter(new Map(names), control ? (internalId) => (isControl(internalId, control.share, control.seed) ? 1 : 0) : undefined);
}
