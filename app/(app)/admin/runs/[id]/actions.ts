"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authorizedAction } from "@/lib/actions/authorizedAction";
import { getActiveRunId } from "@/lib/db/activeRun";
import { activateRun, getRunProgress } from "@/lib/db/runs";
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
  if (!option) {
    return {
      ok: false,
      message: activeRunId === runId ? `Run ${runId} is already the active run.` : `Run ${runId} is ${run.status.toLowerCase()}: it has no models to activate.`,
    };
  }
  await activateRun(runId, user.id, option.reason, note);
  revalidatePath("/admin");
  revalidatePath(`/admin/runs/${runId}`);
  return { ok: true, message: `Run ${runId} is now the active run.` };
});
