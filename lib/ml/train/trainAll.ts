/**
 * One training run over a customer snapshot: features → segmentation → segment classifier →
 * response models → CLV → personas, with per-customer scores, metrics, drift reference
 * statistics and per-stage timings. Models the data cannot support are skipped with the reason.
 */
import { fitSegmentClassifier } from "@/lib/ml/assignment/classifier";
import { predictSegmentProbabilities } from "@/lib/ml/assignment/model";
import { tuneSegmentClassifier } from "@/lib/ml/assignment/tuner";
import { referenceStats } from "@/lib/ml/drift";
import { fitFeaturePipeline, featureTable, SEGMENTATION_FEATURES, transformFeatures, type SummaryLookup } from "@/lib/ml/features";
import { describeSegments } from "@/lib/ml/personas";
import { fitResponseModels, InsufficientDataError, predictResponse, type ResponseReport } from "@/lib/ml/response";
import { fitSegmentation } from "@/lib/ml/segmentation";
import { createRng } from "@/lib/ml/random";
import { buildClvSummary, DEFAULT_CLV_OPTIONS, fitClvModel, historicalClvColumn, scoreClvColumns, summaryLookup } from "./clvStage";
import { driftColumns } from "./driftColumns";
import { inferSnapshotDate } from "./snapshot";
import type { CustomerScores, TrainConfig, TrainData, TrainedModels, TrainMetrics, TrainResult } from "./types";

const MIN_CUSTOMERS = 200;

export async function trainAll(data: TrainData, config: TrainConfig): Promise<TrainResult> {
  const { customers } = data;
  const orders = data.orders ?? [];
  if (customers.length < MIN_CUSTOMERS) throw new InsufficientDataError("segmentation", `fewer than ${MIN_CUSTOMERS} customers (${customers.length})`);
  const timings: Record<string, number> = {};
  const skipped: TrainResult["skipped"] = [];
  const progress = config.onProgress ?? (() => undefined);
  const rng = createRng(config.seed);
  const seeds = { segmentation: rng.seed(), classifier: rng.seed(), response: rng.seed(), clv: rng.seed() };
  const stage = async <T>(name: string, at: number, run: () => Promise<T> | T): Promise<T> => {
    progress(name, at);
    const started = performance.now();
    try {
      return await run();
    } finally {
      timings[name] = Math.round(performance.now() - started);
    }
  };
  const started = performance.now();

  const snapshotDate = config.snapshotDate ? new Date(config.snapshotDate) : inferSnapshotDate(customers, orders);
  const clvOptions = { ...DEFAULT_CLV_OPTIONS, ...config.clv };
  const clvSummary = await stage("summaries", 0.02, () => buildClvSummary(customers, orders, snapshotDate));
  const summaries: SummaryLookup | undefined = summaryLookup(clvSummary);

  const { pipeline, matrix } = await stage("features", 0.05, () => {
    const fitted = fitFeaturePipeline(customers, { snapshotDate, seed: config.seed, features: SEGMENTATION_FEATURES, summaries });
    return { pipeline: fitted, matrix: transformFeatures(fitted, customers, { summaries }) };
  });

  const segmentation = await stage("segmentation", 0.1, () =>
    fitSegmentation(
      { data: matrix.matrix, rows: matrix.rows, columns: matrix.columns },
      withoutUndefined({ seed: seeds.segmentation, kMax: config.kMax, spaces: config.spaces }),
    ),
  );
  const { labels, k } = segmentation;

  const classifier = await stage("classifier", 0.45, async () => {
    const hyperParameters = config.tuneClassifier
      ? (await tuneSegmentClassifier(matrix.matrix, labels, k, { seed: seeds.classifier })).best
      : undefined;
    const fit = await fitSegmentClassifier(matrix.matrix, labels, k, { seed: seeds.classifier, hyperParameters });
    return { fit, probabilities: predictSegmentProbabilities(fit.model, matrix.matrix) };
  });

  const response = await stage("response", 0.55, async () => {
    try {
      const report = await fitResponseModels(
        customers,
        withoutUndefined({
          snapshotDate, seed: seeds.response, folds: config.folds, summaries,
          costPerContact: config.costPerContact, revenuePerResponse: config.revenuePerResponse,
        }),
      );
      return { report, probabilities: predictResponse(report, customers, { summaries }) };
    } catch (error) {
      if (!(error instanceof InsufficientDataError)) throw error;
      skipped.push({ model: "response", reason: error.reason });
      return null;
    }
  });

  const clv = await stage("clv", 0.85, () => {
    if ("skipped" in clvSummary) {
      skipped.push({ model: "clv", reason: clvSummary.skipped });
      return null;
    }
    const model = fitClvModel(clvSummary);
    if (!model.bgnbd.converged || (model.gammaGamma && !model.gammaGamma.converged)) {
      skipped.push({ model: "clv", reason: `the ${model.bgnbd.converged ? "Gamma-Gamma" : "BG/NBD"} fit did not converge on this ${clvSummary.source === "orders" ? "order history" : "profile summary"}` });
      return null;
    }
    return { model, summary: clvSummary, columns: scoreClvColumns(model, clvSummary, customers.length, { ...clvOptions, seed: seeds.clv }) };
  });

  const scores: CustomerScores = {
    externalIds: customers.map((customer) => customer.externalId),
    segment: labels,
    segmentProbabilities: classifier.probabilities,
    responseProbability: response?.probabilities ?? new Float64Array(customers.length).fill(Number.NaN),
    ...(clv?.columns ?? emptyClvColumns(customers.length)),
    historicalClv: historicalClvColumn(customers, orders, snapshotDate, clvOptions.margin),
    responseNote: customers.map(() => null),
    clvSource: customers.map(() => null),
    clvNote: customers.map(() => null),
    pca: segmentation.plot.coordinates3d,
  };

  const { personas, reference } = await stage("personas", 0.95, () => {
    const table = featureTable(pipeline, customers, { summaries });
    const columns = [
      ...table.names.map((name) => ({ name, values: table.columns[name] })),
      { name: "clv", values: scores.clv },
      { name: "pAlive", values: scores.pAlive },
      { name: "responseRate", values: scores.responseProbability },
    ];
    return { personas: describeSegments(labels, columns, { k }), reference: referenceStats(driftColumns(pipeline, customers, summaries)) };
  });
  timings.total = Math.round(performance.now() - started);
  progress("done", 1);

  const { labels: _labels, plot, ...segmentationModel } = segmentation;
  const models: TrainedModels = {
    version: 1,
    seed: config.seed,
    snapshotDate: snapshotDate.toISOString(),
    features: pipeline,
    segmentation: { ...segmentationModel, plotPca: plot.pca },
    classifier: classifier.fit.model,
    response: response ? response.report.models[response.report.champion]! : null,
    clv: clv ? { model: clv.model, source: clv.summary.source, options: clvOptions } : null,
  };
  return {
    models,
    scores,
    personas,
    metrics: metricsOf(segmentation, classifier.fit, response?.report ?? null, clv),
    reference,
    skipped,
    timings: { ...timings, ...prefixed("segmentation.", segmentation.timings), ...prefixed("response.", response?.report.timings ?? {}) },
  };
}

