/** The columns drift is measured on: every unscaled feature the run segmented on, plus the raw categories. */
import type { CustomerRecord, OrderRecord } from "@/lib/data/customer";
import type { DriftColumn } from "@/lib/ml/drift";
import { featureTable, type SummaryLookup } from "@/lib/ml/features";
import { orderFeatureTable } from "@/lib/ml/features/orderBehaviour";
import type { TrainedModels } from "./types";

export function driftColumns(
  models: Pick<TrainedModels, "features" | "orderFeatures">,
  records: readonly CustomerRecord[],
  orders: readonly OrderRecord[],
  summaries?: SummaryLookup,
): DriftColumn[] {
  if (models.orderFeatures) {
    const table = orderFeatureTable(models.orderFeatures, records, orders);
    return table.names.map((name) => ({ name, kind: "numeric" as const, values: table.columns[name] }));
  }
  const table = featureTable(models.features, records, { summaries });
  return [
    ...table.names.map((name) => ({ name, kind: "numeric" as const, values: table.columns[name] })),
    { name: "education", kind: "categorical", values: records.map((record) => record.education) },
    { name: "maritalStatus", kind: "categorical", values: records.map((record) => record.maritalStatus) },
  ];
}
