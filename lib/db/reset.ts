/**
 * A clean start: removes the business data — customers, order lines, import batches, model
 * runs with their artifacts, segments, scores and activations, retrain leases — in one
 * transaction, children before parents. Users, API tokens, settings and the audit log stay;
 * the removal is written to the audit log in the same transaction.
 */
import "server-only";
import { writeAudit } from "./audit";
import { BULK_TRANSACTION, db, type Prisma } from "./internal/client";
import { dropPartitions, serialiseImports } from "./internal/dialect";
import { countScoreRows } from "./scores/scoreTable";
import { holdOffRetrain } from "./lease";

/** Rows per table, in the order they are removed (children first). */
export interface BusinessDataCounts {
  customerScores: number;
  segmentProfiles: number;
  modelArtifacts: number;
  runActivations: number;
  modelRuns: number;
  orders: number;
  customers: number;
  importBatches: number;
  retrainLeases: number;
}

/** What each table holds, singular and plural, in the order people read them. */
export const BUSINESS_TABLE_LABELS: Record<keyof BusinessDataCounts, readonly [string, string]> = {
  customers: ["customer", "customers"],
  orders: ["order line", "order lines"],
  importBatches: ["import", "imports"],
  modelRuns: ["model run", "model runs"],
  modelArtifacts: ["model artifact", "model artifacts"],
  segmentProfiles: ["segment", "segments"],
  customerScores: ["customer score", "customer scores"],
  runActivations: ["run activation", "run activations"],
  retrainLeases: ["retrain lease", "retrain leases"],
};

export async function countBusinessData(client: Prisma.TransactionClient = db): Promise<BusinessDataCounts> {
  const [customerScores, segmentProfiles, modelArtifacts, runActivations, modelRuns, orders, customers, importBatches, retrainLeases] = await Promise.all([
    countScoreRows(client),
    client.segmentProfile.count(),
    client.modelArtifact.count(),
    client.runActivation.count(),
    client.modelRun.count(),
    client.order.count(),
    client.customer.count(),
    client.importBatch.count(),
    client.retrainLease.count(),
  ]);
  return { customerScores, segmentProfiles, modelArtifacts, runActivations, modelRuns, orders, customers, importBatches, retrainLeases };
}

/**
 * Removes the business data and returns the rows removed per table. Refused with
 * RetrainBusyError (nothing removed) while a retrain holds the lease. `userId` null with
 * `via: "cli"` for the command line.
 */
export async function deleteBusinessData(actor: { userId: string | null; via: "admin" | "cli" }): Promise<BusinessDataCounts> {
  return db.$transaction(async (tx) => {
    await holdOffRetrain(tx);
    // An import in flight finishes first (PostgreSQL; SQLite has one writer anyway).
    await serialiseImports(tx);
    const customerScores = await countScoreRows(tx);
    // Each run's scores are a table of their own (a partition on PostgreSQL), dropped whole.
    await dropPartitions(tx, "CustomerScore");
    await tx.customerScore.deleteMany();
    const counts: BusinessDataCounts = {
      customerScores,
      segmentProfiles: (await tx.segmentProfile.deleteMany()).count,
      modelArtifacts: (await tx.modelArtifact.deleteMany()).count,
      runActivations: (await tx.runActivation.deleteMany()).count,
      modelRuns: (await tx.modelRun.deleteMany()).count,
      orders: (await tx.order.deleteMany()).count,
      customers: (await tx.customer.deleteMany()).count,
      importBatches: (await tx.importBatch.deleteMany()).count,
      retrainLeases: (await tx.retrainLease.deleteMany()).count,
    };
    const details = { via: actor.via, ...counts } satisfies Prisma.InputJsonValue;
    await writeAudit(tx, { userId: actor.userId, action: "data.reset", target: "business-data", details });
    return counts;
  }, BULK_TRANSACTION);
}
