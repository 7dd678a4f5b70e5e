/**
 * What a new run's segments are matched against: the active run's personas and those of
 * earlier runs absent from it, each only when its run clustered on the same columns.
 */
import "server-only";
import { getRunArtifact } from "@/lib/db/runs";
import { getLargestSegmentKey, listAbsentSegments, listRunPersonas } from "@/lib/db/segments";
import { listSegmentationColumns } from "@/lib/ml/train/featureSource";
import type { TrainedModels } from "@/lib/ml/train/types";
import type { SegmentHistory } from "@/lib/runs/segmentKeys";

export async function loadSegmentHistory(activeRunId: number | null, columns: readonly string[], activeModels: TrainedModels | null): Promise<SegmentHistory> {
  const [active, absent, largestKey] = await Promise.all([
    activeRunId === null ? [] : listRunPersonas(activeRunId),
    listAbsentSegments(activeRunId),
    getLargestSegmentKey(),
  ]);
  const comparable = new Map<number, boolean>();
  for (const runId of new Set(absent.map((segment) => segment.runId))) {
    const models = await getRunArtifact<TrainedModels>(runId, "models");
    // A run without stored models (seeded) is compared by centroid length alone.
    comparable.set(runId, models === null || sameNames(listSegmentationColumns(models), columns));
  }
  return {
    active,
    activeComparable: activeModels === null || sameNames(listSegmentationColumns(activeModels), columns),
    absent: absent.filter((segment) => comparable.get(segment.runId)),
    largestKey,
  };
}

const sameNames = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((name, i) => name === b[i]);
