import { describe, expect, test } from "vitest";
import { assignSegments, fitSegmentation, SPACE_NAMES, type SegmentationModel } from "@/lib/ml/segmentation";
import { pickSpace } from "@/lib/ml/segmentation/compareSpaces";
import { blobs, samePartition } from "./blobs";

// Three well-separated blobs in 6-D, 60 rows each.
const CENTRES = [
  [4, 0, 0, 4, 0, 0],
  [0, 4, 0, 0, 4, 0],
  [0, 0, 4, 0, 0, 4],
];
const { matrix, groups } = blobs(CENTRES, 60, 0.6, 1);

describe("segmentation run", () => {
  let model: SegmentationModel;

  test("picks k = 3 on three blobs and recovers them", async () => {
    model = await fitSegmentation(matrix, { seed: 1, spaces: ["standardized", "pca"], kMin: 2, kMax: 6 });
    expect(model.k).toBe(3);
    expect(samePartition(model.labels, groups)).toBe(true);
    expect(model.curve.map((point) => point.k)).toEqual([2, 3, 4, 5, 6]);
    const best = model.curve.reduce((a, b) => (b.silhouette > a.silhouette ? b : a));
    expect(best.k).toBe(3);
    for (let i = 1; i < model.curve.length; i++) expect(model.curve[i].inertia).toBeLessThan(model.curve[i - 1].inertia);
  });

  test("the chosen k's point on the curve is the run's silhouette when nothing is sampled", () => {
    const chosen = model.spaces.find((space) => space.space === model.space)!;
    expect(model.curve.find((point) => point.k === model.k)!.silhouette).toBe(chosen.standardized.silhouette);
    expect(model.selection.curveSilhouetteIn).toBe("standardized");
    expect(model.kChoice).toMatchObject({ fixed: false, kMin: 2, kMax: 6, minShare: 0.05, minStability: 0.8, resamples: 5, resampleFraction: 0.8 });
    expect(model.kChoice.reason).toMatch(/^k = 3: the best-separated of the k from 2 to 6/);
    expect(model.curve.find((point) => point.k === 3)!.minShare).toBeCloseTo(1 / 3, 12);
  });

  test("reports every space compared in the standardized space", () => {
    expect(model.spaces.map((space) => space.space)).toEqual(["standardized", "pca"]);
    expect(model.spaces.find((space) => space.space === "pca")!.dimensions).toBeLessThan(6);
    expect(model.selection.comparedIn).toBe("standardized");
    expect(model.selection).toMatchObject({ kSampled: false, kSampleSize: 180, silhouetteSampled: false, silhouetteSampleSize: 180 });
  });

  test("centroids in the standardized space are the members' means", () => {
    for (let j = 0; j < model.k; j++) {
      const members = Array.from(model.labels.keys()).filter((i) => model.labels[i] === j);
      for (let c = 0; c < matrix.columns; c++) {
        const mean = members.reduce((sum, i) => sum + matrix.data[i * matrix.columns + c], 0) / members.length;
        expect(model.standardizedCentroids[j][c]).toBeCloseTo(mean, 10);
      }
    }
  });

  test("gives 2-D and 3-D plot coordinates for every row", () => {
    expect(model.plot.coordinates2d).toHaveLength(2 * matrix.rows);
    expect(model.plot.coordinates3d).toHaveLength(3 * matrix.rows);
    expect(model.plot.coordinates3d[3]).toBe(model.plot.coordinates2d[2]);
  });

  test("assignSegments maps the training rows to their own segments", () => {
    expect(assignSegments(model, matrix)).toEqual(model.labels);
  });

  test("chooses k on a sample when the data is larger than selectionRows", async () => {
    const sampled = await fitSegmentation(matrix, { seed: 1, spaces: ["standardized"], kMax: 5, selectionRows: 90, silhouetteSampleSize: 60 });
    expect(sampled.selection).toMatchObject({ kSampled: true, kSampleSize: 90, silhouetteSampled: true, silhouetteSampleSize: 60 });
    expect(sampled.k).toBe(3);
    expect(sampled.labels).toHaveLength(180);
  });
});

