/**
 * Why the response model scored one customer as it did: each feature's contribution.
 * - logistic: coefficient × standardized value, on the log-odds scale (exact: they sum with
 *   the intercept to the model's log-odds);
 * - MLP: occlusion — the drop in calibrated probability when the feature is set to its
 *   training mean (0 once standardized), all else kept. Cheap (one batch of d + 1 rows) and
 *   easy to read, but it ignores interactions between features.
 */
import type { CustomerRecord } from "@/lib/data/customer";
import { transformFeatures, type SummaryLookup } from "@/lib/ml/features";
import { applyPlatt } from "./calibration";
import type { TrainedResponseModel } from "./index";
import { createPredictor } from "./models";

export interface FeatureContribution {
  feature: string;
  /** The customer's standardized value (0 = training mean). */
  standardized: number;
  contribution: number;
}

export interface ResponseExplanation {
  method: "coefficients" | "occlusion";
  /** The scale of `contribution`: log-odds for the logistic model, probability for occlusion. */
  scale: "log-odds" | "probability";
  contributions: FeatureContribution[];
}

export async function explainResponse(
  model: TrainedResponseModel,
  record: CustomerRecord,
  options: { summaries?: SummaryLookup } = {},
): Promise<ResponseExplanation> {
  const { matrix, names, columns } = transformFeatures(model.pipeline, [record], options);
  const byMagnitude = (contributions: FeatureContribution[]) => contributions.sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution));
  if (model.parameters.kind === "logistic") {
    const { coefficients } = model.parameters;
    return {
      method: "coefficients",
      scale: "log-odds",
      contributions: byMagnitude(names.map((feature, j) => ({ feature, standardized: matrix[j], contribution: coefficients[j] * matrix[j] }))),
    };
  }
  // Row 0 is the customer; row j + 1 is the customer with feature j at the training mean.
  const batch = new Float64Array((columns + 1) * columns);
  for (let row = 0; row <= columns; row++) {
    batch.set(matrix, row * columns);
    if (row > 0) batch[row * columns + row - 1] = 0;
  }
  const probabilities = applyPlatt(model.calibration, createPredictor(model.parameters)(batch, columns));
  return {
    method: "occlusion",
    scale: "probability",
    contributions: byMagnitude(names.map((feature, j) => ({ feature, standardized: matrix[j], contribution: probabilities[0] - probabilities[j + 1] }))),
  };
}
