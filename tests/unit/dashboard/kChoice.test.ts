import { describe, expect, test } from "vitest";
import { explainKChoice, explainSilhouetteDifference } from "@/lib/dashboard/kChoice";
import type { StoredMetrics } from "@/lib/runs/storedRun";

type Segmentation = StoredMetrics["segmentation"];

const selection = { rule: "", comparedIn: "standardized" as const, kSampleSize: 2240, kSampled: false, silhouetteSampleSize: 2240, silhouetteSampled: false };
const segmentation = (overrides: Partial<Segmentation>): Segmentation => ({
  k: 3,
  space: "pca",
  silhouette: 0.164,
  daviesBouldin: 1.9,
  calinskiHarabasz: 400,
  spaces: [],
  curve: [
    { k: 3, inertia: 100, silhouette: 0.164, stability: 0.92, minShare: 0.28 },
    { k: 4, inertia: 90, silhouette: 0.128, stability: 0.91, minShare: 0.19 },
  ],
  selection: { ...selection, curveSilhouetteIn: "standardized" },
  ...overrides,
});

describe("the How many segments panel's sentences", () => {
  test("the rule's own reason is shown; an older run says what its rule was", () => {
    expect(
      explainKChoice(
        segmentation({
          kChoice: { reason: "k = 3: because.", fixed: false, kMin: 3, kMax: 8, minShare: 0.05, minStability: 0.8, resamples: 5, resampleFraction: 0.8 },
        }),
      ),
    ).toBe("k = 3: because.");
    expect(explainKChoice(segmentation({}))).toMatch(/^k = 3: the highest silhouette .* predates the stability measure/);
  });

  test("no note when the chosen k's point is the run's silhouette", () => {
    expect(explainSilhouetteDifference(segmentation({}))).toBeNull();
  });

  test("k chosen on a sample: the note names both numbers and the sample", () => {
    const sampled = segmentation({
      silhouette: 0.158,
      selection: { ...selection, kSampled: true, kSampleSize: 10_000, silhouetteSampled: true, silhouetteSampleSize: 5_000, curveSilhouetteIn: "standardized" },
    });
    expect(explainSilhouetteDifference(sampled)).toBe(
      "The silhouettes can differ (0.164 on the curve, 0.158 for the run): k was chosen on a seeded sample of 10,000 customers, the run's silhouette is of the final segments of all customers, scored on a seeded sample of 5,000.",
    );
  });

  test("an older run whose curve was measured in its own space says why the numbers differ", () => {
    const older = segmentation({ silhouette: 0.279, curve: [{ k: 3, inertia: 100, silhouette: 0.318 }], selection });
    expect(explainSilhouetteDifference(older)).toBe(
      "The silhouettes differ (0.318 on the curve, 0.279 for the run): in this run the curve was measured in the pca space, the run's silhouette in the standardized space where the spaces are compared; later runs measure both there.",
    );
  });
});
