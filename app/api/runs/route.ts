// POST /api/runs – start a retrain in its own process, or queue it for `npm run worker` under RETRAIN_SCHEDULER=worker (202 { runId }); a session with retrain (ANALYST+).
import { withPermission } from "@/lib/http/withPermission";
import { errorResponse, refuse } from "@/lib/http/responses";
import { recordAudit } from "@/lib/db/audit";
import { runningRunId } from "@/lib/db/runLiveness";
import { queueRunForWorker } from "@/lib/db/runs";
import { env } from "@/lib/env";
import { DEFAULT_SEED } from "@/lib/services/retrain/defaultSeed";
import { launchRetrain } from "@/jobs/launcher";

export const runtime = "nodejs";

/** 409 naming the run that holds the retrain lease: the admin page follows that run instead. */
const busy = (runId: number) => refuse("busy", `A retrain is already running (run ${runId}).`, [], { runId });

export const POST = withPermission("retrain", async (_req, { user }) => {
  // The job process checks the lease too; asking first just spares starting it.
  const holder = await runningRunId();
  if (holder !== null) return busy(holder);
  try {
    const launched =
      env.RETRAIN_SCHEDULER === "worker"
        ? { type: "started" as const, runId: (await queueRunForWorker({ trigger: "MANUAL", requestedById: user.id, seed: DEFAULT_SEED })).id }
        : await launchRetrain({ trigger: "MANUAL", requestedById: user.id });
    if (launched.type === "busy") return busy(launched.runId);
    // The run is under way whatever happens to its audit entry: a failed write must not turn the 202 into a 500.
    await recordAudit({ userId: user.id, action: "run.started", target: `run:${launched.runId}`, details: { trigger: "MANUAL" } }).catch((error: Error) =>
      console.error(`could not audit the start of run ${launched.runId}: ${error.message}`),
    );
    return Response.json({ runId: launched.runId }, { status: 202 });
  } catch (error) {
    return errorResponse(500, error instanceof Error ? error.message : String(error));
  }
});
