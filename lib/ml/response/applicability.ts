/**
 * Whether a response model may score a customer: it must have most of the model's inputs in
 * its own data (not imputed), and none of them far outside what the model was trained on. A
 * customer known only from order lines, or with a recency ten times the longest in training,
 * gets no probability and a reason, instead of a confident 0% or 100% from extrapolation.
 */
import type { CustomerRecord } from "@/lib/data/customer";
import { ALL_FEATURES, labelFeature, type FeaturePipeline, type SummaryLookup } from "@/lib/ml/features";
import { unscaleFeatures } from "@/lib/ml/features/pipeline";

/** Share of the model's inputs a customer must have: a partial profile is scored, order lines alone (about a tenth) are not. */
export const MIN_OBSERVED_INPUTS = 0.25;
/** How far beyond the training range, in training standard deviations, a value may lie. */
export const RANGE_MARGIN_SD = 1;

const WIDTH = ALL_FEATURES.length;
const format = (value: number) => (Math.abs(value) >= 100 ? Math.round(value).toLocaleString("en-US") : String(Math.round(value * 100) / 100));

/** Per customer, null when the model may score it, else why not; reasons carry no customer's own values, so they can be counted. */
export function assessResponseApplicability(pipeline: FeaturePipeline, records: readonly CustomerRecord[], summaries?: SummaryLookup): (string | null)[] {
  const { full } = unscaleFeatures(pipeline, records, summaries, true);
  const columns = pipeline.features.map((name) => (ALL_FEATURES as readonly string[]).indexOf(name));
  const needed = Math.ceil(columns.length * MIN_OBSERVED_INPUTS);
  return records.map((_, i) => {
    let observed = 0;
    let outside: string | null = null;
    columns.forEach((c, j) => {
      const value = full[i * WIDTH + c];
      if (Number.isNaN(value)) return;
      observed++;
      const range = pipeline.range;
      if (outside !== null || range === undefined) return;
      const margin = RANGE_MARGIN_SD * pipeline.scaler.std[j];
      if (value < range.min[j] - margin || value > range.max[j] + margin) {
        outside = `${labelFeature(pipeline.features[j]).label} far outside the range the response model was trained on (${format(range.min[j])} to ${format(range.max[j])})`;
      }
    });
    if (observed < needed) return `the profile has fewer than ${needed} of the ${columns.length} inputs the response model needs`;
    return outside;
  });
}
