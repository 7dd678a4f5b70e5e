/**
 * Minimal reader for the real marketing-campaign file (`;`-separated, DD/MM/YYYY dates,
 * header row) used by tests and benches until the team's importer takes over.
 */
import { readFileSync } from "node:fs";
import { CUSTOMER_COLUMNS, type CustomerRecord } from "@/lib/data/customer";

export const MARKETING_CSV_PATH = "../shared/data/marketing_campaign.csv";

export function readMarketingCsv(path: string = MARKETING_CSV_PATH): CustomerRecord[] {
  const lines = readFileSync(path, "utf8")
    .split(/\r?\n/)
    .filter((line) => line.trim() !== "");
  const headers = lines[0].split(";").map((h) => h.trim());
  const positions = CUSTOMER_COLUMNS.map((column) => {
    const at = headers.indexOf(column.header);
    if (at < 0) throw new Error(`${path}: missing column ${column.header}`);
    return at;
  });
  return lines.slice(1).map((line, row) => {
    const cells = line.split(";");
    const record: Record<string, unknown> = {};
    CUSTOMER_COLUMNS.forEach((column, i) => {
      const cell = (cells[positions[i]] ?? "").trim();
      record[column.field] = parseCell(cell, column.kind, `${path} line ${row + 2} ${column.header}`);
    });
    return record as CustomerRecord;
  });
}

function parseCell(cell: string, kind: string, where: string): unknown {
  if (kind === "id") return cell;
  if (cell === "") return null;
  if (kind === "category") return cell;
  if (kind === "date") {
    const [day, month, year] = cell.split("/").map(Number);
    const date = new Date(Date.UTC(year, month - 1, day));
    if (Number.isNaN(date.getTime())) throw new Error(`${where}: bad date ${cell}`);
    return date;
  }
  const value = Number(cell);
  if (!Number.isFinite(value)) throw new Error(`${where}: not a number: ${cell}`);
  return value;
}
