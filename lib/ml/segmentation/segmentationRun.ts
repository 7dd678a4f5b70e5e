/**
 * The segmentation run: for each space, k chosen on a seeded sample by separation and stability
 * (chooseK.ts, kRule.ts), then k-means on every row; the spaces compared in the standardized space (see compareSpaces);
 * the winner's labels and centroids, its transform for new rows, and PCA plot coordinates.
 */
import { FunctionWorker } from "@/lib/ml/functionWorker";
import { createRng } from "@/lib/ml/random";
import { fitAutoencoderSample, sampleAutoencoderRows, type AutoencoderModel, type AutoencoderOptions, type AutoencoderSample } from "./autoencoder";
import { chooseK, type KChoice, type KChoiceSummary, type KCurvePoint } from "./chooseK";
import { pickSpace, scoreInStandardized, SPACE_RULE, type StandardizedScores } from "./compareSpaces";
import { fitKmeans, type KmeansResult } from "./kmeans";
import { K_RULE_DEFAULTS } from "./kRule";
import type { StabilityOptions } from "./kStability";
import { groupMeans, selectRows, toDense, toRows, type DenseMatrix, type MatrixInput } from "./matrix";
import { fitPca } from "./pca";
import { computePlotCoordinates, type PlotCoordinates } from "./plot";
import { silhouettes, type SilhouetteResult } from "./silhouette";
import { embed, SPACE_NAMES, type SpaceName, type SpaceTransform } from "./spaces";

export interface SegmentationOptions {
  seed: number;
  /** Spaces to try. Default all: standardized, pca, autoencoder. */
  spaces?: readonly SpaceName[];
  /** Default 3, or kMax when that is lower. */
  kMin?: number;
  /** Default 8. */
  kMax?: number;
  /** Every segment must hold at least this share of the rows for its k to be chosen. Default 0.05. */
  minShare?: number;
  /** Stability a k must reach to be preferred (see kRule.ts). Default 0.8. */
  minStability?: number;
  /** Use this k in every space instead of choosing (an administrator's setting); null or absent: choose. */
  fixedK?: number | null;
  /** Subsamples for the stability of each k. Default 5 × 80%, 2 restarts each. */
  stability?: Omit<StabilityOptions, "seed">;
  /** k-means restarts, for the k choice and the final fit. Default 10. */
  restarts?: number;
  /** k is chosen on a seeded sample of at most this many rows. Default 10,000. */
  selectionRows?: number;
  /** Silhouettes are computed on a seeded sample of at most this many rows. Default 5,000. */
  silhouetteSampleSize?: number;
  /** Share of variance the pca space keeps. Default 0.9. */
  pcaVarianceToKeep?: number;
  /** Autoencoder settings (its seed is derived from `seed`). */
  autoencoder?: Omit<AutoencoderOptions, "seed">;
  /**
   * Worker threads for the final k-means fits (see fitKmeans). Default "auto". Unless 1, the
   * autoencoder is also fitted in a worker thread while this one chooses k in the other spaces.
   */
  workers?: number | "auto";
}

export interface SpaceReport {
  space: SpaceName;
  dimensions: number;
  k: number;
  /** Elbow curve on the selection sample in this space; silhouettes of those labels in the standardized space. */
  curve: KCurvePoint[];
  /** Why this space's k, in one sentence. */
  kReason: string;
  /** This space's final labels scored in the standardized space: what the spaces are compared on. */
  standardized: StandardizedScores;
  rankSum: number;
}

export interface SegmentationModel {
  kind: "segmentation";
  seed: number;
  space: SpaceName;
  k: number;
  /** Segment of every input row. */
  labels: Int32Array;
  /** k-means centroids in the chosen space (what assignSegments matches against). */
  centroids: number[][];
  /** Mean standardized features of each segment's members (for personas and matching). */
  standardizedCentroids: number[][];
  /** k-means inertia in the chosen space, all rows. */
  inertia: number;
  /** Maps new standardized rows into the chosen space. */
  transform: SpaceTransform;
  /** Curve of the chosen space (same as its row in `spaces`). */
  curve: KCurvePoint[];
  /** The rule that chose k in the chosen space, and why. */
  kChoice: KChoiceSummary;
  spaces: SpaceReport[];
  selection: {
    rule: string;
    comparedIn: "standardized";
    kSampleSize: number;
    kSampled: boolean;
    silhouetteSampleSize: number;
    silhouetteSampled: boolean;
    /** Where the curve's silhouettes were measured; absent in runs from before they were measured in the standardized space (then in each space). */
    curveSilhouetteIn?: "standardized";
  };
  plot: PlotCoordinates;
  /** Milliseconds per stage. */
  timings: Record<string, number>;
}

