/**
 * What the "How many segments" panel says about a run's choice of k: why this k, and whether
 * the silhouette on the curve at that k is the run's headline silhouette or why it is not.
 * Runs stored before a measure existed get the older wording, never a made-up number.
 */
import type { StoredMetrics } from "@/lib/runs/storedRun";

type StoredSegmentation = StoredMetrics["segmentation"];

/** One sentence: the rule's own reason, or for older runs what their rule was. */
export function explainKChoice(segmentation: StoredSegmentation): string {
  if (segmentation.kChoice?.reason) return segmentation.kChoice.reason;
  return `k = ${segmentation.k}: the highest silhouette among the k whose smallest segment holds at least 5% of customers (this run predates the stability measure).`;
}

/**
 * null when the chosen k's point on the curve is the headline silhouette (same labels, same rows,
 * same space); otherwise the sentence saying why the two differ.
 */
export function explainSilhouetteDifference(segmentation: StoredSegmentation): string | null {
  const point = segmentation.curve.find((p) => p.k === segmentation.k);
  const { selection } = segmentation;
  if (!point || point.silhouette === null || segmentation.silhouette === null) return null;
  const values = `${point.silhouette.toFixed(3)} on the curve, ${segmentation.silhouette.toFixed(3)} for the run`;
  if (selection.curveSilhouetteIn !== "standardized") {
    return `The silhouettes differ (${values}): in this run the curve was measured in the ${segmentation.space} space, the run's silhouette in the standardized space where the spaces are compared; later runs measure both there.`;
  }
  if (!selection.kSampled) return null;
  const scored = selection.silhouetteSampled ? `, scored on a seeded sample of ${selection.silhouetteSampleSize?.toLocaleString("en-US")}` : "";
  return `The silhouettes can differ (${values}): k was chosen on a seeded sample of ${selection.kSampleSize?.toLocaleString("en-US")} customers, the run's silhouette is of the final segments of all customers${scored}.`;
}
