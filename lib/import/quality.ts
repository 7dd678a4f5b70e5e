/**
 * The data-quality report on imported customers: plain JSON for the import page and the CLI.
 * It judges plausibility (the schema only judged types): missing values, values out of range,
 * unknown categories and rows that repeat another row but for the id.
 */
import {
  CUSTOMER_COLUMNS,
  KNOWN_EDUCATION,
  KNOWN_MARITAL_STATUS,
  type CustomerField,
  type CustomerRecord,
} from "@/lib/data/customer";
import { findDuplicateRows, formatCount, formatValue, missingFinding, missingValues, outOfRange, upperFence } from "./qualityChecks";
import type { DuplicateRows, MissingValues, OutOfRange } from "./qualityChecks";

export interface UnknownCategory {
  column: string;
  /** Values outside the known list, most frequent first. */
  values: { value: string; count: number }[];
}

export interface CustomerQuality {
  rows: number;
  /** Per column present in the file. */
  missing: MissingValues[];
  /** Standard columns the file does not have. */
  absentColumns: string[];
  outOfRange: OutOfRange[];
  unknownCategories: UnknownCategory[];
  duplicateRows: DuplicateRows;
  /** One sentence per problem found, for people. */
  findings: string[];
}

const HEADER = Object.fromEntries(CUSTOMER_COLUMNS.map((column) => [column.field, column.header])) as Record<
  CustomerField,
  string
>;

/** Fields where a negative value cannot be right. */
const NON_NEGATIVE = CUSTOMER_COLUMNS.filter(
  (column) => (column.kind === "int" || column.kind === "number") && column.field !== "yearBirth",
).map((column) => column.field);

export function customerQuality(
  records: readonly CustomerRecord[],
  rowNumbers: readonly number[],
  presentFields: readonly CustomerField[],
): CustomerQuality {
  const present = new Set(presentFields);
  const fields = CUSTOMER_COLUMNS.map((column) => column.field).filter((field) => present.has(field));
  const value = (field: CustomerField) => (i: number) => records[i][field];
  const number = (field: CustomerField) => (i: number) => records[i][field] as number | null;
  const checks: OutOfRange[] = [];
  const check = (field: CustomerField, rule: string, isOut: (v: number, i: number) => boolean) => {
    if (!present.has(field)) return;
    const found = outOfRange(records.length, number(field), rowNumbers, HEADER[field], rule, isOut);
    if (found) checks.push(found);
  };

  check("yearBirth", "born in 1900 or earlier", (year) => year <= 1900);
  check("yearBirth", "born after enrolling", (year, i) => {
    const enrolled = records[i].dtCustomer;
    return enrolled !== null && year > enrolled.getUTCFullYear();
  });
  const incomes = records.map((record) => record.income).filter((income) => income !== null);
  const fence = upperFence(incomes);
  if (fence !== null) check("income", `far above the rest (over Q3 + 3·IQR = ${formatCount(Math.round(fence))})`, (v) => v > fence);
  for (const field of NON_NEGATIVE) check(field, "negative", (v) => v < 0);

  const unknownCategories = (["education", "maritalStatus"] as const)
    .filter((field) => present.has(field))
    .map((field) => unknownValues(records, field))
    .filter((found) => found !== null);

  const missing = fields.map((field) => missingValues(records.length, value(field), HEADER[field]));
  const duplicateRows = findDuplicateRows(
    records.length,
    fields.filter((field) => field !== "externalId").map(value),
    rowNumbers,
  );
  return {
    rows: records.length,
    missing,
    absentColumns: CUSTOMER_COLUMNS.filter((column) => !present.has(column.field)).map((column) => column.header),
    outOfRange: checks,
    unknownCategories,
    duplicateRows,
    findings: findings(records.length, missing, checks, unknownCategories, duplicateRows),
  };
}

const KNOWN_CATEGORIES: Record<"education" | "maritalStatus", readonly string[]> = {
  education: KNOWN_EDUCATION,
  maritalStatus: KNOWN_MARITAL_STATUS,
};

function unknownValues(records: readonly CustomerRecord[], field: "education" | "maritalStatus"): UnknownCategory | null {
  const known = KNOWN_CATEGORIES[field];
  const counts = new Map<string, number>();
  for (const record of records) {
    const category = record[field];
    if (category !== null && !known.includes(category)) counts.set(category, (counts.get(category) ?? 0) + 1);
  }
  if (counts.size === 0) return null;
  const values = [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count);
  return { column: HEADER[field], values };
}

function findings(
  rows: number,
  missing: MissingValues[],
  checks: OutOfRange[],
  unknown: UnknownCategory[],
  duplicates: DuplicateRows,
): string[] {
  const out = missing.map((m) => missingFinding(m, rows)).filter((finding) => finding !== null);
  for (const c of checks) {
    const examples = c.examples.slice(0, 3).map((e) => `${formatValue(e.value)} (row ${e.row})`).join(", ");
    const more = c.count > 3 ? ", …" : "";
    out.push(`${c.column}: ${formatCount(c.count)} ${c.count === 1 ? "row" : "rows"} ${c.rule}: ${examples}${more}`);
  }
  for (const u of unknown) {
    const values = u.values.map((v) => `${v.value} (${v.count})`).join(", ");
    out.push(`${u.column}: unknown ${u.values.length === 1 ? "value" : "values"} ${values}`);
  }
  if (duplicates.count > 0) {
    const rows = duplicates.count === 1 ? "row repeats" : "rows repeat";
    out.push(`${formatCount(duplicates.count)} ${rows} an earlier row in every column but the ID`);
  }
  return out;
}
