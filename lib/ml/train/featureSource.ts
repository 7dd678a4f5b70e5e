/**
 * What segmentation clusters on: the marketing profile's fields when most customers have them,
 * the order lines' behaviour (over the data's own categories and channels) when more customers
 * are known from orders; plus the custom attributes an analyst chose. Persona columns are the
 * same features, unscaled and missing where a customer's data did not have them, so a trait is
 * never an imputed median nor a winsorised value.
 */
import { PURCHASE_FIELDS, SPEND_FIELDS, type CustomerRecord } from "@/lib/data/customer";
import { buildFeatureTable, fitFeaturePipeline, SEGMENTATION_FEATURES, type FeaturePipeline, type SummaryLookup } from "@/lib/ml/features";
import { scaleFeatures, unscaleFeatures } from "@/lib/ml/features/pipeline";
import { splitFeatureColumns } from "@/lib/ml/features/table";
import { appendAttributes, fitAttributes, type AttributePipeline } from "@/lib/ml/features/attributes";
import { countCustomersWithOrders, fitOrderFeatures, scaleOrderFeatures, sumOrderLines, type OrderFeaturePipeline } from "@/lib/ml/features/orderBehaviour";
import type { NumericDriftTable } from "./driftColumns";
import type { FeatureColumn } from "@/lib/ml/personas";
import { InsufficientDataError } from "@/lib/ml/response";
import type { FeatureSource, TrainedModels } from "./types";
import type { OrderLines } from "@/lib/data/orderTable";

export const MIN_SEGMENT_CUSTOMERS = 30;

export interface SegmentationFeatures {
  source: FeatureSource;
  /** Always fitted: scoring and drift of profile runs read it. */
  pipeline: FeaturePipeline;
  orderPipeline: OrderFeaturePipeline | null;
  /** The unscaled features drift is measured on (listDriftColumns), kept from building the matrix so they are not built again. */
  driftTable(): NumericDriftTable;
  /** Custom attributes the analyst chose, appended to either source's matrix; null when none. */
  attributePipeline: AttributePipeline | null;
  /** Row-major customers × columns, scaled. */
  matrix: Float64Array;
  /** The rows to fit the segments on when some customers lack the source's data (their imputed rows would pull the centres); null: all. */
  fitRows: number[] | null;
  columns: number;
  personaColumns(): FeatureColumn[];
}

const hasProfileBehaviour = (record: CustomerRecord): boolean => [...SPEND_FIELDS, ...PURCHASE_FIELDS].some((field) => record[field] !== null);

export function buildSegmentationFeatures(
  customers: readonly CustomerRecord[],
  orders: OrderLines,
  snapshotDate: Date,
  seed: number,
  summaries: SummaryLookup | undefined,
  attributes: readonly string[] = [],
): SegmentationFeatures {
  return withAttributes(baseFeatures(customers, orders, snapshotDate, seed, summaries), customers, attributes);
}

function withAttributes(
  base: Omit<SegmentationFeatures, "attributePipeline">,
  customers: readonly CustomerRecord[],
  attributes: readonly string[],
): SegmentationFeatures {
  if (attributes.length === 0) return { ...base, attributePipeline: null };
  const { pipeline, table } = fitAttributes(customers, attributes);
  return {
    ...base,
    attributePipeline: pipeline,
    matrix: appendAttributes(base.matrix, base.columns, pipeline, table),
    columns: base.columns + pipeline.columns.length,
    personaColumns: () => [...base.personaColumns(), ...pipeline.columns.map((column, c) => ({ name: column.name, values: table[c] }))],
  };
}

function baseFeatures(
  customers: readonly CustomerRecord[],
  orders: OrderLines,
  snapshotDate: Date,
  seed: number,
  summaries: SummaryLookup | undefined,
): Omit<SegmentationFeatures, "attributePipeline"> {
  if (customers.length < MIN_SEGMENT_CUSTOMERS) {
    throw new InsufficientDataError("segmentation", `fewer than ${MIN_SEGMENT_CUSTOMERS} customers (${customers.length})`);
  }
  const profiled = customers.filter(hasProfileBehaviour).length;
  const totals = orders.length > 0 ? sumOrderLines(customers, orders, snapshotDate) : null;
  const ordered = totals ? countCustomersWithOrders(totals) : 0;
  if (profiled === 0 && ordered === 0) {
    throw new InsufficientDataError("segmentation", "no customer has spend, purchase counts or order lines to segment on");
  }
  const pipeline = fitFeaturePipeline(customers, { snapshotDate, seed, features: SEGMENTATION_FEATURES, summaries });
  if (totals && ordered > profiled) {
    const { pipeline: orderPipeline, table } = fitOrderFeatures(customers, orders, snapshotDate, totals);
    const buyers = [...table.hasOrders.keys()].filter((row) => table.hasOrders[row] === 1);
    return {
      source: "orders",
      pipeline,
      orderPipeline,
      driftTable: () => table,
      fitRows: buyers.length < customers.length ? buyers : null,
      matrix: scaleOrderFeatures(orderPipeline, table),
      columns: orderPipeline.features.length,
      personaColumns: () => table.names.map((name) => ({ name, values: table.columns[name] })),
    };
  }
  const unscaled = unscaleFeatures(pipeline, customers, summaries);
  const matrix = scaleFeatures(pipeline, unscaled);
  return {
    source: "profile",
    pipeline,
    orderPipeline: null,
    driftTable: () => splitFeatureColumns(unscaled.full),
    fitRows: null,
    matrix: matrix.matrix,
    columns: matrix.columns,
    personaColumns: () => {
      const table = buildFeatureTable(pipeline, customers, { summaries, observedOnly: true, winsorised: false });
      return table.names.map((name) => ({ name, values: table.columns[name] }));
    },
  };
}

/** The names of the columns a run clustered on, in order: two runs' centroids compare only when these agree. */
export function listSegmentationColumns(models: Pick<TrainedModels, "features" | "orderFeatures" | "attributeFeatures">): string[] {
  const base = models.orderFeatures ? models.orderFeatures.features : models.features.features;
  return [...base, ...(models.attributeFeatures?.columns.map((column) => column.name) ?? [])];
}
