/**
 * `npm run import -- FILE [--kind customers|orders] [--map field=Header ...] [--allow-rejected]`
 */
import path from "node:path";
import { parseArgs } from "node:util";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    kind: { type: "string" },
    map: { type: "string", multiple: true },
    "allow-rejected": { type: "boolean" },
  },
});

const { importOptions, describeIssues } = await import("@/lib/services/importOptions");
const options = importOptions.safeParse({ kind: values.kind, map: values.map, allowRejected: values["allow-rejected"] });
if (positionals.length !== 1 || !options.success) {
  if (!options.success) console.error(describeIssues(options.error));
  console.error("usage: npm run import -- FILE [--kind customers|orders] [--map field=Header ...] [--allow-rejected]");
  process.exit(2);
}

const file = path.resolve(positionals[0]);
const { importFile } = await import("@/lib/services/importFile");
const { getImportBatch } = await import("@/lib/db/imports");
const { db } = await import("@/lib/db/client");

const started = performance.now();
const summary = await importFile({ ...options.data, source: file, fileName: path.basename(file), userId: null });
const seconds = ((performance.now() - started) / 1000).toFixed(2);
const batch = await getImportBatch(summary.batchId);
await db.$disconnect();

if (summary.status === "REJECTED") {
  console.error(`Refused ${path.basename(file)} (batch ${summary.batchId}): ${summary.error}`);
  process.exit(1);
}
console.log(
  `Imported ${path.basename(file)} as batch ${summary.batchId} in ${seconds} s: ${summary.rowsRead} rows read, ` +
    `${summary.rowsInserted} new, ${summary.rowsUpdated} updated, ${summary.rowsUnchanged} unchanged, ${summary.rowsRejected} rejected` +
    (summary.customersCreated ? `, ${summary.customersCreated} customers created from orders` : "") +
    ".",
);
const findings = (batch?.quality as { findings?: string[] } | null)?.findings ?? [];
if (findings.length) console.log(`Data quality:\n  - ${findings.join("\n  - ")}`);