export async function fitSegmentation(input: MatrixInput, options: SegmentationOptions): Promise<SegmentationModel> {
  const started = performance.now();
  const standardized = toDense(input, "fitSegmentation");
  const settings = checkOptions(options, standardized.rows);
  const rng = createRng(settings.seed);
  // Stage seeds are drawn in a fixed order so choosing fewer spaces does not change the others.
  const seeds = { sample: rng.seed(), silhouette: rng.seed(), autoencoder: rng.seed(), kmeans: rng.seed(), stability: rng.seed() };
  const timings: Record<string, number> = {};
  const time = async <T>(stage: string, work: () => T | Promise<T>): Promise<T> => {
    const from = performance.now();
    const result = await work();
    timings[stage] = Math.round(performance.now() - from);
    return result;
  };

  const fullPca = await time("pca", () => fitPca(standardized, { components: standardized.columns }));
  const kSampled = standardized.rows > settings.selectionRows;
  const sampleRows = kSampled
    ? createRng(seeds.sample)
        .sample(standardized.rows, settings.selectionRows)
        .sort((a, b) => a - b)
    : null;
  const silhouetteSampling = { sampleSize: settings.silhouetteSampleSize, seed: seeds.silhouette };
  const autoencoder = { ...settings.autoencoder, seed: seeds.autoencoder };
  const standardizedSample = sampleRows ? selectRows(standardized, sampleRows) : standardized;

  const autoencoderModel = settings.spaces.includes("autoencoder") && settings.workers !== 1 ? fitAutoencoderAside(standardized, autoencoder) : undefined;
  const fits: SpaceFit[] = [];
  for (const space of settings.spaces) {
    const { transform, matrix } = await time(`${space}.embed`, () =>
      embed(space, standardized, { fullPca, pcaVarianceToKeep: settings.pcaVarianceToKeep, autoencoder, autoencoderModel }),
    );
    const choice = await time(`${space}.chooseK`, () =>
      chooseK(sampleRows ? selectRows(matrix, sampleRows) : matrix, {
        kMin: settings.kMin,
        kMax: settings.kMax,
        restarts: settings.restarts,
        seed: seeds.kmeans,
        silhouetteSampleSize: settings.silhouetteSampleSize,
        silhouetteSeed: seeds.silhouette,
        scoreIn: standardizedSample,
        minShare: settings.minShare,
        minStability: settings.minStability,
        fixedK: settings.fixedK,
        stabilitySeed: seeds.stability,
        stability: settings.stability,
      }),
    );
    timings[`${space}.chooseK.stability`] = choice.stabilityMs;
    // k chosen on every row: its fit and silhouette there are the final ones (same rows, seeds and sampling), so they are not computed twice.
    const kmeans = kSampled
      ? await time(`${space}.kmeans`, () => fitKmeans(matrix, { k: choice.k, restarts: settings.restarts, seed: seeds.kmeans, workers: settings.workers }))
      : { ...choice.fit, workers: 0 };
    fits.push({ space, transform, dimensions: matrix.columns, choice, kmeans });
  }
  // Every space's labels are scored on the same standardized rows and sample: their silhouettes share each pairwise distance.
  const compared = await time("compare", () => {
    const known = kSampled
      ? silhouettes(
          standardized,
          fits.map((fit) => fit.kmeans.labels),
          silhouetteSampling,
        )
      : fits.map((fit) => chosenSilhouette(fit.choice));
    return fits.map((fit, i) => ({ ...fit, scores: scoreInStandardized(standardized, fit.kmeans.labels, silhouetteSampling, known[i]) }));
  });

  const { space, rankSums } = pickSpace(compared);
  const chosen = compared.find((fit) => fit.space === space)!;
  const plot = await time("plot", () => computePlotCoordinates(fullPca, standardized));
  timings.total = Math.round(performance.now() - started);
  return {
    kind: "segmentation",
    seed: settings.seed,
    space,
    k: chosen.choice.k,
    labels: chosen.kmeans.labels,
    centroids: chosen.kmeans.centroids,
    standardizedCentroids: toRows(groupMeans(standardized, chosen.kmeans.labels, chosen.choice.k), chosen.choice.k, standardized.columns),
    inertia: chosen.kmeans.inertia,
    transform: chosen.transform,
    curve: chosen.choice.curve,
    kChoice: chosen.choice.summary,
    spaces: compared.map((fit, i) => ({
      space: fit.space,
      dimensions: fit.dimensions,
      k: fit.choice.k,
      curve: fit.choice.curve,
      kReason: fit.choice.summary.reason,
      rankSum: rankSums[i],
      standardized: { silhouette: fit.scores.silhouette, daviesBouldin: fit.scores.daviesBouldin, calinskiHarabasz: fit.scores.calinskiHarabasz },
    })),
    selection: {
      rule: SPACE_RULE,
      comparedIn: "standardized",
      kSampleSize: sampleRows ? sampleRows.length : standardized.rows,
      kSampled,
      silhouetteSampleSize: chosen.scores.sampleSize,
      silhouetteSampled: chosen.scores.sampled,
      curveSilhouetteIn: "standardized",
    },
    plot,
    timings,
  };
}

