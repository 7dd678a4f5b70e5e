/**
 * One training run over a customer snapshot: features → segmentation → segment classifier →
 * response models → CLV → personas, with per-customer scores, metrics, drift reference
 * statistics and per-stage timings. Models the data cannot support are skipped with the reason.
 */
import { asOrderTable } from "@/lib/data/orderTable";
import { fitSegmentClassifier } from "@/lib/ml/assignment/classifier";
import { predictSegmentProbabilities } from "@/lib/ml/assignment/model";
import { tuneSegmentClassifier } from "@/lib/ml/assignment/tuner";
import { computeReferenceStats } from "@/lib/ml/drift";
import type { SummaryLookup } from "@/lib/ml/features";
import { describeSegments } from "@/lib/ml/personas";
import { fitResponseModels, InsufficientDataError, predictResponse, type ResponseReport } from "@/lib/ml/response";
import { fitSegmentation, SPACE_NAMES } from "@/lib/ml/segmentation";
import { selectRows } from "@/lib/ml/segmentation/matrix";
import { findSmallestShare } from "@/lib/ml/segmentation/chooseK";
import { createRng } from "@/lib/ml/random";
import { assessResponseApplicability } from "@/lib/ml/response/applicability";
import {
  buildClvPlan,
  measureClvCoverage,
  DEFAULT_CLV_OPTIONS,
  fitClvModels,
  computeHistoricalClv,
  scoreClvPlan,
  indexSummariesByCustomer,
  type ClvColumns,
  type ClvPlan,
  type FittedClv,
} from "./clvStage";
import { backtestClv } from "./clvBacktest";
import { listDriftColumns } from "./driftColumns";
import { buildSegmentationFeatures } from "./featureSource";
import { placeCustomers } from "./score";
import { inferSnapshotDate } from "./snapshot";
import type { ClvBacktestOutcome, CustomerScores, FeatureSource, TrainConfig, TrainData, TrainedModels, TrainMetrics, TrainResult } from "./types";

/** Segments from fewer customers than this come with a warning (featureSource.ts refuses under 30). */
export const FRAGILE_BELOW = 300;
/** An autoencoder fitted on fewer customers learns little but noise; its space is then left out. */
const MIN_AUTOENCODER_CUSTOMERS = 500;
/** The segment classifier needs enough customers per segment to hold some out. */
const MIN_CLASSIFIER_CUSTOMERS = 200;

