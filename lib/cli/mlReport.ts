/**
 * `npm run ml -- report --input FILE [--orders FILE] [--seed S] [--k-min N] [--k-max N] [--min-share S] [--k N] [--holdout-weeks W] [--out report.json]`:
 * trains every model on a customers CSV (no database) and writes the JSON report.
 */
import fs from "node:fs";
import { parseArgs } from "node:util";
import { z } from "zod";
import { readCustomersFile, readOrdersFile } from "@/lib/import";
import { readTfBackendName } from "@/lib/ml/tf";
import { trainAll, type TrainResult } from "@/lib/ml/train";
import { DEFAULT_ECONOMICS } from "@/lib/campaign/economics";
import { recommendCampaign } from "@/lib/campaign/recommended";

export const REPORT_USAGE = "report --input FILE [--orders FILE] [--seed S] [--k-min N] [--k-max N] [--min-share S] [--k N] [--holdout-weeks W] [--out FILE]";
export const REPORT_DESCRIPTION = "train every model on a customers CSV and write a JSON report";

const flags = z.object({
  input: z.string({ error: "--input FILE is required" }).min(1),
  orders: z.string().min(1).optional(),
  seed: z.coerce.number().int().min(0).default(42),
  "k-min": z.coerce.number({ error: "--k-min must be a number" }).int().min(2).max(20).optional(),
  "k-max": z.coerce.number({ error: "--k-max must be a number" }).int().min(2).max(20).optional(),
  "min-share": z.coerce.number({ error: "--min-share must be a number" }).min(0).max(0.5).optional(),
  k: z.coerce.number({ error: "--k must be a number" }).int().min(2).max(20).optional(),
  "holdout-weeks": z.coerce
    .number({ error: "--holdout-weeks must be a number" })
    .int("--holdout-weeks must be a whole number of weeks")
    .min(1, "--holdout-weeks must be at least 1")
    .optional(),
  out: z.string().min(1).optional(),
});

export async function runReport(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      input: { type: "string" },
      orders: { type: "string" },
      seed: { type: "string" },
      "k-min": { type: "string" },
      "k-max": { type: "string" },
      "min-share": { type: "string" },
      k: { type: "string" },
      "holdout-weeks": { type: "string" },
      out: { type: "string" },
    },
  });
  const parsed = flags.safeParse(values);
  if (!parsed.success) throw new Error(parsed.error.issues.map((issue) => issue.message).join("; "));
  const options = parsed.data;

  const started = performance.now();
  const customers = await readCustomersFile(options.input);
  if (customers.errorCount > 0)
    console.error(`${customers.errorCount} rows with errors were left out (first: row ${customers.errors[0].row}: ${customers.errors[0].message})`);
  const orders = options.orders ? (await readOrdersFile(options.orders)).records : [];
  const readMs = Math.round(performance.now() - started);

  const result = await trainAll(
    { customers: customers.records, orders },
    {
      seed: options.seed,
      kMin: options["k-min"],
      kMax: options["k-max"],
      minShare: options["min-share"],
      fixedK: options.k,
      ...(options["holdout-weeks"] ? { clv: { holdoutWeeks: options["holdout-weeks"] } } : {}),
    },
  );
  const report = buildReport(result, {
    input: options.input,
    customers: customers.records.length,
    orders: orders.length,
    backend: await readTfBackendName(),
    readMs,
  });
  const json = JSON.stringify(report, null, 2);
  if (options.out) fs.writeFileSync(options.out, json + "\n");
  else console.log(json);
  console.error(summaryLine(result));
}

function buildReport(result: TrainResult, run: { input: string; customers: number; orders: number; backend: string; readMs: number }) {
  const { metrics } = result;
  return {
    input: run,
    seed: result.models.seed,
    snapshotDate: result.models.snapshotDate,
    segmentation: {
      ...metrics.segmentation,
      silhouetteSampled: metrics.segmentation.selection.silhouetteSampled,
      classifier: metrics.classifier,
      personas: result.personas.map(({ id, name, size, share, description, topTraits, actions }) => ({
        id,
        name,
        size,
        share,
        description,
        topTraits,
        actions,
      })),
    },
    response: metrics.response,
    // The campaign a run of these scores would store (segments by label here, not by stable key).
    recommendedCampaign: metrics.response ? recommendCampaign(result.scores.segment, result.scores.responseProbability, DEFAULT_ECONOMICS) : null,
    clv: metrics.clv,
    skipped: result.skipped,
    timings: { read: run.readMs, ...result.timings },
  };
}

function summaryLine({ metrics, timings }: TrainResult): string {
  const { k, space, silhouette, stability, minShare } = metrics.segmentation;
  const parts = [
    `k=${k} in ${space} space (silhouette ${silhouette.toFixed(3)}, stability ${stability?.toFixed(2)}, smallest segment ${((minShare ?? 0) * 100).toFixed(1)}%)`,
  ];
  if (metrics.response) {
    const aucs = Object.entries(metrics.response.cvAuc)
      .map(([kind, auc]) => `${kind} ${auc!.toFixed(3)}`)
      .join(", ");
    parts.push(`response champion ${metrics.response.champion} (CV AUC ${aucs}; Brier ${metrics.response.brier.toFixed(3)})`);
  }
  if (metrics.clv)
    parts.push(
      `BG/NBD r=${metrics.clv.bgnbd.r.toFixed(3)} alpha=${metrics.clv.bgnbd.alpha.toFixed(2)} a=${metrics.clv.bgnbd.a.toFixed(3)} b=${metrics.clv.bgnbd.b.toFixed(3)}`,
    );
  const backtest = metrics.clv?.backtest;
  if (backtest) {
    const text = backtest.status === "done" ? `CLV backtest ${backtest.grade.level}: ${backtest.grade.sentence}` : `no CLV backtest: ${backtest.reason}`;
    parts.push(text.replace(/\.$/, ""));
  }
  return `${parts.join("; ")}; ${(timings.total / 1000).toFixed(1)} s`;
}
