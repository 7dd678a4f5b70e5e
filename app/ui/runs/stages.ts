/** What each stage a run reports (runRetrain.ts, trainAll.ts) means to a reader. */
const STAGE_LABELS: Record<string, string> = {
  snapshot: "Reading the customer snapshot",
  summaries: "Summarising purchases",
  features: "Building features",
  segmentation: "Segmenting customers",
  classifier: "Training the segment classifier",
  response: "Training the response models",
  clv: "Fitting lifetime value",
  clvBacktest: "Backtesting lifetime value on held-out weeks",
  personas: "Describing the segments",
  evaluate: "Comparing with the active run",
  write: "Saving segments and scores",
};

export function labelStage(stage: string | null, progress: number): string {
  if (!stage) return "Starting";
  // trainAll reports "done" at the end of training, runRetrain once everything is written.
  if (stage === "done") return progress >= 1 ? "Finished" : "Training finished";
  return STAGE_LABELS[stage] ?? stage;
}

export const FINISHED_STATUSES = ["SUCCEEDED", "REJECTED", "FAILED"] as const;