export async function trainAll(data: TrainData, config: TrainConfig): Promise<TrainResult> {
  const { customers } = data;
  // One table for every stage: each reads its columns, and would copy an array of records into a table of its own.
  const orders = asOrderTable(data.orders ?? []);
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
  const clvPlan = await stage("summaries", 0.02, () => buildClvPlan(customers, orders, snapshotDate));
  const summaries: SummaryLookup | undefined = indexSummariesByCustomer(clvPlan);

  const features = await stage("features", 0.05, () =>
    buildSegmentationFeatures(customers, orders, snapshotDate, config.seed, summaries, config.attributeFeatures),
  );
  const warnings: string[] = [];
  if (customers.length < FRAGILE_BELOW) {
    warnings.push(
      `Segments from ${customers.length} customers are fragile: a few customers more or less can change them. They become dependable from a few hundred.`,
    );
  }

  const dense = { data: features.matrix, rows: customers.length, columns: features.columns };
  const fitRows = features.fitRows?.length ?? customers.length;
  let spaces = config.spaces;
  if (spaces === undefined && fitRows < MIN_AUTOENCODER_CUSTOMERS) {
    spaces = SPACE_NAMES.filter((space) => space !== "autoencoder");
    skipped.push({
      model: "autoencoder space",
      reason: `fewer than ${MIN_AUTOENCODER_CUSTOMERS} customers (${fitRows}) to learn an embedding from: segments come from the standardized and PCA spaces`,
    });
  }
  const segmentation = await stage("segmentation", 0.1, () =>
    fitSegmentation(
      features.fitRows ? selectRows(dense, features.fitRows) : dense,
      withoutUndefined({ seed: seeds.segmentation, kMin: config.kMin, kMax: config.kMax, minShare: config.minShare, fixedK: config.fixedK, spaces }),
    ),
  );
  const { k } = segmentation;
  // Fitted on some rows only: everyone is placed by the nearest centre, as new customers are.
  const placed = features.fitRows
    ? placeCustomers(segmentation, segmentation.plot.pca, dense)
    : { segment: segmentation.labels, pca: segmentation.plot.coordinates3d };
  const labels = placed.segment;
  if (features.fitRows) {
    const without = customers.length - features.fitRows.length;
    warnings.push(
      `Segments were fitted on the ${features.fitRows.length} customers with a purchase in the order lines; ${without === 1 ? "1 customer without one is" : `${without} customers without one are`} placed by the nearest segment centre.`,
    );
  }

  const classifier = await stage("classifier", 0.45, async () => {
    if (customers.length < MIN_CLASSIFIER_CUSTOMERS) {
      skipped.push({
        model: "classifier",
        reason: `fewer than ${MIN_CLASSIFIER_CUSTOMERS} customers (${customers.length}): new customers are assigned to the nearest segment centre`,
      });
      return null;
    }
    const hyperParameters = config.tuneClassifier ? (await tuneSegmentClassifier(features.matrix, labels, k, { seed: seeds.classifier })).best : undefined;
    const fit = await fitSegmentClassifier(features.matrix, labels, k, { seed: seeds.classifier, hyperParameters });
    return { fit, probabilities: predictSegmentProbabilities(fit.model, features.matrix) };
  });

  const response = await stage("response", 0.55, async () => {
    try {
      const report = await fitResponseModels(
        customers,
        withoutUndefined({
          snapshotDate,
          seed: seeds.response,
          folds: config.folds,
          summaries,
          costPerContact: config.costPerContact,
          revenuePerResponse: config.revenuePerResponse,
        }),
      );
      return { report, ...applicableResponse(report, customers, summaries) };
    } catch (error) {
      if (!(error instanceof InsufficientDataError)) throw error;
      skipped.push({ model: "response", reason: error.reason });
      return null;
    }
  });

  const clv = await stage("clv", 0.85, () => {
    const fitted = fitClvModels(clvPlan, seeds.clv);
    if ("skipped" in fitted) {
      skipped.push({ model: "clv", reason: fitted.skipped });
      return null;
    }
    try {
      return { fitted, columns: scoreClvPlan(fitted, clvPlan, customers.length, { ...clvOptions, seed: seeds.clv }) };
    } catch (error) {
      // A fit whose parameters the scoring formulas cannot evaluate costs the run its CLV, not its segments.
      if (!(error instanceof RangeError)) throw error;
      skipped.push({ model: "clv", reason: `the fitted model cannot be scored (${error.message})` });
      return null;
    }
  });
  // One more fit, on the order history before the hold-out; only when the run has a CLV model to check.
  const checkedClv = clv && {
    ...clv,
    plan: clvPlan,
    backtest: await stage("clvBacktest", 0.9, () =>
      backtestClv(orders, snapshotDate, withoutUndefined({ holdoutWeeks: config.clv?.holdoutWeeks, seed: seeds.clv })),
    ),
  };
  const clvColumns = clv?.columns ?? emptyClvColumns(customers.length, clvPlan.notes, skipped.find((entry) => entry.model === "clv")?.reason);
  const responseReason = skipped.find((entry) => entry.model === "response")?.reason;

  const scores: CustomerScores = {
    externalIds: customers.map((customer) => customer.externalId),
    segment: labels,
    segmentProbabilities: classifier?.probabilities ?? null,
    responseProbability: response?.probabilities ?? new Float64Array(customers.length).fill(Number.NaN),
    clv: clvColumns.clv,
    clvLow: clvColumns.clvLow,
    clvHigh: clvColumns.clvHigh,
    pAlive: clvColumns.pAlive,
    expectedPurchases: clvColumns.expectedPurchases,
    historicalClv: computeHistoricalClv(customers, orders, snapshotDate, clvOptions.margin),
    responseNote: response?.notes ?? customers.map(() => `no response model in this run: ${responseReason}`),
    clvSource: clvColumns.clvSource,
    clvNote: clvColumns.clvNote,
    pca: placed.pca,
  };

  const { personas, driftColumns, reference } = await stage("personas", 0.95, () => {
    const columns = [
      ...features.personaColumns(),
      { name: "clv", values: scores.clv },
      { name: "pAlive", values: scores.pAlive },
      { name: "responseRate", values: scores.responseProbability },
    ];
    const driftColumns = listDriftColumns(
      { features: features.pipeline, orderFeatures: features.orderPipeline },
      customers,
      orders,
      summaries,
      features.driftTable(),
    );
    return { personas: describeSegments(labels, columns, { k }), driftColumns, reference: computeReferenceStats(driftColumns) };
  });
  timings.total = Math.round(performance.now() - started);
  progress("done", 1);

  const { labels: _labels, plot, ...segmentationModel } = segmentation;
  const models: TrainedModels = {
    version: 1,
    seed: config.seed,
    snapshotDate: snapshotDate.toISOString(),
    features: features.pipeline,
    orderFeatures: features.orderPipeline,
    attributeFeatures: features.attributePipeline,
    segmentation: { ...segmentationModel, plotPca: plot.pca },
    classifier: classifier?.fit.model ?? null,
    response: response ? response.report.models[response.report.champion]! : null,
    clv: clv ? { model: clv.fitted.model, source: clv.fitted.source, profileModel: clv.fitted.profileModel, options: clvOptions } : null,
  };
  return {
    models,
    scores,
    personas,
    metrics: collectMetrics(
      segmentation,
      { source: features.source, warnings, minShare: findSmallestShare(labels, k), customers: customers.length },
      classifier?.fit ?? null,
      response?.report ?? null,
      checkedClv,
    ),
    reference,
    driftColumns,
    skipped,
    timings: { ...timings, ...prefixed("segmentation.", segmentation.timings), ...prefixed("response.", response?.report.timings ?? {}) },
  };
}

