/**
 * What the launcher and a retrain job process say to each other over Node's IPC channel: one
 * command in, then typed reports out. No output is parsed.
 */
import { z } from "zod";
import { SPACE_NAMES } from "@/lib/ml/segmentation/spaces";
import type { RetrainOutcome } from "@/lib/services/retrain/runRetrain";

/** The training knobs a caller may set (a subset of RetrainConfig). */
export const retrainConfig = z.strictObject({
  kMax: z.number().int().min(2).optional(),
  spaces: z.array(z.enum(SPACE_NAMES)).min(1).optional(),
  folds: z.number().int().min(2).optional(),
});

export const retrainPayload = z.object({
  trigger: z.enum(["CRON", "MANUAL", "CLI"]),
  requestedById: z.string().nullable(),
  seed: z.number().int().min(0).optional(),
  config: retrainConfig.optional(),
  queuedRunId: z.number().int().positive().optional(),
});
export type RetrainPayload = z.infer<typeof retrainPayload>;

export interface RunCommand {
  type: "run";
  payload: RetrainPayload;
}

export type JobReport =
  | { type: "started"; runId: number }
  | { type: "busy"; runId: number }
  | { type: "progress"; runId: number; stage: string; progress: number }
  | { type: "finished"; outcome: RetrainOutcome };
