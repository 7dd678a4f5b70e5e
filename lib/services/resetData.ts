/**
 * A clean start, for the Admin page and `npm run reset-data`: removes the business data
 * (lib/db/reset.ts), then forgets the models and scorers this process keeps for the active run.
 */
import "server-only";
import { deleteBusinessData, BUSINESS_TABLE_LABELS, type BusinessDataCounts } from "@/lib/db/reset";
import { forgetKeptRuns } from "./keptPerRun";

export const RESET_CONFIRMATION = "DELETE ALL DATA";

export async function removeBusinessData(actor: { userId: string | null; via: "admin" | "cli" }): Promise<BusinessDataCounts> {
  try {
    return await deleteBusinessData(actor);
  } finally {
    // Even a failed reset may have raced a change of the active run: reloading is cheap.
    forgetKeptRuns();
  }
}

/** "5,000 customers, 91,234 order lines, 1 import, …": every table, zeros included. */
export function describeBusinessCounts(counts: BusinessDataCounts): string {
  return (Object.entries(BUSINESS_TABLE_LABELS) as [keyof BusinessDataCounts, readonly [string, string]][])
    .map(([table, [one, many]]) => `${counts[table].toLocaleString("en-US")} ${counts[table] === 1 ? one : many}`)
    .join(", ");
}
