/**
 * Job "retrain" from the command line — retrain every model on the current customers and
 * promote the result when it is not worse than the active run. It starts the job the way the
 * admin page and the schedule do, through jobs/launcher.ts:
 *
 *   npm run retrain [-- --seed S] [--trigger cli|manual|cron] [--requested-by USER_ID] [--config JSON]
 *
 * --config takes a lighter (or heavier) training set-up as JSON with the keys kMax, spaces and
 * folds only, e.g. '{"kMax":5,"spaces":["standardized"],"folds":3}'; any other key is refused.
 * Prints `started run N (job process P)` once the job holds the lease, then its stages; the
 * job's own output goes to stderr. Exit codes: 0 succeeded or rejected by the promotion gate,
 * 1 failed, 2 bad arguments, 3 another retrain is running (the message names it).
 */
import { parseArgs } from "node:util";
import { retrainPayload } from "./retrainMessages";

const { values } = parseArgs({
  options: { seed: { type: "string" }, trigger: { type: "string" }, "requested-by": { type: "string" }, config: { type: "string" } },
});
const payload = retrainPayload.safeParse({
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
const { launchRetrain } = await import("./launcher");
const { disconnectDatabase } = await import("@/lib/db/connection");
const { getRunError } = await import("@/lib/db/runs");
let lastStage = "";
const launched = await launchRetrain(payload.data, {
  onOutput: (text) => process.stderr.write(text),
  onProgress: (stage) => {
    if (stage !== lastStage) console.log(`stage ${stage}`);
    lastStage = stage;
  },
});
if (launched.type === "busy") {
  console.error(`busy: a retrain is already running (run ${launched.runId})`);
  process.exitCode = 3;
} else {
  console.log(`started run ${launched.runId} (job process ${launched.pid})`);
  const outcome = await launched.finished;
  if (outcome) console.log(`run ${outcome.runId} ${outcome.review ? "held for review" : outcome.status.toLowerCase()}: ${outcome.reasons.join("; ")}`);
  else {
    console.error(`run ${launched.runId} failed: ${(await getRunError(launched.runId)) ?? "its job process ended without a result"}`);
  }
  process.exitCode = !outcome || outcome.status === "FAILED" ? 1 : 0;
}
await disconnectDatabase();

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    console.error(`--config: not valid JSON (${(error as Error).message})`);
    process.exit(2);
  }
}
