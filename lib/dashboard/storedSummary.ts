/**
 * A run's summary as stored (toJson turned NaN into null). Runs written before a field was
 * added lack it, so every later field is optional here and pages say "retrain to see this".
 */
import { z } from "zod";
import { parseStored, runCampaign } from "@/lib/db/runJson";
import type { Stored } from "@/lib/runs/storedRun";
import type { RunSummary, SegmentSummary } from "@/lib/runs/summary";
import type { StoredRunCampaign } from "./storedCampaign";

type Added<T, K extends keyof T> = Omit<T, K> & Partial<Pick<T, K>>;

export type StoredSegmentSummary = Added<Stored<SegmentSummary>, "distributions" | "clvCoverage" | "responseCoverage">;
export type StoredRunSummary = Added<Stored<Omit<RunSummary, "segments" | "campaign">>, "pcaSample" | "clvCoverage" | "responseCoverage"> & {
  campaign?: StoredRunCampaign | null;
  segments: StoredSegmentSummary[];
};

const figure = z.number().nullable();
const segmentSummary = z.looseObject({
  segmentKey: z.number(),
  size: figure,
  averageIncome: figure,
  averageSpend: figure,
  averageClv: figure,
  averageResponse: figure,
  aliveShare: figure,
});
// The summary is large: the figures the pages print are checked, distributions, coverage and the PCA sample pass through as stored.
const summaryShape = z.looseObject({
  customers: figure,
  revenue: figure,
  expectedResponders: figure,
  campaign: runCampaign.nullable().optional().catch(undefined),
  segments: z.array(segmentSummary),
});
/** The passthrough fields are taken as the stored summary they were written as. */
export const storedRunSummary = summaryShape.transform((summary) => summary as unknown as StoredRunSummary);

export function readSummary(summary: unknown): StoredRunSummary | null {
  return parseStored(storedRunSummary, summary);
}

/** Change from the previous value; null when either is unknown. */
export function computeChange(current: number | null | undefined, previous: number | null | undefined): number | null {
  return typeof current === "number" && typeof previous === "number" ? current - previous : null;
}
