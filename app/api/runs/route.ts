// POST /api/runs – start a retrain in its own process; ANALYST and ADMIN only.
// 202 { runId } once it runs, 409 { error, runId } when another run holds the retrain lease.
import { withPermission } from "@/lib/http/withPermission";
import { jsonError } from "@/lib/http/responses";
import { recordAudit } from "@/lib/db/audit";
import { currentLeaseHolder, RetrainBusyError } from "@/lib/db/lease";
import { launchRetrain } from "@/lib/services/retrain/launch";

export const runtime = "nodejs";

const busy = (runId: number) => Response.json({ error: `A retrain is already running (run ${runId}).`, runId }, { status: 409 });

export const POST = withPermission("retrain", async (_req, { user }) => {
  // The child process checks the lease too; asking first just spares starting it.
  const holder = await currentLeaseHolder();
  if (holder !== null) return busy(holder);
  try {
    const { runId } = await launchRetrain({ trigger: "MANUAL", requestedById: user.id });
    // The run is under way whatever happens to its audit entry: a failed write must not turn the 202 into a 500.
    await recordAudit({ userId: user.id, action: "run.started", target: `run:${runId}`, details: { trigger: "MANUAL" } }).catch((error: Error) =>
      console.error(`could not audit the start of run ${runId}: ${error.message}`),
    );
    return Response.json({ runId }, { status: 202 });
  } catch (error) {
    if (error instanceof RetrainBusyError) return busy(error.runId);
    return jsonError(500, error instanceof Error ? error.message : String(error));
  }
});
