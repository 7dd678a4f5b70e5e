/** The columns drift is measured on: every unscaled feature the run segmented on, plus the raw categories. */
import type { CustomerRecord, OrderRecord } from "@/lib/data/customer";
import type { DriftColumn } from "@/lib/ml/drift";
import { buildFeatureTable, type SummaryLookup } from "@/lib/ml/features";
import { buildOrderFeatureTable, type OrderFeatureTable } from "@/lib/ml/features/orderBehaviour";
import type { TrainedModels } from "./types";

export function listDriftColumns(
  models: Pick<TrainedModels, "features" | "orderFeatures">,
  records: readonly CustomerRecord[],
  orders: readonly OrderRecord[],
  summaries?: SummaryLookup,
  /** The order features of these records under models.orderFeatures, when the caller has them already (trainAll does). */
  orderTable?: OrderFeatureTable | null,
): DriftColumn[] {
  if (models.orderFeatures) {
    const table = orderTable ?? buildOrderFeatureTable(models.orderFeatures, records, orders);
    return table.names.map((name) => ({ name, kind: "numeric" as const, values: table.columns[name] }));
  }
  const table = buildFeatureTable(models.features, records, { summaries });
  return [
    ...table.names.map((name) => ({ name, kind: "numeric" as const, values: table.columns[name] })),
    { name: "education", kind: "categorical", values: records.map((record) => record.education) },
    { name: "maritalStatus", kind: "categorical", values: records.map((record) => record.maritalStatus) },
  ];
}
