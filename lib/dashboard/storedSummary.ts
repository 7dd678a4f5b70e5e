/**
 * A run's summary as stored (toJson turned NaN into null). Runs written before a field was
 * added lack it, so every later field is optional here and pages say "retrain to see this".
 */
import type { Stored } from "@/lib/runs/storedRun";
import type { RunSummary, SegmentSummary } from "@/lib/runs/summary";
import type { StoredRunCampaign } from "./storedCampaign";

type Added<T, K extends keyof T> = Omit<T, K> & Partial<Pick<T, K>>;

export type StoredSegmentSummary = Added<Stored<SegmentSummary>, "distributions" | "clvCoverage" | "responseCoverage">;
export type StoredRunSummary = Added<Stored<Omit<RunSummary, "segments" | "campaign">>, "pcaSample" | "clvCoverage" | "responseCoverage"> & {
  campaign?: StoredRunCampaign | null;
  segments: StoredSegmentSummary[];
};

export function readSummary(summary: unknown): StoredRunSummary | null {
  if (!summary || typeof summary !== "object" || !Array.isArray((summary as { segments?: unknown }).segments)) return null;
  return summary as StoredRunSummary;
}

/** Change from the previous value; null when either is unknown. */
export function computeChange(current: number | null | undefined, previous: number | null | undefined): number | null {
  return typeof current === "number" && typeof previous === "number" ? current - previous : null;
}
