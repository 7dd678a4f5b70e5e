/**
 * A run's metrics or drift (nested JSON) as flat (path, value) rows for a CSV: objects and
 * arrays become dotted paths; an array item that names itself (feature, name, column, key)
 * is labelled by that name rather than its index, so drift rows read "features.Income.psi".
 */
export type FlatRow = [path: string, value: string | number | boolean | null];

const LABELS = ["feature", "name", "column", "key", "model", "space"] as const;

function labelItem(item: unknown, index: number): string {
  if (item && typeof item === "object" && !Array.isArray(item)) {
    for (const field of LABELS) {
      const value = (item as Record<string, unknown>)[field];
      if (typeof value === "string" || typeof value === "number") return String(value);
    }
  }
  return String(index);
}

export function flattenJson(value: unknown, path = ""): FlatRow[] {
  if (value === null || value === undefined) return path ? [[path, null]] : [];
  if (Array.isArray(value)) return value.flatMap((item, i) => flattenJson(item, path ? `${path}.${labelItem(item, i)}` : labelItem(item, i)));
  if (typeof value === "object") return Object.entries(value).flatMap(([key, item]) => flattenJson(item, path ? `${path}.${key}` : key));
  return [[path, value as string | number | boolean]];
}
