/**
 * A run's stored models (a few MB of JSON), read once and kept: the scoring API and the
 * customer page both need the active run's, request after request. Only the latest run read
 * is kept, since only the active run is asked for in the normal course.
 */
import "server-only";
import { getRunArtifact } from "@/lib/db/runs";
import type { TrainedModels } from "@/lib/ml/train/types";

let cached: { runId: number; models: Promise<TrainedModels | null> } | null = null;

export function runModels(runId: number): Promise<TrainedModels | null> {
  if (cached?.runId !== runId) {
    const models = getRunArtifact<TrainedModels>(runId, "models");
    cached = { runId, models };
    // A failed read is not kept: the next request tries again.
    models.catch(() => {
      if (cached?.models === models) cached = null;
    });
  }
  return cached.models;
}
