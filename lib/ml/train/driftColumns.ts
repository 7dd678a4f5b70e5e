/** The columns drift is measured on: every unscaled feature, plus the raw categories. */
import type { CustomerRecord } from "@/lib/data/customer";
import type { DriftColumn } from "@/lib/ml/drift";
import { featureTable, type FeaturePipeline, type SummaryLookup } from "@/lib/ml/features";

export function driftColumns(pipeline: FeaturePipeline, records: readonly CustomerRecord[], summaries?: SummaryLookup): DriftColumn[] {
  const table = featureTable(pipeline, records, { summaries });
  return [
    ...table.names.map((name) => ({ name, kind: "numeric" as const, values: table.columns[name] })),
    { name: "education", kind: "categorical", values: records.map((record) => record.education) },
    { name: "maritalStatus", kind: "categorical", values: records.map((record) => record.maritalStatus) },
  ];
}
