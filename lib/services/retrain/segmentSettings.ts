/**
 * The administrator's segment settings (Admin page) under what a retrain request names itself,
 * field by field, so the schedule, "Retrain now" and the CLI train alike; written into the
 * run's stored config.
 */
import "server-only";
import { getSegmentSettings } from "@/lib/db/settings";
import type { RetrainConfig } from "./runRetrain";

export async function withSegmentSettings(config: RetrainConfig): Promise<RetrainConfig> {
  const { kMin, kMax, minShare, fixedK } = await getSegmentSettings();
  const merged = { kMin, kMax, minShare, fixedK, ...withoutUndefined(config) };
  // A request that lowers only kMax (a light test run) keeps a range instead of failing on the setting's kMin.
  return { ...merged, kMin: Math.min(merged.kMin, merged.kMax) };
}

function withoutUndefined<T extends object>(options: T): T {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) as T;
}
