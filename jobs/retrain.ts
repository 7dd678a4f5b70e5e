/**
 * Job "retrain" — retrain every model on the current customers and promote the result when it
 * is not worse than the active run. Triggered by cron (jobs/scheduler.ts), by analysts on the
 * admin page (through lib/services/retrain/launch.ts) and from the command line:
 *
 *   npm run retrain [-- --seed S] [--trigger cli|manual|cron] [--requested-by USER_ID] [--config JSON]
 *
 * --config takes a lighter (or heavier) training set-up as JSON with the keys kMax, spaces and
 * folds only, e.g. '{"kMax":5,"spaces":["standardized"],"folds":3}'; any other key is refused.
 * Prints `started run N` as soon as it holds the lease. Exit codes: 0 succeeded or rejected by
 * the promotion gate, 1 failed, 3 another retrain is running (the message names it).
 */
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";
import { z } from "zod";
import { SPACE_NAMES } from "@/lib/ml/segmentation/spaces";

/** The training knobs the command line may set (a subset of RetrainConfig). */
const retrainConfig = z.strictObject({
  kMax: z.number().int().min(2).optional(),
  spaces: z.array(z.enum(SPACE_NAMES)).min(1).optional(),
  folds: z.number().int().min(2).optional(),
});

const retrainPayload = z.object({
  trigger: z.enum(["CRON", "MANUAL", "CLI"]),
  requestedById: z.string().nullable(),
  seed: z.number().int().min(0).optional(),
  config: retrainConfig.optional(),
});
export type RetrainPayload = z.infer<typeof retrainPayload>;

export const retrainJob = {
  id: "retrain",
  payload: retrainPayload,
  async handle(payload: RetrainPayload, onStarted?: (runId: number) => void) {
    const { runRetrain } = await import("@/lib/services/retrain/runRetrain");
    return runRetrain(payload, onStarted);
  },
};

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { seed: { type: "string" }, trigger: { type: "string" }, "requested-by": { type: "string" }, config: { type: "string" } },
  });
  const payload = retrainJob.payload.safeParse({
    trigger: (values.trigger ?? "cli").toUpperCase(),
    requestedById: values["requested-by"] ?? null,
    seed: values.seed === undefined ? undefined : Number(values.seed),
    config: values.config === undefined ? undefined : parseJson(values.config),
  });
  if (!payload.success) {
    console.error(payload.error.issues.map((issue) => `--${issue.path.join(".")}: ${issue.message}`).join("\n"));
    process.exit(2);
  }
  const { ensureEnvFile } = await import("@/lib/setup/envFile");
  ensureEnvFile();
  const { RetrainBusyError } = await import("@/lib/db/lease");
  const { db } = await import("@/lib/db/client");
  try {
    const outcome = await retrainJob.handle(payload.data, (runId) => console.log(`started run ${runId}`));
    console.log(`run ${outcome.runId} ${outcome.status.toLowerCase()}: ${outcome.reasons.join("; ")}`);
    process.exitCode = outcome.status === "FAILED" ? 1 : 0;
  } catch (error) {
    if (!(error instanceof RetrainBusyError)) throw error;
    console.error(`busy: ${error.message}`);
    process.exitCode = 3;
  } finally {
    await db.$disconnect();
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    console.error(`--config: not valid JSON (${(error as Error).message})`);
    process.exit(2);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await main();