interface SpaceFit {
  space: SpaceName;
  transform: SpaceTransform;
  dimensions: number;
  choice: KChoice;
  kmeans: KmeansResult;
}

function chosenSilhouette(choice: KChoice): SilhouetteResult {
  const point = choice.curve.find((p) => p.k === choice.k)!;
  return { score: point.silhouette, sampled: choice.silhouetteSampled, sampleSize: choice.silhouetteSampleSize };
}

type Settings = Required<Omit<SegmentationOptions, "autoencoder" | "stability">> & {
  autoencoder: Omit<AutoencoderOptions, "seed">;
  stability: Omit<StabilityOptions, "seed">;
};

function checkOptions(options: SegmentationOptions, rows: number): Settings {
  const kMax = options.kMax ?? K_RULE_DEFAULTS.kMax;
  const settings: Settings = {
    spaces: SPACE_NAMES,
    kMin: Math.min(K_RULE_DEFAULTS.kMin, kMax),
    minShare: K_RULE_DEFAULTS.minShare,
    minStability: K_RULE_DEFAULTS.minStability,
    fixedK: null,
    stability: {},
    restarts: 10,
    selectionRows: 10_000,
    silhouetteSampleSize: 5_000,
    pcaVarianceToKeep: 0.9,
    autoencoder: {},
    workers: "auto",
    ...options,
    kMax,
  };
  const { spaces, kMin, selectionRows, silhouetteSampleSize, minShare, minStability, fixedK } = settings;
  if (spaces.length === 0) throw new Error("fitSegmentation: spaces is empty");
  const unknown = spaces.find((space) => !SPACE_NAMES.includes(space));
  if (unknown !== undefined) throw new Error(`fitSegmentation: unknown space ${unknown} (known: ${SPACE_NAMES.join(", ")})`);
  if (new Set(spaces).size !== spaces.length) throw new Error(`fitSegmentation: spaces repeats a name: ${spaces.join(", ")}`);
  if (!Number.isInteger(kMin) || kMin < 2) throw new Error(`fitSegmentation: kMin must be an integer ≥ 2, got ${kMin}`);
  if (!Number.isInteger(kMax) || kMax < kMin) throw new Error(`fitSegmentation: kMax must be an integer ≥ kMin (${kMin}), got ${kMax}`);
  if (!(minShare >= 0 && minShare < 1)) throw new Error(`fitSegmentation: minShare must be in [0, 1), got ${minShare}`);
  if (!(minStability >= 0 && minStability <= 1)) throw new Error(`fitSegmentation: minStability must be in [0, 1], got ${minStability}`);
  if (fixedK !== null && (!Number.isInteger(fixedK) || fixedK < 2)) throw new Error(`fitSegmentation: fixedK must be an integer ≥ 2, got ${fixedK}`);
  if (rows <= kMin) throw new Error(`fitSegmentation: ${rows} rows are too few for k ≥ ${kMin}`);
  if (!Number.isInteger(selectionRows) || selectionRows <= kMin)
    throw new Error(`fitSegmentation: selectionRows must be an integer > kMin, got ${selectionRows}`);
  const largestK = Math.max(kMax, fixedK ?? kMax);
  if (!Number.isInteger(silhouetteSampleSize) || silhouetteSampleSize <= largestK) {
    throw new Error(`fitSegmentation: silhouetteSampleSize must be an integer > the largest k (${largestK}), got ${silhouetteSampleSize}`);
  }
  return settings;
}

/**
 * The autoencoder fitted in a worker thread from now on, or on this thread if the worker cannot
 * start. Its own seed makes it the same model either way. The failure of a fit nobody awaits yet
 * is kept for its await rather than reported as unhandled.
 */
function fitAutoencoderAside(standardized: DenseMatrix, options: AutoencoderOptions): Promise<AutoencoderModel> {
  const fit = (async () => {
    // Only the sampled rows cross: at a million customers every row would be another 192 MB copy.
    const sample = sampleAutoencoderRows(standardized, options);
    const worker = new FunctionWorker<[AutoencoderSample, AutoencoderOptions], AutoencoderModel>("./segmentation/autoencoder.ts", "fitAutoencoderSample");
    try {
      return await worker.call(sample, options);
    } catch (error) {
      if (await worker.ready()) throw error;
      return fitAutoencoderSample(sample, options);
    } finally {
      await worker.terminate();
    }
  })();
  fit.catch(() => undefined);
  return fit;
}
