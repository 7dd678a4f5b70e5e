// GET /api/runs/{id} – a run's status, stage and progress, polled by the admin page; ANALYST and ADMIN only.
import { z } from "zod";
import { withPermission } from "@/lib/http/withPermission";
import { jsonError } from "@/lib/http/responses";
import { getRunProgress } from "@/lib/db/runs";

export const runtime = "nodejs";

const runId = z.coerce.number().int().positive();

export const GET = withPermission<{ id: string }>("retrain", async (_req, { params }) => {
  const id = runId.safeParse(params.id);
  if (!id.success) return jsonError(400, `"${params.id}" is not a run id.`);
  const run = await getRunProgress(id.data);
  if (!run) return jsonError(404, `There is no run ${id.data}.`);
  return Response.json(run, { headers: { "cache-control": "no-store" } });
});