describe("k set by an administrator", () => {
  test("a fixed k is used in every space, and the reason says it was fixed", async () => {
    const fixed = await fitSegmentation(matrix, { seed: 1, spaces: ["standardized", "pca"], fixedK: 4, kMax: 5 });
    expect(fixed.k).toBe(4);
    expect(fixed.spaces.map((space) => space.k)).toEqual([4, 4]);
    expect(new Set(fixed.labels).size).toBe(4);
    expect(fixed.kChoice.fixed).toBe(true);
    expect(fixed.kChoice.reason).toMatch(
      /^k = 4: fixed by an administrator, not chosen \(silhouette 0\.\d{3}, stability [01]\.\d\d, smallest segment [\d.]+%\)\.$/,
    );
    expect(fixed.curve.map((point) => point.k)).toEqual([3, 4, 5]);
  });
});

describe("whole selection with all three spaces", () => {
  const options = { seed: 7, kMax: 5, autoencoder: { maxEpochs: 15 } };

  test("the same seed gives the same segments, and new rows map through the chosen transform", async () => {
    const a = await fitSegmentation(matrix, options);
    const b = await fitSegmentation(matrix, options);
    expect(a.spaces.map((space) => space.space)).toEqual([...SPACE_NAMES]);
    expect(b.space).toBe(a.space);
    expect(b.k).toBe(a.k);
    expect(b.labels).toEqual(a.labels);
    expect(b.centroids).toEqual(a.centroids);
    expect(b.spaces).toEqual(a.spaces);
    expect(samePartition(a.labels, groups)).toBe(true);
    expect(assignSegments(a, matrix)).toEqual(a.labels);
  });

  test("the autoencoder fitted in a worker thread gives the space it gives fitted on this thread", async () => {
    const aside = await fitSegmentation(matrix, options);
    const here = await fitSegmentation(matrix, { ...options, workers: 1 });
    // The autoencoder space's curve holds inertias measured in its embedding: they match only if the embeddings do.
    expect(aside.spaces).toEqual(here.spaces);
    expect(aside.labels).toEqual(here.labels);
  });
});

describe("space choice rule", () => {
  const scores = (silhouette: number, daviesBouldin: number, calinskiHarabasz: number) => ({ silhouette, daviesBouldin, calinskiHarabasz });

  test.each([
    ["best on all three wins", [scores(0.5, 0.8, 100), scores(0.4, 0.9, 90), scores(0.3, 1.0, 80)], "standardized", [3, 6, 9]],
    ["two of three beat the best silhouette", [scores(0.5, 0.9, 90), scores(0.45, 0.8, 100), scores(0.3, 1.0, 80)], "pca", [5, 4, 9]],
    ["a rank-sum tie goes to the higher silhouette", [scores(0.4, 0.8, 100), scores(0.5, 0.9, 100), scores(0.3, 1.0, 80)], "pca", [4, 4, 9]],
    ["a full tie goes to the earlier space", [scores(0.5, 0.8, 100), scores(0.5, 0.8, 100), scores(0.5, 0.8, 100)], "standardized", [3, 3, 3]],
  ] as const)("%s", (_name, table, winner, rankSums) => {
    const result = pickSpace(SPACE_NAMES.map((space, i) => ({ space, scores: table[i] })));
    expect(result.space).toBe(winner);
    expect(result.rankSums).toEqual(rankSums);
  });
});

describe("option checks", () => {
  test.each([
    [{ seed: 1, spaces: [] }, /spaces is empty/],
    [{ seed: 1, kMin: 1 }, /kMin must be an integer ≥ 2/],
    [{ seed: 1, kMin: 4, kMax: 3 }, /kMax must be an integer ≥ kMin/],
    [{ seed: 1, minShare: 1 }, /minShare must be in \[0, 1\)/],
    [{ seed: 1, fixedK: 1 }, /fixedK must be an integer ≥ 2/],
  ])("rejects %o", async (options, message) => {
    await expect(fitSegmentation(matrix, options as never)).rejects.toThrow(message);
  });
});
