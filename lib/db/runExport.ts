import "server-only";
import { db } from "./client";

/** The JSON a run's metrics export flattens; null when there is no such run. */
export async function getRunMetricsAndDrift(runId: number) {
  return db.modelRun.findUnique({ where: { id: runId }, select: { id: true, metrics: true, drift: true, stability: true } });
}
