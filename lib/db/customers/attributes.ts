/**
 * The custom attribute names the imports have brought in, read from the stored import reports
 * (each profile batch lists its custom columns), so no request scans the customers' JSON.
 */
import "server-only";
import { db } from "../internal/client";

/** Sorted, each name once; only imports that were written count (a refused file wrote nothing). */
export async function listKnownAttributeNames(): Promise<string[]> {
  const batches = await db.importBatch.findMany({ where: { kind: "CUSTOMERS", status: "SUCCEEDED" }, select: { report: true } });
  const names = new Set<string>();
  for (const { report } of batches) {
    const custom = (report as { custom?: unknown } | null)?.custom;
    if (Array.isArray(custom)) for (const name of custom) if (typeof name === "string") names.add(name);
  }
  return [...names].sort((a, b) => a.localeCompare(b));
}
