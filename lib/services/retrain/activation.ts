/**
 * Which activation by hand a run allows, given the active run: a rejected run can be forced
 * active, an earlier succeeded one rolled back to; the active run, and a run whose scores
 * retention removed, allow none. The run page shows the matching button and the server action
 * checks the same rule again.
 */
export interface ActivationOption {
  reason: "forced" | "rollback";
  label: string;
}

export function findActivationOption(run: { id: number; status: string; scoresRemovedAt?: Date | null }, activeRunId: number | null): ActivationOption | null {
  // Without its per-customer scores (lib/db/scoreRetention.ts) a run has nothing for users to see.
  if (run.id === activeRunId || run.scoresRemovedAt) return null;
  if (run.status === "REJECTED") return { reason: "forced", label: "Make this the active run" };
  if (run.status !== "SUCCEEDED") return null;
  // A succeeded run newer than the active one is only inactive after a rollback: going back to it is not a rollback.
  return activeRunId !== null && run.id < activeRunId
    ? { reason: "rollback", label: "Roll back to this run" }
    : { reason: "forced", label: "Make this the active run" };
}
