/**
 * What the customer and campaign pages need of the active run: its id, its stored summary
 * (counts, the targeting aggregate and the recommended campaign) and its segments' names. Only
 * these columns are read: the run row also holds large JSON (reference statistics, drift) no
 * page here needs.
 */
import "server-only";
import type { TargetingAggregate } from "@/lib/campaign/targeting";
import type { StoredRunCampaign } from "@/lib/dashboard/storedCampaign";
import { db } from "./internal/client";
import { activationsUpTo } from "./runs";

export interface ActiveRunSummary {
  customers: number;
  expectedResponders: number | null;
  targeting?: TargetingAggregate;
  campaign?: StoredRunCampaign | null;
}

export interface SegmentName {
  segmentKey: number;
  name: string;
  color: string;
  size: number;
}

export interface ActiveRunView {
  id: number;
  finishedAt: Date | null;
  summary: ActiveRunSummary | null;
  segments: SegmentName[];
}

export async function getActiveRunView(): Promise<ActiveRunView | null> {
  const activation = await db.runActivation.findFirst({
    ...activationsUpTo(),
    select: {
      run: {
        select: {
          id: true,
          finishedAt: true,
          summary: true,
          segments: { orderBy: { segmentKey: "asc" }, select: { segmentKey: true, name: true, color: true, size: true } },
        },
      },
    },
  });
  if (!activation) return null;
  const { run } = activation;
  return { id: run.id, finishedAt: run.finishedAt, summary: run.summary as unknown as ActiveRunSummary | null, segments: run.segments };
}
