/**
 * A run's segments: as the API names them, and the personas earlier runs showed, for matching
 * a new run's segments to their identities.
 */
import "server-only";
import { db } from "./internal/client";
import { centroid } from "./runJson";

/** A run's segments in key order: what the API and its scoring name segments by. */
export async function listRunSegments(runId: number) {
  return db.segmentProfile.findMany({
    where: { runId },
    orderBy: { segmentKey: "asc" },
    select: { segmentKey: true, label: true, name: true, description: true, color: true, size: true, share: true, isNew: true },
  });
}

export interface StoredSegment {
  runId: number;
  segmentKey: number;
  name: string;
  color: string;
  centroid: number[];
}

const SEGMENT_FIELDS = { runId: true, segmentKey: true, name: true, color: true, centroid: true } as const;

/** Every stored profile has its centroid: one that does not parse is a broken row, said so here rather than as NaN later. */
function withCentroid(row: Omit<StoredSegment, "centroid"> & { centroid: unknown }): StoredSegment {
  const parsed = centroid.safeParse(row.centroid);
  if (!parsed.success) throw new Error(`segment ${row.segmentKey} of run ${row.runId}: stored centroid is not a list of numbers`);
  return { ...row, centroid: parsed.data };
}

/** A run's segments with their centroids, in key order. */
export async function listRunPersonas(runId: number): Promise<StoredSegment[]> {
  const rows = await db.segmentProfile.findMany({ where: { runId }, orderBy: { segmentKey: "asc" }, select: SEGMENT_FIELDS });
  return rows.map(withCentroid);
}

/**
 * The latest profile of every persona an activated run other than `activeRunId` showed and the
 * active run does not, most recently seen first. Rejected runs were never shown, so they leave none.
 */
export async function listAbsentSegments(activeRunId: number | null): Promise<StoredSegment[]> {
  const activeKeys =
    activeRunId === null
      ? []
      : (await db.segmentProfile.findMany({ where: { runId: activeRunId }, select: { segmentKey: true } })).map((row) => row.segmentKey);
  const rows = await db.segmentProfile.findMany({
    where: { run: { activations: { some: {} } }, segmentKey: { notIn: activeKeys }, ...(activeRunId === null ? {} : { runId: { not: activeRunId } }) },
    orderBy: [{ runId: "desc" }, { segmentKey: "asc" }],
    select: SEGMENT_FIELDS,
  });
  const latest = new Map<number, StoredSegment>();
  for (const row of rows) if (!latest.has(row.segmentKey)) latest.set(row.segmentKey, withCentroid(row));
  return [...latest.values()];
}

/** The largest segment key any run gave, -1 when none: a new persona's key is never one used before. */
export async function getLargestSegmentKey(): Promise<number> {
  const { _max } = await db.segmentProfile.aggregate({ _max: { segmentKey: true } });
  return _max.segmentKey ?? -1;
}