/** Options objects spread their defaults first, so an explicit undefined would erase a default. */
function withoutUndefined<T extends object>(options: T): T {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) as T;
}

function emptyClvColumns(rows: number) {
  const empty = () => new Float64Array(rows).fill(Number.NaN);
  return { clv: empty(), clvLow: empty(), clvHigh: empty(), pAlive: empty(), expectedPurchases: empty() };
}

function prefixed(prefix: string, values: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(values).map(([key, value]) => [prefix + key, value]));
}

function metricsOf(
  segmentation: Awaited<ReturnType<typeof fitSegmentation>>,
  classifier: Awaited<ReturnType<typeof fitSegmentClassifier>>,
  response: ResponseReport | null,
  clv: { model: TrainedModels["clv"] extends infer C ? (C extends { model: infer M } ? M : never) : never; summary: { source: "orders" | "profiles"; excluded: number; notes: string[]; rowIndex: number[] } } | null,
): TrainMetrics {
  const chosen = segmentation.spaces.find((space) => space.space === segmentation.space)!;
  return {
    segmentation: {
      k: segmentation.k,
      space: segmentation.space,
      ...chosen.standardized,
      spaces: segmentation.spaces,
      curve: segmentation.curve,
      selection: segmentation.selection,
    },
    classifier: { heldOutAccuracy: classifier.heldOutAccuracy, epochs: classifier.epochs, rows: classifier.rows.train },
    response: response && {
      champion: response.champion,
      cv: response.cv,
      cvAuc: Object.fromEntries(Object.entries(response.cv).map(([kind, cv]) => [kind, cv!.meanAuc])),
      brier: response.calibration.brierAfter,
      metrics: response.metrics,
      calibration: response.calibration,
      threshold: response.threshold,
      importance: response.importance,
      notes: response.notes,
    },
    clv: clv && {
      source: clv.summary.source,
      bgnbd: { r: clv.model.bgnbd.r, alpha: clv.model.bgnbd.alpha, a: clv.model.bgnbd.a, b: clv.model.bgnbd.b, logLikelihood: clv.model.bgnbd.logLikelihood },
      gammaGamma: clv.model.gammaGamma && { p: clv.model.gammaGamma.p, q: clv.model.gammaGamma.q, gamma: clv.model.gammaGamma.gamma, n: clv.model.gammaGamma.customers },
      scored: clv.summary.rowIndex.filter((row) => row >= 0).length,
      excluded: clv.summary.excluded,
      notes: clv.summary.notes,
    },
  };
}
