/** The personas earlier runs showed, for matching a new run's segments to their identities. */
import "server-only";
import { db } from "./internal/client";

export interface StoredSegment {
  runId: number;
  segmentKey: number;
  name: string;
  color: string;
  centroid: number[];
}

const SEGMENT_FIELDS = { runId: true, segmentKey: true, name: true, color: true, centroid: true } as const;

/** The active run's segments, in key order. */
export async function listRunSegments(runId: number): Promise<StoredSegment[]> {
  const rows = await db.segmentProfile.findMany({ where: { runId }, orderBy: { segmentKey: "asc" }, select: SEGMENT_FIELDS });
  return rows.map((row) => ({ ...row, centroid: row.centroid as number[] }));
}

/**
 * The latest profile of every persona an activated run other than `activeRunId` showed and the
 * active run does not, most recently seen first. Rejected runs were never shown, so they leave none.
 */
export async function listAbsentSegments(activeRunId: number | null): Promise<StoredSegment[]> {
  const activeKeys = activeRunId === null ? [] : (await db.segmentProfile.findMany({ where: { runId: activeRunId }, select: { segmentKey: true } })).map((row) => row.segmentKey);
  const rows = await db.segmentProfile.findMany({
    where: { run: { activations: { some: {} } }, segmentKey: { notIn: activeKeys }, ...(activeRunId === null ? {} : { runId: { not: activeRunId } }) },
    orderBy: [{ runId: "desc" }, { segmentKey: "asc" }],
    select: SEGMENT_FIELDS,
  });
  const latest = new Map<number, StoredSegment>();
  for (const row of rows) if (!latest.has(row.segmentKey)) latest.set(row.segmentKey, { ...row, centroid: row.centroid as number[] });
  return [...latest.values()];
}

/** The largest segment key any run gave, -1 when none: a new persona's key is never one used before. */
export async function getLargestSegmentKey(): Promise<number> {
  const { _max } = await db.segmentProfile.aggregate({ _max: { segmentKey: true } });
  return _max.segmentKey ?? -1;
}
