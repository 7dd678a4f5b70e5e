/** What trainAll takes and returns: plain data, so runs can be stored and compared. */
import type { CustomerRecord } from "@/lib/data/customer";
import type { SegmentClassifierModel } from "@/lib/ml/assignment/model";
import type { ClvModel } from "@/lib/ml/clv";
import type { DriftColumn, DriftReference } from "@/lib/ml/drift";
import type { FeaturePipeline } from "@/lib/ml/features";
import type { AttributePipeline } from "@/lib/ml/features/attributes";
import type { OrderFeaturePipeline } from "@/lib/ml/features/orderBehaviour";
import type { Persona } from "@/lib/ml/personas";
import type { ResponseReport, TrainedResponseModel } from "@/lib/ml/response";
import type { PcaModel, SegmentationModel, SpaceName } from "@/lib/ml/segmentation";
import type { OrderLines } from "@/lib/data/orderTable";

export interface TrainData {
  customers: readonly CustomerRecord[];
  /** Order lines, when there are any: the CLV summary is then exact instead of approximated from profiles. */
  orders?: OrderLines;
}

export interface TrainConfig {
  seed: number;
  /** The date ages, tenures and recencies are measured at; inferred from the data when absent (see snapshot.ts). */
  snapshotDate?: string;
  /** Upper bound of k. Default 8. */
  kMax?: number;
  /** Lower bound of k. Default 3 (or kMax when lower). */
  kMin?: number;
  /** Share of customers every segment must hold for its k to be chosen. Default 0.05. */
  minShare?: number;
  /** k set by an administrator instead of chosen; null or absent: chosen (see lib/ml/segmentation/kRule.ts). */
  fixedK?: number | null;
  /** Spaces to compare. Default all three. */
  spaces?: SpaceName[];
  /** Cross-validation folds for the response models. Default 5. */
  folds?: number;
  /** Run the random-search tuner for the segment classifier. Default false. */
  tuneClassifier?: boolean;
  costPerContact?: number;
  revenuePerResponse?: number;
  /** Custom profile attributes to segment on as well, as chosen by an analyst (absent: none). */
  attributeFeatures?: string[];
  /** holdoutWeeks: the CLV backtest's hold-out (default: the last quarter of the order history, at least 8 weeks). */
  clv?: { horizonMonths?: number; monthlyDiscountRate?: number; margin?: number; draws?: number; holdoutWeeks?: number };
  onProgress?: (stage: string, progress: number) => void;
}

export interface TrainedModels {
  version: 1;
  seed: number;
  snapshotDate: string;
  features: FeaturePipeline;
  /** Set when segmentation clustered on order-line behaviour instead of the profile pipeline; absent in older runs. */
  orderFeatures?: OrderFeaturePipeline | null;
  /** Custom attributes appended to the segmentation matrix; absent or null when none were chosen. */
  attributeFeatures?: AttributePipeline | null;
  segmentation: Omit<SegmentationModel, "labels" | "plot"> & { plotPca: PcaModel };
  classifier: SegmentClassifierModel | null;
  response: TrainedResponseModel | null;
  /** `model` is fitted on the primary source; `profileModel` scores customers known only from profiles when orders are primary. */
  clv: {
    model: ClvModel;
    source: "orders" | "profiles";
    profileModel?: ClvModel | null;
    options: Required<Omit<NonNullable<TrainConfig["clv"]>, "holdoutWeeks">>;
  } | null;
}

/** Per customer, in input order; NaN where a model did not score that customer. */
export interface CustomerScores {
  externalIds: string[];
  segment: Int32Array;
  /** rows × k, row-major. */
  segmentProbabilities: Float64Array | null;
  responseProbability: Float64Array;
  clv: Float64Array;
  clvLow: Float64Array;
  clvHigh: Float64Array;
  pAlive: Float64Array;
  expectedPurchases: Float64Array;
  historicalClv: Float64Array;
  /** Why a customer has no response probability (no model, missing inputs, outside the training range); null when scored. */
  responseNote: (string | null)[];
  /** Where a customer's CLV comes from: exact from order lines, approximated from profile fields; null when none. */
  clvSource: (ClvSource | null)[];
  /** Why a customer has no CLV; null when it has one. */
  clvNote: (string | null)[];
  /** rows × 3, row-major: the first three principal components. */
  pca: Float64Array;
}

