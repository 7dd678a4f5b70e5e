/**
 * Permutation feature importance: how much held-out ROC AUC drops when one feature's column
 * is shuffled. Measured on each fold's test part with that fold's model, so it reflects
 * generalisation rather than fit; correlated features share their importance.
 */
import type { CustomerRecord } from "@/lib/data/customer";
import { transformFeatures, type SummaryLookup } from "@/lib/ml/features";
import { createRng } from "@/lib/ml/random";
import { rocAuc } from "./metrics";
import { createScorer, type FittedResponseModel } from "./models";

export interface ImportanceOptions {
  seed: number;
  /** Shuffles per feature and fold. */
  repeats?: number;
  /** Test rows scored per fold (a seeded sample above this), to bound the cost on large files. */
  maxRowsPerFold?: number;
  summaries?: SummaryLookup;
}

export interface FeatureImportance {
  feature: string;
  /** Mean drop in AUC over folds and repeats (negative: shuffling did not hurt). */
  aucDrop: number;
  std: number;
}

export async function permutationImportance(
  records: readonly CustomerRecord[],
  labels: ArrayLike<number>,
  folds: Int32Array,
  foldModels: readonly FittedResponseModel[],
  options: ImportanceOptions,
): Promise<FeatureImportance[]> {
  const { repeats = 3, maxRowsPerFold = 2000 } = options;
  if (foldModels.length === 0) throw new Error("permutationImportance: no fold models");
  const rng = createRng(options.seed);
  const names = foldModels[0].pipeline.features;
  const drops: number[][] = names.map(() => []);
  for (const [fold, fitted] of foldModels.entries()) {
    let rows = [...folds.keys()].filter((i) => folds[i] === fold);
    if (rows.length > maxRowsPerFold)
      rows = rng
        .sample(rows.length, maxRowsPerFold)
        .sort((a, b) => a - b)
        .map((j) => rows[j]);
    const { matrix, columns } = transformFeatures(
      fitted.pipeline,
      rows.map((i) => records[i]),
      options,
    );
    const foldLabels = rows.map((i) => labels[i]);
    const scorer = await createScorer(fitted.parameters);
    try {
      const baseline = rocAuc(foldLabels, scorer.predict(matrix, columns));
      const original = new Float64Array(rows.length);
      for (let j = 0; j < columns; j++) {
        for (let i = 0; i < rows.length; i++) original[i] = matrix[i * columns + j];
        for (let r = 0; r < repeats; r++) {
          const permutation = rng.shuffle([...original.keys()]);
          for (let i = 0; i < rows.length; i++) matrix[i * columns + j] = original[permutation[i]];
          drops[j].push(baseline - rocAuc(foldLabels, scorer.predict(matrix, columns)));
        }
        for (let i = 0; i < rows.length; i++) matrix[i * columns + j] = original[i];
      }
    } finally {
      scorer.dispose();
    }
  }
  return names
    .map((feature, j) => {
      const mean = drops[j].reduce((a, b) => a + b, 0) / drops[j].length;
      const variance = drops[j].reduce((a, b) => a + (b - mean) ** 2, 0) / drops[j].length;
      return { feature, aucDrop: mean, std: Math.sqrt(variance) };
    })
    .sort((a, b) => b.aucDrop - a.aucDrop || a.feature.localeCompare(b.feature));
}
