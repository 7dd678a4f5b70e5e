"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authorizedAction } from "@/lib/actions/authorizedAction";
import { getActiveRunId } from "@/lib/db/activeRun";
import { activateRun, getRunProgress } from "@/lib/db/runs";
import { ScoresRemovedError } from "@/lib/db/scoreRetention";
import { findActivationOption } from "@/lib/services/retrain/activation";

const activation = z.object({
  runId: z.coerce.number().int().positive(),
  confirm: z.literal("on", { error: "Tick the box to confirm" }),
  note: z.string().trim().min(3, "Say why, for the audit log (3+ characters)").max(500),
});

/** Force-promote a rejected run or roll back to an earlier one; activateRun writes the audit entry with the switch. */
export const activateRunAction = authorizedAction("retrain", activation, async ({ runId, note }, user) => {
  const [run, activeRunId] = await Promise.all([getRunProgress(runId), getActiveRunId()]);
  if (!run) return { ok: false, message: `There is no run ${runId}.` };
  const option = findActivationOption(run, activeRunId);
  if (!option) return { ok: false, message: refusal(run, activeRunId) };
  try {
    await activateRun(runId, user.id, option.reason, note);
  } catch (error) {
    // Retention may have removed the run's scores since it was read above.
    if (error instanceof ScoresRemovedError) return { ok: false, message: error.message };
    throw error;
  }
  revalidatePath("/admin");
  revalidatePath(`/admin/runs/${runId}`);
  return { ok: true, message: `Run ${runId} is now the active run.` };
});

function refusal(run: { id: number; status: string; scoresRemovedAt: Date | null }, activeRunId: number | null): string {
  if (run.id === activeRunId) return `Run ${run.id} is already the active run.`;
  if (run.scoresRemovedAt) return new ScoresRemovedError(run.id).message;
  return `Run ${run.id} is ${run.status.toLowerCase()}: it has no models to activate.`;
}
