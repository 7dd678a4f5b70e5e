/**
 * The data-quality report on imported customers: plain JSON for the import page and the CLI.
 * It judges plausibility (the schema only judged types): missing values, values out of range,
 * unknown categories and rows that repeat another row but for the id.
 */
import { z } from "zod";
import { CUSTOMER_COLUMNS, KNOWN_EDUCATION, KNOWN_MARITAL_STATUS, type CustomerField, type CustomerRecord } from "@/lib/data/customer";
import { DuplicateRowFinder, OutOfRangeCounter, formatCount, formatValue, describeMissing } from "./qualityChecks";
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

const HEADER = Object.fromEntries(CUSTOMER_COLUMNS.map((column) => [column.field, column.header])) as Record<CustomerField, string>;

/** Fields where a negative value cannot be right. */
const NON_NEGATIVE = CUSTOMER_COLUMNS.filter((column) => (column.kind === "int" || column.kind === "number") && column.field !== "yearBirth").map(
  (column) => column.field,
);

/** Distinct unknown values counted per category column; later new ones are left out of the list. */
const MAX_UNKNOWN_VALUES = 1000;

/**
 * The report, built record by record so that no import holds its rows. `incomeFence` is the
 * far-out bound on incomes (computeUpperFence), taken beforehand from a sample of the file's incomes.
 */
export class CustomerQualityBuilder {
  private rows = 0;
  private readonly present: Set<CustomerField>;
  private readonly fields: CustomerField[];
  /** The fields compared for repeated rows (all but the id), and a buffer for one row's values. */
  private readonly comparedFields: CustomerField[];
  private readonly comparedValues: unknown[];
  private readonly missing: number[];
  private readonly checks: { field: CustomerField; counter: OutOfRangeCounter<CustomerRecord> }[] = [];
  private readonly unknown = new Map<"education" | "maritalStatus", Map<string, number>>();
  private readonly duplicates = new DuplicateRowFinder();

  constructor(presentFields: readonly CustomerField[], incomeFence: number | null) {
    this.present = new Set(presentFields);
    this.fields = CUSTOMER_COLUMNS.map((column) => column.field).filter((field) => this.present.has(field));
    this.missing = this.fields.map(() => 0);
    this.comparedFields = this.fields.filter((field) => field !== "externalId");
    this.comparedValues = new Array<unknown>(this.comparedFields.length);
    const check = (field: CustomerField, rule: string, isOut: (v: number, record: CustomerRecord) => boolean) => {
      if (this.present.has(field)) this.checks.push({ field, counter: new OutOfRangeCounter(HEADER[field], rule, isOut) });
    };
    check("yearBirth", "born in 1900 or earlier", (year) => year <= 1900);
    check("yearBirth", "born after enrolling", (year, record) => record.dtCustomer !== null && year > record.dtCustomer.getUTCFullYear());
    if (incomeFence !== null) {
      check("income", `far above the rest (over Q3 + 3·IQR = ${formatCount(Math.round(incomeFence))})`, (v) => v > incomeFence);
    }
    for (const field of NON_NEGATIVE) check(field, "negative", (v) => v < 0);
    for (const field of ["education", "maritalStatus"] as const) if (this.present.has(field)) this.unknown.set(field, new Map());
  }

  add(record: CustomerRecord, row: number): void {
    this.rows++;
    for (let i = 0; i < this.fields.length; i++) if (record[this.fields[i]] === null) this.missing[i]++;
    for (const { field, counter } of this.checks) counter.add(record[field] as number | null, record, row);
    for (const [field, counts] of this.unknown) {
      const category = record[field];
      if (category === null || KNOWN_CATEGORIES[field].includes(category)) continue;
      const count = counts.get(category);
      if (count !== undefined) counts.set(category, count + 1);
      else if (counts.size < MAX_UNKNOWN_VALUES) counts.set(category, 1);
    }
    for (let i = 0; i < this.comparedFields.length; i++) this.comparedValues[i] = record[this.comparedFields[i]];
    this.duplicates.add(this.comparedValues, row);
  }

  result(): CustomerQuality {
    const { rows } = this;
    const missing = this.fields.map((field, i) => ({ column: HEADER[field], count: this.missing[i], share: rows === 0 ? 0 : this.missing[i] / rows }));
    const checks = this.checks.map(({ counter }) => counter.result()).filter((found) => found !== null);
    const unknownCategories = [...this.unknown]
      .filter(([, counts]) => counts.size > 0)
      .map(([field, counts]) => ({
        column: HEADER[field],
        values: [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count),
      }));
    const duplicateRows = this.duplicates.result();
    return {
      rows,
      missing,
      absentColumns: CUSTOMER_COLUMNS.filter((column) => !this.present.has(column.field)).map((column) => column.header),
      outOfRange: checks,
      unknownCategories,
      duplicateRows,
      findings: findings(rows, missing, checks, unknownCategories, duplicateRows),
    };
  }
}

const KNOWN_CATEGORIES: Record<"education" | "maritalStatus", readonly string[]> = {
  education: KNOWN_EDUCATION,
  maritalStatus: KNOWN_MARITAL_STATUS,
};

function findings(rows: number, missing: MissingValues[], checks: OutOfRange[], unknown: UnknownCategory[], duplicates: DuplicateRows): string[] {
  const out = missing.map((m) => describeMissing(m, rows)).filter((finding) => finding !== null);
  for (const c of checks) {
    const examples = c.examples
      .slice(0, 3)
      .map((e) => `${formatValue(e.value)} (row ${e.row})`)
      .join(", ");
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

const storedFindings = z.object({ findings: z.array(z.string()) });

/** A batch's stored quality report (customers or orders) as plain-words findings; none when it has no report of that shape. */
export function readFindings(quality: unknown): string[] {
  return storedFindings.safeParse(quality).data?.findings ?? [];
}