export type ClvSource = "orders" | "profiles";
/** What segmentation clustered on: the marketing profile's fields or the order lines' behaviour. */
export type FeatureSource = "profile" | "orders";

/** How many customers got a CLV from each source, and why the others got none. */
export interface ClvCoverage {
  customers: number;
  orders: number;
  profiles: number;
  none: number;
  reasons: { reason: string; count: number }[];
}

export interface TrainMetrics {
  segmentation: {
    k: number;
    /** Absent in runs trained before order-line features existed (then "profile"). */
    source?: FeatureSource;
    /** Plain-words cautions, e.g. segments from few customers are fragile. */
    warnings?: string[];
    space: SpaceName;
    silhouette: number;
    /** Of the chosen k, on the selection sample; absent in runs trained before it was measured. */
    stability?: number;
    /** The smallest segment's share of the customers segmented; absent in older runs. */
    minShare?: number;
    /** Why this k; absent in older runs. */
    kChoice?: SegmentationModel["kChoice"];
    daviesBouldin: number;
    calinskiHarabasz: number;
    spaces: SegmentationModel["spaces"];
    curve: SegmentationModel["curve"];
    selection: SegmentationModel["selection"];
  };
  /**
   * `rows` it trained on, `validationRows` for early stopping and `testRows` held out for the accuracy, out of `customers`:
   * large data trains on a seeded stratified sample (lib/ml/assignment/split.ts). Runs before the sample kept only `rows`.
   */
  classifier: { heldOutAccuracy: number; epochs: number; rows: number; validationRows?: number; testRows?: number; customers?: number } | null;
  response: (Omit<ResponseReport, "models" | "timings"> & { cvAuc: Partial<Record<string, number>>; brier: number }) | null;
  clv: {
    source: "orders" | "profiles";
    bgnbd: { r: number; alpha: number; a: number; b: number; logLikelihood: number };
    gammaGamma: { p: number; q: number; gamma: number; n: number } | null;
    scored: number;
    excluded: number;
    notes: string[];
    /** Absent in runs trained before mixed sources. */
    coverage?: ClvCoverage;
    /** How the model, refitted without the last part of the order history, predicted that part; absent in older runs. */
    backtest?: ClvBacktestOutcome;
  } | null;
}

/** The CLV backtest of a run, or why there is none (profiles only, too short a history, too few repeat buyers). */
export type ClvBacktestOutcome = ({ status: "done" } & ClvBacktest) | { status: "unavailable"; reason: string };

/** Calibration period: order history up to `calibrationEnd`; hold-out: from then to `holdoutEnd`. */
export interface ClvBacktest {
  calibrationEnd: string;
  holdoutEnd: string;
  holdoutWeeks: number;
  /** Customers with a first purchase in the calibration period: the ones the backtest scores. */
  customers: number;
  /** Customers whose first purchase is in the hold-out: not scored, there is nothing to predict them from. */
  newInHoldout?: number;
  /** Repeat purchases in the hold-out period, summed over those customers. */
  predictedPurchases: number;
  actualPurchases: number;
  /** Hold-out revenue of those customers: predicted (purchases × expected spend per purchase) and actual (net of returns); absent in older runs. */
  predictedRevenue?: number;
  actualRevenue?: number;
  /** Lifetimes' calibration-versus-holdout chart: mean hold-out purchases per calibration frequency 0, 1, …, 5 and "6+". */
  byFrequency: { frequency: string; customers: number; predicted: number; actual: number }[];
  /** Mean absolute error of hold-out purchases per customer, the model's and the naive baseline's (past purchase rate × hold-out length). */
  mae: number;
  baselineMae: number;
  /** Spearman rank correlation of predicted hold-out value with actual hold-out spend. */
  spearman: number;
  /** Share of hold-out revenue from the top 10% of customers ranked by predicted value, and by past spend. */
  topDecileShare: { byPredicted: number; byPastSpend: number };
  /** Plain-words grade for the executive summary. */
  grade: { level: "good" | "fair" | "poor"; sentence: string };
}

export interface TrainResult {
  models: TrainedModels;
  scores: CustomerScores;
  personas: Persona[];
  metrics: TrainMetrics;
  /** Reference statistics of this training snapshot, for the next run's drift. */
  reference: DriftReference;
  /** The columns `reference` was measured on: this snapshot's side when it is compared with the active run's reference. */
  driftColumns: DriftColumn[];
  skipped: { model: string; reason: string }[];
  /** Milliseconds per stage. */
  timings: Record<string, number>;
}
