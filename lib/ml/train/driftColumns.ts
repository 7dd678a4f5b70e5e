/** The columns drift is measured on: every unscaled feature the run segmented on, plus the raw categories. */
import type { CustomerRecord } from "@/lib/data/customer";
import type { DriftColumn } from "@/lib/ml/drift";
import { buildFeatureTable, type SummaryLookup } from "@/lib/ml/features";
import { buildOrderFeatureTable } from "@/lib/ml/features/orderBehaviour";
import type { TrainedModels } from "./types";
import type { OrderLines } from "@/lib/data/orderTable";

/** Unscaled numeric features by name: an order feature table, or the profile features' table. */
export interface NumericDriftTable {
  names: readonly string[];
  columns: Record<string, Float64Array>;
}

export function listDriftColumns(
  models: Pick<TrainedModels, "features" | "orderFeatures">,
  records: readonly CustomerRecord[],
  orders: OrderLines,
  summaries?: SummaryLookup,
  /** The numeric features of these records under these models, when the caller has them already (trainAll does). */
  numeric?: NumericDriftTable,
): DriftColumn[] {
  if (models.orderFeatures) {
    const table = numeric ?? buildOrderFeatureTable(models.orderFeatures, records, orders);
    return table.names.map((name) => ({ name, kind: "numeric" as const, values: table.columns[name] }));
  }
  const table = numeric ?? buildFeatureTable(models.features, records, { summaries });
  return [
    ...table.names.map((name) => ({ name, kind: "numeric" as const, values: table.columns[name] })),
    { name: "education", kind: "categorical", values: records.map((record) => record.education) },
    { name: "maritalStatus", kind: "categorical", values: records.map((record) => record.maritalStatus) },
  ];
}
