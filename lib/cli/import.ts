/**
 * `npm run import -- FILE [--kind customers|orders] [--map field=Header ...] [--date-format dmy|mdy] [--allow-rejected] [--dry-run]`
 * – with --dry-run, runs the import and rolls it back, printing what it would do.
 */
import path from "node:path";
import { parseArgs } from "node:util";

const USAGE = "usage: npm run import -- FILE [--kind customers|orders] [--map field=Header ...] [--date-format dmy|mdy] [--allow-rejected] [--dry-run]";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    kind: { type: "string" },
    map: { type: "string", multiple: true },
    "date-format": { type: "string" },
    "allow-rejected": { type: "boolean" },
    "dry-run": { type: "boolean" },
  },
});

const { importOptions } = await import("@/lib/services/importOptions");
const { describeIssues } = await import("@/lib/http/issues");
const options = importOptions.safeParse({
  kind: values.kind,
  map: values.map,
  dateFormat: values["date-format"],
  allowRejected: values["allow-rejected"],
  dryRun: values["dry-run"],
});
if (positionals.length !== 1 || !options.success) {
  if (!options.success) console.error(describeIssues(options.error, "options"));
  console.error(USAGE);
  process.exit(2);
}

const file = path.resolve(positionals[0]);
const { importFile } = await import("@/lib/services/importFile");
const { getImportBatch } = await import("@/lib/db/imports/batches");
const { describeReport, formatNumber } = await import("@/lib/import/report");
const { pluralise } = await import("@/lib/text/plural");
const { readFindings } = await import("@/lib/import/quality");
const { disconnectDatabase } = await import("@/lib/db/connection");

const started = performance.now();
const name = path.basename(file);
const summary = await importFile({ ...options.data, source: file, fileName: name, userId: null });
const seconds = ((performance.now() - started) / 1000).toFixed(2);
const batch = summary.batchId === null ? null : await getImportBatch(summary.batchId);
await disconnectDatabase();

// A dry run keeps no batch to name, so its lines say it wrote nothing instead.
const preview = summary.batchId === null ? "Preview (nothing written): " : "";
const report = summary.report ? describeReport(summary.report).map((line) => `  ${line}`) : [];
if (summary.status === "REJECTED") {
  console.error(preview ? `${preview}${name} would be refused: ${summary.error}` : `Refused ${name} (batch ${summary.batchId}): ${summary.error}`);
  if (report.length) console.error(report.join("\n"));
  process.exit(1);
}
console.log(
  (preview ? `${preview}${name} in ${seconds} s: ` : `Imported ${name} as batch ${summary.batchId} in ${seconds} s: `) +
    `${pluralise(summary.rowsRead, "row")} read, ` +
    `${formatNumber(summary.rowsInserted)} new, ${formatNumber(summary.rowsUpdated)} updated, ${formatNumber(summary.rowsUnchanged)} unchanged, ` +
    `${formatNumber(summary.rowsRejected)} rejected` +
    (summary.customersCreated ? `, ${pluralise(summary.customersCreated, "customer")} created from orders` : "") +
    ".",
);
if (report.length) console.log(report.join("\n"));
const findings = readFindings(batch?.quality);
if (findings.length) console.log(`Data quality:\n  - ${findings.join("\n  - ")}`);
