/**
 * Custom profile attributes (columns outside the marketing layout) as features, when an
 * analyst chooses them: a numeric attribute is one column, a categorical one a column per
 * value among its five most frequent (1 when the customer has it, 0 otherwise). A customer
 * without the attribute has NaN there: the training median fills it for clustering only.
 */
import type { CustomerRecord } from "@/lib/data/customer";
import { quantiles } from "./stats";

export const ATTRIBUTE_PREFIX = "attribute:";
const MAX_VALUES = 5;

export interface AttributeColumn {
  /** "attribute:Region=North" or "attribute:Employees". */
  name: string;
  attribute: string;
  /** The category this column flags; absent for a numeric attribute. */
  value?: string;
}

export interface AttributePipeline {
  columns: AttributeColumn[];
  medians: number[];
  scaler: { mean: number[]; std: number[] };
}

export function nameAttributeColumn(attribute: string, value?: string): string {
  return value === undefined ? `${ATTRIBUTE_PREFIX}${attribute}` : `${ATTRIBUTE_PREFIX}${attribute}=${value}`;
}

/** The columns the training customers give each chosen attribute; an attribute nobody has gives none. */
function findAttributeColumns(customers: readonly CustomerRecord[], attributes: readonly string[]): AttributeColumn[] {
  return attributes.flatMap((attribute) => {
    const values = customers.map((customer) => customer.attributes?.[attribute]).filter((value) => value !== undefined);
    if (values.length === 0) return [];
    if (values.every((value) => typeof value === "number")) return [{ name: nameAttributeColumn(attribute), attribute }];
    const counts = new Map<string, number>();
    for (const value of values) counts.set(String(value), (counts.get(String(value)) ?? 0) + 1);
    return [...counts]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, MAX_VALUES)
      .map(([value]) => ({ name: nameAttributeColumn(attribute, value), attribute, value }));
  });
}

/** Unscaled values per column, in customer order; NaN where the customer lacks the attribute. */
export function buildAttributeTable(columns: readonly AttributeColumn[], customers: readonly CustomerRecord[]): Float64Array[] {
  return columns.map((column) =>
    Float64Array.from(customers, (customer) => {
      const value = customer.attributes?.[column.attribute];
      if (value === undefined) return Number.NaN;
      if (column.value === undefined) return typeof value === "number" ? value : Number.NaN;
      return String(value) === column.value ? 1 : 0;
    }),
  );
}

export function fitAttributes(customers: readonly CustomerRecord[], attributes: readonly string[]): { pipeline: AttributePipeline; table: Float64Array[] } {
  const columns = findAttributeColumns(customers, attributes);
  const table = buildAttributeTable(columns, customers);
  const medians = table.map((values) => {
    const present = Array.from(values).filter((value) => !Number.isNaN(value));
    return present.length > 0 ? quantiles(present, [0.5])[0] : 0;
  });
  const mean: number[] = [];
  const std: number[] = [];
  table.forEach((values, c) => {
    const filled = Array.from(values, (value) => (Number.isNaN(value) ? medians[c] : value));
    const m = filled.reduce((sum, value) => sum + value, 0) / Math.max(1, filled.length);
    const sd = Math.sqrt(filled.reduce((sum, value) => sum + (value - m) ** 2, 0) / Math.max(1, filled.length));
    mean.push(m);
    std.push(sd > 1e-12 ? sd : 1);
  });
  return { pipeline: { columns, medians, scaler: { mean, std } }, table };
}

/** The base matrix (rows × width) with the scaled attribute columns appended to each row. */
export function appendAttributes(base: Float64Array, width: number, pipeline: AttributePipeline, table: readonly Float64Array[]): Float64Array {
  const extra = pipeline.columns.length;
  if (extra === 0) return base;
  const rows = base.length / width;
  const out = new Float64Array(rows * (width + extra));
  for (let i = 0; i < rows; i++) {
    out.set(base.subarray(i * width, (i + 1) * width), i * (width + extra));
    for (let c = 0; c < extra; c++) {
      const raw = table[c][i];
      out[i * (width + extra) + width + c] = ((Number.isNaN(raw) ? pipeline.medians[c] : raw) - pipeline.scaler.mean[c]) / pipeline.scaler.std[c];
    }
  }
  return out;
}