/** Probabilities only for customers the model may score (see applicability.ts); NaN and the reason for the rest. */
function applicableResponse(report: ResponseReport, customers: TrainData["customers"], summaries: SummaryLookup | undefined) {
  const probabilities = predictResponse(report, customers, { summaries });
  const notes = assessResponseApplicability(report.models[report.champion]!.pipeline, customers, summaries);
  notes.forEach((note, i) => {
    if (note !== null) probabilities[i] = Number.NaN;
  });
  return { probabilities, notes };
}

/** Options objects spread their defaults first, so an explicit undefined would erase a default. */
function withoutUndefined<T extends object>(options: T): T {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) as T;
}

function emptyClvColumns(rows: number, notes: readonly (string | null)[], reason = "no CLV model in this run"): ClvColumns {
  const empty = () => new Float64Array(rows).fill(Number.NaN);
  return {
    clv: empty(),
    clvLow: empty(),
    clvHigh: empty(),
    pAlive: empty(),
    expectedPurchases: empty(),
    clvSource: new Array(rows).fill(null),
    clvNote: notes.map((note) => note ?? `no CLV model in this run: ${reason}`),
    notes: [],
  };
}

function prefixed(prefix: string, values: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(values).map(([key, value]) => [prefix + key, value]));
}

function collectMetrics(
  segmentation: Awaited<ReturnType<typeof fitSegmentation>>,
  /** `minShare`: the smallest segment's share of all customers, those placed by the nearest centre included. */
  basis: { source: FeatureSource; warnings: string[]; minShare: number; customers: number },
  classifier: Awaited<ReturnType<typeof fitSegmentClassifier>> | null,
  response: ResponseReport | null,
  clv: { fitted: FittedClv; columns: ClvColumns; plan: ClvPlan; backtest: ClvBacktestOutcome } | null,
): TrainMetrics {
  const chosen = segmentation.spaces.find((space) => space.space === segmentation.space)!;
  const coverage = clv ? measureClvCoverage(clv.columns) : null;
  return {
    segmentation: {
      k: segmentation.k,
      space: segmentation.space,
      source: basis.source,
      warnings: basis.warnings,
      ...chosen.standardized,
      stability: segmentation.curve.find((point) => point.k === segmentation.k)?.stability,
      minShare: basis.minShare,
      kChoice: segmentation.kChoice,
      spaces: segmentation.spaces,
      curve: segmentation.curve,
      selection: segmentation.selection,
    },
    classifier: classifier && {
      heldOutAccuracy: classifier.heldOutAccuracy,
      epochs: classifier.epochs,
      rows: classifier.rows.train,
      validationRows: classifier.rows.validation,
      testRows: classifier.rows.test,
      customers: basis.customers,
    },
    response: response && {
      champion: response.champion,
      sample: response.sample,
      cv: response.cv,
      cvAuc: Object.fromEntries(Object.entries(response.cv).map(([kind, cv]) => [kind, cv!.meanAuc])),
      brier: response.calibration.brierAfter,
      metrics: response.metrics,
      calibration: response.calibration,
      threshold: response.threshold,
      importance: response.importance,
      notes: response.notes,
    },
    clv: clv &&
      coverage && {
        source: clv.fitted.source,
        bgnbd: {
          r: clv.fitted.model.bgnbd.r,
          alpha: clv.fitted.model.bgnbd.alpha,
          a: clv.fitted.model.bgnbd.a,
          b: clv.fitted.model.bgnbd.b,
          logLikelihood: clv.fitted.model.bgnbd.logLikelihood,
        },
        gammaGamma: clv.fitted.model.gammaGamma && {
          p: clv.fitted.model.gammaGamma.p,
          q: clv.fitted.model.gammaGamma.q,
          gamma: clv.fitted.model.gammaGamma.gamma,
          n: clv.fitted.model.gammaGamma.customers,
        },
        scored: coverage.orders + coverage.profiles,
        excluded: coverage.none,
        notes: [...(clv.plan.orders?.notes ?? []), ...(clv.plan.profiles?.notes ?? []), ...clv.fitted.notes, ...clv.columns.notes],
        coverage,
        backtest: clv.backtest,
      },
  };
}
