/**
 * The custom attribute names the imports have brought in, read from the stored import reports
 * (each profile batch lists its custom columns), so no request scans the customers' JSON.
 */
import "server-only";
import { z } from "zod";
import { db } from "../internal/client";

/** A report's custom columns; reports from before custom attributes have none, and a name that is not text is skipped. */
const reportCustom = z
  .object({ custom: z.array(z.unknown()) })
  .transform((report) => report.custom.filter((name): name is string => typeof name === "string"))
  .catch([]);

/** Sorted, each name once; only imports that were written count (a refused file wrote nothing). */
export async function listKnownAttributeNames(): Promise<string[]> {
  const batches = await db.importBatch.findMany({ where: { kind: "CUSTOMERS", status: "SUCCEEDED" }, select: { report: true } });
  const names = new Set<string>();
  for (const { report } of batches) for (const name of reportCustom.parse(report)) names.add(name);
  return [...names].sort((a, b) => a.localeCompare(b));
}
