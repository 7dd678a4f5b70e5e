/**
 * Scoring customers with a trained run's models, e.g. customers imported after the run or
 * sent to the scoring API: nearest-centroid segment with the classifier's probabilities,
 * response probability, CLV with P(alive) when a repeat-purchase summary can be built,
 * and the plot coordinates.
 */
import { createSegmentClassifier, type SegmentClassifier } from "@/lib/ml/assignment/model";
import { createIntervalTables, type IntervalTables } from "@/lib/ml/clv";
import { transformFeatures } from "@/lib/ml/features";
import { createResponsePredictor, type ResponsePredictor } from "@/lib/ml/response";
import { assignSegments } from "@/lib/ml/segmentation/assign";
import type { SegmentationModel } from "@/lib/ml/segmentation";
import type { DenseMatrix } from "@/lib/ml/segmentation/matrix";
import { transformPca, type PcaModel } from "@/lib/ml/segmentation/pca";
import { appendAttributes, buildAttributeTable } from "@/lib/ml/features/attributes";
import { buildOrderFeatureTable, scaleOrderFeatures } from "@/lib/ml/features/orderBehaviour";
import { assessResponseApplicability } from "@/lib/ml/response/applicability";
import { buildClvPlan, computeHistoricalClv, scoreClvPlan, indexSummariesByCustomer } from "./clvStage";
import type { CustomerScores, TrainData, TrainedModels } from "./types";
import { asOrderTable } from "@/lib/data/orderTable";

export interface ModelScorer {
  score(data: TrainData): CustomerScores;
}

/**
 * The run's networks built once and the CLV interval tables kept, for scoring many batches
 * (the scoring API): building them costs far more than scoring a few customers.
 */
export function createModelScorer(models: TrainedModels): ModelScorer {
  const kept = { ...createNetworks(models), tables: createIntervalTables() };
  return { score: (data) => scoreWith(data, models, kept) };
}

/** One-off scoring (a retrain scores its own customers once). */
export async function score(data: TrainData, models: TrainedModels): Promise<CustomerScores> {
  return scoreWith(data, models, createNetworks(models));
}

function createNetworks(models: TrainedModels) {
  return {
    classifier: models.classifier ? createSegmentClassifier(models.classifier) : null,
    response: models.response ? createResponsePredictor(models.response) : null,
  };
}

interface Loaded {
  classifier: SegmentClassifier | null;
  response: ResponsePredictor | null;
  tables?: IntervalTables;
}

function scoreWith(data: TrainData, models: TrainedModels, { classifier, response, tables }: Loaded): CustomerScores {
  const { customers } = data;
  // One table for every stage: each reads its columns, and would copy an array of records into a table of its own.
  const orders = asOrderTable(data.orders ?? []);
  const rows = customers.length;
  const snapshotDate = new Date(models.snapshotDate);
  const plan = buildClvPlan(customers, orders, snapshotDate);
  const summaries = indexSummariesByCustomer(plan);
  const base = models.orderFeatures
    ? {
        matrix: scaleOrderFeatures(models.orderFeatures, buildOrderFeatureTable(models.orderFeatures, customers, orders)),
        columns: models.orderFeatures.features.length,
      }
    : transformFeatures(models.features, customers, { summaries });
  const attributes = models.attributeFeatures;
  const matrix = attributes
    ? {
        matrix: appendAttributes(base.matrix, base.columns, attributes, buildAttributeTable(attributes.columns, customers)),
        columns: base.columns + attributes.columns.length,
      }
    : base;
  const dense = { data: matrix.matrix, rows, columns: matrix.columns };

  const nan = () => new Float64Array(rows).fill(Number.NaN);
  const clvColumns = models.clv
    ? scoreClvPlan({ model: models.clv.model, source: models.clv.source, profileModel: models.clv.profileModel ?? null }, plan, rows, {
        ...models.clv.options,
        seed: models.seed,
        tables,
      })
    : {
        clv: nan(),
        clvLow: nan(),
        clvHigh: nan(),
        pAlive: nan(),
        expectedPurchases: nan(),
        clvSource: new Array(rows).fill(null),
        clvNote: customers.map(() => "no CLV model in this run"),
        notes: [],
      };
  const placed = placeCustomers(models.segmentation, models.segmentation.plotPca, dense);
  const responseNote = models.response
    ? assessResponseApplicability(models.response.pipeline, customers, summaries)
    : customers.map(() => "no response model in this run");
  const responseProbability = response ? response.predict(customers, { summaries }) : nan();
  responseNote.forEach((note, i) => {
    if (note !== null) responseProbability[i] = Number.NaN;
  });

  return {
    externalIds: customers.map((customer) => customer.externalId),
    segment: placed.segment,
    segmentProbabilities: classifier ? classifier.predict(matrix.matrix) : null,
    responseProbability,
    clv: clvColumns.clv,
    clvLow: clvColumns.clvLow,
    clvHigh: clvColumns.clvHigh,
    pAlive: clvColumns.pAlive,
    expectedPurchases: clvColumns.expectedPurchases,
    historicalClv: computeHistoricalClv(customers, orders, snapshotDate, models.clv?.options.margin ?? 1),
    responseNote,
    clvSource: clvColumns.clvSource,
    clvNote: clvColumns.clvNote,
    pca: placed.pca,
  };
}

/** Each customer's segment (nearest centre) and place on the plot's first three components. */
export function placeCustomers(
  segmentation: Pick<SegmentationModel, "transform" | "centroids">,
  plotPca: PcaModel,
  dense: DenseMatrix,
): { segment: Int32Array; pca: Float64Array } {
  const projected = transformPca(plotPca, dense);
  return { segment: assignSegments(segmentation, dense), pca: widen(projected.data, projected.columns, dense.rows, 3) };
}

function widen(data: Float64Array, columns: number, rows: number, width: number): Float64Array {
  const out = new Float64Array(rows * width);
  const kept = Math.min(columns, width);
  for (let i = 0; i < rows; i++) for (let c = 0; c < kept; c++) out[i * width + c] = data[i * columns + c];
  return out;
}
