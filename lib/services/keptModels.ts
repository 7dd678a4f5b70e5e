/**
 * A run's stored models (a few MB of JSON), read once and kept: the scoring API and the
 * customer page both need the active run's, request after request.
 */
import "server-only";
import { getRunArtifact } from "@/lib/db/runs";
import type { TrainedModels } from "@/lib/ml/train/types";
import { keptPerRun } from "./keptPerRun";

export const loadRunModels = keptPerRun((runId) => getRunArtifact<TrainedModels>(runId, "models"));
