/** The deployed models: the feature pipeline and each given learner refitted on all labelled customers. */
import type { CustomerRecord } from "@/lib/data/customer";
import { fitFeaturePipeline, transformFeatures, type FeatureName, type SummaryLookup } from "@/lib/ml/features";
import { createRng } from "@/lib/ml/random";
import { fitLearner, type FittedResponseModel, type LearnerOptions, type ResponseModelKind } from "./models";

export interface FinalFitOptions extends LearnerOptions {
  kinds: readonly ResponseModelKind[];
  features: readonly FeatureName[];
  snapshotDate: Date | string;
  seed: number;
  summaries?: SummaryLookup;
}

/** Fits one pipeline shared by all kinds, then each learner; adds `final_*` entries to timings. */
export async function fitFinalModels(
  records: readonly CustomerRecord[],
  labels: ArrayLike<number>,
  options: FinalFitOptions,
  timings: Record<string, number>,
): Promise<Partial<Record<ResponseModelKind, FittedResponseModel>>> {
  const rng = createRng(options.seed);
  let started = performance.now();
  const pipeline = fitFeaturePipeline(records, {
    snapshotDate: options.snapshotDate,
    features: options.features,
    seed: options.seed,
    summaries: options.summaries,
  });
  const data = transformFeatures(pipeline, records, options);
  timings.final_features = Math.round(performance.now() - started);
  const models: Partial<Record<ResponseModelKind, FittedResponseModel>> = {};
  for (const kind of options.kinds) {
    started = performance.now();
    models[kind] = { kind, pipeline, parameters: await fitLearner(kind, data, labels, rng.seed(), options) };
    timings[`final_${kind}`] = Math.round(performance.now() - started);
  }
  return models;
}
