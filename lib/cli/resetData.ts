/**
 * `npm run reset-data -- --yes` removes the business data (customers, order lines, imports,
 * model runs with their scores) and keeps users, API tokens, settings and the audit log.
 * Without --yes it removes nothing and says what would go. Exits 2 on bad flags or without
 * --yes, 3 while a retrain is running.
 */
import { parseArgs } from "node:util";
import { z } from "zod";

const USAGE = "usage: npm run reset-data -- --yes";
const flagsSchema = z.strictObject({ yes: z.boolean().default(false) });

await import("@/lib/env");
const { disconnectDatabase } = await import("@/lib/db/connection");
try {
  process.exitCode = await main();
} finally {
  await disconnectDatabase();
}

async function main(): Promise<number> {
  let flags: z.output<typeof flagsSchema>;
  try {
    const { values } = parseArgs({ options: { yes: { type: "boolean" } }, strict: true });
    flags = flagsSchema.parse(values);
  } catch (error) {
    return fail(`reset-data: ${(error as Error).message}\n${USAGE}`);
  }
  const { countBusinessData } = await import("@/lib/db/reset");
  const { removeBusinessData, describeBusinessCounts } = await import("@/lib/services/resetData");
  const { RetrainBusyError } = await import("@/lib/db/lease");
  if (!flags.yes) {
    const counts = await countBusinessData();
    console.log(`This would remove ${describeBusinessCounts(counts)}.`);
    console.log("Users, API tokens, settings and the audit log stay.");
    return fail(`Nothing was removed. To remove it: npm run reset-data -- --yes`);
  }
  try {
    const counts = await removeBusinessData({ userId: null, via: "cli" });
    console.log(`Removed ${describeBusinessCounts(counts)}. Users, API tokens, settings and the audit log were kept.`);
    return 0;
  } catch (error) {
    if (error instanceof RetrainBusyError) {
      console.error(`reset-data: ${error.message}; nothing was removed. Try again when it has finished.`);
      return 3;
    }
    throw error;
  }
}

function fail(message: string): number {
  console.error(message);
  return 2;
}
